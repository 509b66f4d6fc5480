// Locale-aware pieces of messages: numbers, money, quantities, percentages and lists.

import { Decimal } from '../values/decimal.js';
import { formatMoney, formatNumber, formatPercent, type Locale } from '../values/format.js';

/** How a figure is measured: a metric and, for money, the currency. */
export interface UnitText {
    metric: string;
    kind: 'count' | 'money' | 'percent' | 'number';
    currency?: string;
}

export class TextFormatter {
    constructor(readonly locale: Locale) {}

    /** `18,000`, `14.29` (at most two decimals); in zh-CN `1.8万`, `5,000万`, `1.2亿` where exact. */
    num(value: Decimal | number): string {
        return formatNumber(value, this.locale);
    }

    /** `60,000 CNY`, `19.50 CNY`; in zh-CN `6万元`, `50万 USD`. */
    money(amount: Decimal, currency: string): string {
        return formatMoney({ amount, currency }, this.locale);
    }

    /**
     * A ratio as a percentage, whole unless rounding would hide a difference that matters: 0.9995 is
     * `99.95%`, never `100%`, and 0.0004 is `0.04%`, never `0%`.
     */
    pct(ratio: Decimal | number): string {
        const exact = Decimal.of(ratio);
        for (const digits of [0, 1, 2]) {
            const points = exact.mul(100).round(digits);
            const misleading = (points.eq(100) && !exact.eq(1)) || (points.isZero() && !exact.isZero());
            if (!misleading) return formatPercent(exact, this.locale, digits);
        }
        return formatPercent(exact, this.locale, 2);
    }

    /** Percentage points as written in a playbook: 35 → `35%`. */
    points(value: Decimal): string {
        return `${formatNumber(value, this.locale, { digitsOnly: true })}%`;
    }

    /** `18,000 signups`, `300,000 CNY revenue`, `35% d30`. */
    qty(amount: Decimal, unit: UnitText | undefined): string {
        if (!unit) return this.num(amount);
        if (unit.kind === 'percent') return `${this.points(amount)} ${unit.metric}`;
        if (unit.kind === 'money' && unit.currency) return `${this.money(amount, unit.currency)} ${unit.metric}`;
        return `${this.num(amount)} ${unit.metric}`;
    }

    /** A bare amount in a unit, without the metric name: `18,000`, `300,000 CNY`, `35%`. */
    amount(amount: Decimal, unit: UnitText | undefined): string {
        if (unit?.kind === 'percent') return this.points(amount);
        if (unit?.kind === 'money' && unit.currency) return this.money(amount, unit.currency);
        return this.num(amount);
    }

    /** `a, b and c` / `a、b 和 c`. */
    list(items: readonly string[], conjunction: 'and' | 'or'): string {
        if (items.length <= 1) return items.join('');
        const head = items.slice(0, -1);
        const last = items[items.length - 1] as string;
        if (this.locale === 'zh-CN') {
            // A space between the conjunction and a Latin word or a number, none next to Chinese text: `A、B 或 C`, `开发期（development）或 种子期`.
            const joined = head.join('、');
            return `${joined}${cjkEdge(joined.at(-1)) ? '' : ' '}${conjunction === 'and' ? '和' : '或'}${cjkEdge(last.charAt(0)) ? '' : ' '}${last}`;
        }
        return `${head.join(', ')} ${conjunction} ${last}`;
    }
}

/** A Chinese character or full-width punctuation: no space is put next to it. */
function cjkEdge(char: string | undefined): boolean {
    return char !== undefined && /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(char);
}
