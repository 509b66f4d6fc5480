import type { AstNode, GrammarAST, LangiumDocument } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
import type { DocumentFormattingParams, DocumentRangeFormattingParams, Range, TextEdit } from 'vscode-languageserver';
import type { Document } from '../generated/ast.js';
import { OpsbookGrammar } from '../generated/grammar.js';
import { type CanonicalLayout, canonicalLayout, LayoutError, propertyStartElements } from '../format/canonical-layout.js';

/**
 * The Opsbook formatter, usable as Langium's `lsp.Formatter` service (its constructor takes the
 * services or nothing) and by `opsbook fmt` through `formatText`.
 *
 * Langium's region-based formatting (`format(node)` with prepend/append actions) leaves comments
 * where the author put them but cannot re-indent or align them, and its result depends on the input
 * whitespace, so it is not idempotent for every input. This formatter instead computes the whole
 * canonical layout from the tokens (see canonical-layout.ts) and returns one edit per whitespace gap
 * that differs from it: the same edits an LSP client expects, with tokens and comments never touched.
 */
export class OpsbookFormatter extends AbstractFormatter {
    /** Per element rule, the grammar elements that begin a property (see canonical-layout.ts). */
    readonly propertyStarts: Map<string, Set<GrammarAST.AbstractElement>>;

    constructor(services?: { Grammar: GrammarAST.Grammar }) {
        super();
        this.propertyStarts = propertyStartElements(services?.Grammar ?? OpsbookGrammar());
    }

    /** Unused: the layout is computed as a whole in `canonicalEdits`. */
    protected override format(_node: AstNode): void {}

    override formatDocument(document: LangiumDocument, _params: DocumentFormattingParams): TextEdit[] {
        return this.canonicalEdits(document);
    }

    override formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        const { start, end } = params.range;
        return this.canonicalEdits(document).filter(edit => within(edit.range, start.line, end.line));
    }

    /** The edits that turn the document into its canonical layout; none when it has syntax errors. */
    canonicalEdits(document: LangiumDocument): TextEdit[] {
        const { lexerErrors, parserErrors } = document.parseResult;
        if (lexerErrors.length > 0 || parserErrors.length > 0) return [];
        const text = document.textDocument.getText();
        let layout: CanonicalLayout;
        try {
            layout = canonicalLayout(document.parseResult.value as Document, text, this.propertyStarts);
        } catch (error) {
            if (error instanceof LayoutError) return [];
            throw error;
        }
        const edits: TextEdit[] = [];
        const { tokens, separators } = layout;
        for (let i = 0; i <= tokens.length; i++) {
            const from = i === 0 ? 0 : (tokens[i - 1]?.end ?? 0);
            const to = i < tokens.length ? (tokens[i]?.offset ?? text.length) : text.length;
            const separator = separators[i] ?? '';
            if (text.substring(from, to) !== separator) {
                edits.push({
                    range: { start: document.textDocument.positionAt(from), end: document.textDocument.positionAt(to) },
                    newText: separator
                });
            }
        }
        return edits;
    }
}

function within(range: Range, firstLine: number, lastLine: number): boolean {
    return range.start.line >= firstLine && range.end.line <= lastLine;
}
