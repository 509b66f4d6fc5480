import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver';
import type { LspText } from '../../i18n/editor-text.js';
import { isRuleId } from '../../validation/rule-catalog.js';
import { suppressionComments } from '../../validation/suppression.js';
import type { Locale } from '../../values/format.js';
import { lspText } from '../lsp-text.js';
import { quickFix } from './reference-fixes.js';

/**
 * `unused-suppression`: delete what the validator computed (`data.removal`): the comment's whole line
 * when it is alone there, just the comment after code, or only the unused name when the comment names
 * other rules that are still used (validation/suppression.ts).
 */
export function removeSuppressionFix(document: LangiumDocument, diagnostic: Diagnostic, locale: Locale): CodeAction | undefined {
    const data = diagnostic.data as { rule?: unknown; removal?: Range; removesComment?: unknown } | undefined;
    if (!data?.removal || typeof data.rule !== 'string') return undefined;
    const t = lspText(locale);
    const title = data.removesComment ? t.removeSuppressionComment : t.removeSuppressionName(data.rule);
    return quickFix(title, diagnostic, document, [{ range: data.removal, newText: '' }], true);
}

/**
 * "Suppress RULE on this line" on a diagnostic of any rule a comment can silence (SPEC §5), as ESLint
 * offers `eslint-disable-next-line`: `// opsbook-ignore RULE` on a new line above the diagnostic's first
 * line, indented like it, or RULE added to the names of an `// opsbook-ignore` comment already there
 * (before its `-- reason`). Not for a syntax error (the line does not parse), nor for
 * `unused-suppression`, whose fix removes the comment. The language has no file-wide suppression, so
 * there is no "for the file" variant.
 */
export function suppressRuleFix(document: LangiumDocument, diagnostic: Diagnostic, rule: string, t: LspText): CodeAction | undefined {
    if (!isRuleId(rule) || rule === 'syntax-error' || rule === 'unused-suppression') return undefined;
    const line = diagnostic.range.start.line;
    const text = document.textDocument.getText();
    const existing = suppressionComments(document.parseResult.value.$cstNode, text, offset =>
        document.textDocument.positionAt(offset)
    ).find(comment => comment.target === line && comment.names.length > 0);
    let edit: TextEdit;
    if (existing) {
        const last = existing.names[existing.names.length - 1] as { range: Range };
        edit = { range: { start: last.range.end, end: last.range.end }, newText: ` ${rule}` };
    } else {
        const start = document.textDocument.offsetAt({ line, character: 0 });
        const indent = /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        edit = {
            range: { start: { line, character: 0 }, end: { line, character: 0 } },
            newText: `${indent}// opsbook-ignore ${rule}${eol}`
        };
    }
    return quickFix(t.suppressRule(rule), diagnostic, document, [edit], false);
}
