import type { IToken } from 'chevrotain';
import type { AsyncParser, AstNode, CstNode, LangiumCoreServices, LangiumParser, Lexer, LexerResult, ParseResult } from 'langium';
import { AstUtils, Cancellation, interruptAndCheck } from 'langium';
import { OpsbookLexer } from './opsbook-lexer.js';

/**
 * Documents at least this long (in UTF-16 units) are parsed in slices by the editor (below: one call).
 * A 256 kB playbook parses in ≈50 ms; the 5 MB one of the probe in ≈0.9 s, one block without slices.
 */
export const CHUNKED_PARSE_THRESHOLD = 256 * 1024;

/** About this many characters lexed between two yields (≈10 ms). */
export const LEX_CHARS = 256 * 1024;

/** About this many tokens per slice: a few milliseconds of parsing. */
export const SLICE_TOKENS = 4000;

/**
 * The parser the language server's document builder calls (Langium's `AsyncParser`). A large document
 * is parsed in slices of whole top-level elements with a chance for other requests, and for the next
 * edit to cancel the build, between slices; the result is the one-shot parse's (see `parseInSlices`).
 * The CLI and every other caller keep the one-shot parse (`LangiumParser.parse`).
 */
export class OpsbookAsyncParser implements AsyncParser {
    private readonly parser: LangiumParser;
    private readonly lexer: Lexer;

    constructor(services: LangiumCoreServices) {
        this.parser = services.parser.LangiumParser;
        this.lexer = services.parser.Lexer;
    }

    async parse<T extends AstNode>(text: string, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<ParseResult<T>> {
        if (text.length < CHUNKED_PARSE_THRESHOLD) return this.parser.parse<T>(text);
        const steps = parseInSlices(this.parser, this.lexer, text, SLICE_TOKENS);
        for (let step = steps.next(); ; step = steps.next()) {
            if (step.done) return step.value as ParseResult<T>;
            // Throws OperationCancelled when the next edit has cancelled this build.
            await interruptAndCheck(cancelToken);
        }
    }
}

type RootNode = Omit<CstNode, 'astNode'> & { content: CstNode[]; astNode: AstNode };

/** The parts of Langium's parser (langium-parser.ts) that a parse in slices drives itself. */
interface ParserInternals {
    readonly nodeBuilder: { rootNode: RootNode; nodeStack: CstNode[]; buildRootNode(text: string): RootNode; addHiddenNodes(tokens: IToken[]): void };
    readonly wrapper: { input: IToken[]; errors: unknown[] };
    readonly mainRule: unknown;
    readonly unorderedGroups: Map<string, boolean[]>;
    lexerResult: LexerResult | undefined;
    doParse(rule: unknown): AstNode & { elements?: AstNode[] };
}

/**
 * Parses `text` as `parser.parse(text)` would, one slice of whole top-level elements at a time; the
 * generator yields between slices (the caller may stop there). The text is lexed once (in pieces, with a
 * yield between them), cut after each
 * `}` that closes a top-level element's block (every rule with a block ends with it, so the next token
 * starts the next element), and each slice is parsed by the entry rule into the same root CST node,
 * with the comments before its tokens, as the one-shot parse would at that point. The root AST node is
 * the first slice's, with the elements of the others appended.
 *
 * Only a parse without syntax errors is the same in slices (chevrotain's recovery can cross a cut): at
 * the first slice with a parser error this returns the one-shot parse of the whole text instead.
 * tests/grammar/chunked-parser.test.ts compares the two.
 */
export function* parseInSlices(parser: LangiumParser, lexer: Lexer, text: string, sliceTokens: number, lexChars = LEX_CHARS): Generator<void, ParseResult> {
    const lexed = lexer instanceof OpsbookLexer ? yield* lexer.tokenizeInSteps(text, lexChars) : lexer.tokenize(text);
    yield;
    const cuts = sliceEnds(lexed.tokens, sliceTokens);
    if (cuts.length < 2) return parser.parse(text);
    const internals = parser as unknown as ParserInternals;
    const root = internals.nodeBuilder.buildRootNode(text);
    let document: (AstNode & { elements?: AstNode[] }) | undefined;
    let hiddenStart = 0;
    let start = 0;
    for (let i = 0; i < cuts.length; i++) {
        if (i > 0) yield;
        const end = cuts[i] as number;
        const last = i === cuts.length - 1;
        // The comments consumed with this slice's tokens: those before its last token (all the rest for the last).
        let hiddenEnd = hiddenStart;
        if (last) hiddenEnd = lexed.hidden.length;
        else {
            const before = (lexed.tokens[end - 1] as IToken).startOffset;
            while (hiddenEnd < lexed.hidden.length && (lexed.hidden[hiddenEnd] as IToken).startOffset < before) hiddenEnd++;
        }
        // Another parse may have run since the last slice: the parser's state is set again for each.
        internals.nodeBuilder.rootNode = root;
        internals.nodeBuilder.nodeStack = [root];
        const tokens = lexed.tokens.slice(start, end);
        internals.lexerResult = { tokens, hidden: lexed.hidden.slice(hiddenStart, hiddenEnd), errors: [] };
        internals.wrapper.input = tokens;
        const result = internals.doParse(internals.mainRule);
        internals.nodeBuilder.addHiddenNodes(internals.lexerResult.hidden);
        internals.unorderedGroups.clear();
        internals.lexerResult = undefined;
        if (internals.wrapper.errors.length > 0) return parser.parse(text);
        AstUtils.linkContentToContainer(result, { deep: true });
        if (!document) document = result;
        else if (result.elements) (document.elements ??= []).push(...result.elements);
        start = end;
        hiddenStart = hiddenEnd;
    }
    if (!document) return parser.parse(text);
    root.astNode = document;
    AstUtils.linkContentToContainer(document);
    return { value: document, lexerErrors: lexed.errors, lexerReport: lexed.report, parserErrors: [] } as ParseResult;
}

/**
 * Where the slices end (token indexes, exclusive): after a `}` that brings the brace depth back to
 * zero, once the slice has at least `sliceTokens` tokens; the last slice ends at the last token.
 */
function sliceEnds(tokens: IToken[], sliceTokens: number): number[] {
    const ends: number[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < tokens.length; i++) {
        const name = (tokens[i] as IToken).tokenType.name;
        if (name === '{') depth++;
        else if (name === '}') {
            depth = Math.max(0, depth - 1);
            if (depth === 0 && i + 1 - start >= sliceTokens && i + 1 < tokens.length) {
                ends.push(i + 1);
                start = i + 1;
            }
        }
    }
    if (tokens.length > 0) ends.push(tokens.length);
    return ends;
}
