import * as path from 'pathe';
import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { Document } from '../../generated/ast.js';
import type { OpsbookServices } from '../opsbook-services.js';
import type { OpsbookScopeProvider } from '../../scope/opsbook-scope-provider.js';
import { describeElementType } from '../../i18n/words.js';
import { isIsoCurrency } from '../../values/currency.js';
import { precedingTokens } from '../completion/preceding-tokens.js';
import type { LspText } from '../lsp-text.js';
import { importEdit } from '../../validation/safe-fixes.js';
import { appendAtEnd, insertAfterLast } from './edit-places.js';

/** What `data` of an `unresolved-reference` diagnostic carries (validation/opsbook-document-validator.ts). */
interface UnresolvedData {
    refText?: string;
    suggestion?: string;
    referenceType?: string;
}

/** The element a missing name may be declared as, per reference type (`KpiSubject` becomes a goal). */
const CREATABLE: Record<string, string> = {
    Person: 'Person',
    Metric: 'Metric',
    Goal: 'Goal',
    KpiSubject: 'Goal',
    Channel: 'Channel',
    Strategy: 'Strategy',
    Team: 'Team'
};

/** Element types that usually live in a shared, imported file (team.ops): created there when one exists. */
const SHARED_TYPES = new Set(['Person', 'Team', 'Metric']);

/**
 * Quick fixes for `unresolved-reference`: use the suggested name; import the file that declares the
 * name (found through the index of exported symbols); declare the missing element.
 */
export class ReferenceFixes {
    constructor(private readonly services: OpsbookServices) {}

    fixes(document: LangiumDocument<Document>, diagnostic: Diagnostic, t: LspText): CodeAction[] {
        const data = (diagnostic.data ?? {}) as UnresolvedData;
        const name = data.refText ?? document.textDocument.getText(diagnostic.range);
        const actions: CodeAction[] = [];
        if (data.suggestion) {
            actions.push(
                quickFix(
                    t.replaceWith(data.suggestion),
                    diagnostic,
                    document,
                    [{ range: diagnostic.range, newText: data.suggestion }],
                    true
                )
            );
        }
        const type = data.referenceType;
        if (!type || !name) return actions;
        actions.push(...this.importFixes(document, diagnostic, name, type, t));
        const scopes = this.services.references.ScopeProvider as OpsbookScopeProvider;
        if (!scopes.lookupAnyType(document, name)) {
            const create = this.createFix(document, diagnostic, name, type, t);
            if (create) actions.push(create);
        }
        return actions;
    }

    private importFixes(document: LangiumDocument<Document>, diagnostic: Diagnostic, name: string, type: string, t: LspText): CodeAction[] {
        const reflection = this.services.shared.AstReflection;
        const here = document.uri.toString();
        const visible = new Set([here, ...this.services.references.ImportResolver.importedDocuments(document).map(d => d.uri.toString())]);
        const files = new Set<string>();
        const actions: CodeAction[] = [];
        for (const description of this.services.shared.workspace.IndexManager.allElements()) {
            if (description.name !== name || !reflection.isSubtype(description.type, type)) continue;
            const target = description.documentUri;
            if (visible.has(target.toString()) || target.scheme !== document.uri.scheme) continue;
            const relative = path.relative(path.dirname(document.uri.path), target.path);
            if (files.has(relative)) continue;
            files.add(relative);
            actions.push(quickFix(t.importFrom(name, relative), diagnostic, document, [importEdit(document, relative)], false));
        }
        return actions.sort((a, b) => a.title.localeCompare(b.title));
    }

    private createFix(
        document: LangiumDocument<Document>,
        diagnostic: Diagnostic,
        name: string,
        referenceType: string,
        t: LspText
    ): CodeAction | undefined {
        const type = CREATABLE[referenceType];
        if (!type || !/^\^?[_\p{L}][\p{L}\p{N}_]*$/u.test(name)) return undefined;
        const declaration =
            type === 'Metric' ? `metric ${name} ${this.metricKindAt(document, diagnostic)}` : `${type.toLowerCase()} ${name}`;
        const home = SHARED_TYPES.has(type) ? this.sharedFileDeclaring(document, type) : undefined;
        const target = home ?? document;
        const edit = home ? appendAtEnd(target, declaration) : insertAfterLast(target, type, declaration);
        const file = home ? path.basename(home.uri.path) : undefined;
        return {
            title: t.create(describeElementType(type, false, this.services.config.ConfigProvider.messageLocale(document.uri)), name, file),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [target.uri.toString()]: [edit] } }
        };
    }

    /** The first imported file that already declares elements of `type` (where the team's people live). */
    private sharedFileDeclaring(document: LangiumDocument<Document>, type: string): LangiumDocument<Document> | undefined {
        return this.services.references.ImportResolver.importedDocuments(document).find(imported =>
            (imported.parseResult.value.elements ?? []).some(element => element.$type === type)
        );
    }

    /** The kind a new metric needs to fit where it is used: `35% x` percent, `300k CNY x` money, else count. */
    private metricKindAt(document: LangiumDocument, diagnostic: Diagnostic): string {
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        const [last, previous] = precedingTokens(this.services.parser.Lexer, document.textDocument.getText(), offset);
        if (last?.type === 'PERCENT') return 'percent';
        if (last?.type === 'ID' && previous?.type === 'NUMBER' && isIsoCurrency(last.text)) return 'money';
        return 'count';
    }
}

export function quickFix(
    title: string,
    diagnostic: Diagnostic,
    document: LangiumDocument,
    edits: TextEdit[],
    preferred: boolean
): CodeAction {
    const action: CodeAction = {
        title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [document.uri.toString()]: edits } }
    };
    if (preferred) action.isPreferred = true;
    return action;
}
