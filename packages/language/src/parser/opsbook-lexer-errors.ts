import type { ILexerErrorMessageProvider, IToken } from 'chevrotain';
import { DefaultLexerErrorMessageProvider } from 'langium';

/** Characters a Chinese input method produces where the language wants ASCII. */
const FULL_WIDTH_REPLACEMENTS: Record<string, string> = {
    '，': ',', '％': '%', '（': '(', '）': ')', '｛': '{', '｝': '}', '：': ':', '；': ';',
    '“': '"', '”': '"', '＂': '"', '。': '.', '．': '.', '－': '-', '＞': '>', '＝': '=', '＾': '^',
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
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number, line?: number, column?: number): string {
        const text = fullText.substring(startOffset, startOffset + length);
        const char = String.fromCodePoint(text.codePointAt(0) ?? 0);
        const replacement = asciiReplacement(char);
        if (replacement) {
            return `full-width character '${char}': type the ASCII '${replacement}' instead (switch the input method to half-width)`;
        }
        if (char === '"') {
            return 'unterminated text: a quoted text must end with " on the same line';
        }
        if (char === '%') {
            return "a '%' must follow its number directly, as in 4%";
        }
        if (char === '\u0000') {
            return 'unexpected NUL character (U+0000): is this a binary file?';
        }
        const code = char.codePointAt(0) ?? 0;
        const shown = code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${char}'`;
        void line; void column;
        return `unexpected character ${shown}`;
    }

    override buildUnableToPopLexerModeMessage(token: IToken): string {
        return super.buildUnableToPopLexerModeMessage(token);
    }
}
