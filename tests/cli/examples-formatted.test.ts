// Every playbook under examples/ is in the canonical layout: `opsbook fmt --check examples` is part of
// `npm test` (issue 16). Whatever folder lands in examples/ is covered: the check walks them all.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { ROOT, runCli } from './cli-helpers.js';

vi.setConfig({ testTimeout: 120_000 });

function opsFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? opsFiles(full) : entry.name.endsWith('.ops') ? [full] : [];
    });
}

describe('the examples', () => {
    test('`opsbook fmt --check examples` passes: every example is formatted', async () => {
        expect(opsFiles(path.join(ROOT, 'examples')).length).toBeGreaterThanOrEqual(5);
        expect(await runCli(['fmt', '--check', 'examples'])).toEqual({ code: 0, stdout: '', stderr: '' });
    });
});
