import type { ReviewPeriod } from '../protocol.js';

// The words of the review period quick pick. The periods themselves (which weeks, months and quarters,
// their days) come from the language server (`opsbook/reviewPeriods`), computed by the same calendar
// code as `opsbook review --period`; this file only names them. Pure (no `vscode`) for unit tests.

const RELATION_WORDS = { this: 'This', next: 'Next', first: 'First', second: 'Second', final: 'Final' } as const;
const UNIT_WORDS = { week: 'Week', month: 'Month', quarter: 'Quarter' } as const;

/** "This week" for a period relative to today; "Month 2027-02" for one of the list of every period. */
export function periodLabel(choice: ReviewPeriod): string {
    return choice.relation ? `${RELATION_WORDS[choice.relation]} ${choice.unit}` : `${UNIT_WORDS[choice.unit]} ${choice.period}`;
}

/** Today in the local time zone, as YYYY-MM-DD: what the user calls "today" (the server may run elsewhere). */
export function localToday(now = new Date()): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The form a typed day must have before the server is asked whether it is on the calendar. */
export function dayFormatProblem(text: string): string | undefined {
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? undefined : 'Write the day as YYYY-MM-DD, e.g. 2027-02-15.';
}
