// Money and the playbook's exchange-rate table.
//
// SPEC §3: `fx USD = 7.1 CNY` means 1 USD = 7.1 CNY. Rates are exact Decimals; a conversion is
// computed as one fraction (amount × numerators / denominators) and divided once at the end, so a
// path through an inverse rate or through the base currency rounds once, to DIVISION_PLACES.

import { Decimal } from './decimal.js';
import { normalizeCurrency } from './currency.js';

export interface Money {
    amount: Decimal;
    /** ISO 4217 code (`元` is normalized to `CNY` by FxTable; store codes normalized). */
    currency: string;
}

export interface FxRate {
    /** 1 unit of `from` … */
    from: string;
    /** … equals `rate` units of `to`. */
    rate: Decimal;
    to: string;
}

/** Decimal places of a conversion that needs a division (inverse rates). */
export const DIVISION_PLACES = 12;

/** A conversion factor kept as a fraction until the end, to round only once. */
interface Ratio {
    num: Decimal;
    den: Decimal;
}

export function money(amount: Decimal | number | bigint | string, currency: string): Money {
    return { amount: Decimal.of(amount), currency: normalizeCurrency(currency) };
}

export class FxTable {
    readonly base: string;
    private readonly rates = new Map<string, Decimal>();

    /**
     * `base` is the playbook currency. When a pair is given twice, the first rate wins (the
     * validator reports the duplicate; conversion must not depend on which one it sees last).
     * Zero or negative rates are ignored: they cannot convert anything meaningfully.
     */
    constructor(base: string, rates: readonly FxRate[] = []) {
        this.base = normalizeCurrency(base);
        for (const r of rates) {
            const key = FxTable.key(normalizeCurrency(r.from), normalizeCurrency(r.to));
            if (r.rate.sign() > 0 && !this.rates.has(key)) this.rates.set(key, r.rate);
        }
    }

    private static key(from: string, to: string): string {
        return `${from}\u0000${to}`;
    }

    /** Direct rate, else the inverse of the opposite rate, as a fraction. */
    private step(from: string, to: string): Ratio | undefined {
        if (from === to) return { num: Decimal.ONE, den: Decimal.ONE };
        const direct = this.rates.get(FxTable.key(from, to));
        if (direct) return { num: direct, den: Decimal.ONE };
        const inverse = this.rates.get(FxTable.key(to, from));
        if (inverse) return { num: Decimal.ONE, den: inverse };
        return undefined;
    }

    /** Direct or inverse rate, else through the base currency; undefined when there is no path. */
    private ratio(from: string, to: string): Ratio | undefined {
        const one = this.step(from, to);
        if (one) return one;
        const a = this.step(from, this.base);
        const b = this.step(this.base, to);
        if (!a || !b) return undefined;
        return { num: a.num.mul(b.num), den: a.den.mul(b.den) };
    }

    /** True when `convert` can turn `from` into `to`. */
    canConvert(from: string, to: string): boolean {
        return this.ratio(normalizeCurrency(from), normalizeCurrency(to)) !== undefined;
    }

    /** Units of `to` for one unit of `from` (12 places when a division is involved). */
    rate(from: string, to: string): Decimal | undefined {
        const r = this.ratio(normalizeCurrency(from), normalizeCurrency(to));
        return r && FxTable.apply(Decimal.ONE, r);
    }

    /** `money` in `target`, or undefined when no rate path exists (direct, inverse or via base). */
    convert(value: Money, target: string): Money | undefined {
        const to = normalizeCurrency(target);
        const r = this.ratio(normalizeCurrency(value.currency), to);
        return r && { amount: FxTable.apply(value.amount, r), currency: to };
    }

    /** `convert(value, base)`. */
    toBase(value: Money): Money | undefined {
        return this.convert(value, this.base);
    }

    private static apply(amount: Decimal, r: Ratio): Decimal {
        const product = amount.mul(r.num);
        return r.den.eq(Decimal.ONE) ? product : product.divide(r.den, DIVISION_PLACES);
    }
}
