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
