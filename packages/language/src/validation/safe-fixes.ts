// `opsbook check --fix`: the quick fixes safe without a person (rules/rule.ts SAFE_QUICK_FIXES), as
// text edits on one built document. The editor offers the same fixes (lsp/code-actions) among others.
import * as path from 'pathe';
import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { OpsbookCoreServices } from '../core-services.js';
import type { Document, Import } from '../generated/ast.js';
import { ruleDefinition, type RuleId, RULE_DEFINITIONS } from '../rules/index.js';
import { type QuickFixId, SAFE_QUICK_FIXES } from '../rules/rule.js';

export { type QuickFixId, SAFE_QUICK_FIXES };

export interface SafeFixResult {
    /** The document's text with the fixes applied (unchanged when `fixed` is 0). */
    text: string;
    /** How many diagnostics the edits fix. */
    fixed: number;
    /**
     * Whether fixes were left out because their edits overlap ones taken in this pass: fix the text,
     * build it again and ask again (as ESLint does, at most a few passes).
     */
    more: boolean;
}

const RULE_IDS = new Set<string>(RULE_DEFINITIONS.map(rule => rule.id));

/** The safe fixes of the document's own diagnostics, applied to its text. */
export function applySafeFixes(services: OpsbookCoreServices, document: LangiumDocument<Document>): SafeFixResult {
    const edits: TextEdit[] = [];
    let fixed = 0;
    let more = false;
    const imports = new Set<string>();
    for (const diagnostic of document.diagnostics ?? []) {
        const code = typeof diagnostic.code === 'string' ? diagnostic.code : (diagnostic.data as { code?: string } | undefined)?.code;
        if (!code || !RULE_IDS.has(code)) continue;
        const fixes = (ruleDefinition(code as RuleId).fixes as readonly QuickFixId[]).filter(fix => SAFE_QUICK_FIXES.includes(fix));
        for (const fix of fixes) {
            const edit =
                fix === 'remove-suppression'
                    ? suppressionRemoval(diagnostic)
                    : fix === 'add-import'
                      ? importAddition(services, document, diagnostic, imports)
                      : undefined;
            if (edit === undefined) continue;
            if (edit !== 'done') {
                if (edits.some(other => overlaps(other.range, edit.range) && !sameEdit(other, edit))) {
                    more = true;
                    continue;
                }
                if (!edits.some(other => sameEdit(other, edit))) edits.push(edit);
            }
            fixed++;
            break;
        }
    }
    const text = document.textDocument.getText();
    if (fixed === 0) return { text, fixed, more: false };
    return { text: TextDocument.applyEdits(TextDocument.create(document.uri.toString(), 'opsbook', 0, text), edits), fixed, more };
}

/** `unused-suppression`: delete what the validator computed (the name, or the whole comment). */
function suppressionRemoval(diagnostic: Diagnostic): TextEdit | undefined {
    const removal = (diagnostic.data as { removal?: Range } | undefined)?.removal;
    return removal ? { range: removal, newText: '' } : undefined;
}

/**
 * `unresolved-reference`: `import "file.ops"` when exactly one file of the workspace, not yet imported,
 * declares the name with a type that fits. `done` when an import of that file is already being added.
 */
function importAddition(
    services: OpsbookCoreServices,
    document: LangiumDocument<Document>,
    diagnostic: Diagnostic,
    added: Set<string>
): TextEdit | 'done' | undefined {
    const data = (diagnostic.data ?? {}) as { refText?: string; referenceType?: string };
    const name = data.refText ?? document.textDocument.getText(diagnostic.range);
    if (!name || !data.referenceType) return undefined;
    const reflection = services.shared.AstReflection;
    const visible = new Set([
        document.uri.toString(),
        ...services.references.ImportResolver.importedDocuments(document).map(d => d.uri.toString())
    ]);
    const files = new Set<string>();
    for (const description of services.shared.workspace.IndexManager.allElements()) {
        if (description.name !== name || !reflection.isSubtype(description.type, data.referenceType)) continue;
        const target = description.documentUri;
        if (visible.has(target.toString()) || target.scheme !== document.uri.scheme) continue;
        files.add(path.relative(path.dirname(document.uri.path), target.path));
    }
    if (files.size !== 1) return undefined;
    const [relative] = files as unknown as [string];
    if (added.has(relative)) return 'done';
    added.add(relative);
    return importEdit(document, relative);
}

/** `import "path"` after the file's last import, or before its first element (as the editor's quick fix). */
export function importEdit(document: LangiumDocument<Document>, relative: string): TextEdit {
    const elements = document.parseResult.value.elements ?? [];
    const lastImport = elements.filter((element): element is Import => element.$type === 'Import').at(-1)?.$cstNode;
    const line = lastImport ? lastImport.range.end.line + 1 : (elements[0]?.$cstNode?.range.start.line ?? 0);
    if (line >= document.textDocument.lineCount) {
        const end = document.textDocument.positionAt(document.textDocument.getText().length);
        return { range: { start: end, end }, newText: `\nimport "${relative}"\n` };
    }
    const position = { line, character: 0 };
    return { range: { start: position, end: position }, newText: `import "${relative}"\n${lastImport ? '' : '\n'}` };
}

function before(a: Range['start'], b: Range['start']): boolean {
    return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: Range, b: Range): boolean {
    return before(a.start, b.end) && before(b.start, a.end);
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
    return (
        a.newText === b.newText &&
        a.range.start.line === b.range.start.line &&
        a.range.start.character === b.range.start.character &&
        a.range.end.line === b.range.end.line &&
        a.range.end.character === b.range.end.character
    );
}
