// Number, percent and money formatting for messages and generated documents.
//
// Deliberately not Intl: Intl output depends on the ICU data Node was built with (and changes
// between versions, e.g. narrow no-break spaces), while SPEC §6 requires byte-identical documents
// on every machine. Rounding is half away from zero, on the exact decimal value; negative numbers
// get a leading ASCII hyphen-minus. Both locales group thousands with ',' and use '.' for
// decimals, which is also the usual practice in mainland Chinese business documents.
//
// zh-CN (SPEC §10): an amount of ten thousand or more is written in 万 or 亿 as Chinese business
// documents do (`1.2亿`, `5,000万`, `3.5万`) when that is exact with at most two decimals; any
// other figure keeps grouped digits (`12,345,678`), so no digit is ever lost. `parseFormattedNumber`
// reads every form back.

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
    /** Grouped digits even in zh-CN, never 万/亿 (percentages, figures read by other tools). */
    digitsOnly?: boolean;
}

const SEPARATORS: Readonly<Record<Locale, { group: string; decimal: string }>> = {
    en: { group: ',', decimal: '.' },
    'zh-CN': { group: ',', decimal: '.' }
};

function nonFinite(value: number): string {
    return Number.isNaN(value) ? 'NaN' : value > 0 ? '∞' : '-∞';
}

/**
 * `1234567.891` → `1,234,567.89`. A `number` is taken by its shortest decimal form (0.1 is 0.1).
 * In zh-CN, 120,000,000 → `1.2亿`, 50,000,000 → `5,000万`, 35,000 → `3.5万` (see above).
 */
export function formatNumber(value: Decimal | number, locale: Locale, opts: NumberFormatOptions = {}): string {
    if (typeof value === 'number' && !Number.isFinite(value)) return nonFinite(value);
    const min = Math.max(0, opts.minFractionDigits ?? 0);
    const max = Math.max(min, opts.maxFractionDigits ?? 2);
    const rounded = Decimal.of(value).round(max);
    const sep = SEPARATORS[locale] ?? SEPARATORS.en;
    // After rounding, a value like -0.001 is zero and gets no sign.
    const sign = rounded.sign() < 0 ? '-' : '';
    const scaled = locale === 'zh-CN' && !opts.digitsOnly && min === 0 ? chineseUnit(rounded.abs()) : undefined;
    if (scaled) return sign + digits(scaled.value, sep, 0) + scaled.unit;
    return sign + digits(rounded.abs(), sep, min);
}

/** A non-negative decimal with grouped integer digits, padded to `min` decimals. */
function digits(value: Decimal, sep: { group: string; decimal: string }, min: number): string {
    const [intPart = '0', frac = ''] = value.toString().split('.');
    const grouped = intPart.replace(/\B(?=(\d{3})+$)/g, sep.group);
    const fraction = frac.padEnd(min, '0');
    return grouped + (fraction ? sep.decimal + fraction : '');
}

/** The Chinese units, largest first, with their power of ten. */
const CHINESE_UNITS: readonly { unit: '亿' | '万'; power: number }[] = [
    { unit: '亿', power: 8 },
    { unit: '万', power: 4 }
];

/** 亿 for 10^8 and more, else 万 for 10^4 and more, whichever is exact with at most two decimals. */
function chineseUnit(abs: Decimal): { value: Decimal; unit: string } | undefined {
    for (const { unit, power } of CHINESE_UNITS) {
        if (abs.lt(Decimal.of(10n ** BigInt(power)))) continue;
        const value = abs.shift(-power);
        if (value.scale <= 2) return { value, unit };
    }
    return undefined;
}

/**
 * Reads a number as `formatNumber` writes it, in either locale: `1,234,567.89`, `-5,000万`,
 * `1.2亿`. The inverse of `formatNumber` for every value it does not round; undefined otherwise.
 */
export function parseFormattedNumber(text: string): Decimal | undefined {
    const m = /^(-?)(\d{1,3}(?:,\d{3})*)(?:\.(\d+))?(万|亿)?$/.exec(text);
    if (!m) return undefined;
    const [, sign = '', int = '0', frac = '', unit] = m;
    let value = Decimal.of(`${int.replaceAll(',', '')}${frac ? `.${frac}` : ''}`);
    if (unit) value = value.shift(unit === '亿' ? 8 : 4);
    return sign ? value.neg() : value;
}

/** A ratio as a percentage with exactly `digits` decimals: 0.9 → `90%`, 0.125 with 1 → `12.5%`. */
export function formatPercent(ratio: Decimal | number, locale: Locale, digits = 0): string {
    if (typeof ratio === 'number' && !Number.isFinite(ratio)) return `${nonFinite(ratio)}%`;
    // Decimal × 100 avoids 0.07 * 100 = 7.000000000000001.
    const points = Decimal.of(ratio).mul(100);
    return `${formatNumber(points, locale, { maxFractionDigits: digits, minFractionDigits: digits, digitsOnly: true })}%`;
}

/**
 * `60,000 CNY`: the amount, a space, then the ISO code — the code after the number reads the same
 * way as the source (`60k CNY`) and needs no symbol table. In zh-CN, yuan are written as Chinese
 * business text writes them, `6万元`, `19.50元`; other currencies keep the code (`50万 USD`). The
 * amount is rounded to the currency's minor unit; whole amounts show no decimals (`60,000 CNY`),
 * others show all of them (`19.50 CNY`, `1.500 KWD`). `opts` overrides the digits.
 */
export function formatMoney(money: Money, locale: Locale, opts?: NumberFormatOptions): string {
    const unit = currencyUnit(money.currency, locale);
    if (opts) return `${formatNumber(money.amount, locale, opts)}${unit}`;
    const places = minorUnits(money.currency);
    const whole = money.amount.round(places).isInteger();
    const digits = whole ? 0 : places;
    return `${formatNumber(money.amount, locale, { maxFractionDigits: places, minFractionDigits: digits })}${unit}`;
}

/** What follows an amount: `元` for yuan in zh-CN, else a space and the ISO code. */
export function currencyUnit(currency: string, locale: Locale): string {
    return locale === 'zh-CN' && currency === 'CNY' ? '元' : ` ${currency}`;
}
