import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver';
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
