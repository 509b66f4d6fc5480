import type { IToken, TokenType } from 'chevrotain';
import { matchIdentifier } from './identifier.js';
import { CommentLeaf, fitsTokenLeaf, MultiLineTokenLeaf, TokenLeaf, WideTokenLeaf } from './token-leaf.js';

/**
 * A hand-written scanner for Opsbook's tokens. Its tokens are CST leaves already (token-leaf.ts), which
 * saves the parser an object per token. It produces exactly the tokens chevrotain would — same types, images,
 * offsets, lines and columns, comments in `hidden`, whitespace skipped — for any text chevrotain lexes
 * without an error; at the first character it cannot lex it gives up (returns undefined) and the caller
 * runs chevrotain, so lexing errors and their recovery stay chevrotain's. tests/grammar/fast-lexer.test.ts
 * compares the two on the examples, the benchmark inputs and fuzzed text.
 *
 * The terminals are the grammar's (opsbook.langium), checked at construction: if a pattern changes, the
 * scanner switches itself off (`enabled` is false) rather than lex differently.
 */
export class FastLexer {
    readonly enabled: boolean;
    private readonly types = new Map<string, TokenType>();
    /** Keywords the lexer matches as text (`{`, `..`, `zh-CN`), in chevrotain's order, by first character. */
    private readonly keywordsByFirst = new Map<number, TokenType[]>();
    /** Word keywords (`goal`): read as an ID, then given their own type. */
    private readonly wordKeywords: Map<string, TokenType>;

    constructor(definition: Record<string, TokenType>, wordKeywords: Map<string, TokenType>) {
        this.wordKeywords = wordKeywords;
        for (const [name, type] of Object.entries(definition)) this.types.set(name, type);
        for (const type of Object.values(definition)) {
            if (typeof type.PATTERN !== 'string') continue;
            const first = type.PATTERN.charCodeAt(0);
            const list = this.keywordsByFirst.get(first) ?? [];
            list.push(type);
            this.keywordsByFirst.set(first, list);
        }
        this.enabled =
            Object.entries(EXPECTED_PATTERNS).every(([name, source]) => {
                const pattern = this.types.get(name)?.PATTERN;
                return pattern instanceof RegExp && pattern.source === source;
            }) &&
            this.types.get('ID')?.PATTERN === matchIdentifier &&
            this.types.get('WS')?.GROUP !== undefined;
    }

    /** The tokens and comments of `text`, or undefined where chevrotain must decide (a lexing error). */
    tokenize(text: string): Lexed | undefined {
        if (!this.enabled) return undefined;
        const scan = newScan();
        return this.scan(text, scan, text.length) ? lexed(scan) : undefined;
    }

    /**
     * Lexes `text` as `tokenize` does, about `chars` characters at a time: the generator yields between
     * the pieces (the parse in slices lets other requests in there; chunked-parser.ts).
     */
    *tokenizeInSteps(text: string, chars: number): Generator<void, Lexed | undefined> {
        if (!this.enabled) return undefined;
        const scan = newScan();
        for (let until = chars; ; until += chars) {
            if (!this.scan(text, scan, Math.min(until, text.length))) return undefined;
            if (scan.offset >= text.length) return lexed(scan);
            yield;
        }
    }

    /** Scans on from where `state` stopped to the first token boundary at or after `until`; false at a lexing error. */
    private scan(text: string, state: ScanState, until: number): boolean {
        const tokens = state.tokens;
        const hidden = state.hidden;
        const images = state.images;
        const ml = this.type('ML_COMMENT');
        const sl = this.type('SL_COMMENT');
        const id = this.type('ID');
        const str = this.type('STRING');
        const length = text.length;
        let offset = state.offset;
        let line = state.line;
        let lineStart = state.lineStart;
        while (offset < until) {
            const code = text.charCodeAt(offset);
            // Whitespace (WS is skipped): only \n, \r\n and \r count as line breaks, as in chevrotain.
            if (isWhitespace(code)) {
                while (offset < length) {
                    const c = text.charCodeAt(offset);
                    if (!isWhitespace(c)) break;
                    offset++;
                    if (c === 0x0a || (c === 0x0d && text.charCodeAt(offset) !== 0x0a)) {
                        line++;
                        lineStart = offset;
                    }
                }
                continue;
            }
            let end = -1;
            let type: TokenType | undefined;
            // Keywords share one string per keyword; a name keeps the string its scan made.
            let image: string | undefined;
            const keywords = this.keywordsByFirst.get(code);
            if (keywords) {
                for (const keyword of keywords) {
                    const pattern = keyword.PATTERN as string;
                    if (!text.startsWith(pattern, offset)) continue;
                    end = offset + pattern.length;
                    type = keyword;
                    image = pattern;
                    if (keyword.LONGER_ALT) {
                        const longer = matchIdentifier(text, offset);
                        if (longer && longer[0].length > pattern.length) {
                            end = offset + longer[0].length;
                            type = id;
                            image = sameImage(images, longer[0]);
                        }
                    }
                    break;
                }
            }
            if (!type) {
                if (code === 0x2f /* / */) {
                    const next = text.charCodeAt(offset + 1);
                    if (next === 0x2a /* * */) {
                        const close = text.indexOf('*/', offset + 2);
                        if (close < 0) return false;
                        end = close + 2;
                        type = ml;
                    } else if (next === 0x2f) {
                        end = offset + 2;
                        while (end < length) {
                            const c = text.charCodeAt(end);
                            if (c === 0x0a || c === 0x0d) break;
                            end++;
                        }
                        type = sl;
                    }
                } else if (isDigit(code)) {
                    [end, type] = this.numeric(text, offset);
                } else if (code === 0x22 /* " */) {
                    end = stringEnd(text, offset);
                    type = str;
                } else {
                    const match = matchIdentifier(text, offset);
                    if (match) {
                        end = offset + match[0].length;
                        const keyword = this.wordKeywords.get(match[0]);
                        type = keyword ?? id;
                        image = keyword ? keyword.name : sameImage(images, match[0]);
                    }
                }
            }
            if (!type || end <= offset) return false;
            // A comment's text is its own; a string's, a number's or a date's is shared with its repeats.
            image ??= type === ml || type === sl ? detached(text.substring(offset, end)) : sameImage(images, text.substring(offset, end));
            const startColumn = offset - lineStart + 1;
            let endLine = line;
            let endColumn = startColumn + image.length - 1;
            if (type === ml) {
                // The only token that may span lines.
                for (let i = offset; i < end; i++) {
                    const c = text.charCodeAt(i);
                    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
                        endLine++;
                        lineStart = i + 1;
                    }
                }
                endColumn = end - 1 - lineStart + 1;
            }
            const isHidden = type === ml || type === sl;
            const token =
                endLine !== line
                    ? new MultiLineTokenLeaf(image, offset, line - 1, startColumn - 1, { line: endLine - 1, character: endColumn }, type)
                    : !fitsTokenLeaf(line - 1, startColumn - 1)
                      ? new WideTokenLeaf(image, offset, line - 1, startColumn - 1, type, isHidden)
                      : isHidden
                        ? new CommentLeaf(image, offset, line - 1, startColumn - 1, type)
                        : new TokenLeaf(image, offset, line - 1, startColumn - 1, type);
            (isHidden ? hidden : tokens).push(token);
            line = endLine;
            offset = end;
        }
        state.offset = offset;
        state.line = line;
        state.lineStart = lineStart;
        return true;
    }

    private type(name: string): TokenType {
        return this.types.get(name) as TokenType;
    }

    /** DATE, QUARTER, MONTH, PERCENT, NUMBER: the first of them that matches, as chevrotain tries them. */
    private numeric(text: string, offset: number): [number, TokenType | undefined] {
        const fourDigits = digitsEnd(text, offset) - offset >= 4 && text.charCodeAt(offset + 4) === 0x2d; /* - */
        if (fourDigits) {
            const afterDash = offset + 5;
            const monthEnd = upToTwoDigits(text, afterDash);
            if (monthEnd > afterDash && text.charCodeAt(monthEnd) === 0x2d) {
                const dayEnd = upToTwoDigits(text, monthEnd + 1);
                if (dayEnd > monthEnd + 1) return [dayEnd, this.type('DATE')];
            }
            if (text.charCodeAt(afterDash) === 0x51 /* Q */) {
                const quarterEnd = digitsEnd(text, afterDash + 1);
                if (quarterEnd > afterDash + 1) return [quarterEnd, this.type('QUARTER')];
            }
            if (monthEnd > afterDash) return [monthEnd, this.type('MONTH')];
        }
        // \d+(?:_\d+)*(?:\.\d+)? then `%` (PERCENT) or an optional suffix (NUMBER).
        let end = digitsEnd(text, offset);
        while (text.charCodeAt(end) === 0x5f /* _ */ && isDigit(text.charCodeAt(end + 1))) end = digitsEnd(text, end + 1);
        if (text.charCodeAt(end) === 0x2e /* . */ && isDigit(text.charCodeAt(end + 1))) end = digitsEnd(text, end + 1);
        const next = text.charCodeAt(end);
        if (next === 0x25 /* % */) return [end + 1, this.type('PERCENT')];
        if (next === 0x6b /* k */ || next === 0x4d /* M */ || next === 0x4e07 /* 万 */ || next === 0x4ebf /* 亿 */) end++;
        return [end, this.type('NUMBER')];
    }
}

/** What a scan gives its caller: the tokens and the comments (not the scan's table of images). */
export interface Lexed {
    tokens: IToken[];
    hidden: IToken[];
}

function lexed(scan: ScanState): Lexed {
    return { tokens: scan.tokens, hidden: scan.hidden };
}

/** Where a scan stands: what it has read so far, and the offset, line and line start it goes on from. */
interface ScanState {
    tokens: TokenLeaf[];
    hidden: TokenLeaf[];
    offset: number;
    line: number;
    lineStart: number;
    /** Each name, string, number or date read so far, by its text: repeats share the first one's string. */
    images: Map<string, string>;
}

function newScan(): ScanState {
    return { tokens: [], hidden: [], offset: 0, line: 1, lineStart: 0, images: new Map() };
}

/**
 * The image read first with this text (or this one, now the first). A name is written again at every
 * reference to it, and each read made a string of its own that its token — and the AST's names, which
 * take the token's image — kept for the document's life: in the 1k-line benchmark file 2,012 such tokens
 * hold 507 different texts (≈ 1× the source in strings; bench/NOTES.md, round five).
 */
function sameImage(images: Map<string, string>, image: string): string {
    const first = images.get(image);
    if (first !== undefined) return first;
    const own = detached(image);
    images.set(own, own);
    return own;
}

/**
 * The shortest substring V8 makes as a slice (a `SlicedString`: a pointer into its parent) rather than a
 * copy. A slice keeps its whole parent alive: a token's image cut from the document's text kept that
 * version of the text for as long as the token lived — in the editor, each re-lexed region's names and
 * comments kept the text of the version they were read from, and the unchanged elements the first one's
 * (3.4 MB a version for the 100k-line file; bench/NOTES.md, "Round five — sliced strings").
 */
const SLICE_MIN_LENGTH = 13;

/**
 * `image` as a string of its own, when it may be a slice. A JSON round trip always builds a new flat
 * string (one byte a character when it can be, even out of a two-byte text); `(' ' + s).slice(1)` is a
 * slice again, of a copy one longer (two strings kept), and hashing a concatenation (`Map.set`) does not
 * flatten it (so the parent stays). Measured in Node 20 (bench/NOTES.md, "Round five — sliced strings");
 * tests/grammar/fast-lexer.test.ts ("keeps no slice of the text") and tests/lsp/heap-kept.test.ts ("old texts").
 * Copied: the first read of each long name, string or number (repeats share it) and each long comment —
 * ≈ 12,000 strings for the 100k-line file, a few ms of its 1.8 s check.
 */
function detached(image: string): string {
    return image.length < SLICE_MIN_LENGTH ? image : (JSON.parse(JSON.stringify(image)) as string);
}

/** The grammar's terminal patterns this scanner implements (their `source`). */
const EXPECTED_PATTERNS: Record<string, string> = {
    WS: '[\\s\\uFEFF]+',
    ML_COMMENT: '\\/\\*[\\s\\S]*?\\*\\/',
    SL_COMMENT: '\\/\\/[^\\n\\r]*',
    DATE: '\\d{4}-\\d{1,2}-\\d{1,2}',
    QUARTER: '\\d{4}-Q\\d+',
    MONTH: '\\d{4}-\\d{1,2}',
    PERCENT: '\\d+(?:_\\d+)*(?:\\.\\d+)?%',
    NUMBER: '\\d+(?:_\\d+)*(?:\\.\\d+)?[kM万亿]?',
    STRING: '"(?:\\\\.|[^"\\\\\\r\\n])*"'
};

function isDigit(code: number): boolean {
    return code >= 0x30 && code <= 0x39;
}

function digitsEnd(text: string, offset: number): number {
    let end = offset;
    while (isDigit(text.charCodeAt(end))) end++;
    return end;
}

function upToTwoDigits(text: string, offset: number): number {
    let end = offset;
    while (end < offset + 2 && isDigit(text.charCodeAt(end))) end++;
    return end;
}

/** JavaScript's `\s` plus U+FEFF. */
function isWhitespace(code: number): boolean {
    if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
    if (code < 0xa0) return false;
    return (
        code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff
    );
}

/**
 * The end of `"(?:\\.|[^"\\\r\n])*"` at `offset`, or -1: an escape takes any character but a line
 * terminator (`.` excludes \n, \r, U+2028, U+2029); a raw line break ends the attempt.
 */
function stringEnd(text: string, offset: number): number {
    let i = offset + 1;
    while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === 0x22) return i + 1;
        if (c === 0x0a || c === 0x0d) return -1;
        if (c === 0x5c /* \ */) {
            const escaped = text.charCodeAt(i + 1);
            if (Number.isNaN(escaped) || escaped === 0x0a || escaped === 0x0d || escaped === 0x2028 || escaped === 0x2029) return -1;
            // An escaped high surrogate takes its pair with it (`.` without the u flag takes one code unit,
            // and the low surrogate is then an ordinary character: same end either way).
            i += 2;
            continue;
        }
        i++;
    }
    return -1;
}
