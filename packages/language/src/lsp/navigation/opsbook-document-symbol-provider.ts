import type { AstNode, LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { DocumentSymbolProvider, NodeKindProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import type { Document } from '../../generated/ast.js';
import type { OpsbookServices } from '../opsbook-services.js';
import type { Locale } from '../../values/format.js';
import { describeElementType } from '../../i18n/words.js';
import { uiLocale } from '../analysis-access.js';

/** The outline's groups, in the order a playbook is read (SPEC §3), with their English headings (Chinese: the element word). */
const GROUPS: readonly { type: string; heading: string }[] = [
    { type: 'Import', heading: 'Imports' },
    { type: 'Playbook', heading: 'Playbook' },
    { type: 'Strategy', heading: 'Strategies' },
    { type: 'Metric', heading: 'Metrics' },
    { type: 'Funnel', heading: 'Funnels' },
    { type: 'Goal', heading: 'Goals' },
    { type: 'Channel', heading: 'Channels' },
    { type: 'Campaign', heading: 'Campaigns' },
    { type: 'Workstream', heading: 'Workstreams' },
    { type: 'Person', heading: 'People' },
    { type: 'Team', heading: 'Teams' },
    { type: 'Assessment', heading: 'Assessments' },
    { type: 'Forecast', heading: 'Forecasts' },
    { type: 'Monitor', heading: 'Monitors' },
    { type: 'Review', heading: 'Reviews' }
];

/** Document symbols grouped by kind (Goals, Channels, People, ...) for the outline and breadcrumbs. */
export class OpsbookDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly kinds: NodeKindProvider;

    constructor(private readonly services: OpsbookServices) {
        this.kinds = services.shared.lsp.NodeKindProvider;
    }

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const elements = (document.parseResult.value as Document).elements ?? [];
        const locale: Locale = uiLocale(this.services, document);
        const groups: DocumentSymbol[] = [];
        for (const group of GROUPS) {
            const children = elements
                .filter(element => element.$type === group.type)
                .map(element => this.symbolOf(element))
                .filter(isSymbol);
            const first = children[0];
            const last = children.at(-1);
            if (!first || !last) continue;
            groups.push({
                name: locale === 'zh-CN' ? describeElementType(group.type, false, locale) : group.heading,
                detail: String(children.length),
                kind: this.kinds.getSymbolKind({ $type: group.type } as AstNode),
                range: { start: first.range.start, end: last.range.end },
                selectionRange: first.selectionRange,
                children
            });
        }
        return groups;
    }

    private symbolOf(element: AstNode): DocumentSymbol | undefined {
        const cst = element.$cstNode;
        if (!cst) return undefined;
        const { label, nameNode } = symbolName(element);
        const detail = (element as { title?: string }).title;
        const symbol: DocumentSymbol = {
            name: label || element.$type.toLowerCase(),
            kind: this.kinds.getSymbolKind(element),
            range: cst.range,
            selectionRange: nameNode?.range ?? cst.range
        };
        if (detail) symbol.detail = detail;
        return symbol;
    }
}

/** An element's name, or what it is keyed by (`assessment bob`, `monitor signups`, an import's path). */
function symbolName(element: AstNode): { label: string; nameNode: ReturnType<typeof GrammarUtils.findNodeForProperty> } {
    for (const property of ['name', 'person', 'metric', 'path']) {
        const value = (element as unknown as Record<string, unknown>)[property];
        const text = typeof value === 'string' ? value : (value as { $refText?: string } | undefined)?.$refText;
        if (text) return { label: text, nameNode: GrammarUtils.findNodeForProperty(element.$cstNode, property) };
    }
    return { label: '', nameNode: undefined };
}

function isSymbol(symbol: DocumentSymbol | undefined): symbol is DocumentSymbol {
    return symbol !== undefined;
}
