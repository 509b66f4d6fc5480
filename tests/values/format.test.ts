import { describe, expect, it } from 'vitest';
import { Decimal, formatMoney, formatNumber, formatPercent, money } from '../../packages/language/src/values/index.js';

describe('formatNumber', () => {
    it('groups thousands with commas in both locales', () => {
        expect(formatNumber(18000, 'en')).toBe('18,000');
        expect(formatNumber(18000, 'zh-CN')).toBe('18,000');
        expect(formatNumber(Decimal.of('435000000'), 'en')).toBe('435,000,000');
        expect(formatNumber(999, 'en')).toBe('999');
        expect(formatNumber(1000, 'en')).toBe('1,000');
        expect(formatNumber(0, 'en')).toBe('0');
        expect(formatNumber(Decimal.of('123456789012345678901234'), 'en')).toBe('123,456,789,012,345,678,901,234');
    });

    it('rounds half up to the fraction digits asked for', () => {
        expect(formatNumber(1234567.891, 'en', { maxFractionDigits: 2 })).toBe('1,234,567.89');
        expect(formatNumber(1234567.891, 'zh-CN', { maxFractionDigits: 2 })).toBe('1,234,567.89');
        expect(formatNumber(2.5, 'en', { maxFractionDigits: 0 })).toBe('3');
        expect(formatNumber(1.005, 'en', { maxFractionDigits: 2 })).toBe('1.01');
        expect(formatNumber(0.125, 'en')).toBe('0.13'); // default at most 2 decimals
        expect(formatNumber(1999.995, 'en')).toBe('2,000');
        expect(formatNumber(0.1 + 0.2, 'en')).toBe('0.3');
    });

    it('pads to the minimum fraction digits', () => {
        expect(formatNumber(18000, 'en', { minFractionDigits: 2 })).toBe('18,000.00');
        expect(formatNumber(1.5, 'en', { minFractionDigits: 2, maxFractionDigits: 4 })).toBe('1.50');
        expect(formatNumber(1.23456, 'en', { minFractionDigits: 2, maxFractionDigits: 4 })).toBe('1.2346');
        expect(formatNumber(1.5, 'en', { minFractionDigits: 3, maxFractionDigits: 1 })).toBe('1.500');
    });

    it('puts an ASCII hyphen before negative numbers, and none before zero', () => {
        expect(formatNumber(-2000, 'en')).toBe('-2,000');
        expect(formatNumber(Decimal.of('-1234.5'), 'en', { minFractionDigits: 2 })).toBe('-1,234.50');
        expect(formatNumber(-2.5, 'en', { maxFractionDigits: 0 })).toBe('-3');
        expect(formatNumber(-0.001, 'en')).toBe('0');
        expect(formatNumber(-0, 'en')).toBe('0');
        expect(formatNumber(-5, 'en').charCodeAt(0)).toBe(0x2d);
    });

    it('does not throw on non-finite numbers', () => {
        expect(formatNumber(Number.POSITIVE_INFINITY, 'en')).toBe('∞');
        expect(formatNumber(Number.NEGATIVE_INFINITY, 'en')).toBe('-∞');
        expect(formatNumber(Number.NaN, 'en')).toBe('NaN');
    });
});

describe('formatPercent', () => {
    it('formats a ratio', () => {
        expect(formatPercent(0.9, 'en')).toBe('90%');
        expect(formatPercent(0.9, 'zh-CN')).toBe('90%');
        expect(formatPercent(18000 / 20000, 'en')).toBe('90%');
        expect(formatPercent(0.07, 'en')).toBe('7%');
        expect(formatPercent(1.5, 'en')).toBe('150%');
        expect(formatPercent(0, 'en')).toBe('0%');
        expect(formatPercent(2 / 3, 'en')).toBe('67%');
        expect(formatPercent(0.005, 'en')).toBe('1%');
        expect(formatPercent(-0.25, 'en')).toBe('-25%');
        expect(formatPercent(Decimal.of('0.125'), 'en', 1)).toBe('12.5%');
        expect(formatPercent(0.9, 'en', 1)).toBe('90.0%');
        expect(formatPercent(123.4, 'en')).toBe('12,340%');
    });
});

describe('formatMoney', () => {
    it('puts the ISO code after the amount in both locales', () => {
        expect(formatMoney(money(60000, 'CNY'), 'en')).toBe('60,000 CNY');
        expect(formatMoney(money(60000, 'CNY'), 'zh-CN')).toBe('60,000 CNY');
        expect(formatMoney(money('500000', 'USD'), 'en')).toBe('500,000 USD');
    });

    it('rounds to the minor unit and shows all of its digits when not whole', () => {
        expect(formatMoney(money('19.5', 'CNY'), 'en')).toBe('19.50 CNY');
        expect(formatMoney(money('14.084507042254', 'USD'), 'en')).toBe('14.08 USD');
        expect(formatMoney(money('19.999', 'CNY'), 'en')).toBe('20 CNY');
        expect(formatMoney(money('1234.5', 'JPY'), 'en')).toBe('1,235 JPY');
        expect(formatMoney(money('1.5', 'KWD'), 'en')).toBe('1.500 KWD');
        expect(formatMoney(money('-80000', 'CNY'), 'en')).toBe('-80,000 CNY');
    });

    it('lets the caller choose the digits', () => {
        expect(formatMoney(money('19.5', 'CNY'), 'en', { maxFractionDigits: 0 })).toBe('20 CNY');
        expect(formatMoney(money('20', 'CNY'), 'en', { minFractionDigits: 2 })).toBe('20.00 CNY');
    });
});
