import type { ReviewPeriod } from '../protocol.js';
import { english, type Translate } from '../util/translate.js';

// The words of the review period quick pick. The periods themselves (which weeks, months and quarters,
// their days) come from the language server (`opsbook/reviewPeriods`), computed by the same calendar
// code as `opsbook review --period`; this file only names them. Pure (no `vscode`) for unit tests: the
// caller passes `vscode.l10n.t`.

type Relation = NonNullable<ReviewPeriod['relation']>;
type Unit = ReviewPeriod['unit'];

/** Whole phrases, each a literal for the translation bundle (word order differs between languages). */
const RELATIVE: Record<Relation, Record<Unit, (t: Translate) => string>> = {
    this: { week: t => t('This week'), month: t => t('This month'), quarter: t => t('This quarter') },
    next: { week: t => t('Next week'), month: t => t('Next month'), quarter: t => t('Next quarter') },
    first: { week: t => t('First week'), month: t => t('First month'), quarter: t => t('First quarter') },
    second: { week: t => t('Second week'), month: t => t('Second month'), quarter: t => t('Second quarter') },
    final: { week: t => t('Final week'), month: t => t('Final month'), quarter: t => t('Final quarter') }
};
const LISTED: Record<Unit, (t: Translate, period: string) => string> = {
    week: (t, period) => t('Week {0}', period),
    month: (t, period) => t('Month {0}', period),
    quarter: (t, period) => t('Quarter {0}', period)
};

/** "This week" for a period relative to today; "Month 2027-02" for one of the list of every period. */
export function periodLabel(choice: ReviewPeriod, t: Translate = english): string {
    return choice.relation ? RELATIVE[choice.relation][choice.unit](t) : LISTED[choice.unit](t, choice.period);
}

/** Today in the local time zone, as YYYY-MM-DD: what the user calls "today" (the server may run elsewhere). */
export function localToday(now = new Date()): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The form a typed day must have before the server is asked whether it is on the calendar. */
export function dayFormatProblem(text: string, t: Translate = english): string | undefined {
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? undefined : t('Write the day as YYYY-MM-DD, e.g. 2027-02-15.');
}
