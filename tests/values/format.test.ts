import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextFormatter } from '../../packages/language/src/i18n/text.js';
import {
    Decimal,
    formatMoney,
    formatNumber,
    formatPercent,
    money,
    parseFormattedNumber,
    parseNumberLiteral
} from '../../packages/language/src/values/index.js';

describe('formatNumber', () => {
    it('groups thousands with commas in both locales', () => {
        expect(formatNumber(18000, 'en')).toBe('18,000');
        expect(formatNumber(18000, 'zh-CN', { digitsOnly: true })).toBe('18,000');
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
        expect(formatMoney(money(60000, 'CNY'), 'zh-CN')).toBe('6万元');
        expect(formatMoney(money(500000, 'USD'), 'zh-CN')).toBe('50万 USD');
        expect(formatMoney(money('19.5', 'CNY'), 'zh-CN')).toBe('19.50元');
        expect(formatMoney(money(60000, 'CNY'), 'zh-CN', { minFractionDigits: 2 })).toBe('60,000.00元');
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

describe('万 and 亿 in zh-CN (SPEC §10)', () => {
    it('writes ten thousand and more in 万 or 亿 where that is exact with at most two decimals', () => {
        expect(formatNumber(Decimal.of('120000000'), 'zh-CN')).toBe('1.2亿');
        expect(formatNumber(Decimal.of('50000000'), 'zh-CN')).toBe('5,000万');
        expect(formatNumber(35000, 'zh-CN')).toBe('3.5万');
        expect(formatNumber(10000, 'zh-CN')).toBe('1万');
        expect(formatNumber(18000, 'zh-CN')).toBe('1.8万');
        expect(formatNumber(Decimal.of('435000000'), 'zh-CN')).toBe('4.35亿');
        expect(formatNumber(Decimal.of('123450000'), 'zh-CN')).toBe('12,345万');
        expect(formatNumber(Decimal.of('100000000'), 'zh-CN')).toBe('1亿');
        expect(formatNumber(Decimal.of('99990000'), 'zh-CN')).toBe('9,999万');
        expect(formatNumber(Decimal.of('123400000000'), 'zh-CN')).toBe('1,234亿');
        expect(formatNumber(-250000, 'zh-CN')).toBe('-25万');
        expect(formatMoney(money('120000000', 'CNY'), 'zh-CN')).toBe('1.2亿元');
        expect(formatMoney(money('50000000', 'CNY'), 'zh-CN')).toBe('5,000万元');
    });

    it('keeps grouped digits where 万 or 亿 would lose a digit, and below ten thousand', () => {
        expect(formatNumber(Decimal.of('12345678'), 'zh-CN')).toBe('12,345,678');
        expect(formatNumber(12345, 'zh-CN')).toBe('12,345');
        expect(formatNumber(10001, 'zh-CN')).toBe('10,001');
        expect(formatNumber(9999, 'zh-CN')).toBe('9,999');
        expect(formatNumber(Decimal.of('12000.5'), 'zh-CN')).toBe('12,000.5');
        expect(formatNumber(Decimal.of('123456789'), 'zh-CN')).toBe('123,456,789');
        expect(formatMoney(money('19.5', 'CNY'), 'zh-CN')).toBe('19.50元');
        expect(formatMoney(money('12345.5', 'CNY'), 'zh-CN')).toBe('12,345.50元');
    });

    it('scales the value as displayed, after rounding to two decimals', () => {
        expect(formatNumber(Decimal.of('34999.999'), 'zh-CN')).toBe('3.5万');
        expect(formatNumber(Decimal.of('35000.004'), 'zh-CN')).toBe('3.5万');
    });

    it('leaves English and percentages in grouped digits', () => {
        expect(formatNumber(Decimal.of('120000000'), 'en')).toBe('120,000,000');
        expect(formatMoney(money('50000000', 'CNY'), 'en')).toBe('50,000,000 CNY');
        expect(formatPercent(123.4, 'zh-CN')).toBe('12,340%');
        expect(new TextFormatter('zh-CN').points(Decimal.of(20000))).toBe('20,000%');
    });

    it('goes through the TextFormatter of messages and documents', () => {
        const f = new TextFormatter('zh-CN');
        expect(f.qty(Decimal.of(20000), { metric: 'signups', kind: 'count' })).toBe('2万 signups');
        expect(f.qty(Decimal.of(3000000), { metric: 'revenue', kind: 'money', currency: 'CNY' })).toBe('300万元 revenue');
        expect(f.pct(0.9)).toBe('90%');
        expect(new TextFormatter('en').qty(Decimal.of(20000), { metric: 'signups', kind: 'count' })).toBe('20,000 signups');
    });

    // Exact decimals below 10^15 (MAX_LITERAL) with up to two decimals, weighted towards round figures.
    const exactAmount = fc
        .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 12 }), fc.boolean())
        .map(([n, scale, zeros, negative]) => {
            const value = Decimal.fromParts(n, scale).shift(zeros).round(2);
            return negative ? value.neg() : value;
        })
        .filter(value => value.abs().lt(Decimal.of(10n ** 15n)));

    it('reads back exactly: parse(format(x)) = x in both locales', () => {
        fc.assert(
            fc.property(exactAmount, fc.constantFrom('en' as const, 'zh-CN' as const), (value, locale) => {
                const text = formatNumber(value, locale);
                expect(parseFormattedNumber(text)).toEqual(value);
                if (locale === 'en') expect(text).not.toMatch(/[万亿]/);
            }),
            { numRuns: 2000 }
        );
    });

    it('uses 万/亿 exactly when the scaled value has at most two decimals, and the larger unit first', () => {
        fc.assert(
            fc.property(exactAmount, value => {
                const text = formatNumber(value, 'zh-CN');
                const abs = value.abs();
                const yi = abs.gte(Decimal.of(10n ** 8n)) && abs.shift(-8).scale <= 2;
                const wan = !yi && abs.gte(Decimal.of(10000)) && abs.shift(-4).scale <= 2;
                expect(text.endsWith('亿')).toBe(yi);
                expect(text.endsWith('万')).toBe(wan);
                // The unit form is what a playbook author would write: it parses as a number literal too.
                if (yi || wan) expect(parseNumberLiteral(text.replace(/^-/, '').replaceAll(',', '_'))).toEqual({ ok: true, value: abs });
            }),
            { numRuns: 2000 }
        );
    });

    it('reads back money in zh-CN', () => {
        fc.assert(
            fc.property(exactAmount, value => {
                const text = formatMoney(money(value, 'CNY'), 'zh-CN');
                expect(text.endsWith('元')).toBe(true);
                expect(parseFormattedNumber(text.slice(0, -1))).toEqual(value);
            }),
            { numRuns: 1000 }
        );
    });

    it('zh-CN lists: a space before a Latin word or number, none next to Chinese text', () => {
        const f = new TextFormatter('zh-CN');
        expect(f.list(['SEO', 'Ads', 'Email'], 'or')).toBe('SEO、Ads 或 Email');
        expect(f.list(['华东', '华南'], 'and')).toBe('华东和华南');
        expect(f.list(['强制（mandatory）', '建议（advisory）'], 'or')).toBe('强制（mandatory）或建议（advisory）');
        expect(f.list(['SEO', '华南'], 'and')).toBe('SEO 和华南');
        expect(new TextFormatter('en').list(['a', 'b', 'c'], 'or')).toBe('a, b or c');
    });

    it('rejects what formatNumber never writes', () => {
        expect(parseFormattedNumber('1,2345')).toBeUndefined();
        expect(parseFormattedNumber('12k')).toBeUndefined();
        expect(parseFormattedNumber('')).toBeUndefined();
        expect(parseFormattedNumber('5,000万')).toEqual(Decimal.of(50000000));
    });
});
