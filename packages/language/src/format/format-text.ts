import { URI } from 'langium';
import type { Document } from '../generated/ast.js';
import type { OpsbookServices } from '../opsbook-module.js';
import { canonicalLayout, layoutToText, LayoutError } from './canonical-layout.js';
import { OpsbookFormatter } from './opsbook-formatter.js';

export interface FormatProblem {
    /** 1-based. */
    line: number;
    /** 1-based, in UTF-16 code units like the other diagnostics. */
    column: number;
    message: string;
}

export type FormatResult = { ok: true; text: string; changed: boolean } | { ok: false; problem: FormatProblem };

const formatters = new WeakMap<object, OpsbookFormatter>();

/**
 * The canonical layout of `text` (what `opsbook fmt` writes), or the first syntax error: a file that
 * does not parse is never reformatted. Parsing only, no linking: formatting needs no other file.
 */
export async function formatText(services: OpsbookServices, text: string, uri: string): Promise<FormatResult> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.parse(uri));
    const { lexerErrors, parserErrors } = document.parseResult;
    if (lexerErrors.length > 0 || parserErrors.length > 0) {
        const diagnostics = await services.validation.DocumentValidator.validateDocument(document, { categories: ['built-in'] });
        const first = diagnostics.find(d => d.severity === 1) ?? diagnostics[0];
        const problem: FormatProblem = first
            ? { line: first.range.start.line + 1, column: first.range.start.character + 1, message: typeof first.message === 'string' ? first.message : first.message.value }
            : { line: 1, column: 1, message: 'the file does not parse' };
        return { ok: false, problem };
    }
    let formatter = formatters.get(services);
    if (!formatter) {
        formatter = new OpsbookFormatter(services);
        formatters.set(services, formatter);
    }
    try {
        const formatted = layoutToText(canonicalLayout(document.parseResult.value, text, formatter.propertyStarts));
        return { ok: true, text: formatted, changed: formatted !== text };
    } catch (error) {
        if (error instanceof LayoutError) return { ok: false, problem: { line: 1, column: 1, message: `cannot be formatted safely: ${error.message}` } };
        throw error;
    }
}
