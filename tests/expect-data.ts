// Fast exact comparison of large plain-data shapes (ASTs and CSTs as data) for the parser equivalence tests.
import { expect } from 'vitest';

/**
 * JSON-like text that tells apart what `toEqual` tells apart in plain data: undefined, NaN, infinities and -0 are
 * marked, not dropped or turned into null (a hand-written walk: `JSON.stringify` with a replacer is several times slower).
 */
export function exactJson(value: unknown): string {
    switch (typeof value) {
        case 'string':
            return JSON.stringify(value);
        case 'number':
            return Object.is(value, -0) ? '-0' : Number.isFinite(value) ? String(value) : `#${value}`;
        case 'boolean':
            return value ? 'true' : 'false';
        case 'undefined':
            return '#undefined';
        case 'object': {
            if (value === null) return 'null';
            if (Array.isArray(value)) {
                let out = '[';
                for (let i = 0; i < value.length; i++) out += (i > 0 ? ',' : '') + exactJson(value[i]);
                return `${out}]`;
            }
            let out = '{';
            let first = true;
            for (const key in value) {
                if (!Object.hasOwn(value, key)) continue;
                out += `${first ? '' : ','}${JSON.stringify(key)}:${exactJson((value as Record<string, unknown>)[key])}`;
                first = false;
            }
            return `${out}}`;
        }
        default:
            // Functions, symbols, bigints: not plain data; never equal by text (the caller falls back to `toEqual`).
            return `#${typeof value}#${Math.random()}`;
    }
}

/**
 * `expect(actual).toEqual(expected)` for plain data (arrays, plain objects, strings, numbers, booleans), with the
 * same exact JSON as a fast way to pass — it implies `toEqual`; vitest's deep equality, with its diff, runs only
 * when the texts differ. On trees of 10,000 nodes compared thousands of times, vitest's `toEqual` costs far more
 * than the parse under test.
 */
export function expectEqualData(actual: unknown, expected: unknown, message?: string): void {
    if (exactJson(actual) !== exactJson(expected)) expect(actual, message).toEqual(expected);
}
