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
 * Characters an ID may start with, as chevrotain wants them: below 256 exactly those that can (`^`, `_`,
 * letters); above, chevrotain groups codes in buckets of 255, and every bucket is included (a superset is
 * safe: the ID pattern still decides, and testing each bucket for letters cost ~8 ms at start-up).
 */
function idStartCharsHint(): number[] {
    const startsId = /[\p{L}_^]/u;
    const hint: number[] = [];
    for (let code = 0; code < 256; code++) {
        if (startsId.test(String.fromCharCode(code))) hint.push(code);
    }
    // Bucket k holds the codes k·255 … k·255 + 254 (from 256 on); one representative each, up to U+FFFF.
    for (let bucket = 1; bucket * 255 <= 0xffff; bucket++) hint.push(Math.max(256, bucket * 255));
    return hint;
}
