// Date ranges: the playbook `period` and campaign `window`, the shorthands `YYYY-Qn`, `YYYY-MM`,
// `YYYY`, the review template's `--period` (which adds ISO weeks `YYYY-Www`), and the linear
// pro-rating of targets to a date.

import {
    type CalendarDate,
    compareDates,
    dayNumber,
    daysBetweenInclusive,
    daysInMonth,
    formatDate,
    fromDayNumber,
    weekday
} from './date.js';

/** Both ends inclusive. */
export interface DateRange {
    start: CalendarDate;
    end: CalendarDate;
}

export type PeriodKind = 'year' | 'quarter' | 'month' | 'week';

export type PeriodParseResult = { ok: true; range: DateRange; kind: PeriodKind } | { ok: false; message: string };

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-([Qq])(\d+)$/;
const MONTH = /^(\d{4})-(\d{1,2})$/;
const WEEK = /^(\d{4})-([Ww])(\d+)$/;

function fail(message: string): PeriodParseResult {
    return { ok: false, message };
}

function ok(start: CalendarDate, end: CalendarDate, kind: PeriodKind): PeriodParseResult {
    return { ok: true, range: { start, end }, kind };
}

function parseYear(text: string, digits: string): PeriodParseResult {
    const year = Number(digits);
    if (year < 1) return fail(`${text} is not a year: there is no year 0`);
    return ok({ year, month: 1, day: 1 }, { year, month: 12, day: 31 }, 'year');
}

function parseQuarter(text: string, m: RegExpExecArray): PeriodParseResult {
    const [, y = '', q = '', n = ''] = m;
    if (q !== 'Q' || n.length !== 1 || Number(n) < 1 || Number(n) > 4) {
        return fail(`${text} is not a quarter: write YYYY-Q1 … YYYY-Q4`);
    }
    const year = Number(y);
    if (year < 1) return fail(`${text} is not a quarter: there is no year 0`);
    const first = (Number(n) - 1) * 3 + 1;
    return ok({ year, month: first, day: 1 }, { year, month: first + 2, day: daysInMonth(year, first + 2) }, 'quarter');
}

function parseMonth(text: string, m: RegExpExecArray): PeriodParseResult {
    const [, y = '', mm = ''] = m;
    const year = Number(y);
    const month = Number(mm);
    if (mm.length !== 2) {
        const example = month >= 1 && month <= 12 ? `${y}-${mm.padStart(2, '0')}` : `${y}-03`;
        return fail(`${text} is not a month: write it as YYYY-MM, e.g. ${example}`);
    }
    if (month < 1 || month > 12) return fail(`${text} is not a month: months run from 01 to 12`);
    if (year < 1) return fail(`${text} is not a month: there is no year 0`);
    return ok({ year, month, day: 1 }, { year, month, day: daysInMonth(year, month) }, 'month');
}

function parseWeek(text: string, m: RegExpExecArray): PeriodParseResult {
    const [, y = '', w = '', n = ''] = m;
    const year = Number(y);
    const week = Number(n);
    if (w !== 'W' || n.length !== 2) {
        const example = week >= 1 && week <= 53 ? `${y}-W${String(week).padStart(2, '0')}` : `${y}-W05`;
        return fail(`${text} is not a week: write it as YYYY-Www, e.g. ${example}`);
    }
    if (year < 1) return fail(`${text} is not a week: there is no year 0`);
    const weeks = isoWeeksInYear(year);
    if (week < 1 || week > weeks) {
        return fail(`${text} is not a week: ${year} has ${weeks} ISO weeks, W01 … W${weeks}`);
    }
    const start = isoWeekStart(year, week);
    return ok(start, fromDayNumber(dayNumber(start) + 6), 'week');
}

/**
 * `YYYY-Qn`, `YYYY-MM` or `YYYY` as the whole quarter, month or year (SPEC §2, `period`). The
 * error message states the expected form, as `invalid-date` requires.
 */
export function parsePeriodShorthand(text: string): PeriodParseResult {
    const year = YEAR.exec(text);
    if (year) return parseYear(text, year[1] as string);
    const quarter = QUARTER.exec(text);
    if (quarter) return parseQuarter(text, quarter);
    const month = MONTH.exec(text);
    if (month) return parseMonth(text, month);
    return fail(`${text} is not a period: write YYYY-Qn (2027-Q1), YYYY-MM (2027-01) or YYYY (2027)`);
}

/** The shorthands of `parsePeriodShorthand` plus ISO weeks `YYYY-Www` (`opsbook review --period`). */
export function parseReviewPeriod(text: string): PeriodParseResult {
    const m = WEEK.exec(text);
    if (m) return parseWeek(text, m);
    const r = parsePeriodShorthand(text);
    if (!r.ok && r.message.endsWith('or YYYY (2027)')) {
        return fail(`${text} is not a period: write YYYY-Www (2027-W05), YYYY-MM (2027-01), YYYY-Qn (2027-Q1) or YYYY (2027)`);
    }
    return r;
}

/**
 * Monday of ISO week `week` of `year`. ISO 8601: weeks start on Monday and week 1 is the one
 * containing the year's first Thursday, i.e. the week containing 4 January.
 */
export function isoWeekStart(year: number, week: number): CalendarDate {
    const jan4 = { year, month: 1, day: 4 };
    return fromDayNumber(dayNumber(jan4) - weekday(jan4) + (week - 1) * 7);
}

/** 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; else 52. */
export function isoWeeksInYear(year: number): number {
    const jan1 = weekday({ year, month: 1, day: 1 });
    return jan1 === 3 || (jan1 === 2 && daysInMonth(year, 2) === 29) ? 53 : 52;
}

/** The ISO week a date belongs to; its `year` may differ from the date's near New Year. */
export function isoWeekOf(date: CalendarDate): { year: number; week: number } {
    // The week belongs to the year of its Thursday.
    const thursday = dayNumber(date) - weekday(date) + 3;
    const year = fromDayNumber(thursday).year;
    return { year, week: Math.floor((thursday - dayNumber({ year, month: 1, day: 1 })) / 7) + 1 };
}

/** `2027-W05` style label of an ISO week. */
export function formatIsoWeek(w: { year: number; week: number }): string {
    return `${String(w.year).padStart(4, '0')}-W${String(w.week).padStart(2, '0')}`;
}

/** A calendar period as `opsbook review --period` names it (`2027-W05`, `2027-01`, `2027-Q1`) and its days. */
export interface CalendarPeriod {
    kind: 'week' | 'month' | 'quarter';
    label: string;
    range: DateRange;
}

/** The ISO week, month or quarter that holds `date`. */
export function periodContaining(date: CalendarDate, kind: CalendarPeriod['kind']): CalendarPeriod {
    const year = String(date.year).padStart(4, '0');
    if (kind === 'week') {
        const monday = fromDayNumber(dayNumber(date) - weekday(date));
        return { kind, label: formatIsoWeek(isoWeekOf(date)), range: { start: monday, end: fromDayNumber(dayNumber(monday) + 6) } };
    }
    if (kind === 'month') {
        const range = { start: { ...date, day: 1 }, end: { ...date, day: daysInMonth(date.year, date.month) } };
        return { kind, label: `${year}-${String(date.month).padStart(2, '0')}`, range };
    }
    const quarter = Math.floor((date.month - 1) / 3);
    const first = quarter * 3 + 1;
    const range = {
        start: { year: date.year, month: first, day: 1 },
        end: { year: date.year, month: first + 2, day: daysInMonth(date.year, first + 2) }
    };
    return { kind, label: `${year}-Q${quarter + 1}`, range };
}

/** The period of the same kind that follows `period`. */
export function nextPeriod(period: CalendarPeriod): CalendarPeriod {
    return periodContaining(fromDayNumber(dayNumber(period.range.end) + 1), period.kind);
}

export function contains(range: DateRange, date: CalendarDate): boolean {
    return compareDates(range.start, date) <= 0 && compareDates(date, range.end) <= 0;
}

/** True when every day of `inner` lies in `outer`. */
export function rangeWithin(inner: DateRange, outer: DateRange): boolean {
    return compareDates(outer.start, inner.start) <= 0 && compareDates(inner.end, outer.end) <= 0;
}

/** Number of days, both ends counted (a reversed range gives 0 or less). */
export function lengthInDays(range: DateRange): number {
    return daysBetweenInclusive(range.start, range.end);
}

/** `2027-01-01 .. 2027-03-31`, the source syntax. */
export function formatRange(range: DateRange): string {
    return `${formatDate(range.start)} .. ${formatDate(range.end)}`;
}

/**
 * A range as a reader writes it, its days joined by `to` (the locale's `rangeTo`: `2027-07-01 – 2027-09-30`);
 * a range of one day is that day once.
 */
export function formatRangeFor(range: DateRange, to: string): string {
    const start = formatDate(range.start);
    const end = formatDate(range.end);
    return start === end ? start : `${start}${to}${end}`;
}

/**
 * Share of [start, end] elapsed by the end of day `asOf`, for "target to date" (SPEC §6):
 *
 *     0                                          if asOf < start
 *     1                                          if asOf >= end
 *     (asOf − start + 1) / (end − start + 1)     otherwise, in days
 *
 * Days are whole and inclusive: on the first day one day's share is due, on the last day all of
 * it, and a one-day range is complete on that day. A reversed range (end < start) is 0 before
 * start and 1 from start on.
 */
export function proRatedFraction(start: CalendarDate, end: CalendarDate, asOf: CalendarDate): number {
    const s = dayNumber(start);
    const e = dayNumber(end);
    const a = dayNumber(asOf);
    if (a < s) return 0;
    if (a >= e) return 1;
    return (a - s + 1) / (e - s + 1);
}
