import { defineRule } from './rule.js';

/** The messages of `percent-range`: one per kind of finding, with the figures it needs. */
export type PercentRangeMessages = {
    percentRange(a: { text: string; what: 'capacity' | 'share' | 'other' }): string;
};

const EN: PercentRangeMessages = {
    percentRange: ({ text, what }) => {
        if (what === 'capacity') return `capacity ${text} is above 100%: a person's capacity goes up to 100% (all of their time)`;
        if (what === 'share') return `responsible share ${text} is above 100%: a share of a person's capacity goes up to 100%`;
        return `${text} is outside 0–100%: a percentage runs from 0% to 100%`;
    }
};

const ZH_CN: PercentRangeMessages = {
    percentRange: ({ text, what }) => {
        if (what === 'capacity') return `可投入时间（capacity）${text} 超过 100%：一个人最多投入 100%（全部工作时间）`;
        if (what === 'share') return `执行份额 ${text} 超过 100%：占个人可投入时间的份额最多 100%`;
        return `${text} 超出 0–100% 的范围：百分比在 0% 到 100% 之间`;
    }
};

export const percentRange = defineRule({
    id: 'percent-range',
    severity: 'error',
    family: 'values',
    reportedBy: ['language/src/analysis/value-resolution.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A percentage outside 0–100% (capacity and responsible shares may not exceed 100%).',
        'zh-CN': '百分比超出 0–100%（可投入时间和执行份额不得超过 100%）。'
    },
    fixes: []
});
