// Which days a review covers: `opsbook review --on/--period`, `opsbook/renderReview`'s `on`/`period`
// and the periods the editor offers (`opsbook/reviewPeriods`). Calendar arithmetic is values/period.ts's;
// this file only chooses.

import type { ReviewWindow } from '../analysis/review-analysis.js';
import { type CalendarDate, compareDates, formatDate, parseDate } from '../values/date.js';
import { type Message, message } from '../i18n/message.js';
import { type CalendarPeriod, type DateRange, nextPeriod, parseReviewPeriod, periodContaining } from '../values/period.js';

/** A window, or why the text gives none (the values' message: the caller says which option it was). */
export type WindowParse = { ok: true; window: ReviewWindow } | { ok: false; message: string };

/** Targets to date as of one day (`--on 2027-02-01`). */
export function dayWindow(text: string): WindowParse {
    const parsed = parseDate(text);
    return parsed.ok ? { ok: true, window: windowOfDay(parsed.date) } : { ok: false, message: parsed.message };
}

/** A week, month, quarter or year (`--period 2027-W05`), labelled as written. */
export function periodWindow(text: string): WindowParse {
    const parsed = parseReviewPeriod(text);
    return parsed.ok
        ? { ok: true, window: { label: text, kind: parsed.kind, range: parsed.range } }
        : { ok: false, message: parsed.message };
}

export function windowOfDay(date: CalendarDate): ReviewWindow {
    return { label: formatDate(date), kind: 'day', range: { start: date, end: date } };
}

/** `day` moved into the playbook period: its first day before it starts, its last after it ended. */
export function dayWithin(day: CalendarDate, period: DateRange | undefined): CalendarDate {
    if (period && compareDates(day, period.start) < 0) return period.start;
    if (period && compareDates(day, period.end) > 0) return period.end;
    return day;
}

/**
 * SPEC §9: a review date or period outside the playbook's period is refused. The refusal as a message
 * (the caller names its option: `--on`/`--period` on the command line, `on`/`period` in the request),
 * or undefined when the window shares a day with the period (or the playbook declares none).
 */
export function windowOutsidePeriod(window: ReviewWindow, period: DateRange | undefined, option: string): Message | undefined {
    if (!period || overlaps(window.range, period)) return undefined;
    return message('reviewOutsidePeriod', { option, label: window.label, period });
}

/**
 * How a period offered for review relates to the day the user is on: `this` and `next` during the
 * playbook; `first` and `second` before it starts; `final` after it ended.
 */
export type PeriodRelation = 'this' | 'next' | 'first' | 'second' | 'final';

export interface ReviewPeriodChoice extends CalendarPeriod {
    /** For the choices relative to today; left out in the list of every period of the playbook. */
    relation?: PeriodRelation;
}

export interface ReviewPeriodChoices {
    /** This / next week, month and quarter relative to today (moved into the playbook period), those overlapping it. */
    relative: ReviewPeriodChoice[];
    /** Every quarter, month and ISO week overlapping the playbook period, grouped by kind, in date order (empty without a period). */
    all: ReviewPeriodChoice[];
}

const KINDS = ['week', 'month', 'quarter'] as const;

/**
 * The periods to offer for a review of a playbook running over `playbook` (undefined when it declares
 * none), seen on `today`. Before the period starts, "this" is its first week / month / quarter; after
 * it ended, its last; periods entirely outside the playbook are left out.
 */
export function reviewPeriodChoices(playbook: DateRange | undefined, today: CalendarDate): ReviewPeriodChoices {
    const reference = dayWithin(today, playbook);
    const when = compareDates(today, reference) < 0 ? 'before' : compareDates(today, reference) > 0 ? 'after' : 'during';
    const current: PeriodRelation = { during: 'this', before: 'first', after: 'final' }[when] as PeriodRelation;
    const following: PeriodRelation = when === 'before' ? 'second' : 'next';
    const relative: ReviewPeriodChoice[] = [];
    for (const kind of KINDS) {
        const period = periodContaining(reference, kind);
        relative.push({ ...period, relation: current });
        if (when !== 'after') relative.push({ ...nextPeriod(period), relation: following });
    }
    return {
        relative: relative.filter(choice => !playbook || overlaps(choice.range, playbook)),
        all: playbook ? allPeriodsOf(playbook) : []
    };
}

function allPeriodsOf(playbook: DateRange): ReviewPeriodChoice[] {
    const choices: ReviewPeriodChoice[] = [];
    for (const kind of ['quarter', 'month', 'week'] as const) {
        for (
            let period = periodContaining(playbook.start, kind);
            compareDates(period.range.start, playbook.end) <= 0;
            period = nextPeriod(period)
        ) {
            choices.push(period);
        }
    }
    return choices;
}

function overlaps(a: DateRange, b: DateRange): boolean {
    return compareDates(a.start, b.end) <= 0 && compareDates(b.start, a.end) <= 0;
}
