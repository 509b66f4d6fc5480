// Figures and names as generated documents print them, for one locale. Returns raw text: the
// Markdown builder escapes it where it lands.

import type { GoalFigures, PlaybookAnalysis, Unit } from '../analysis/model.js';
import { TextFormatter } from '../i18n/text.js';
import { PUNCTUATION } from '../i18n/words.js';
import { type CalendarDate, formatDate } from '../values/date.js';
import type { Decimal } from '../values/decimal.js';
import { formatNumber, type Locale } from '../values/format.js';
import { type DateRange, formatRangeFor } from '../values/period.js';
import { documentText, type DocumentText } from './i18n-documents.js';

export class DocumentFormat {
    readonly text: DocumentText;
    private readonly f: TextFormatter;
    private readonly people: Map<string, string | undefined>;

    constructor(
        readonly analysis: PlaybookAnalysis,
        readonly locale: Locale
    ) {
        this.text = documentText(locale);
        this.f = new TextFormatter(locale);
        this.people = new Map(analysis.people.map(p => [p.name, p.title]));
    }

    get currency(): string {
        return this.analysis.currency;
    }

    unitOf(metric: string | undefined): Unit | undefined {
        const info = metric === undefined ? undefined : this.analysis.metrics.get(metric);
        if (!info?.kind) return undefined;
        return info.kind === 'money'
            ? { metric: info.name, kind: info.kind, currency: this.currency }
            : { metric: info.name, kind: info.kind };
    }

    /** `20,000 signups`, `300,000 CNY revenue`, `35% d30`; `whole` rounds pro-rated counts and money to units. */
    qty(amount: Decimal, unit: Unit | undefined, whole = false): string {
        return this.f.qty(whole ? roundWhole(amount, unit) : amount, unit);
    }

    /** `20,000`, `300,000 CNY`, `35%`. */
    amount(amount: Decimal, unit: Unit | undefined, whole = false): string {
        return this.f.amount(whole ? roundWhole(amount, unit) : amount, unit);
    }

    /**
     * A pro-rated figure (a target to date): as `amount` with `whole`, except that in zh-CN money and
     * counts of ten thousand and more read in 万 with two decimals (`8,086.96万元`, not `80,869,565元`),
     * like the target they are a share of (`1.2亿`).
     */
    proRated(amount: Decimal, unit: Unit | undefined): string {
        if (this.locale === 'zh-CN' && (unit?.kind === 'money' || unit?.kind === 'count') && amount.abs().gte(10_000))
            return this.f.amount(amount.shift(-2).round(0).shift(2), unit);
        return this.amount(amount, unit, true);
    }

    /** A signed difference: `+1,200`, `-300 CNY`; percent metrics differ in points: `-8 pp`. */
    signed(amount: Decimal, unit: Unit | undefined, whole = false): string {
        const sign = amount.sign() > 0 ? '+' : '';
        if (unit?.kind === 'percent') return this.text.pointsDifference(`${sign}${this.num(amount)}`);
        return `${sign}${this.amount(amount, unit, whole)}`;
    }

    num(value: Decimal | number, maxFractionDigits = 2): string {
        return formatNumber(value, this.locale, { maxFractionDigits });
    }

    money(amount: Decimal): string {
        return this.f.money(amount, this.currency);
    }

    /** Money in another playbook's currency (a parent's campaign budget). */
    moneyIn(amount: Decimal, currency: string): string {
        return this.f.money(amount, currency);
    }

    /** Money with two decimals at most, for costs per unit: `14.29 CNY`. */
    cost(amount: Decimal): string {
        return this.f.money(amount.round(2), this.currency);
    }

    pct(ratio: number | Decimal): string {
        return this.f.pct(ratio);
    }

    /** Percentage points as written: 60 → `60%`. */
    points(value: Decimal): string {
        return this.f.points(value);
    }

    date(d: CalendarDate): string {
        return formatDate(d);
    }

    /** `2027-07-01 – 2027-09-30`, `2027-07-01 至 2027-09-30`; one day once: `2027-09-01`. */
    range(r: DateRange): string {
        return formatRangeFor(r, PUNCTUATION[this.locale].rangeTo);
    }

    list(items: readonly string[]): string {
        return items.join(this.text.listSeparator);
    }

    /** `Alice Wang (alice)`, or the name alone when there is no other title. */
    person(name: string | undefined): string | undefined {
        if (name === undefined) return undefined;
        const title = this.people.get(name);
        return title && title !== name ? `${title}${this.text.paren(name)}` : name;
    }

    /** `SeedUsers — Acquire 20,000 seed users`. */
    named(name: string, title: string | undefined): string {
        return title && title !== name ? `${name} — ${title}` : name;
    }

    /** `≥ 20,000 signups`, `≤ 15 客服响应`. */
    target(goal: GoalFigures): string | undefined {
        if (goal.target === undefined) return undefined;
        return `${goal.bound === 'at most' ? '≤' : '≥'} ${this.qty(goal.target, goal.unit ?? this.unitOf(goal.metric?.name))}`;
    }

    goalUnit(goal: GoalFigures): Unit | undefined {
        return goal.unit ?? this.unitOf(goal.metric?.name);
    }
}

/**
 * Pro-rated counts and money to whole units (8,444.44 users is 8,444), except small counts, which keep
 * one decimal so that a target to date of 3.3 does not read as 3; percent and number keep decimals.
 */
function roundWhole(amount: Decimal, unit: Unit | undefined): Decimal {
    if (unit?.kind === 'money') return amount.round(0);
    if (unit?.kind === 'count') return amount.abs().lt(100) ? amount.round(1) : amount.round(0);
    return amount;
}
