// The periods offered by "Generate Review Template", computed from the playbook period and today's
// date. Pure (no `vscode`), so unit tests pin the calendar arithmetic. Dates are ISO `YYYY-MM-DD`
// strings, handled as UTC days so no time zone can shift them.

/** An inclusive range of days. */
export interface DaySpan {
    start: string;
    end: string;
}

export interface PeriodChoice {
    /** What the quick pick shows, e.g. "This week". */
    label: string;
    /** The period as `opsbook review --period` takes it: 2027-W05, 2027-01 or 2027-Q1. */
    period: string;
    span: DaySpan;
}

export interface PeriodChoices {
    /** This / next week, month and quarter, relative to today (clamped into the playbook period). */
    relative: PeriodChoice[];
    /** Every week, month and quarter of the playbook period, in date order (empty without a period). */
    all: PeriodChoice[];
}

const DAY_MS = 86_400_000;

function parseDay(day: string): Date {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
    if (!match) throw new Error(`not a YYYY-MM-DD date: ${day}`);
    return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
}

function formatDay(date: Date): string {
    return date.toISOString().slice(0, 10);
}

function addDays(date: Date, days: number): Date {
    return new Date(date.getTime() + days * DAY_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The ISO week (Monday to Sunday) holding `date`, as `2027-W05` and its days. */
export function isoWeek(day: string): PeriodChoice {
    const date = parseDay(day);
    const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
    const monday = addDays(date, -weekday);
    const thursday = addDays(monday, 3); // the week belongs to the year of its Thursday
    const year = thursday.getUTCFullYear();
    const firstThursday = parseDay(`${year}-01-04`);
    const firstMonday = addDays(firstThursday, -((firstThursday.getUTCDay() + 6) % 7));
    const week = Math.round((monday.getTime() - firstMonday.getTime()) / (7 * DAY_MS)) + 1;
    return { label: '', period: `${year}-W${pad(week)}`, span: { start: formatDay(monday), end: formatDay(addDays(monday, 6)) } };
}

export function month(day: string): PeriodChoice {
    const date = parseDay(day);
    const year = date.getUTCFullYear();
    const m = date.getUTCMonth();
    const first = new Date(Date.UTC(year, m, 1));
    const last = new Date(Date.UTC(year, m + 1, 0));
    return { label: '', period: `${year}-${pad(m + 1)}`, span: { start: formatDay(first), end: formatDay(last) } };
}

export function quarter(day: string): PeriodChoice {
    const date = parseDay(day);
    const year = date.getUTCFullYear();
    const q = Math.floor(date.getUTCMonth() / 3);
    const first = new Date(Date.UTC(year, q * 3, 1));
    const last = new Date(Date.UTC(year, q * 3 + 3, 0));
    return { label: '', period: `${year}-Q${q + 1}`, span: { start: formatDay(first), end: formatDay(last) } };
}

const dayAfter = (span: DaySpan) => formatDay(addDays(parseDay(span.end), 1));
const overlaps = (a: DaySpan, b: DaySpan) => a.start <= b.end && b.start <= a.end;

/**
 * The choices for a playbook running over `playbook` (undefined when it declares no period), seen on
 * `today`. Before the period starts, "this" means its first week / month / quarter; after it ended,
 * its last; periods entirely outside the playbook are left out.
 */
export function reviewPeriodChoices(playbook: DaySpan | undefined, today: string): PeriodChoices {
    let reference = today;
    let when: 'during' | 'before' | 'after' = 'during';
    if (playbook && today < playbook.start) {
        reference = playbook.start;
        when = 'before';
    } else if (playbook && today > playbook.end) {
        reference = playbook.end;
        when = 'after';
    }
    const thisWord = { during: 'This', before: 'First', after: 'Final' }[when];
    const nextWord = { during: 'Next', before: 'Second', after: 'Next' }[when];

    const relative: PeriodChoice[] = [];
    for (const [unit, of] of [['week', isoWeek], ['month', month], ['quarter', quarter]] as const) {
        const current = of(reference);
        const next = of(dayAfter(current.span));
        relative.push({ ...current, label: `${thisWord} ${unit}` });
        if (when !== 'after') relative.push({ ...next, label: `${nextWord} ${unit}` });
    }
    const inside = (choice: PeriodChoice) => !playbook || overlaps(choice.span, playbook);
    return { relative: relative.filter(inside), all: playbook ? allPeriodsOf(playbook) : [] };
}

/** Every quarter, month and week that overlaps the playbook period, grouped by unit, in date order. */
function allPeriodsOf(playbook: DaySpan): PeriodChoice[] {
    const choices: PeriodChoice[] = [];
    for (const [unit, of] of [['Quarter', quarter], ['Month', month], ['Week', isoWeek]] as const) {
        for (let current = of(playbook.start); current.span.start <= playbook.end; current = of(dayAfter(current.span))) {
            choices.push({ ...current, label: `${unit} ${current.period}` });
        }
    }
    return choices;
}

/** Today in the local time zone, as YYYY-MM-DD: what the user calls "today". */
export function localToday(now = new Date()): string {
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Checks a day typed by the user: undefined when valid, else the reason. */
export function invalidDayReason(text: string): string | undefined {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'Write the day as YYYY-MM-DD, e.g. 2027-02-15.';
    const date = parseDay(text);
    return formatDay(date) === text ? undefined : `${text} is not on the calendar.`;
}
