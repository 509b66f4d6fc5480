// The fingerprint line's hash (generate/fingerprint.ts): FNV-1a 64 over the UTF-8 bytes, line endings
// normalized. Computed in 16-bit limbs for speed (the live plan preview hashes 0.7 MB per update), so it
// is held here to the published test vectors and to a plain BigInt implementation over TextEncoder's bytes.
import { describe, expect, test } from 'vitest';
import { fingerprintOf, inspectGenerated, withFingerprint } from '../../packages/language/src/generate/fingerprint.js';

function reference(body: string): string {
    const bytes = new TextEncoder().encode(body.replace(/\r\n/g, '\n'));
    let hash = 0xcbf29ce484222325n;
    for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & ((1n << 64n) - 1n);
    return hash.toString(16).padStart(16, '0');
}

describe('fingerprintOf', () => {
    test('the FNV-1a 64 test vectors', () => {
        expect(fingerprintOf('')).toBe('cbf29ce484222325');
        expect(fingerprintOf('a')).toBe('af63dc4c8601ec8c');
        expect(fingerprintOf('foobar')).toBe('85944171f73967e8');
    });

    test('the same as BigInt arithmetic over UTF-8: ASCII, Chinese, emoji (surrogate pairs), a lone surrogate, CRLF', () => {
        const samples = [
            '# Plan: Acme\n| a | b |\n',
            '执行计划：华夏厨电 — 第三季度全国销售额 1.2 亿元',
            'on track 🟢, at risk 🟡, off track 🔴',
            'lone \ud800 surrogate and \udc00 too',
            'windows\r\nline\r\nendings\r',
            'é ß ¥ € \u07ff \u0800 \uffff'
        ];
        for (const sample of samples) expect(fingerprintOf(sample), sample).toBe(reference(sample));
        expect(fingerprintOf('a\r\nb')).toBe(fingerprintOf('a\nb'));
        let long = '';
        for (let i = 0; i < 2000; i++) long += `| 渠道${i} | ${i * 7919} CNY | 🟢 |\n`;
        expect(fingerprintOf(long)).toBe(reference(long));
    });

    test('a generated document is intact until edited', () => {
        const text = withFingerprint('plan', '# 执行计划\n\n| a |\n');
        expect(inspectGenerated(text)).toEqual({ state: 'intact', kind: 'plan' });
        expect(inspectGenerated(text.replace('| a |', '| b |'))).toEqual({ state: 'edited', kind: 'plan' });
    });
});
