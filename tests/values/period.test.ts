import { describe, expect, it } from 'vitest';
import {
    type CalendarDate,
    contains,
    type DateRange,
    formatDate,
    formatIsoWeek,
    formatRange,
    isoWeekOf,
    isoWeeksInYear,
    isoWeekStart,
    lengthInDays,
    parseDate,
    parsePeriodShorthand,
    parseReviewPeriod,
    proRatedFraction,
    rangeWithin
} from '../../packages/language/src/values/index.js';

function date(text: string): CalendarDate {
    const r = parseDate(text);
    if (!r.ok) throw new Error(r.message);
    return r.date;
}

function range(text: string, parse = parsePeriodShorthand): string {
    const r = parse(text);
    if (!r.ok) throw new Error(r.message);
    return formatRange(r.range);
}

function message(text: string, parse = parsePeriodShorthand): string {
    const r = parse(text);
    if (r.ok) throw new Error(`expected ${text} to be rejected`);
    return r.message;
}

const R = (a: string, b: string): DateRange => ({ start: date(a), end: date(b) });

describe('parsePeriodShorthand', () => {
    it('expands quarters', () => {
        expect(range('2027-Q1')).toBe('2027-01-01 .. 2027-03-31');
        expect(range('2027-Q2')).toBe('2027-04-01 .. 2027-06-30');
        expect(range('2027-Q3')).toBe('2027-07-01 .. 2027-09-30');
        expect(range('2027-Q4')).toBe('2027-10-01 .. 2027-12-31');
        const r = parsePeriodShorthand('2027-Q1');
        expect(r.ok && r.kind).toBe('quarter');
    });

    it('expands months, with leap Februaries', () => {
        expect(range('2027-01')).toBe('2027-01-01 .. 2027-01-31');
        expect(range('2027-02')).toBe('2027-02-01 .. 2027-02-28');
        expect(range('2028-02')).toBe('2028-02-01 .. 2028-02-29');
        expect(range('2027-11')).toBe('2027-11-01 .. 2027-11-30');
    });

    it('expands years', () => {
        expect(range('2027')).toBe('2027-01-01 .. 2027-12-31');
        const r = parsePeriodShorthand('2028');
        expect(r.ok && lengthInDays(r.range)).toBe(366);
        expect(r.ok && r.kind).toBe('year');
    });

    it('rejects with the expected form', () => {
        expect(message('2027-Q5')).toBe('2027-Q5 is not a quarter: write YYYY-Q1 … YYYY-Q4');
        expect(message('2027-Q0')).toBe('2027-Q0 is not a quarter: write YYYY-Q1 … YYYY-Q4');
        expect(message('2027-Q01')).toMatch(/is not a quarter/);
        expect(message('2027-q1')).toMatch(/is not a quarter/);
        expect(message('2027-13')).toBe('2027-13 is not a month: months run from 01 to 12');
        expect(message('2027-00')).toMatch(/months run from 01 to 12/);
        expect(message('2027-3')).toBe('2027-3 is not a month: write it as YYYY-MM, e.g. 2027-03');
        expect(message('0000')).toMatch(/no year 0/);
        expect(message('27')).toBe('27 is not a period: write YYYY-Qn (2027-Q1), YYYY-MM (2027-01) or YYYY (2027)');
        expect(message('2027-W05')).toMatch(/is not a period/); // weeks only for reviews
    });
});

describe('parseReviewPeriod', () => {
    it('accepts ISO weeks: 2027-W05 is 2027-02-01 .. 2027-02-07', () => {
        expect(range('2027-W05', parseReviewPeriod)).toBe('2027-02-01 .. 2027-02-07');
        const r = parseReviewPeriod('2027-W05');
        expect(r.ok && r.kind).toBe('week');
    });

    it('puts week 1 around the first Thursday', () => {
        expect(range('2027-W01', parseReviewPeriod)).toBe('2027-01-04 .. 2027-01-10'); // 2027-01-01 is a Friday
        expect(range('2026-W01', parseReviewPeriod)).toBe('2025-12-29 .. 2026-01-04'); // 2026-01-01 is a Thursday
        expect(range('2025-W01', parseReviewPeriod)).toBe('2024-12-30 .. 2025-01-05');
        expect(range('2021-W01', parseReviewPeriod)).toBe('2021-01-04 .. 2021-01-10');
    });

    it('knows the years with 53 weeks', () => {
        const long = [2004, 2009, 2015, 2020, 2026, 2032, 2037];
        for (let y = 2000; y <= 2040; y++) expect(isoWeeksInYear(y), String(y)).toBe(long.includes(y) ? 53 : 52);
        expect(range('2026-W53', parseReviewPeriod)).toBe('2026-12-28 .. 2027-01-03');
        expect(range('2020-W53', parseReviewPeriod)).toBe('2020-12-28 .. 2021-01-03');
        expect(message('2027-W53', parseReviewPeriod)).toBe('2027-W53 is not a week: 2027 has 52 ISO weeks, W01 … W52');
        expect(message('2027-W00', parseReviewPeriod)).toMatch(/2027 has 52 ISO weeks/);
    });

    it('rejects malformed weeks with the expected form', () => {
        expect(message('2027-W5', parseReviewPeriod)).toBe('2027-W5 is not a week: write it as YYYY-Www, e.g. 2027-W05');
        expect(message('2027-w05', parseReviewPeriod)).toMatch(/write it as YYYY-Www/);
        expect(message('next week', parseReviewPeriod)).toMatch(/write YYYY-Www \(2027-W05\), YYYY-MM/);
    });

    it('also accepts months, quarters and years', () => {
        expect(range('2027-01', parseReviewPeriod)).toBe('2027-01-01 .. 2027-01-31');
        expect(range('2027-Q1', parseReviewPeriod)).toBe('2027-01-01 .. 2027-03-31');
        expect(range('2027', parseReviewPeriod)).toBe('2027-01-01 .. 2027-12-31');
        expect(message('2027-Q5', parseReviewPeriod)).toBe('2027-Q5 is not a quarter: write YYYY-Q1 … YYYY-Q4');
    });

    it('finds the ISO week of a date', () => {
        expect(formatIsoWeek(isoWeekOf(date('2027-02-03')))).toBe('2027-W05');
        expect(formatIsoWeek(isoWeekOf(date('2027-01-01')))).toBe('2026-W53');
        expect(formatIsoWeek(isoWeekOf(date('2024-12-30')))).toBe('2025-W01');
        expect(formatIsoWeek(isoWeekOf(date('2027-01-04')))).toBe('2027-W01');
        expect(formatDate(isoWeekStart(2027, 5))).toBe('2027-02-01');
        // every day of a week maps back to it
        for (let y = 2019; y <= 2030; y++) {
            for (let w = 1; w <= isoWeeksInYear(y); w++) {
                const r = parseReviewPeriod(formatIsoWeek({ year: y, week: w }));
                expect(r.ok && isoWeekOf(r.range.start)).toEqual({ year: y, week: w });
                expect(r.ok && isoWeekOf(r.range.end)).toEqual({ year: y, week: w });
            }
        }
    });
});

describe('ranges', () => {
    const q1 = R('2027-01-01', '2027-03-31');

    it('contains dates inclusively', () => {
        expect(contains(q1, date('2027-01-01'))).toBe(true);
        expect(contains(q1, date('2027-03-31'))).toBe(true);
        expect(contains(q1, date('2027-02-15'))).toBe(true);
        expect(contains(q1, date('2026-12-31'))).toBe(false);
        expect(contains(q1, date('2027-04-01'))).toBe(false);
    });

    it('checks nesting', () => {
        expect(rangeWithin(R('2027-01-20', '2027-02-10'), q1)).toBe(true);
        expect(rangeWithin(q1, q1)).toBe(true);
        expect(rangeWithin(R('2027-03-15', '2027-04-15'), q1)).toBe(false);
        expect(rangeWithin(R('2026-12-31', '2027-01-15'), q1)).toBe(false);
    });

    it('measures length in days', () => {
        expect(lengthInDays(q1)).toBe(90);
        expect(lengthInDays(R('2027-05-05', '2027-05-05'))).toBe(1);
    });
});

describe('proRatedFraction', () => {
    const s = date('2027-01-01');
    const e = date('2027-01-10');

    it('is 0 before the start and 1 on and after the end', () => {
        expect(proRatedFraction(s, e, date('2026-12-31'))).toBe(0);
        expect(proRatedFraction(s, e, date('2027-01-10'))).toBe(1);
        expect(proRatedFraction(s, e, date('2027-06-01'))).toBe(1);
    });

    it('counts days inclusively in between', () => {
        expect(proRatedFraction(s, e, date('2027-01-01'))).toBe(0.1);
        expect(proRatedFraction(s, e, date('2027-01-05'))).toBe(0.5);
        expect(proRatedFraction(s, e, date('2027-01-09'))).toBe(0.9);
        // Q1 2027 (90 days) as of 2027-02-14: 45 days elapsed
        expect(proRatedFraction(s, date('2027-03-31'), date('2027-02-14'))).toBe(0.5);
    });

    it('treats a one-day range as complete on that day', () => {
        const d = date('2027-05-05');
        expect(proRatedFraction(d, d, date('2027-05-04'))).toBe(0);
        expect(proRatedFraction(d, d, d)).toBe(1);
        expect(proRatedFraction(d, d, date('2027-05-06'))).toBe(1);
    });

    it('treats a reversed range as 0 before its start and 1 from it on', () => {
        expect(proRatedFraction(date('2027-02-01'), date('2027-01-01'), date('2027-01-15'))).toBe(0);
        expect(proRatedFraction(date('2027-02-01'), date('2027-01-01'), date('2027-02-01'))).toBe(1);
    });

    it('is monotonic over a quarter', () => {
        let last = -1;
        for (const t of ['2026-12-30', '2027-01-01', '2027-01-31', '2027-02-28', '2027-03-30', '2027-03-31', '2027-04-02']) {
            const f = proRatedFraction(date('2027-01-01'), date('2027-03-31'), date(t));
            expect(f).toBeGreaterThanOrEqual(last);
            expect(f).toBeGreaterThanOrEqual(0);
            expect(f).toBeLessThanOrEqual(1);
            last = f;
        }
    });
});
