import type { GrammarAST, TokenBuilderOptions } from 'langium';
import { DefaultTokenBuilder } from 'langium';
import { Lexer, type TokenType, type TokenVocabulary } from 'chevrotain';
import { matchIdentifier } from './identifier.js';

/** Words that may never be names (SPEC §2): what follows a quantity is always one of them. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set(['by', 'to']);

/**
 * Opsbook's tokens, built for speed on large files (a 100k-line playbook has ~440k tokens):
 *
 * - ID is matched by a hand-written scanner (identifier.ts) instead of the Unicode regex Langium would
 *   wrap in a function, which chevrotain cannot optimise.
 * - Word keywords (`goal`, `delivers`, …) are not matched by the lexer at all: the lexer reads every word
 *   as an ID and OpsbookLexer gives a word that is a keyword its keyword type (one map lookup instead of
 *   trying each keyword of that first letter, then ID as the longer alternative). A word that only
 *   starts like a keyword (`goals`, `attendance`) stays an ID, as `^goal` does.
 * - Every word keyword except the reserved ones may also be a name (`goal review { … }`). Instead of a
 *   `Name` rule listing ~70 keyword alternatives — which Langium's parser pays for at every name and
 *   reference, allocating a closure per alternative — the grammar's NAME terminal is a token category
 *   the lexer never produces: ID and those keywords belong to it, so wherever the grammar expects a NAME
 *   either is accepted. A currency stays a plain ID (`300k finance` is no money).
 */
export class OpsbookTokenBuilder extends DefaultTokenBuilder {
    override buildTokens(grammar: GrammarAST.Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        const tokens = super.buildTokens(grammar, options) as TokenType[];
        const name = tokens.find(token => token.name === 'NAME');
        const id = tokens.find(token => token.name === 'ID');
        if (!name || !id) throw new Error('The grammar must define the terminals NAME and ID.');
        name.PATTERN = Lexer.NA;
        id.PATTERN = matchIdentifier;
        id.LINE_BREAKS = false;
        // Without a start-character hint a function matcher turns off chevrotain's first-character
        // optimisation for the whole lexer (every pattern tried at every position: ~20× slower).
        id.START_CHARS_HINT = idStartCharsHint();
        id.CATEGORIES = [name];
        for (const token of tokens) {
            if (!isWordKeywordToken(token)) continue;
            token.PATTERN = Lexer.NA;
            delete token.LONGER_ALT;
            if (!RESERVED_WORDS.has(token.name)) token.CATEGORIES = [name];
        }
        for (const token of tokens) {
            // Other keywords spelt from a letter (`zh-CN`) are still matched: a longer word is an ID.
            if (typeof token.PATTERN === 'string' && isLetter(token.name, 0)) token.LONGER_ALT = [id];
        }
        return tokens;
    }
}

/** A keyword made of letters only: the lexer reads it as an ID and OpsbookLexer retypes it. */
export function isWordKeyword(name: string): boolean {
    if (name.length === 0) return false;
    for (let index = 0; index < name.length; index += name.charCodeAt(index) >= 0xd800 && name.charCodeAt(index) <= 0xdbff ? 2 : 1) {
        if (!isLetter(name, index)) return false;
    }
    return true;
}

/**
 * Whether the character at `index` is a letter (`\p{L}`). ASCII is decided by its code: the first test
 * of a `\p{L}` regex builds V8's Unicode tables, ~8 ms of every start-up, and every keyword is ASCII.
 */
function isLetter(text: string, index: number): boolean {
    const code = text.charCodeAt(index);
    if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
    return /^\p{L}/u.test(String.fromCodePoint(text.codePointAt(index) ?? code));
}

function isWordKeywordToken(token: TokenType): boolean {
    return token.PATTERN === token.name && isWordKeyword(token.name);
}

/**
 * Characters an ID may start with, as chevrotain wants them: below 256 exactly those that can (`^`, `_`,
 * letters); above, chevrotain groups codes in buckets of 255, and every bucket is included (a superset is
 * safe: the ID pattern still decides, and testing each bucket for letters cost ~8 ms at start-up).
 * The letters of Latin-1 are listed, not found with `\p{L}` (whose first use builds V8's Unicode tables:
 * ~8 ms of every start-up); tests/grammar/identifier.test.ts compares the list with the regex.
 */
export function idStartCharsHint(): number[] {
    const hint: number[] = [];
    const range = (from: number, to: number) => {
        for (let code = from; code <= to; code++) hint.push(code);
    };
    range(0x41, 0x5a); // A–Z
    hint.push(0x5e, 0x5f); // ^ _
    range(0x61, 0x7a); // a–z
    hint.push(0xaa, 0xb5, 0xba); // ª µ º
    range(0xc0, 0xd6);
    range(0xd8, 0xf6);
    range(0xf8, 0xff);
    // Bucket k holds the codes k·255 … k·255 + 254 (from 256 on); one representative each, up to U+FFFF.
    for (let bucket = 1; bucket * 255 <= 0xffff; bucket++) hint.push(Math.max(256, bucket * 255));
    return hint;
}
