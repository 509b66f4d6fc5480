import { defineRule } from './rule.js';

/** The messages of `date-outside-period`: one per kind of finding, with the figures it needs. */
export type DateOutsidePeriodMessages = {
    dateOutsidePeriod(a: { what: 'deadline' | 'window' | 'review'; name: string; text: string; period: string }): string;
};

const EN: DateOutsidePeriodMessages = {
    dateOutsidePeriod: ({ what, name, text, period }) => {
        const subject = what === 'deadline' ? `the deadline of ${name}, ${text},` : what === 'window' ? `the window of ${name}, ${text},` : `review ${name} on ${text}`;
        return `${subject} lies outside the playbook period ${period}: move it into the period or widen the period`;
    },
};

const ZH_CN: DateOutsidePeriodMessages = {
    dateOutsidePeriod: ({ what, name, text, period }) => {
        const subject = what === 'deadline' ? `${name} 的截止日期 ${text}` : what === 'window' ? `${name} 的时间窗口 ${text}` : `复盘 ${name} 的日期 ${text}`;
        return `${subject}不在运营期间 ${period} 内：请移到期间内，或放宽期间`;
    },
};

export const dateOutsidePeriod = defineRule({
    id: 'date-outside-period',
    severity: 'warning',
    family: 'schedule',
    reportedBy: ['language/src/validation/schedule-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A goal deadline, campaign window or review date lies outside the playbook period.',
        'zh-CN': '目标截止日、活动窗口或复盘日期在剧本周期之外。'
    },
    fixes: []
});
