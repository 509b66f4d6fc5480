// packages/cli/bin/load-bundle.cjs runs a bundle with a V8 code cache written next to it. The cache must
// only ever serve the exact bundle it was made from: V8's own check compares little more than the
// source's length, so a bundle rebuilt to the same length could otherwise run stale code.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const LOADER = path.resolve('packages/cli/bin/load-bundle.cjs');

function run(bundle: string, env: Record<string, string> = {}): string {
    return execFileSync(process.execPath, ['-e', `require(${JSON.stringify(LOADER)})(${JSON.stringify(bundle)})`], {
        env: { ...process.env, ...env },
        encoding: 'utf8'
    });
}

describe('the code cache of a bundle', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-code-cache-'));
    const bundle = path.join(folder, 'bundle.cjs');
    const source = (word: string) =>
        `module.exports = 1; console.log(${JSON.stringify(word)} + ' ' + typeof require + ' ' + __filename);\n`;

    it('is written on request, marked with the digest of its bundle, and the bundle runs as a module', () => {
        fs.writeFileSync(bundle, source('first'));
        expect(run(bundle, { OPSBOOK_WRITE_CODE_CACHE: '1' })).toBe(`first function ${bundle}\n`);
        const cache = fs.readFileSync(`${bundle}.v8cache`);
        const digest = createHash('sha256').update(source('first')).digest('hex');
        expect(cache.subarray(0, 65).toString()).toBe(`${digest}\n`);
        expect(cache.length).toBeGreaterThan(100);
        expect(run(bundle)).toBe(`first function ${bundle}\n`);
    });

    it('is ignored when the bundle changed, even to a source of the same length', () => {
        expect(source('other').length).toBe(source('first').length);
        fs.writeFileSync(bundle, source('other'));
        expect(run(bundle)).toBe(`other function ${bundle}\n`);
    });

    it('a broken cache file is ignored', () => {
        fs.writeFileSync(`${bundle}.v8cache`, 'not a cache');
        expect(run(bundle)).toBe(`other function ${bundle}\n`);
        fs.rmSync(folder, { recursive: true, force: true });
    });
});
