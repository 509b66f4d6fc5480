// Calendar dates without time zones.
//
// A playbook date is a day on the (proleptic Gregorian) calendar, not an instant: using JS `Date`
// would shift it by the machine's time zone. Days are counted with pure integer arithmetic
// (H. Hinnant's days_from_civil), so results are identical on every machine.

export interface CalendarDate {
    year: number;
    /** 1 = January … 12 = December */
    month: number;
    /** 1 … 31 */
    day: number;
}

export type DateParseResult = { ok: true; date: CalendarDate } | { ok: false; reason: 'malformed' | 'not-on-calendar'; message: string };

/** 0 = Monday … 6 = Sunday (ISO 8601 order), matching `weekday()`. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MONTH_NAMES = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December'
] as const;

// The DATE token is lenient (1–2 digit month and day) so that `2027-3-1` reaches this function
// and gets a helpful message instead of a lexer error.
const LENIENT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const STRICT = /^\d{4}-\d{2}-\d{2}$/;

export function isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
    if (month === 2) return isLeapYear(year) ? 29 : 28;
    return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidDate(d: CalendarDate): boolean {
    return (
        Number.isInteger(d.year) &&
        Number.isInteger(d.month) &&
        Number.isInteger(d.day) &&
        d.year >= 1 &&
        d.year <= 9999 &&
        d.month >= 1 &&
        d.month <= 12 &&
        d.day >= 1 &&
        d.day <= daysInMonth(d.year, d.month)
    );
}

/** Why a well-formed date is not on the calendar, or undefined when it is. */
function calendarProblem(text: string, d: CalendarDate): string | undefined {
    const not = `${text} is not on the calendar`;
    if (d.year < 1) return `${not}: there is no year 0`;
    if (d.month < 1 || d.month > 12) return `${not}: months run from 01 to 12`;
    if (d.day < 1) return `${not}: days start at 01`;
    const max = daysInMonth(d.year, d.month);
    if (d.day > max) return `${not}: ${MONTH_NAMES[d.month - 1]} ${d.year} has ${max} days`;
    return undefined;
}

/**
 * Parses `YYYY-MM-DD`. `2027-3-1` is 'malformed' (the message shows the padded form); `2027-02-30`
 * is 'not-on-calendar' (the message says how many days the month has).
 */
export function parseDate(text: string): DateParseResult {
    const m = LENIENT.exec(text);
    if (!m) {
        return { ok: false, reason: 'malformed', message: `${text} is not a date: write it as YYYY-MM-DD, e.g. 2027-03-01` };
    }
    const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    if (!STRICT.test(text)) {
        // Show the user's own date padded when that is a real date, else a fixed example.
        const example = isValidDate(date) ? formatDate(date) : `${m[1]}-03-01`;
        return { ok: false, reason: 'malformed', message: `${text} is not a date: write it as YYYY-MM-DD, e.g. ${example}` };
    }
    const problem = calendarProblem(text, date);
    if (problem) return { ok: false, reason: 'not-on-calendar', message: problem };
    return { ok: true, date };
}

/** Days since 1970-01-01 (which is 0); negative before it. */
export function dayNumber(d: CalendarDate): number {
    const y = d.month <= 2 ? d.year - 1 : d.year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400; // [0, 399]
    const mp = (d.month + 9) % 12; // March = 0 … February = 11
    const doy = Math.floor((153 * mp + 2) / 5) + d.day - 1; // [0, 365]
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy; // [0, 146096]
    return era * 146097 + doe - 719468;
}

/** Inverse of `dayNumber`. */
export function fromDayNumber(n: number): CalendarDate {
    const z = n + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Negative, zero or positive like a sort comparator (always -1, 0 or 1). */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
    const d = dayNumber(a) - dayNumber(b);
    return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function addDays(d: CalendarDate, days: number): CalendarDate {
    return fromDayNumber(dayNumber(d) + days);
}

/** ISO `YYYY-MM-DD`. */
export function formatDate(d: CalendarDate): string {
    const p = (n: number, w: number) => String(n).padStart(w, '0');
    return `${p(d.year, 4)}-${p(d.month, 2)}-${p(d.day, 2)}`;
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(d: CalendarDate): number {
    return weekdayOfDayNumber(dayNumber(d));
}

/** The weekday (0 = Monday … 6 = Sunday) of a day number (`dayNumber`). */
export function weekdayOfDayNumber(n: number): number {
    // 1970-01-01 was a Thursday (3); the double modulo keeps negative day numbers in range.
    return (((n + 3) % 7) + 7) % 7;
}

export function weekdayName(d: CalendarDate): Weekday {
    return WEEKDAYS[weekday(d)] as Weekday;
}

/** Index 0–6 of a weekday name (`monday` …), case-insensitive; undefined for anything else. */
export function weekdayIndex(name: string): number | undefined {
    const i = (WEEKDAYS as readonly string[]).indexOf(name.toLowerCase());
    return i < 0 ? undefined : i;
}

/**
 * Days from `start` to `end` counting both ends: the same day gives 1, 2027-01-01..2027-01-31
 * gives 31. A reversed range gives 0 or less (callers report `range-reversed` separately).
 */
export function daysBetweenInclusive(start: CalendarDate, end: CalendarDate): number {
    return dayNumber(end) - dayNumber(start) + 1;
}
