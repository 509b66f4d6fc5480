// Quantities and units: turns the strings of the AST (numbers, percentages, money, dates, ranges) into
// exact values once, and records every value that cannot be resolved as a ValueIssue. Nothing else in
// the tools parses a literal of a playbook again.

import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { Amount, DateLiteral, DateRange as DateRangeNode, Money as MoneyNode, Period, Quantity } from '../generated/ast.js';
import { message, render, type Message } from '../i18n/catalogue.js';
import { closestName } from '../util/closest-name.js';
import { currencySuggestion, isIsoCurrency, normalizeCurrency } from '../values/currency.js';
import { type CalendarDate, compareDates, daysInMonth, formatDate, isValidDate, parseDate } from '../values/date.js';
import type { Decimal } from '../values/decimal.js';
import type { FxTable } from '../values/money.js';
import { parseNumberLiteral, parsePercentLiteral } from '../values/number-literal.js';
import { type DateRange, parsePeriodShorthand } from '../values/period.js';
import type { MetricInfo, ValueIssue } from './model.js';
import { canonicalValue, chineseAliases, type VocabularyKind } from './vocabulary.js';

export type QuantityResult =
    /** The metric or the value could not be resolved (an issue was recorded, or the reference is broken). */
    { ok: false; metric?: MetricInfo } | { ok: true; metric: MetricInfo; amount: Decimal };

/**
 * Resolves literals of one analysis. Issues are kept only for nodes of the analysed document (an
 * imported file reports its own problems), and each node is resolved once, so a value read by two
 * figures (a goal's target read by a forecast) is reported once.
 */
export class ValueResolver {
    readonly issues: ValueIssue[] = [];
    /**
     * The playbook currency as written when it is not an ISO code (`currency RMB`): amounts in it are the
     * base, and other currencies are not judged against a base that is itself wrong (reported once there).
     */
    invalidBase: string | undefined;
    private readonly memo = new Map<string, Map<AstNode, unknown>>();
    fx!: FxTable;

    constructor(
        private readonly document: LangiumDocument,
        /** The playbook currency, normalized. */
        public currency: string,
        private readonly metricOf: (node: AstNode | undefined) => MetricInfo | undefined
    ) {}

    /** Records an issue on a node of this document; ignored for nodes of imported files. */
    issue(rule: ValueIssue['rule'], node: AstNode, property: string | undefined, detail: Message, index?: number): void {
        if (AstUtils.getDocument(node) !== this.document) return;
        const issue: ValueIssue = { rule, node, message: render('en', detail), detail };
        if (property !== undefined) issue.property = property;
        if (index !== undefined) issue.index = index;
        this.issues.push(issue);
    }

    /**
     * `once` for a value that depends on the node's text alone (a number, a percentage, a date): a node of
     * another file has the same value in every file that reads it (its issues are that file's to report),
     * so it is resolved once for all of them — every playbook importing a team file reads its people's
     * capacities.
     */
    private textValue<T>(node: AstNode, property: string, compute: () => T): T {
        if (AstUtils.getDocument(node) === this.document) return this.once(node, property, compute);
        let byNode = FOREIGN_TEXT_VALUES.get(property);
        if (!byNode) {
            byNode = new WeakMap();
            FOREIGN_TEXT_VALUES.set(property, byNode);
        } else if (byNode.has(node)) {
            return byNode.get(node) as T;
        }
        const value = frozenPlain(compute());
        byNode.set(node, value);
        return value;
    }

    private once<T>(node: AstNode, property: string, compute: () => T): T {
        // One map per property (a handful), each keyed by node: no object per node.
        let byNode = this.memo.get(property);
        if (!byNode) {
            byNode = new Map();
            this.memo.set(property, byNode);
        } else if (byNode.has(node)) {
            return byNode.get(node) as T;
        }
        const value = compute();
        byNode.set(node, value);
        return value;
    }

    /** A NUMBER literal (`20k`, `4.35亿`); too large → `number-too-large`. */
    number(node: AstNode, property: string, text: string | undefined): Decimal | undefined {
        if (text === undefined) return undefined;
        return this.textValue(node, property, () => {
            const parsed = parseNumberLiteral(text);
            if (parsed.ok) return parsed.value;
            this.issue('number-too-large', node, property, message('numberTooLarge', { text }));
            return undefined;
        });
    }

    /** A PERCENT literal in percentage points; outside 0–100 → `percent-range` and undefined. */
    percent(
        node: AstNode,
        property: string,
        text: string | undefined,
        what: 'capacity' | 'share' | 'other' = 'other'
    ): Decimal | undefined {
        if (text === undefined) return undefined;
        return this.textValue(node, property, () => {
            const parsed = parsePercentLiteral(text);
            if (!parsed.ok) {
                this.issue('number-too-large', node, property, message('numberTooLarge', { text }));
                return undefined;
            }
            if (parsed.value.sign() < 0 || parsed.value.gt(100)) {
                this.issue('percent-range', node, property, message('percentRange', { text, what }));
                return undefined;
            }
            return parsed.value;
        });
    }

    /**
     * A currency code checked to be ISO 4217 and convertible to the playbook currency; undefined (with
     * an issue) otherwise. The playbook currency itself is checked once, where it is declared.
     */
    currencyCode(node: AstNode, property: string, code: string | undefined): string | undefined {
        if (code === undefined) return this.currency;
        return this.once(node, `${property}#currency`, () => {
            const normalized = normalizeCurrency(code);
            if (normalized === this.currency || code === this.invalidBase) return this.currency;
            if (!isIsoCurrency(code)) {
                const suggestion = currencySuggestion(code);
                this.issue('unit-mismatch', node, property, message('currencyNotIso', suggestion ? { code, suggestion } : { code }));
                return undefined;
            }
            if (!this.fx.canConvert(normalized, this.currency)) {
                if (this.invalidBase !== undefined) return undefined;
                this.issue('unit-mismatch', node, property, message('currencyNoFx', { code: normalized, base: this.currency }));
                return undefined;
            }
            return normalized;
        });
    }

    /** `amount currency` converted to the playbook currency. */
    private convert(amount: Decimal, currency: string): Decimal | undefined {
        return this.fx.convert({ amount, currency }, this.currency)?.amount;
    }

    /** A Money node (`60k CNY`) in the playbook currency. */
    money(node: MoneyNode | undefined): Decimal | undefined {
        if (!node) return undefined;
        return this.once(node, 'money', () => {
            const amount = this.number(node, 'value', node.value);
            const currency = this.currencyCode(node, 'currency', node.currency);
            return amount !== undefined && currency !== undefined ? this.convert(amount, currency) : undefined;
        });
    }

    /** `NUMBER [CUR] METRIC` or `PERCENT METRIC`, checked against the metric's kind (SPEC §3). */
    quantity(node: Quantity | undefined): QuantityResult {
        if (!node) return { ok: false };
        return this.once(node, 'quantity', (): QuantityResult => {
            const metric = this.metricOf(node.metric?.ref);
            if (!metric?.kind) return metric ? { ok: false, metric } : { ok: false };
            const name = metric.name;
            if (metric.kind === 'percent') {
                if (node.percent === undefined) {
                    this.issue('unit-mismatch', node, 'value', message('quantityWantsPercent', { metric: name, text: node.value ?? '' }));
                    return { ok: false, metric };
                }
                const amount = this.percent(node, 'percent', node.percent);
                return amount === undefined ? { ok: false, metric } : { ok: true, metric, amount };
            }
            if (node.percent !== undefined) {
                this.issue(
                    'unit-mismatch',
                    node,
                    'percent',
                    message('quantityWantsNumber', { metric: name, kind: metric.kind, text: node.percent })
                );
                return { ok: false, metric };
            }
            if (metric.kind !== 'money' && node.currency !== undefined) {
                this.issue(
                    'unit-mismatch',
                    node,
                    'currency',
                    message('currencyOnCount', { metric: name, kind: metric.kind, currency: node.currency, value: node.value ?? '' })
                );
                return { ok: false, metric };
            }
            const value = this.number(node, 'value', node.value);
            if (value === undefined) return { ok: false, metric };
            if (metric.kind !== 'money') return { ok: true, metric, amount: value };
            const currency = this.currencyCode(node, 'currency', node.currency);
            const amount = currency === undefined ? undefined : this.convert(value, currency);
            return amount === undefined ? { ok: false, metric } : { ok: true, metric, amount };
        });
    }

    /** A forecast figure, in the unit of the goal's metric (`320k CNY`, `4000`, `35%`). */
    amount(node: Amount | undefined, goal: string | undefined, metric: MetricInfo | undefined): Decimal | undefined {
        if (!node) return undefined;
        return this.once(node, 'amount', () => {
            if (!metric?.kind || goal === undefined) return undefined; // the goal's problem, reported there
            const text = node.percent ?? [node.value, node.currency].filter(Boolean).join(' ');
            const wrong = () => {
                this.issue(
                    'unit-mismatch',
                    node,
                    node.percent !== undefined ? 'percent' : 'value',
                    message('amountWrongUnit', { goal, metric: metric.name, kind: metric.kind ?? '', text })
                );
                return undefined;
            };
            if (metric.kind === 'percent') return node.percent === undefined ? wrong() : this.percent(node, 'percent', node.percent);
            if (node.percent !== undefined) return wrong();
            if (metric.kind !== 'money' && node.currency !== undefined) return wrong();
            const value = this.number(node, 'value', node.value);
            if (value === undefined || metric.kind !== 'money') return value;
            const currency = this.currencyCode(node, 'currency', node.currency);
            return currency === undefined ? undefined : this.convert(value, currency);
        });
    }

    /** `YYYY-MM-DD`, lenient token, strict check: `invalid-date` says what form is expected. */
    date(node: DateLiteral | undefined): CalendarDate | undefined {
        if (!node || node.value === undefined) return undefined;
        return this.textValue(node, 'date', () => {
            const text = node.value;
            const parsed = parseDate(text);
            if (parsed.ok) return parsed.date;
            this.issue('invalid-date', node, 'value', dateProblem(text));
            return undefined;
        });
    }

    /** `DATE .. DATE`; undefined when an end is invalid or the range is reversed (reported once). */
    range(node: DateRangeNode | undefined, what: 'period' | 'window'): DateRange | undefined {
        if (!node) return undefined;
        return this.textValue(node, 'range', () => {
            const start = this.date(node.start);
            const end = this.date(node.end);
            if (!start || !end) return undefined;
            if (compareDates(start, end) > 0) {
                this.issue(
                    'range-reversed',
                    node,
                    undefined,
                    message('rangeReversed', { what, start: formatDate(start), end: formatDate(end) })
                );
                return undefined;
            }
            return { start, end };
        });
    }

    /** The playbook `period`: a range or `YYYY-Qn` / `YYYY-MM` / `YYYY`. */
    period(node: Period | undefined): DateRange | undefined {
        if (!node) return undefined;
        if (node.range) return this.range(node.range, 'period');
        const text = node.shorthand;
        if (text === undefined) return undefined;
        return this.textValue(node, 'period', () => {
            const parsed = parsePeriodShorthand(text);
            if (parsed.ok) return parsed.range;
            this.issue('invalid-date', node, 'shorthand', periodProblem(text));
            return undefined;
        });
    }

    /**
     * An enumerated word (stage, focus, kind …), in English or as its Chinese alias (`成长期` is
     * `growth`, SPEC §10): the English value. Unknown → `unknown-value` with the closest word.
     */
    word<T extends string>(
        node: AstNode,
        property: string,
        value: string | undefined,
        words: readonly T[],
        what: VocabularyKind
    ): T | undefined {
        if (value === undefined) return undefined;
        const known = canonicalValue(words, value);
        if (known !== undefined) return known;
        const aliases = chineseAliases(words);
        const suggestion = closestName(value, [...words, ...aliases]);
        const args = { what, word: value, expected: words, ...(aliases.length > 0 ? { aliases } : {}) };
        this.issue('unknown-value', node, property, message('unknownValue', suggestion ? { ...args, suggestion } : args));
        return undefined;
    }
}

/**
 * `ValueResolver.textValue`'s values of nodes read from other files, by property; forgotten with the nodes.
 * Every importer's analysis shares them, so they are frozen (`frozenPlain`).
 */
const FOREIGN_TEXT_VALUES = new Map<string, WeakMap<AstNode, unknown>>();

/** A value shared by analyses, made read-only: plain objects (a date, a range of dates) and their plain fields. */
function frozenPlain<T>(value: T): T {
    if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
    for (const field of Object.values(value)) frozenPlain(field);
    return Object.freeze(value);
}

/** The message for a date the calendar does not have, from the same checks as values/date.ts. */
function dateProblem(text: string): Message {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (!m || !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        const date = m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
        const example = date && isValidDate(date) ? formatDate(date) : `${m?.[1] ?? '2027'}-03-01`;
        return message('dateMalformed', { text, example });
    }
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    const reason = year < 1 ? 'year-zero' : month < 1 || month > 12 ? 'month-range' : day < 1 ? 'day-start' : 'month-days';
    const days = reason === 'month-days' ? daysInMonth(year, month) : 0;
    return message('dateNotOnCalendar', { text, reason, year, month, days });
}

function periodProblem(text: string): Message {
    const quarter = /^(\d{4})-[Qq]/.exec(text);
    if (quarter) return message('periodInvalid', { text, expected: 'quarter' });
    const month = /^(\d{4})-(\d{1,2})$/.exec(text);
    if (month) {
        const [, y = '', mm = ''] = month;
        const n = Number(mm);
        if (mm.length === 2 && (n < 1 || n > 12)) return message('periodInvalid', { text, expected: 'month-range' });
        if (mm.length === 2) return message('periodInvalid', { text, expected: 'year-zero' });
        return message('periodInvalid', {
            text,
            expected: 'month',
            example: n >= 1 && n <= 12 ? `${y}-${mm.padStart(2, '0')}` : `${y}-03`
        });
    }
    if (/^\d{4}$/.test(text)) return message('periodInvalid', { text, expected: 'year-zero' });
    return message('periodInvalid', { text, expected: 'any' });
}
