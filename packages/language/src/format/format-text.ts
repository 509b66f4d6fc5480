import { URI } from 'langium';
import type { Document } from '../generated/ast.js';
import type { OpsbookCoreServices } from '../core-services.js';
import { canonicalLayout, layoutToText, LayoutError, propertyStartElements } from './canonical-layout.js';

export interface FormatProblem {
    /** 1-based. */
    line: number;
    /** 1-based, in UTF-16 code units like the other diagnostics. */
    column: number;
    message: string;
}

export type FormatResult = { ok: true; text: string; changed: boolean } | { ok: false; problem: FormatProblem };

/** Per set of services, the grammar elements that begin a property (see canonical-layout.ts). */
const propertyStartsOf = new WeakMap<object, ReturnType<typeof propertyStartElements>>();

/**
 * The canonical layout of `text` (what `opsbook fmt` writes), or the first syntax error: a file that
 * does not parse is never reformatted. Parsing only, no linking: formatting needs no other file.
 */
export async function formatText(services: OpsbookCoreServices, text: string, uri: string): Promise<FormatResult> {
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Document>(text, URI.parse(uri));
    const { lexerErrors, parserErrors } = document.parseResult;
    if (lexerErrors.length > 0 || parserErrors.length > 0) {
        const diagnostics = await services.validation.DocumentValidator.validateDocument(document, { categories: ['built-in'] });
        const first = diagnostics.find(d => d.severity === 1) ?? diagnostics[0];
        const problem: FormatProblem = first
            ? {
                  line: first.range.start.line + 1,
                  column: first.range.start.character + 1,
                  message: typeof first.message === 'string' ? first.message : first.message.value
              }
            : { line: 1, column: 1, message: 'the file does not parse' };
        return { ok: false, problem };
    }
    let propertyStarts = propertyStartsOf.get(services);
    if (!propertyStarts) {
        propertyStarts = propertyStartElements(services.Grammar);
        propertyStartsOf.set(services, propertyStarts);
    }
    try {
        const formatted = layoutToText(canonicalLayout(document.parseResult.value, text, propertyStarts));
        return { ok: true, text: formatted, changed: formatted !== text };
    } catch (error) {
        if (error instanceof LayoutError)
            return { ok: false, problem: { line: 1, column: 1, message: `cannot be formatted safely: ${error.message}` } };
        throw error;
    }
}
