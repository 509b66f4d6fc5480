import { en as E, zh as Z } from '../i18n/words.js';
import { defineRule } from './rule.js';

/** The messages of `unknown-value`: one per kind of finding, with the figures it needs. */
export type UnknownValueMessages = {
    unknownValue(a: { what: string; word: string; expected: readonly string[]; suggestion?: string }): string;
};

const EN: UnknownValueMessages = {
    unknownValue: ({ what, word: value, expected, suggestion }) =>
        `${E.VALUE_WHAT[what]?.(value) ?? `unknown ${what} '${value}'`}: ${suggestion ? `did you mean '${suggestion}'? ` : ''}expected ${E.f.list(expected, 'or')}`,
};

const ZH_CN: UnknownValueMessages = {
    unknownValue: ({ what, word: value, expected, suggestion }) =>
        `未知的${Z.VALUE_WHAT[what] ?? what} '${value}'：${suggestion ? `是不是 '${suggestion}'？` : ''}可选值为 ${Z.f.list(expected, 'or')}`,
};

export const unknownValue = defineRule({
    id: 'unknown-value',
    severity: 'error',
    family: 'values',
    extension: true,
    reportedBy: ['language/src/analysis/value-resolution.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A word that is not one of the allowed values of its property (stage, focus, kind, type, binding, every, on, per, locale).',
        'zh-CN': '属性的取值不在允许的范围内（stage、focus、kind、type、binding、every、on、per、locale）。'
    },
    fixes: []
});
