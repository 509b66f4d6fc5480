import type { IRecognitionException, IToken } from 'chevrotain';
import type { AsyncParser, AstNode, CstNode, LangiumCoreServices, LangiumParser, Lexer, LexerResult, ParseResult } from 'langium';
import { AstUtils, Cancellation } from 'langium';
import { OpsbookLexer } from './opsbook-lexer.js';
import { yieldToRequests } from '../util/yield-to-requests.js';

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

    async parse<T extends AstNode>(
        text: string,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None
    ): Promise<ParseResult<T>> {
        // Nobody can cancel the build, or the text is small: one go (the CLI, tests, small files).
        if (text.length < CHUNKED_PARSE_THRESHOLD || cancelToken === Cancellation.CancellationToken.None) return this.parser.parse<T>(text);
        const steps = parseInSlices(this.parser, this.lexer, text, SLICE_TOKENS);
        for (let step = steps.next(); ; step = steps.next()) {
            if (step.done) return step.value as ParseResult<T>;
            // Throws OperationCancelled when the next edit has cancelled this build.
            await yieldToRequests(cancelToken);
        }
    }
}

export type RootNode = Omit<CstNode, 'astNode'> & { content: CstNode[]; astNode: AstNode };

/** The parts of Langium's parser (langium-parser.ts) that a parse in slices (and incremental-parse.ts) drives itself. */
export interface ParserInternals {
    readonly nodeBuilder: {
        rootNode: RootNode;
        nodeStack: CstNode[];
        buildRootNode(text: string): RootNode;
        addHiddenNodes(tokens: IToken[]): void;
    };
    readonly wrapper: { input: IToken[]; errors: unknown[] };
    readonly mainRule: unknown;
    readonly unorderedGroups: Map<string, boolean[]>;
    lexerResult: LexerResult | undefined;
    doParse(rule: unknown): AstNode & { elements?: AstNode[] };
}

/**
 * Parses `text` as `parser.parse(text)` would, one slice of whole top-level elements at a time; the
 * generator yields between slices (the caller may stop there). The text is lexed once (in pieces, with a
 * yield between them), cut after each `}` that closes a top-level element's block, and each slice is
 * parsed by the entry rule into the same root CST node, with the comments before its tokens, as the
 * one-shot parse would at that point. The root AST node is the first slice's, with the elements of the
 * others appended.
 *
 * Why that is the one-shot parse: at a cut where the one-shot parse starts an element, its parser is
 * where a fresh parse starts (in the entry rule's loop, nothing pending), so what follows parses the
 * same, provided nothing before the cut looked past it. A slice without a syntax error ends with its
 * last element's `}` and looked no further. A slice with an error may have (chevrotain's recovery
 * deletes a token by looking at the next one, and skips tokens up to one that can follow): it is parsed
 * again together with the next slice(s), with the real tokens after the cut, and what precedes the last
 * cut at which that parse starts an element (after the `}` it consumed) is kept; the rest is parsed
 * again from there. Up to the last slice, which is the one-shot parse of the rest of the text (the
 * parse again takes 1, 2, 4, … more slices, so an error that never recovers costs a few parses of the rest).
 * tests/grammar/chunked-parser.test.ts compares the two, with and without syntax errors.
 */
export function* parseInSlices(
    parser: LangiumParser,
    lexer: Lexer,
    text: string,
    sliceTokens: number,
    lexChars = LEX_CHARS
): Generator<void, ParseResult> {
    const lexed = lexer instanceof OpsbookLexer ? yield* lexer.tokenizeInSteps(text, lexChars) : lexer.tokenize(text);
    yield;
    const tokens = lexed.tokens;
    const cuts = sliceEnds(tokens, sliceTokens);
    if (cuts.length < 2) return parser.parse(text);
    const internals = parser as unknown as ParserInternals;
    const root = internals.nodeBuilder.buildRootNode(text);
    const errors: IRecognitionException[] = [];
    let document: (AstNode & { elements?: AstNode[] }) | undefined;
    let hiddenStart = 0;
    /** The comments consumed with the tokens before `end`: those before its last token (all the rest at the end). */
    const hiddenUpTo = (end: number): number => {
        if (end >= tokens.length) return lexed.hidden.length;
        const before = (tokens[end - 1] as IToken).startOffset;
        let index = hiddenStart;
        while (index < lexed.hidden.length && (lexed.hidden[index] as IToken).startOffset < before) index++;
        return index;
    };
    let slice = 0;
    while (slice < cuts.length) {
        if (slice > 0) yield;
        const start = slice === 0 ? 0 : (cuts[slice - 1] as number);
        let kept: { result: AstNode & { elements?: AstNode[] }; next: number; errors: IRecognitionException[] } | undefined;
        // The slice alone, then with 1, 2, 4, … more (an error that never recovers costs a few parses of the rest, not one per slice).
        for (let last = slice, span = 0; !kept; span = span === 0 ? 1 : span * 2, last = Math.min(cuts.length - 1, slice + span)) {
            const end = cuts[last] as number;
            const atEnd = last === cuts.length - 1;
            // Another parse may have run since the last slice: the parser's state is set again for each.
            const mark = root.content.length;
            internals.nodeBuilder.rootNode = root;
            internals.nodeBuilder.nodeStack = [root];
            const input = tokens.slice(start, end);
            internals.lexerResult = { tokens: input, hidden: lexed.hidden.slice(hiddenStart, hiddenUpTo(end)), errors: [] };
            internals.wrapper.input = input;
            const result = internals.doParse(internals.mainRule);
            internals.nodeBuilder.addHiddenNodes(internals.lexerResult.hidden);
            internals.unorderedGroups.clear();
            internals.lexerResult = undefined;
            const parseErrors = internals.wrapper.errors as IRecognitionException[];
            if (parseErrors.length === 0 && last === slice) kept = { result, next: last + 1, errors: [] };
            else if (atEnd) kept = { result, next: cuts.length, errors: [...parseErrors] };
            else {
                // The last cut inside this parse at which it starts an element right after a consumed `}`.
                for (let cut = last - 1; cut >= slice && !kept; cut--) {
                    const at = cuts[cut] as number;
                    const index = elementStartingAt(root, mark, tokens[at - 1] as IToken, tokens[at] as IToken);
                    if (index < 0) continue;
                    const offset = (tokens[at] as IToken).startOffset;
                    // Comments after the `}` go with the next element, which is parsed again.
                    let keep = index;
                    while (keep > mark && (root.content[keep - 1] as CstNode).offset > (tokens[at - 1] as IToken).startOffset) keep--;
                    root.content.length = keep;
                    const elements = (result.elements ?? []).filter(element => (element.$cstNode?.offset ?? offset) < offset);
                    if (result.elements) result.elements = elements;
                    kept = { result, next: cut + 1, errors: parseErrors.filter(error => error.token.startOffset < offset) };
                }
                // No such cut yet: parse again, further.
                if (!kept) root.content.length = mark;
            }
        }
        const { result, next } = kept;
        // The nodes below each element are linked to their containers as they are built (opsbook-parser.ts
        // `construct`); the elements themselves are linked to the document once, below.
        if (!document) document = result;
        else if (result.elements) (document.elements ??= []).push(...result.elements);
        errors.push(...kept.errors);
        hiddenStart = hiddenUpTo(cuts[next - 1] as number);
        slice = next;
    }
    if (!document) return parser.parse(text);
    root.astNode = document;
    AstUtils.linkContentToContainer(document);
    return { value: document, lexerErrors: lexed.errors, lexerReport: lexed.report, parserErrors: errors } as ParseResult;
}

/**
 * The index in the root's content (from `from`) of the element whose first token is `first`, if the
 * element before it ends with `close` (the `}` before the cut, consumed, not skipped by recovery); else -1.
 */
function elementStartingAt(root: RootNode, from: number, close: IToken, first: IToken): number {
    for (let index = from; index < root.content.length; index++) {
        const node = root.content[index] as CstNode;
        if (node.hidden || node.offset < first.startOffset) continue;
        if (node.offset > first.startOffset) return -1;
        let previous = index - 1;
        while (previous >= from && (root.content[previous] as CstNode).hidden) previous--;
        if (previous < from) return -1;
        const before = root.content[previous] as CstNode;
        return before.end === close.startOffset + close.image.length && lastLeafOffset(before) === close.startOffset ? index : -1;
    }
    return -1;
}

function lastLeafOffset(node: CstNode): number {
    let current: CstNode = node;
    while ('content' in current) {
        const content = (current as CstNode & { content: CstNode[] }).content;
        if (content.length === 0) return -1;
        current = content[content.length - 1] as CstNode;
    }
    return current.offset;
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
