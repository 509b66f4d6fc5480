import type { ILexerErrorMessageProvider, IToken } from 'chevrotain';
import { DefaultLexerErrorMessageProvider } from 'langium';
import { message } from '../i18n/message.js';
import { SYNTAX_MESSAGES } from '../i18n/syntax-messages.js';

/** Characters a Chinese input method produces where the language wants ASCII. */
const FULL_WIDTH_REPLACEMENTS: Record<string, string> = {
    '，': ',',
    '％': '%',
    '（': '(',
    '）': ')',
    '｛': '{',
    '｝': '}',
    '：': ':',
    '；': ';',
    '“': '"',
    '”': '"',
    '＂': '"',
    '。': '.',
    '．': '.',
    '－': '-',
    '＞': '>',
    '＝': '=',
    '＾': '^',
    '　': ' (space)'
};

export function asciiReplacement(char: string): string | undefined {
    if (FULL_WIDTH_REPLACEMENTS[char]) {
        return FULL_WIDTH_REPLACEMENTS[char];
    }
    const code = char.codePointAt(0) ?? 0;
    // Full-width digits and Latin letters: U+FF10..U+FF5E map to U+0030..U+007E.
    if (code >= 0xff01 && code <= 0xff5e) {
        return String.fromCodePoint(code - 0xfee0);
    }
    return undefined;
}

/** Lexer messages that name the offending character and, for full-width ones, the ASCII to type. */
export class OpsbookLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider implements ILexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(
        fullText: string,
        startOffset: number,
        length: number,
        _line?: number,
        _column?: number
    ): string {
        const text = fullText.substring(startOffset, startOffset + length);
        const char = String.fromCodePoint(text.codePointAt(0) ?? 0);
        const replacement = asciiReplacement(char);
        if (replacement) return SYNTAX_MESSAGES.remember(message('lexFullWidth', { char, replacement }));
        if (char === '"') return SYNTAX_MESSAGES.remember(message('lexUnterminated', {}));
        if (char === '%') return SYNTAX_MESSAGES.remember(message('lexPercentSpace', {}));
        if (char === '\u0000') return SYNTAX_MESSAGES.remember(message('lexNul', {}));
        const code = char.codePointAt(0) ?? 0;
        const shown = code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${char}'`;
        return SYNTAX_MESSAGES.remember(message('lexUnexpected', { shown }));
    }

    override buildUnableToPopLexerModeMessage(token: IToken): string {
        return super.buildUnableToPopLexerModeMessage(token);
    }
}
