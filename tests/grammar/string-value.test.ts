// A STRING token's value (packages/language/src/parser/opsbook-value-converter.ts): SPEC §2 escapes, and
// the value is made without appending one character at a time (that kept a chain of V8 cons strings per
// title for as long as the AST lives: bench/NOTES.md, "Round three — 100k lines and heap"; the heap figure
// of `node --expose-gc bench/heap.mjs` shows it). The old loop is the reference here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertString } from '../../packages/language/src/parser/opsbook-value-converter.js';

/** SPEC §2 as written, one character at a time: the reference. */
function specValue(input: string): string {
    let result = '';
    for (let i = 1; i < input.length - 1; i++) {
        const c = input.charAt(i);
        if (c === '\\' && i + 1 < input.length - 1) {
            const next = input.charAt(++i);
            result += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        } else {
            result += c;
        }
    }
    return result;
}

describe('string values', () => {
    it('resolves the escapes of SPEC §2', () => {
        expect(convertString('"plain"')).toBe('plain');
        expect(convertString('""')).toBe('');
        expect(convertString('"a \\"quoted\\" word"')).toBe('a "quoted" word');
        expect(convertString('"back\\\\slash"')).toBe('back\\slash');
        expect(convertString('"two\\nlines\\tand a tab"')).toBe('two\nlines\tand a tab');
        expect(convertString('"\\q stands for itself"')).toBe('q stands for itself');
        expect(convertString('"ends with \\\\"')).toBe('ends with \\');
        expect(convertString('"季度目标\\n完成"')).toBe('季度目标\n完成');
    });

    it('gives what SPEC §2 gives, one character at a time, for any text between quotes', () => {
        const piece = fc.oneof(fc.constantFrom('\\', 'n', 't', '"', 'a', '字', '\u{1F600}'), fc.string({ unit: 'binary', maxLength: 2 }));
        const body = fc.array(piece, { maxLength: 30 }).map(pieces => pieces.join(''));
        fc.assert(
            fc.property(body, text => {
                const token = `"${text}"`;
                expect(convertString(token)).toBe(specValue(token));
            }),
            { numRuns: 2000 }
        );
    });
});
