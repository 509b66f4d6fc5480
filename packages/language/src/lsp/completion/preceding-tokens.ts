import type { Lexer } from 'langium';

/** Enough text to see the few tokens before the cursor inside one property. */
const WINDOW = 300;

export interface PrecedingToken {
    type: string;
    text: string;
}

/**
 * The tokens just before `offset` (nearest last), read from a short window of text: the completion
 * provider looks at them to tell `6000 |` (a count, number or money metric, or a currency) from
 * `6000 CNY |` (a money metric) and `35% |` (a percent metric) without reparsing the file.
 */
export function precedingTokens(lexer: Lexer, text: string, offset: number): PrecedingToken[] {
    const start = Math.max(0, offset - WINDOW);
    const tokens = lexer.tokenize(text.substring(start, offset)).tokens;
    // The first token may be cut by the window; drop it unless the window starts the file.
    const usable = start > 0 ? tokens.slice(1) : tokens;
    return usable.map(token => ({ type: token.tokenType.name, text: token.image })).reverse();
}
