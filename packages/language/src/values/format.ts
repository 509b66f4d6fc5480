// Number, percent and money formatting for messages and generated documents.
//
// Deliberately not Intl: Intl output depends on the ICU data Node was built with (and changes
// between versions, e.g. narrow no-break spaces), while SPEC §6 requires byte-identical documents
// on every machine. Rounding is half away from zero, on the exact decimal value; negative numbers
// get a leading ASCII hyphen-minus. Both locales group thousands with ',' and use '.' for
// decimals, which is also the usual practice in mainland Chinese business documents.

import { Decimal } from './decimal.js';
import { minorUnits } from './currency.js';
import type { Money } from './money.js';

export type Locale = 'en' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

export interface NumberFormatOptions {
    /** Round to at most this many decimals (default 2). */
    maxFractionDigits?: number;
    /** Pad with zeros to at least this many decimals (default 0). */
    minFractionDigits?: number;
}

const SEPARATORS: Readonly<Record<Locale, { group: string; decimal: string }>> = {
    en: { group: ',', decimal: '.' },
    'zh-CN': { group: ',', decimal: '.' },
};

function nonFinite(value: number): string {
    return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '-∞';
}

/** `1234567.891` → `1,234,567.89`. A `number` is taken by its shortest decimal form (0.1 is 0.1). */
export function formatNumber(value: Decimal | number, locale: Locale, opts: NumberFormatOptions = {}): string {
    if (typeof value === 'number' && !Number.isFinite(value)) return nonFinite(value);
    const min = Math.max(0, opts.minFractionDigits ?? 0);
    const max = Math.max(min, opts.maxFractionDigits ?? 2);
    const rounded = Decimal.of(value).round(max);
    const [intPart = '0', frac = ''] = rounded.abs().toString().split('.');
    const sep = SEPARATORS[locale] ?? SEPARATORS.en;
    const grouped = intPart.replace(/\B(?=(\d{3})+$)/g, sep.group);
    const fraction = frac.padEnd(min, '0');
    // After rounding, a value like -0.001 is zero and gets no sign.
    const sign = rounded.sign() < 0 ? '-' : '';
    return sign + grouped + (fraction ? sep.decimal + fraction : '');
}

/** A ratio as a percentage with exactly `digits` decimals: 0.9 → `90%`, 0.125 with 1 → `12.5%`. */
export function formatPercent(ratio: Decimal | number, locale: Locale, digits = 0): string {
    if (typeof ratio === 'number' && !Number.isFinite(ratio)) return `${nonFinite(ratio)}%`;
    // Decimal × 100 avoids 0.07 * 100 = 7.000000000000001.
    const points = Decimal.of(ratio).mul(100);
    return `${formatNumber(points, locale, { maxFractionDigits: digits, minFractionDigits: digits })}%`;
}

/**
 * `60,000 CNY`: the amount, a space, then the ISO code, in both locales — the code after the
 * number reads the same way as the source (`60k CNY`) and needs no symbol table. The amount is
 * rounded to the currency's minor unit; whole amounts show no decimals (`60,000 CNY`), others
 * show all of them (`19.50 CNY`, `1.500 KWD`). `opts` overrides the digits.
 */
export function formatMoney(money: Money, locale: Locale, opts?: NumberFormatOptions): string {
    if (opts) return `${formatNumber(money.amount, locale, opts)} ${money.currency}`;
    const places = minorUnits(money.currency);
    const whole = money.amount.round(places).isInteger();
    const digits = whole ? 0 : places;
    return `${formatNumber(money.amount, locale, { maxFractionDigits: places, minFractionDigits: digits })} ${money.currency}`;
}
