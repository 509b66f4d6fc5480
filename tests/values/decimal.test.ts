import { describe, expect, it } from 'vitest';
import { Decimal } from '../../packages/language/src/values/index.js';

const d = (v: string | number | bigint) => Decimal.of(v);

describe('Decimal', () => {
    it('adds 0.1 + 0.2 to exactly 0.3', () => {
        const sum = d(0.1).add(d(0.2));
        expect(sum.toString()).toBe('0.3');
        expect(sum.eq('0.3')).toBe(true);
        expect(sum).toEqual(d('0.3'));
    });

    it('normalizes so equal values have equal fields', () => {
        expect(d('1.500')).toEqual(d('1.5'));
        expect(d('100').scale).toBe(0);
        expect(d('0.000').toString()).toBe('0');
        expect(d('-0').toString()).toBe('0');
        expect(d('1.5e3').toString()).toBe('1500');
        expect(d('12e-3').toString()).toBe('0.012');
    });

    it('takes numbers by their shortest decimal form and never prints an exponent', () => {
        expect(d(1e21).toString()).toBe('1000000000000000000000');
        expect(d(1.5e-7).toString()).toBe('0.00000015');
        expect(d(-12.5).toString()).toBe('-12.5');
        expect(d(123456789012345678901234567890n).toString()).toBe('123456789012345678901234567890');
    });

    it('rejects what is not a number', () => {
        expect(() => d(Number.NaN)).toThrow(RangeError);
        expect(() => d(Number.POSITIVE_INFINITY)).toThrow(RangeError);
        expect(() => d('abc')).toThrow(SyntaxError);
        expect(() => d('.')).toThrow(SyntaxError);
        expect(() => d('1_000')).toThrow(SyntaxError);
        expect(() => d('1e99999')).toThrow(RangeError);
    });

    it('does exact add, sub, mul, neg, abs', () => {
        expect(d('4.35').mul(d('100000000')).toString()).toBe('435000000');
        expect(d('1.1').mul('1.1').toString()).toBe('1.21');
        expect(d('5').sub('7.25').toString()).toBe('-2.25');
        expect(d('3').neg().toString()).toBe('-3');
        expect(d('-3.5').abs().toString()).toBe('3.5');
        expect(d('0').neg().isZero()).toBe(true);
    });

    it('divides to 12 places, rounding half away from zero', () => {
        expect(d(1).divide(3).toString()).toBe('0.333333333333');
        expect(d(2).divide(3).toString()).toBe('0.666666666667');
        expect(d(-2).divide(3).toString()).toBe('-0.666666666667');
        expect(d(1).divide(4).toString()).toBe('0.25');
        expect(d(1).divide(8, 2).toString()).toBe('0.13');
        expect(d(-1).divide(8, 2).toString()).toBe('-0.13');
        expect(d('7.1').divide('0.01').toString()).toBe('710');
        expect(d(300000).divide(d(20000)).toString()).toBe('15');
        expect(() => d(1).divide(0)).toThrow(RangeError);
    });

    it('rounds half away from zero, also to negative places', () => {
        expect(d('2.5').round().toString()).toBe('3');
        expect(d('-2.5').round().toString()).toBe('-3');
        expect(d('2.45').round(1).toString()).toBe('2.5');
        expect(d('2.449').round(1).toString()).toBe('2.4');
        expect(d('1250').round(-2).toString()).toBe('1300');
        expect(d('1.2').round(5).toString()).toBe('1.2');
        expect(d('1.005').toFixed(2)).toBe('1.01');
        expect(d('3').toFixed(2)).toBe('3.00');
    });

    it('compares', () => {
        expect(d('0.30').cmp('0.3')).toBe(0);
        expect(d('2').cmp('10')).toBe(-1);
        expect(d('-1').cmp('-2')).toBe(1);
        expect(d('1').lt('1.0001')).toBe(true);
        expect(d('1').gt('0.9999')).toBe(true);
        expect(d('1').lte('1')).toBe(true);
        expect(d('1').gte('1')).toBe(true);
        expect(d('-0.5').sign()).toBe(-1);
        expect(d('0').sign()).toBe(0);
        expect(d('7').sign()).toBe(1);
        expect(d('7').isInteger()).toBe(true);
        expect(d('7.5').isInteger()).toBe(false);
        expect(['3', '1.5', '-2', '10'].map(d).sort(Decimal.compare).map(String)).toEqual(['-2', '1.5', '3', '10']);
    });

    it('sums, maxes and mins', () => {
        expect(Decimal.sum([d('0.1'), d('0.2'), d('0.3')]).toString()).toBe('0.6');
        expect(Decimal.sum([]).toString()).toBe('0');
        expect(Decimal.sum(new Set(['1', '2'])).toString()).toBe('3');
        expect(Decimal.max(d(1), d('3.5'), d(2)).toString()).toBe('3.5');
        expect(Decimal.min(d(1), d('-3.5'), d(2)).toString()).toBe('-3.5');
        expect(() => Decimal.max()).toThrow(RangeError);
    });

    it('shifts the decimal point exactly', () => {
        expect(d('4.35').shift(8).toString()).toBe('435000000');
        expect(d('1.2').shift(6).toString()).toBe('1200000');
        expect(d('1200').shift(-3).toString()).toBe('1.2');
    });

    it('converts to number and JSON', () => {
        expect(d('0.3').toNumber()).toBe(0.3);
        expect(d('435000000').toNumber()).toBe(435000000);
        expect(JSON.stringify({ v: d('12.5') })).toBe('{"v":"12.5"}');
        expect(Decimal.ZERO.isZero()).toBe(true);
        expect(Decimal.fromParts(435n, 2).toString()).toBe('4.35');
    });
});
