import { en as E } from '../i18n/words.js';
import { defineRule } from './rule.js';

/** The messages of `invalid-date`: one per kind of finding, with the figures it needs. */
export type InvalidDateMessages = {
    // ---- values (analysis/value-resolution.ts) -----------------------------------------------
    dateMalformed(a: { text: string; example: string }): string;
    dateNotOnCalendar(a: {
        text: string;
        reason: 'year-zero' | 'month-range' | 'day-start' | 'month-days';
        year: number;
        month: number;
        days: number;
    }): string;
    periodInvalid(a: { text: string; expected: 'quarter' | 'month' | 'month-range' | 'year-zero' | 'any'; example?: string }): string;
};

const EN: InvalidDateMessages = {
    dateMalformed: ({ text, example }) => `${text} is not a date: write it as YYYY-MM-DD, e.g. ${example}`,
    dateNotOnCalendar: ({ text, reason, year, month, days }) => {
        const not = `${text} is not on the calendar`;
        if (reason === 'year-zero') return `${not}: there is no year 0`;
        if (reason === 'month-range') return `${not}: months run from 01 to 12`;
        if (reason === 'day-start') return `${not}: days start at 01`;
        return `${not}: ${E.MONTHS[month - 1]} ${year} has ${days} days`;
    },
    periodInvalid: ({ text, expected, example }) => {
        if (expected === 'quarter') return `${text} is not a quarter: write YYYY-Q1 … YYYY-Q4`;
        if (expected === 'month') return `${text} is not a month: write it as YYYY-MM, e.g. ${example}`;
        if (expected === 'month-range') return `${text} is not a month: months run from 01 to 12`;
        if (expected === 'year-zero') return `${text} is not a period: there is no year 0`;
        return `${text} is not a period: write YYYY-MM-DD .. YYYY-MM-DD, YYYY-Qn (2027-Q1), YYYY-MM (2027-01) or YYYY (2027)`;
    }
};

const ZH_CN: InvalidDateMessages = {
    dateMalformed: ({ text, example }) => `${text} 不是日期：请写成 YYYY-MM-DD，例如 ${example}`,
    dateNotOnCalendar: ({ text, reason, year, month, days }) => {
        const not = `日历上没有 ${text}`;
        if (reason === 'year-zero') return `${not}：没有 0 年`;
        if (reason === 'month-range') return `${not}：月份是 01 到 12`;
        if (reason === 'day-start') return `${not}：日期从 01 开始`;
        return `${not}：${year} 年 ${month} 月只有 ${days} 天`;
    },
    periodInvalid: ({ text, expected, example }) => {
        if (expected === 'quarter') return `${text} 不是季度：请写 YYYY-Q1 … YYYY-Q4`;
        if (expected === 'month') return `${text} 不是月份：请写成 YYYY-MM，例如 ${example}`;
        if (expected === 'month-range') return `${text} 不是月份：月份是 01 到 12`;
        if (expected === 'year-zero') return `${text} 不是周期：没有 0 年`;
        return `${text} 不是周期：请写 YYYY-MM-DD .. YYYY-MM-DD、YYYY-Qn（2027-Q1）、YYYY-MM（2027-01）或 YYYY（2027）`;
    }
};

export const invalidDate = defineRule({
    id: 'invalid-date',
    severity: 'error',
    family: 'values',
    reportedBy: ['language/src/analysis/value-resolution.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A date that is not on the calendar or not written `YYYY-MM-DD` (periods also accept `YYYY-Qn`, `YYYY-MM`, `YYYY`).',
        'zh-CN': '日期不在日历上，或未按 `YYYY-MM-DD` 书写（period 还接受 `YYYY-Qn`、`YYYY-MM`、`YYYY`）。'
    },
    fixes: []
});
