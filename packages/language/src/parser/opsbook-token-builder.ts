import type { GrammarAST, TokenBuilderOptions } from 'langium';
import { DefaultTokenBuilder } from 'langium';
import type { TokenType, TokenVocabulary } from 'chevrotain';

/**
 * The ID terminal uses Unicode classes, so chevrotain compiles it to a function matcher and Langium's
 * `findLongerAlt` no longer sees that `attendance` or `seed_users` continue past a keyword. We add ID as
 * the longer alternative of every word keyword ourselves: a keyword inside a longer name never splits it.
 */
export class OpsbookTokenBuilder extends DefaultTokenBuilder {
    private idToken: TokenType | undefined;

    override buildTokens(grammar: GrammarAST.Grammar, options?: TokenBuilderOptions): TokenVocabulary {
        return super.buildTokens(grammar, options);
    }

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        if (terminal.name === 'ID') {
            this.idToken = token;
            // A function matcher without a start-character hint turns off chevrotain's first-character
            // optimisation for the whole lexer (every pattern tried at every position: ~20× slower).
            token.START_CHARS_HINT = idStartCharsHint();
        }
        return token;
    }

    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        const alternatives = super.findLongerAlt(keyword, terminalTokens);
        const id = this.idToken ?? terminalTokens.find(token => token.name === 'ID');
        if (id && /^\p{L}/u.test(keyword.value) && !alternatives.includes(id)) {
            alternatives.push(id);
        }
        return alternatives;
    }
}

/**
 * Characters an ID may start with (`^`, `_`, any letter), as chevrotain wants them: char codes below 256
 * one by one, and above that one representative per bucket of 255 codes (chevrotain groups them so), plus
 * the high surrogates that start letters outside the BMP. A superset is safe: the pattern still decides.
 * One regex test per bucket keeps this under a millisecond at start-up.
 */
function idStartCharsHint(): number[] {
    const startsId = /[\p{L}_^]/u;
    const hint: number[] = [];
    for (let code = 0; code < 256; code++) {
        if (startsId.test(String.fromCharCode(code))) hint.push(code);
    }
    for (let bucket = 1; bucket * 255 <= 0xffff; bucket++) {
        const first = Math.max(256, bucket * 255);
        const last = Math.min(0xffff, bucket * 255 + 254);
        if (first > last) continue;
        const codes = Array.from({ length: last - first + 1 }, (_, i) => first + i);
        const highSurrogate = first <= 0xdbff && last >= 0xd800;
        if (highSurrogate || startsId.test(String.fromCharCode(...codes))) hint.push(first);
    }
    return hint;
}
