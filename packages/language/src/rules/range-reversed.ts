import { defineRule } from './rule.js';

/** The messages of `range-reversed`: one per kind of finding, with the figures it needs. */
export type RangeReversedMessages = {
    rangeReversed(a: { what: 'period' | 'window'; start: string; end: string }): string;
};

const EN: RangeReversedMessages = {
    rangeReversed: ({ what, start, end }) =>
        `the ${what} ${start} .. ${end} ends before it starts: write the earlier date first (${end} .. ${start})`
};

const ZH_CN: RangeReversedMessages = {
    rangeReversed: ({ what, start, end }) =>
        `${what === 'period' ? '周期（period）' : '时间窗口（window）'} ${start} .. ${end} 的结束早于开始：请把较早的日期写在前面（${end} .. ${start}）`
};

export const rangeReversed = defineRule({
    id: 'range-reversed',
    severity: 'error',
    family: 'values',
    reportedBy: ['language/src/analysis/value-resolution.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A range whose start is after its end.',
        'zh-CN': '区间的开始晚于结束。'
    },
    fixes: []
});
