import type { IRecognitionException, IToken } from 'chevrotain';
import type { AstNode, CstNode, LangiumParser, Lexer, ParseResult } from 'langium';
import { AstUtils } from 'langium';
import { CHUNKED_PARSE_THRESHOLD, type ParserInternals, type RootNode } from './chunked-parser.js';
import { OpsbookLexer } from './opsbook-lexer.js';
import { type LeafMove, TokenLeaf } from './token-leaf.js';
import { allAstNodes, forEachReference } from '../util/ast-walk.js';

/** How often the editor's re-parse after an edit took the incremental path, how often it parsed the whole text, and why. */
export const incrementalParseCounts = { incremental: 0, full: 0, why: {} as Record<string, number> };

/** Whether a parse has no lexing or parsing error (only such a parse is a base for the incremental re-parse). */
export function isCleanParse(result: ParseResult<AstNode>): boolean {
    return result.lexerErrors.length === 0 && result.parserErrors.length === 0 && (result.lexerReport?.diagnostics.length ?? 0) === 0;
}

/**
 * The editor's re-parses of its documents (OpsbookDocumentFactory): each from the document's current parse
 * or, while that has a syntax error (typing goes through them: `owner ` before the name), from the last parse
 * without one, which the parses of the whole text since then left untouched (they make new trees). So the
 * keystroke that fixes the error is re-parsed incrementally too. A document keeps at most one such tree,
 * only while its text has an error; its references are unlinked again when it is taken back (a reader may have
 * resolved one since Langium unlinked them).
 */
export class EditReparser {
    private readonly cleanParses = new WeakMap<object, ParseResult<AstNode>>();
    /** Owners whose last re-parse went to the whole text because the region was too large (an edit inside one huge element). */
    private readonly largeRegions = new WeakSet<object>();

    constructor(
        private readonly parser: LangiumParser,
        private readonly lexer: Lexer
    ) {}

    /** The parse of `text` for `owner` (whose current parse is `previous`), or undefined: parse the whole text, then call `parsedWhole`. */
    reparse(owner: object, previous: ParseResult<AstNode>, text: string): ParseResult<AstNode> | undefined {
        const base = isCleanParse(previous) ? previous : this.cleanParses.get(owner);
        if (!base) return undefined;
        if (base !== previous && base.value.$cstNode?.root.fullText === text) {
            // Back to the text of the last parse without an error (the error undone): that parse, untouched since.
            this.cleanParses.delete(owner);
            incrementalParseCounts.incremental++;
            // A reader of that tree may have resolved one of its references since Langium unlinked them.
            unlinkAll(base.value);
            return base;
        }
        const spoiledBefore = incrementalParseCounts.why.spoiled ?? 0;
        const largeBefore = incrementalParseCounts.why['large-region'] ?? 0;
        const result = reparseIncrementally(this.parser, this.lexer, base, text);
        if (result || (incrementalParseCounts.why.spoiled ?? 0) !== spoiledBefore) this.cleanParses.delete(owner);
        if ((incrementalParseCounts.why['large-region'] ?? 0) !== largeBefore) this.largeRegions.add(owner);
        else this.largeRegions.delete(owner);
        return result;
    }

    /**
     * Whether the next edit of `owner` (current parse `previous`) is likely re-parsed incrementally: there is
     * a parse without an error to start from, and the last edit was not inside an element too large for it.
     */
    likelyIncremental(owner: object, previous: ParseResult<AstNode>): boolean {
        return !this.largeRegions.has(owner) && (isCleanParse(previous) || this.cleanParses.has(owner));
    }

    /** After the whole text was parsed into `result`: keeps the last parse without an error while `result` has one. */
    parsedWhole(owner: object, previous: ParseResult<AstNode>, result: ParseResult<AstNode>): void {
        if (isCleanParse(result)) this.cleanParses.delete(owner);
        else if (isCleanParse(previous) && previous !== result) this.cleanParses.set(owner, previous);
    }
}

type DocumentNode = AstNode & { elements?: AstNode[] };
type Composite = CstNode & { content: CstNode[]; _rangeCache?: unknown };

/**
 * The editor's re-parse after an edit (OpsbookDocumentFactory), when it can be done by parsing only the
 * top-level elements the edit touched: the parse of the whole new text, or undefined (then the caller
 * parses the whole text). Used only by the language server; the CLI parses each file once.
 *
 * The old and new texts are compared (common prefix and suffix); the top-level elements of the old tree
 * that hold the change (and the whitespace and comments between them) are the region. The region of the
 * new text is lexed and parsed alone by the entry rule, its tokens moved to where they are in the whole
 * text, and the new root is the old elements before the region, the region's elements, and the old
 * elements after it, whose tokens are moved by the edit's length and lines in place.
 *
 * Why that is the one-shot parse of the new text (the reasoning of chunked-parser.ts, `parseInSlices`):
 * the entry rule is a loop of elements and every element starts with its own keyword. The old parse had
 * no error; the element before the region ends with the `}` closing its block (else it joins the region),
 * so the one-shot parse of the new text reaches the region's first token with nothing pending, in the
 * entry rule's loop — where the region's own parse starts — having looked at nothing of the region but
 * its first token, which chooses the next element in both. The region parses without an error and ends
 * with a `}` closing its last element (or the region reaches the last element): after it the one-shot
 * parse is again in the loop with nothing pending, and the unchanged tokens after it parse as they did
 * in the old parse. The lexer sees the same tokens: the region starts and ends on token boundaries
 * (a whitespace or `}` before it, a whitespace, `}` or the end after it) and no token spans a boundary.
 * Comments go where the one-shot parse puts them: those between elements at the top level, in order.
 *
 * Anything else parses the whole text: an old parse with lexing or parsing errors, a new region with
 * one, a change before the first element or after the last one, a region without tokens at its very
 * start and end, a large region (the chunked parse stays cancellable), a token that a TokenLeaf cannot
 * hold after the move. tests/lsp/incremental-parse.test.ts compares the two on random edits.
 */
export function reparseIncrementally(
    parser: LangiumParser,
    lexer: Lexer,
    previous: ParseResult<AstNode>,
    text: string
): ParseResult<AstNode> | undefined {
    let result: ParseResult<AstNode> | string;
    moving = false;
    try {
        result = reparse(parser, lexer, previous, text);
    } catch {
        // The whole text is parsed again from scratch: it reads nothing of the old tree (spoiled if its tokens were being moved).
        result = moving ? 'spoiled' : 'exception';
    }
    if (typeof result !== 'string') {
        incrementalParseCounts.incremental++;
        return result;
    }
    incrementalParseCounts.full++;
    incrementalParseCounts.why[result] = (incrementalParseCounts.why[result] ?? 0) + 1;
    return undefined;
}

/** Set once the old tree's tokens start moving (an exception after that spoils the old tree as a base). */
let moving = false;

function reparse(parser: LangiumParser, lexer: Lexer, previous: ParseResult<AstNode>, text: string): ParseResult<AstNode> | string {
    if (!(lexer instanceof OpsbookLexer) || !lexer.usesFastPath) return 'lexer';
    if (!isCleanParse(previous)) return 'old-errors';
    const oldDocument = previous.value as DocumentNode;
    const oldRoot = oldDocument.$cstNode as Composite | undefined;
    if (!oldRoot || oldRoot.container !== undefined) return 'no-root';
    const oldText = (oldRoot as unknown as { fullText: string }).fullText;
    if (oldText === text) return 'same-text';
    const oldElements = oldDocument.elements ?? [];

    // The top-level elements, in the root's content (between them only comments, which are hidden).
    const elementIndexes: number[] = [];
    for (let index = 0; index < oldRoot.content.length; index++) {
        const node = oldRoot.content[index] as CstNode;
        if (node.hidden) continue;
        if (!('content' in node) || node.astNode !== oldElements[elementIndexes.length]) return 'old-shape';
        elementIndexes.push(index);
    }
    const count = elementIndexes.length;
    if (count === 0 || count !== oldElements.length) return 'old-shape';
    const element = (i: number) => oldRoot.content[elementIndexes[i] as number] as Composite;

    // What changed: [changeStart, oldChangeEnd) of the old text became [changeStart, newChangeEnd).
    const shorter = Math.min(oldText.length, text.length);
    let changeStart = 0;
    while (changeStart < shorter && oldText.charCodeAt(changeStart) === text.charCodeAt(changeStart)) changeStart++;
    let tail = 0;
    while (tail < shorter - changeStart && oldText.charCodeAt(oldText.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail))
        tail++;
    const oldChangeEnd = oldText.length - tail;

    // The elements holding the change: the last one starting at or before it, to the first one ending at or after it.
    let first = -1;
    for (let i = count - 1; i >= 0; i--) {
        if (element(i).offset <= changeStart) {
            first = i;
            break;
        }
    }
    let last = -1;
    for (let i = Math.max(first, 0); i < count; i++) {
        if (element(i).end >= oldChangeEnd) {
            last = i;
            break;
        }
    }
    if (first < 0 || last < first) return 'outside-elements';
    // An element not closed by `}` may take the next tokens (a title, a block): it goes with its neighbour.
    while (first > 0 && !endsWithBrace(element(first - 1))) first--;
    while (last < count - 1 && !endsWithBrace(element(last))) last++;

    const start = element(first).offset;
    const oldEnd = element(last).end;
    const end = oldEnd + text.length - oldText.length;
    if (end - start >= CHUNKED_PARSE_THRESHOLD) return 'large-region';
    if (start > 0 && !isBoundary(text.charCodeAt(start - 1))) return 'start-boundary';
    // A slice of this version's text; the tokens' images are copies (fast-lexer.ts `detached`), so the
    // region's names and comments do not keep this version alive after the next edits.
    const regionText = text.slice(start, end);
    const lexed = lexer.tokenize(regionText);
    if (lexed.errors.length > 0 || (lexed.report?.diagnostics.length ?? 0) > 0) return 'region-lexer-errors';
    const tokens = lexed.tokens as TokenLeaf[];
    const hidden = lexed.hidden as TokenLeaf[];
    if (tokens.length === 0 || !tokens.every(isTokenLeaf) || !hidden.every(isTokenLeaf)) return 'region-tokens';
    // The region starts and ends with a token (no whitespace of the edit at its edges).
    const firstOffset = Math.min(tokens[0]?.startOffset ?? Infinity, hidden[0]?.startOffset ?? Infinity);
    const lastToken = tokens[tokens.length - 1] as TokenLeaf;
    const lastHidden = hidden[hidden.length - 1];
    const lastLeaf = lastHidden && lastHidden.startOffset > lastToken.startOffset ? lastHidden : lastToken;
    if (firstOffset !== 0 || lastLeaf.end !== regionText.length) return 'region-edges';
    if (last < count - 1 && lastToken.tokenType.name !== '}') return 'region-end';
    if (end < text.length && !endsBefore(lastLeaf, text.charCodeAt(end))) return 'end-boundary';

    // The region's tokens where they are in the whole text.
    const startPosition = firstLeaf(element(first)).range.start;
    const into: LeafMove = { offset: start, lines: startPosition.line, line: 0, columns: startPosition.character };
    for (const token of tokens) if (!token.canMove(into)) return 'move';
    for (const token of hidden) if (!token.canMove(into)) return 'move';
    for (const token of tokens) token.move(into);
    for (const token of hidden) token.move(into);

    const parsed = parseRegion(parser, text, tokens, hidden);
    if (!parsed) return 'region-parser-errors';
    const { root, document } = parsed;
    const regionNodes = root.content;
    const regionElements = document.elements ?? [];
    let regionCount = 0;
    for (const node of regionNodes) {
        if (node.hidden) continue;
        if (!('content' in node) || node.astNode !== regionElements[regionCount]) return 'region-shape';
        regionCount++;
    }
    if (regionCount === 0 || regionCount !== regionElements.length) return 'region-shape';

    // The old nodes after the region, moved by the edit (checked first: nothing of the old tree changes on a way out).
    const oldEndPosition = lastLeafOf(element(last)).range.end;
    const newEndPosition = lastLeaf.range.end;
    const by: LeafMove = {
        offset: text.length - oldText.length,
        lines: newEndPosition.line - oldEndPosition.line,
        line: oldEndPosition.line,
        columns: newEndPosition.character - oldEndPosition.character
    };
    const after = oldRoot.content.slice((elementIndexes[last] as number) + 1);
    const leaves: TokenLeaf[] = [];
    const composites: Composite[] = [];
    for (const node of after) if (!collect(node, leaves, composites)) return 'after-tokens';
    if (by.offset !== 0 || by.lines !== 0 || by.columns !== 0) {
        for (const leaf of leaves) if (!leaf.canMove(by)) return 'move';
        moving = true;
        for (const leaf of leaves) leaf.move(by);
        // Our composite nodes (parser/opsbook-parser.ts `CompositeNode`) cache no range; Langium's do.
        for (const composite of composites) if ('_rangeCache' in composite) composite._rangeCache = undefined;
    }

    // The new root: the old nodes before the region, the region's, the old ones after it.
    const before = oldRoot.content.slice(0, elementIndexes[first] as number);
    const content = [...before, ...regionNodes, ...after];
    for (const node of content) (node as { container: CstNode | undefined }).container = root as CstNode;
    root.content = content;
    // The region's nodes below its elements were linked as they were built (opsbook-parser.ts `construct`).
    document.elements = [...oldElements.slice(0, first), ...regionElements, ...oldElements.slice(last + 1)];
    AstUtils.linkContentToContainer(document);
    unlinkAll(document);
    return { value: document, lexerErrors: [], lexerReport: lexed.report, parserErrors: [] } as ParseResult<AstNode>;
}

/**
 * Every reference of the tree unresolved, as in a new parse. Langium unlinked the old tree's references when
 * the edit came in, but a reader of the old tree may have resolved one since (a reference resolves itself
 * when read), and the linker keeps a reference that is already resolved. The list of nodes is the one the
 * linker walks next (`allAstNodes`, cached per root).
 */
function unlinkAll(document: AstNode): void {
    for (const node of allAstNodes(document)) {
        forEachReference(node, ({ reference }) => {
            const ref = reference as { _ref?: unknown; _nodeDescription?: unknown; _items?: unknown; _linkingError?: unknown };
            if ('_ref' in ref) {
                ref._ref = undefined;
                // Emptied, not deleted: our references keep the slot (a deleted field makes the object a slow
                // dictionary; OpsbookLinker.unlink does the same). Langium's own read it the same way.
                ref._nodeDescription = undefined;
            } else if ('_items' in ref) {
                ref._items = undefined;
                delete ref._linkingError;
            }
        });
    }
}

/** The region's tokens parsed by the entry rule into a new root (of the whole text); undefined on a syntax error. */
function parseRegion(
    parser: LangiumParser,
    text: string,
    tokens: IToken[],
    hidden: IToken[]
): { root: RootNode & Composite; document: DocumentNode } | undefined {
    const internals = parser as unknown as ParserInternals;
    const root = internals.nodeBuilder.buildRootNode(text) as unknown as RootNode & Composite;
    internals.lexerResult = { tokens, hidden: [...hidden], errors: [] };
    internals.wrapper.input = tokens;
    let document: DocumentNode;
    let errors: IRecognitionException[];
    try {
        document = internals.doParse(internals.mainRule);
        internals.nodeBuilder.addHiddenNodes(internals.lexerResult.hidden);
        errors = internals.wrapper.errors as IRecognitionException[];
    } finally {
        internals.unorderedGroups.clear();
        internals.lexerResult = undefined;
        // chevrotain keeps its input until the next parse (opsbook-parser.ts: `parseWithoutRelinking`).
        internals.wrapper.input = [];
    }
    if (errors.length > 0 || root.astNode !== document) return undefined;
    return { root, document };
}

function isTokenLeaf(token: IToken): boolean {
    return token instanceof TokenLeaf;
}

/** Whitespace or `}`: no token continues over it into the next. */
function isBoundary(code: number): boolean {
    return code === 0x7d || /\s/.test(String.fromCharCode(code));
}

/** Whether the region's last token ends where the lexer of the whole text ends it, `next` following it. */
function endsBefore(leaf: TokenLeaf, next: number): boolean {
    const name = leaf.tokenType.name;
    // A `}` or a block comment (up to its first `*/`) cannot take more; a line comment takes all up to a line break.
    if (name === '}' || name === 'ML_COMMENT') return true;
    if (name === 'SL_COMMENT') return next === 0x0a || next === 0x0d;
    return isBoundary(next);
}

function endsWithBrace(node: CstNode): boolean {
    const leaf = lastLeafOf(node);
    return !leaf.hidden && (leaf as { tokenType?: { name: string } }).tokenType?.name === '}';
}

/** The last non-hidden leaf under `node` (the node itself when it is a leaf). */
function lastLeafOf(node: CstNode): CstNode {
    let current = node;
    while ('content' in current) {
        const content = (current as Composite).content;
        let next: CstNode | undefined;
        for (let i = content.length - 1; i >= 0 && !next; i--) if (!(content[i] as CstNode).hidden) next = content[i];
        if (!next) return current;
        current = next;
    }
    return current;
}

function firstLeaf(node: CstNode): CstNode {
    let current = node;
    while ('content' in current) {
        const next = (current as Composite).content.find(child => !child.hidden);
        if (!next) return current;
        current = next;
    }
    return current;
}

/** The leaves (all TokenLeaf, else false) and composite nodes under `node`. */
function collect(node: CstNode, leaves: TokenLeaf[], composites: Composite[]): boolean {
    if ('content' in node) {
        composites.push(node as Composite);
        for (const child of (node as Composite).content) if (!collect(child, leaves, composites)) return false;
        return true;
    }
    if (!(node instanceof TokenLeaf)) return false;
    leaves.push(node);
    return true;
}
