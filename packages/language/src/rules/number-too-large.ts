import { defineRule } from './rule.js';

/** The messages of `number-too-large`: one per kind of finding, with the figures it needs. */
export type NumberTooLargeMessages = {
    numberTooLarge(a: { text: string }): string;
};

const EN: NumberTooLargeMessages = {
    numberTooLarge: ({ text }) =>
        `${text} is too large: numbers in a playbook must be below 1,000,000,000,000,000 (is a scale suffix wrong?)`
};

const ZH_CN: NumberTooLargeMessages = {
    numberTooLarge: ({ text }) => `${text} 太大：运营手册中的数字必须小于 1,000,000,000,000,000（单位后缀写错了吗？）`
};

export const numberTooLarge = defineRule({
    id: 'number-too-large',
    severity: 'error',
    family: 'values',
    extension: true,
    reportedBy: ['language/src/analysis/value-resolution.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A number at or above 10^15: almost surely a typo such as a doubled suffix.',
        'zh-CN': '数字达到或超过 10^15：多半是写错了，比如后缀重复。'
    },
    fixes: []
});
