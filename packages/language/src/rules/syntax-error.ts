import type { ElementType, ExpectedToken, FoundToken } from '../i18n/message.js';
import { ELEMENT_KEYWORDS, en as E, zh as Z } from '../i18n/words.js';
import { defineRule } from './rule.js';

/** The messages of `syntax-error`: one per kind of finding, with the figures it needs. */
export type SyntaxErrorMessages = {
    // ---- syntax (parser/opsbook-parser-errors.ts, parser/opsbook-lexer-errors.ts) ------------
    syntaxNotAProperty(a: { word: string; elementType: ElementType; expected: readonly string[] }): string;
    syntaxExpected(a: { expected: readonly ExpectedToken[]; previous?: string; found: FoundToken; atLeastOne?: boolean }): string;
    syntaxNotAllInput(a: { found: FoundToken }): string;
    lexFullWidth(a: { char: string; replacement: string }): string;
    lexUnterminated(a: Record<string, never>): string;
    lexPercentSpace(a: Record<string, never>): string;
    lexNul(a: Record<string, never>): string;
    lexUnexpected(a: { shown: string }): string;
};

const EN: SyntaxErrorMessages = {
    syntaxNotAProperty: ({ word: value, elementType, expected }) =>
        `'${value}' is not a property of ${E.a(elementType)}: expected ${E.f.list(expected, 'or')}`,
    syntaxExpected: ({ expected, previous, found: actual, atLeastOne }) =>
        `expected ${atLeastOne ? 'at least one ' : ''}${E.f.list(expected.map(E.expectedWord), 'or')}${previous ? ` after '${previous}'` : ''}, found ${E.found(actual)}`,
    syntaxNotAllInput: ({ found: actual }) => `expected an element (${ELEMENT_KEYWORDS.join(', ')}), found ${E.found(actual)}`,
    lexFullWidth: ({ char, replacement }) =>
        `full-width character '${char}': type the ASCII '${replacement}' instead (switch the input method to half-width)`,
    lexUnterminated: () => 'unterminated text: a quoted text must end with " on the same line',
    lexPercentSpace: () => "a '%' must follow its number directly, as in 4%",
    lexNul: () => 'unexpected NUL character (U+0000): is this a binary file?',
    lexUnexpected: ({ shown }) => `unexpected character ${shown}`
};

const ZH_CN: SyntaxErrorMessages = {
    syntaxNotAProperty: ({ word: value, elementType, expected }) =>
        `'${value}' 不是${Z.el(elementType)}的属性：应为 ${Z.f.list(expected, 'or')}`,
    syntaxExpected: ({ expected, previous, found: actual, atLeastOne }) =>
        `${previous ? `'${previous}' 之后` : ''}应为${atLeastOne ? '至少一个' : ''} ${Z.f.list(expected.map(Z.expectedWord), 'or')}，但这里是 ${Z.found(actual)}`,
    syntaxNotAllInput: ({ found: actual }) => `应为一个元素（${ELEMENT_KEYWORDS.join('、')}），但这里是 ${Z.found(actual)}`,
    lexFullWidth: ({ char, replacement }) => `全角字符 '${char}'：请改用半角的 '${replacement}'（把输入法切换到半角）`,
    lexUnterminated: () => '字符串缺少结尾的引号：带引号的文字必须在同一行以 " 结尾',
    lexPercentSpace: () => "'%' 必须紧跟在数字后面，例如 4%",
    lexNul: () => '无法识别的 NUL 字符（U+0000）：这是二进制文件吗？',
    lexUnexpected: ({ shown }) => `无法识别的字符 ${shown}`
};

export const syntaxError = defineRule({
    id: 'syntax-error',
    severity: 'error',
    family: 'syntax',
    reportedBy: ['language/src/validation/opsbook-document-validator.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'The text does not follow the Opsbook grammar. The message names what was expected at this point.',
        'zh-CN': '文本不符合 Opsbook 语法。消息说明了此处应当出现什么。'
    },
    fixes: []
});
