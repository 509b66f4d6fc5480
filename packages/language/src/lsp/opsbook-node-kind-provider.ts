import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

/** How each element shows in the outline, workspace symbols and completion lists. */
const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Playbook: SymbolKind.Module,
    Strategy: SymbolKind.Namespace,
    Metric: SymbolKind.Property,
    Funnel: SymbolKind.Array,
    Goal: SymbolKind.Class,
    Channel: SymbolKind.Interface,
    Campaign: SymbolKind.Event,
    Workstream: SymbolKind.Struct,
    Person: SymbolKind.Variable,
    Team: SymbolKind.Package,
    Assessment: SymbolKind.Object,
    Forecast: SymbolKind.Constant,
    Monitor: SymbolKind.Field,
    Review: SymbolKind.Function,
    Import: SymbolKind.File
};

const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Playbook: CompletionItemKind.Module,
    Strategy: CompletionItemKind.Module,
    Metric: CompletionItemKind.Property,
    Funnel: CompletionItemKind.Value,
    Goal: CompletionItemKind.Class,
    Channel: CompletionItemKind.Interface,
    Campaign: CompletionItemKind.Event,
    Workstream: CompletionItemKind.Struct,
    Person: CompletionItemKind.Variable,
    Team: CompletionItemKind.Folder,
    Forecast: CompletionItemKind.Constant,
    Review: CompletionItemKind.Function
};

export class OpsbookNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
