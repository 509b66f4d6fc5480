import { describe, expect, it } from 'vitest';
import {
    currencySuggestion,
    Decimal,
    FxTable,
    ISO_CURRENCIES,
    isIsoCurrency,
    minorUnits,
    money,
    normalizeCurrency
} from '../../packages/language/src/values/index.js';

describe('currency', () => {
    it('knows the active ISO 4217 codes', () => {
        for (const c of ['CNY', 'USD', 'EUR', 'JPY', 'GBP', 'HKD', 'KWD', 'XCG', 'ZWG', 'SLE', 'XAU', 'XXX']) {
            expect(isIsoCurrency(c), c).toBe(true);
        }
        for (const c of ['RMB', 'cny', 'ABC', 'HRK', 'BGN', 'ZWL', 'US', 'USDT', '']) {
            expect(isIsoCurrency(c), c).toBe(false);
        }
        expect(ISO_CURRENCIES.size).toBeGreaterThan(170);
        for (const c of ISO_CURRENCIES) expect(c).toMatch(/^[A-Z]{3}$/);
    });

    it('accepts 元 for CNY', () => {
        expect(normalizeCurrency('元')).toBe('CNY');
        expect(normalizeCurrency('USD')).toBe('USD');
        expect(isIsoCurrency('元')).toBe(true);
    });

    it('suggests what was probably meant', () => {
        expect(currencySuggestion('cny')).toBe('CNY');
        expect(currencySuggestion('RMB')).toBe('CNY');
        expect(currencySuggestion('HRK')).toBe('EUR');
        expect(currencySuggestion('ANG')).toBe('XCG');
        expect(currencySuggestion('CNY')).toBeUndefined();
        expect(currencySuggestion('QQQ')).toBeUndefined();
    });

    it('knows minor units', () => {
        expect(minorUnits('CNY')).toBe(2);
        expect(minorUnits('元')).toBe(2);
        expect(minorUnits('USD')).toBe(2);
        for (const c of ['JPY', 'KRW', 'VND', 'CLP', 'ISK']) expect(minorUnits(c), c).toBe(0);
        for (const c of ['BHD', 'KWD', 'OMR', 'JOD', 'TND', 'IQD', 'LYD']) expect(minorUnits(c), c).toBe(3);
        expect(minorUnits('CLF')).toBe(4);
    });
});

describe('FxTable', () => {
    // fx USD = 7.1 CNY; fx EUR = 7.8 CNY; fx JPY = 0.048 CNY; base CNY
    const table = new FxTable('CNY', [
        { from: 'USD', rate: Decimal.of('7.1'), to: 'CNY' },
        { from: 'EUR', rate: Decimal.of('7.8'), to: 'CNY' },
        { from: 'JPY', rate: Decimal.of('0.048'), to: 'CNY' }
    ]);

    it('converts with a direct rate, exactly', () => {
        const r = table.convert(money('10000', 'USD'), 'CNY');
        expect(r?.currency).toBe('CNY');
        expect(r?.amount.toString()).toBe('71000');
        expect(table.convert(money('0.1', 'USD'), 'CNY')?.amount.toString()).toBe('0.71');
    });

    it('converts with an inverse rate to 12 places', () => {
        expect(table.convert(money('71000', 'CNY'), 'USD')?.amount.toString()).toBe('10000');
        expect(table.convert(money('100', 'CNY'), 'USD')?.amount.toString()).toBe('14.084507042254');
        expect(table.rate('CNY', 'USD')?.toString()).toBe('0.140845070423');
    });

    it('converts between two foreign currencies via the base, rounding once', () => {
        // 100 EUR = 780 CNY = 780 / 7.1 USD
        expect(table.convert(money(100, 'EUR'), 'USD')?.amount.toString()).toBe('109.859154929577');
        expect(table.convert(money(1000, 'JPY'), 'EUR')?.amount.toString()).toBe('6.153846153846');
        expect(table.canConvert('EUR', 'JPY')).toBe(true);
    });

    it('converts a currency to itself and treats 元 as CNY', () => {
        expect(table.convert(money(5, 'GBP'), 'GBP')?.amount.toString()).toBe('5');
        const yuan = table.convert({ amount: Decimal.of(710), currency: '元' }, 'USD');
        expect(yuan).toEqual({ amount: Decimal.of(100), currency: 'USD' });
        expect(table.toBase(money(1, 'USD'))?.amount.toString()).toBe('7.1');
    });

    it('returns undefined when no rate path exists', () => {
        expect(table.convert(money(1, 'GBP'), 'CNY')).toBeUndefined();
        expect(table.convert(money(1, 'USD'), 'GBP')).toBeUndefined();
        expect(table.rate('GBP', 'USD')).toBeUndefined();
        expect(table.canConvert('GBP', 'USD')).toBe(false);
        expect(new FxTable('CNY').convert(money(1, 'USD'), 'CNY')).toBeUndefined();
    });

    it('works with rates that do not name the base, and ignores zero rates', () => {
        const t = new FxTable('CNY', [
            { from: 'CNY', rate: Decimal.of('20'), to: 'JPY' },
            { from: 'USD', rate: Decimal.of('0'), to: 'CNY' }
        ]);
        expect(t.convert(money(3, 'CNY'), 'JPY')?.amount.toString()).toBe('60');
        expect(t.convert(money(60, 'JPY'), 'CNY')?.amount.toString()).toBe('3');
        expect(t.convert(money(1, 'USD'), 'CNY')).toBeUndefined();
        expect(t.convert(money(1, 'CNY'), 'USD')).toBeUndefined();
    });

    it('keeps the first of duplicate rates', () => {
        const t = new FxTable('CNY', [
            { from: 'USD', rate: Decimal.of('7.1'), to: 'CNY' },
            { from: 'USD', rate: Decimal.of('7.3'), to: 'CNY' }
        ]);
        expect(t.rate('USD', 'CNY')?.toString()).toBe('7.1');
    });
});
