import { describe, expect, it } from 'vitest';
import { Decimal, MAX_LITERAL, parseNumberLiteral, parsePercentLiteral } from '../../packages/language/src/values/index.js';

function value(text: string): string {
    const r = parseNumberLiteral(text);
    if (!r.ok) throw new Error(`expected ${text} to parse: ${r.message}`);
    return r.value.toString();
}

function message(text: string, parse = parseNumberLiteral): string {
    const r = parse(text);
    if (r.ok) throw new Error(`expected ${text} to be rejected, got ${r.value}`);
    return r.message;
}

describe('parseNumberLiteral', () => {
    it.each([
        ['12', '12'],
        ['12.5', '12.5'],
        ['0.25', '0.25'],
        ['20_000', '20000'],
        ['1_000_000', '1000000'],
        ['20k', '20000'],
        ['500k', '500000'],
        ['1.2M', '1200000'],
        ['2万', '20000'],
        ['60万', '600000'],
        ['3亿', '300000000'],
        ['4.35亿', '435000000'],
        ['1.23456789亿', '123456789'],
        ['0.5k', '500'],
        ['007', '7']
    ])('%s is exactly %s', (text, expected) => {
        expect(value(text)).toBe(expected);
    });

    it('keeps 4.35亿 exact where floats would not', () => {
        expect(4.35 * 1e8).not.toBe(435000000);
        const r = parseNumberLiteral('4.35亿');
        expect(r.ok && r.value.eq(Decimal.of(435000000n))).toBe(true);
    });

    it('rejects misplaced underscores', () => {
        for (const t of ['20__000', '_20', '20_', '1_000._5', '1.0_5']) {
            expect(message(t)).toMatch(/'_' may only stand between digits/);
        }
        expect(message('20__000')).toMatch(/^20__000 is not a number/);
    });

    it('rejects exponent notation, saying what to write', () => {
        expect(message('1e5')).toBe(
            '1e5 is not a number: exponent notation is not supported; write the digits out (100000) or use a suffix: k (thousand), M (million), 万 (ten thousand) or 亿 (hundred million)'
        );
        expect(message('2.5E3')).toMatch(/exponent notation/);
    });

    it('rejects unknown or wrongly cased suffixes', () => {
        expect(message('20K')).toMatch(/unknown scale suffix 'K' \(did you mean 'k'\?\); suffixes are case-sensitive/);
        expect(message('1.2m')).toMatch(/did you mean 'M'/);
        expect(message('3B')).toMatch(/unknown scale suffix 'B'/);
        expect(message('2万万')).toMatch(/unknown scale suffix/);
    });

    it('rejects other malformed numbers with a reason', () => {
        expect(message('')).toMatch(/expected a number/);
        expect(message('-5')).toMatch(/negative numbers are not part of the language/);
        expect(message('20,000')).toMatch(/',' is not a digit separator/);
        expect(message('１２')).toMatch(/full-width/);
        expect(message('.5')).toMatch(/digits on both sides/);
        expect(message('5.')).toMatch(/digits on both sides/);
        expect(message('1.2.3')).toMatch(/^1\.2\.3 is not a number/);
        expect(message(' 12')).toMatch(/spaces/);
    });

    it('rejects numbers of a quadrillion and more', () => {
        expect(MAX_LITERAL.toString()).toBe('1000000000000000');
        expect(message('99999999999999999999亿')).toBe(
            '99999999999999999999亿 is too large: numbers in a playbook must be below 1,000,000,000,000,000'
        );
        expect(message('1_000_000_000_000_000')).toMatch(/too large/);
        expect(message('10000000亿')).toMatch(/too large/);
        expect(value('999_999_999_999_999')).toBe('999999999999999');
        expect(value('9999999.9999999999亿')).toBe('999999999999999.99');
    });
});

describe('parsePercentLiteral', () => {
    it('gives percentage points', () => {
        const four = parsePercentLiteral('4%');
        expect(four.ok && four.value.toString()).toBe('4');
        const r = parsePercentLiteral('12.5%');
        expect(r.ok && r.value.toString()).toBe('12.5');
        const z = parsePercentLiteral('0%');
        expect(z.ok && z.value.isZero()).toBe(true);
        const big = parsePercentLiteral('150%'); // out of range is the validator's business
        expect(big.ok && big.value.toString()).toBe('150');
    });

    it('rejects malformed percentages', () => {
        expect(message('4 %', parsePercentLiteral)).toBe("4 % is not a percentage: write '%' directly after the number, as in 4%");
        expect(message('4％', parsePercentLiteral)).toMatch(/full-width '％'/);
        expect(message('4', parsePercentLiteral)).toMatch(/followed by '%'/);
        expect(message('4k%', parsePercentLiteral)).toMatch(/no scale suffix/);
        expect(message('4__0%', parsePercentLiteral)).toMatch(/^4__0% is not a percentage: '_'/);
        expect(message('%', parsePercentLiteral)).toMatch(/expected a number/);
    });
});
