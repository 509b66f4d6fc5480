import { en as E, zh as Z } from '../i18n/words.js';
import { defineRule } from './rule.js';

/** The messages of `unknown-value`: one per kind of finding, with the figures it needs. */
export type UnknownValueMessages = {
    /** `aliases`: the Chinese aliases of `expected`, in its order (SPEC §10), when the list has them. */
    unknownValue(a: { what: string; word: string; expected: readonly string[]; aliases?: readonly string[]; suggestion?: string }): string;
};

const EN: UnknownValueMessages = {
    unknownValue: ({ what, word: value, expected, suggestion }) =>
        `${E.VALUE_WHAT[what]?.(value) ?? `unknown ${what} '${value}'`}: ${suggestion ? `did you mean '${suggestion}'? ` : ''}expected ${E.f.list(expected, 'or')}`
};

const ZH_CN: UnknownValueMessages = {
    unknownValue: ({ what, word: value, expected, aliases, suggestion }) =>
        `未知的${Z.VALUE_WHAT[what] ?? what}「${value}」：${suggestion ? `是否应为「${suggestion}」？` : ''}可选值为 ${Z.f.list(
            expected.map((word, i) => (aliases?.[i] ? `${aliases[i]}（${word}）` : word)),
            'or'
        )}`
};

export const unknownValue = defineRule({
    id: 'unknown-value',
    severity: 'error',
    family: 'values',
    extension: true,
    reportedBy: ['language/src/analysis/value-resolution.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A word that is not one of the allowed values of its property (stage, focus, kind, type, binding, every, on, per, locale). The values of stage, focus, kind, type and binding may also be written as their Chinese aliases (`stage 成长期` is `stage growth`).',
        'zh-CN':
            '属性的取值不在允许的范围内（stage、focus、kind、type、binding、every、on、per、locale）。stage、focus、kind、type、binding 的取值也可以写中文别名，例如 `stage 成长期` 即 `stage growth`。'
    },
    fixes: []
});
