import { describe, expect, it } from 'vitest';
import {
    addDays,
    type CalendarDate,
    compareDates,
    dayNumber,
    daysBetweenInclusive,
    daysInMonth,
    formatDate,
    fromDayNumber,
    isLeapYear,
    parseDate,
    weekday,
    weekdayIndex,
    weekdayName,
    WEEKDAYS
} from '../../packages/language/src/values/index.js';

function date(text: string): CalendarDate {
    const r = parseDate(text);
    if (!r.ok) throw new Error(r.message);
    return r.date;
}

describe('parseDate', () => {
    it('parses ISO dates', () => {
        expect(parseDate('2027-03-31')).toEqual({ ok: true, date: { year: 2027, month: 3, day: 31 } });
        expect(date('2027-12-31')).toEqual({ year: 2027, month: 12, day: 31 });
    });

    it('accepts leap days only in leap years', () => {
        expect(parseDate('2028-02-29').ok).toBe(true);
        expect(parseDate('2000-02-29').ok).toBe(true);
        expect(parseDate('2027-02-29')).toEqual({
            ok: false,
            reason: 'not-on-calendar',
            message: '2027-02-29 is not on the calendar: February 2027 has 28 days'
        });
        expect(parseDate('2100-02-29').ok).toBe(false);
    });

    it('says how long the month is', () => {
        const r = parseDate('2027-02-30');
        expect(!r.ok && r.message).toBe('2027-02-30 is not on the calendar: February 2027 has 28 days');
        const april = parseDate('2027-04-31');
        expect(!april.ok && april.message).toBe('2027-04-31 is not on the calendar: April 2027 has 30 days');
        const m13 = parseDate('2027-13-01');
        expect(!m13.ok && m13.reason).toBe('not-on-calendar');
        expect(!m13.ok && m13.message).toMatch(/months run from 01 to 12/);
        const d0 = parseDate('2027-01-00');
        expect(!d0.ok && d0.message).toMatch(/days start at 01/);
        const y0 = parseDate('0000-01-01');
        expect(!y0.ok && y0.message).toMatch(/no year 0/);
    });

    it('reports malformed dates with the expected form', () => {
        expect(parseDate('2027-3-1')).toEqual({
            ok: false,
            reason: 'malformed',
            message: '2027-3-1 is not a date: write it as YYYY-MM-DD, e.g. 2027-03-01'
        });
        const r = parseDate('2027-2-30');
        expect(!r.ok && r.message).toBe('2027-2-30 is not a date: write it as YYYY-MM-DD, e.g. 2027-03-01');
        for (const t of ['2027/03/01', '27-03-01', '2027-03-01T00:00', '', 'tomorrow']) {
            const x = parseDate(t);
            expect(!x.ok && x.reason, t).toBe('malformed');
        }
    });
});

describe('day arithmetic', () => {
    it('counts days since 1970-01-01', () => {
        expect(dayNumber(date('1970-01-01'))).toBe(0);
        expect(dayNumber(date('1970-01-02'))).toBe(1);
        expect(dayNumber(date('1969-12-31'))).toBe(-1);
        expect(dayNumber(date('2000-01-01'))).toBe(10957);
        expect(dayNumber(date('2027-01-01'))).toBe(20819);
    });

    it('agrees with Date.UTC and round-trips over four centuries', () => {
        for (let n = dayNumber({ year: 1900, month: 1, day: 1 }); n < dayNumber({ year: 2300, month: 1, day: 1 }); n += 29) {
            const d = fromDayNumber(n);
            expect(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000).toBe(n);
            expect(dayNumber(d)).toBe(n);
        }
    });

    it('adds days across month, year and leap boundaries', () => {
        expect(formatDate(addDays(date('2028-02-28'), 1))).toBe('2028-02-29');
        expect(formatDate(addDays(date('2027-02-28'), 1))).toBe('2027-03-01');
        expect(formatDate(addDays(date('2027-12-31'), 1))).toBe('2028-01-01');
        expect(formatDate(addDays(date('2027-03-01'), -1))).toBe('2027-02-28');
        expect(formatDate(addDays(date('2027-01-01'), 365))).toBe('2028-01-01');
    });

    it('compares and measures', () => {
        expect(compareDates(date('2027-01-01'), date('2027-01-02'))).toBe(-1);
        expect(compareDates(date('2027-01-02'), date('2027-01-02'))).toBe(0);
        expect(compareDates(date('2028-01-01'), date('2027-12-31'))).toBe(1);
        expect(daysBetweenInclusive(date('2027-01-01'), date('2027-03-31'))).toBe(90);
        expect(daysBetweenInclusive(date('2027-01-01'), date('2027-01-01'))).toBe(1);
        expect(daysBetweenInclusive(date('2028-01-01'), date('2028-12-31'))).toBe(366);
        expect(daysBetweenInclusive(date('2027-01-02'), date('2027-01-01'))).toBe(0);
    });

    it('knows leap years and month lengths', () => {
        expect([1900, 2000, 2024, 2027, 2028, 2100].map(isLeapYear)).toEqual([false, true, true, false, true, false]);
        expect(daysInMonth(2028, 2)).toBe(29);
        expect(daysInMonth(2027, 2)).toBe(28);
        expect(daysInMonth(2027, 12)).toBe(31);
        expect(daysInMonth(2027, 9)).toBe(30);
    });

    it('formats zero-padded ISO dates', () => {
        expect(formatDate({ year: 2027, month: 3, day: 1 })).toBe('2027-03-01');
        expect(formatDate({ year: 999, month: 12, day: 31 })).toBe('0999-12-31');
    });
});

describe('weekday', () => {
    it('numbers Monday 0 … Sunday 6', () => {
        expect(weekday(date('1970-01-01'))).toBe(3); // Thursday
        expect(weekday(date('1969-12-29'))).toBe(0); // Monday, negative day number
        expect(weekday(date('2027-02-01'))).toBe(0);
        expect(weekday(date('2027-02-07'))).toBe(6);
        expect(weekdayName(date('2000-01-01'))).toBe('saturday');
        expect(weekdayName(date('2027-01-01'))).toBe('friday');
    });

    it('maps names', () => {
        expect(WEEKDAYS).toHaveLength(7);
        expect(weekdayIndex('monday')).toBe(0);
        expect(weekdayIndex('Sunday')).toBe(6);
        expect(weekdayIndex('funday')).toBeUndefined();
    });
});
