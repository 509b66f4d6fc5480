// Pathological sizes, each through the real CLI process (what a user or CI runs): a 10 MB file, a
// 10,000-deep `part of` chain and loop, 10,000 imports, import cycles, 1 MB lines. Byte-level oddities
// are in pathological-bytes.test.ts (two files, so that vitest runs them side by side).
// The biggest sizes run under `npm run test:stress` (OPSBOOK_STRESS=1); `npm test` runs the same tests
// on a tenth to a fifth of the input (tests/stress.ts), and each title names the size it ran with.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STRESS, stressSize } from '../stress.js';
import { bigPlaybook, HEADER, partOfChain } from './support/big-inputs.js';
import { runCliProcess } from './support/run-cli.js';
import { clean } from './support/clean-exit.js';
import { tempWorkspace } from './support/temp-workspace.js';

/** The summary line of `opsbook check` text output. */
function summary(stdout: string): string {
    return stdout.trim().split('\n').pop() ?? '';
}

// Bounds are generous (CI machines are shared); the failures they catch were minutes or endless.
const BIG_FILE_LIMIT_MS = 240_000;
const DEEP_LIMIT_MS = 30_000;

const MB = 1024 * 1024;
/** The big file and the smaller one it is compared with (the big one may take 6× their size ratio). */
const [BIG_BYTES, SMALL_BYTES] = stressSize([10 * MB, MB], [MB, MB / 8]);
const sizeLabel = (bytes: number) => (bytes >= MB ? `${bytes / MB} MB` : `${bytes / 1024} kB`);
/** Depth of the `part of` chain and length of the loop. */
const DEPTH = stressSize(10_000, 2_000);
/** Imports in one file (1,000 or 10,000: the misspelt owner p<N> then has one suggestion, p<N/10>). */
const IMPORTS = stressSize(10_000, 1_000);
/** Files in the import ring. */
const RING = stressSize(1_000, 200);
const count = (n: number) => n.toLocaleString('en');

describe('pathological sizes', () => {
    it(
        `a ${sizeLabel(BIG_BYTES)} playbook is checked in bounded, near-linear time, every unresolved owner reported${STRESS ? '' : ' (10 MB under test:stress)'}`,
        () => {
            // 1 MB first: the 10 MB run may take at most 60× as long (linear is 10×, GC and load add some; the
            // quadratic suggestion search it caught took 3 minutes for 1 MB and hours for 10 MB). Reduced:
            // 128 kB and 1 MB, at most 48×.
            const small = bigPlaybook(SMALL_BYTES);
            const smallDir = tempWorkspace({ 'big.ops': small.text });
            const smallRun = runCliProcess(['check', '--format', 'json', 'big.ops'], { cwd: smallDir, timeout: BIG_FILE_LIMIT_MS });
            clean(smallRun);
            const { text, blocks } = bigPlaybook(BIG_BYTES);
            const dir = tempWorkspace({ 'big.ops': text });
            const result = runCliProcess(['check', '--format', 'json', 'big.ops'], { cwd: dir, timeout: BIG_FILE_LIMIT_MS });
            clean(result);
            expect(result.elapsed).toBeLessThan(BIG_FILE_LIMIT_MS);
            const ratio = BIG_BYTES / SMALL_BYTES;
            expect(
                result.elapsed / smallRun.elapsed,
                `${sizeLabel(SMALL_BYTES)}: ${Math.round(smallRun.elapsed)} ms, ${sizeLabel(BIG_BYTES)}: ${Math.round(result.elapsed)} ms`
            ).toBeLessThan(6 * ratio);
            const report = JSON.parse(result.stdout) as {
                diagnostics: { line: number; rule: string; message: string }[];
                summary: { errors: number };
            };
            const unresolved = report.diagnostics.filter(d => d.rule === 'unresolved-reference');
            const typos = Math.floor((blocks - 1) / 50);
            expect(unresolved).toHaveLength(typos);
            // block 50 starts after the header (9 lines) and 50 blocks of 4 lines; its goal is the 2nd line
            expect(unresolved[0]).toMatchObject({ line: 9 + 50 * 4 + 2, message: "unknown person 'p50x': did you mean 'p50'?" });
            expect(report.summary.errors).toBe(typos);
            expect(result.code).toBe(1);
        },
        2 * BIG_FILE_LIMIT_MS + 30_000
    );

    it(
        `a ${count(DEPTH)}-deep \`part of\` chain: check and plan finish, no stack overflow, every goal covered`,
        () => {
            const dir = tempWorkspace({ 'chain.ops': partOfChain(DEPTH) });
            const check = runCliProcess(['check', 'chain.ops'], { cwd: dir, timeout: DEEP_LIMIT_MS });
            clean(check);
            expect(check.elapsed).toBeLessThan(DEEP_LIMIT_MS);
            expect(check.stdout).not.toMatch(/ error /);
            expect(summary(check.stdout)).toMatch(/^1 file checked: 0 errors/);
            expect(check.code).toBe(0);
            const plan = runCliProcess(['plan', 'chain.ops', '-o', 'plan.md'], { cwd: dir, timeout: DEEP_LIMIT_MS });
            clean(plan);
            expect(plan.code, plan.stderr).toBe(0);
            const markdown = fs.readFileSync(path.join(dir, 'plan.md'), 'utf8');
            expect(markdown).toContain(`G${DEPTH - 1}`);
        },
        3 * DEEP_LIMIT_MS
    );

    it(
        `a ${count(DEPTH)}-long \`part of\` loop is one goal-cycle error per goal in it, found without recursion`,
        () => {
            const dir = tempWorkspace({ 'loop.ops': partOfChain(DEPTH, true) });
            const result = runCliProcess(['check', '--format', 'json', 'loop.ops'], { cwd: dir, timeout: DEEP_LIMIT_MS });
            clean(result);
            expect(result.elapsed).toBeLessThan(DEEP_LIMIT_MS);
            const report = JSON.parse(result.stdout) as { diagnostics: { rule: string; message: string }[] };
            const cycles = report.diagnostics.filter(d => d.rule === 'goal-cycle');
            expect(cycles).toHaveLength(DEPTH);
            expect(result.code).toBe(1);
        },
        2 * DEEP_LIMIT_MS
    );

    it(
        `${count(IMPORTS)} imports in one file load, link and check in bounded time`,
        () => {
            const files: Record<string, string> = {};
            const imports: string[] = [];
            for (let i = 0; i < IMPORTS; i++) {
                files[`people/p${i}.ops`] = `person p${i} "Person ${i}"\n`;
                imports.push(`import "people/p${i}.ops"`);
            }
            files['main.ops'] =
                `${imports.join('\n')}\nmetric signups count\ngoal G { target 1 signups by 2027-03-31 owner p${IMPORTS - 1} }\ngoal H { target 1 signups by 2027-03-31 owner p${IMPORTS} }\n`;
            const dir = tempWorkspace(files);
            const result = runCliProcess(['check', 'main.ops'], { cwd: dir, timeout: DEEP_LIMIT_MS * 2 });
            clean(result);
            expect(result.elapsed).toBeLessThan(DEEP_LIMIT_MS * 2);
            const lines = result.stdout.trim().split('\n');
            const column = `goal H { target 1 signups by 2027-03-31 owner `.length + 1;
            expect(lines.filter(line => line.includes(' error '))).toEqual([
                `main.ops:${IMPORTS + 3}:${column} error unresolved-reference unknown person 'p${IMPORTS}': did you mean 'p${IMPORTS / 10}'?`
            ]);
            expect(result.code).toBe(1);
        },
        3 * DEEP_LIMIT_MS
    );

    it(
        `import cycles (a → b → a, a file importing itself, a ${count(RING)}-file ring) are harmless`,
        () => {
            const ring: Record<string, string> = {};
            for (let i = 0; i < RING; i++) ring[`ring/r${i}.ops`] = `import "r${(i + 1) % RING}.ops"\nperson r${i}\n`;
            const dir = tempWorkspace({
                'a.ops':
                    'import "b.ops"\nimport "a.ops"\nmetric signups count\ngoal A { target 1 signups by 2027-03-31 owner bob }\nperson alice\n',
                'b.ops': 'import "a.ops"\nperson bob\ngoal B { target 1 signups by 2027-03-31 owner alice }\n',
                ...ring
            });
            const result = runCliProcess(['check', '.'], { cwd: dir, timeout: DEEP_LIMIT_MS });
            clean(result);
            // names flow through each direct import, in both directions of the cycle; none of it is an error
            expect(result.stdout).not.toMatch(/ error /);
            expect(summary(result.stdout)).toMatch(new RegExp(`^${RING + 2} files checked: 0 errors`));
            expect(result.code).toBe(0);
        },
        2 * DEEP_LIMIT_MS
    );

    it(
        'a 1 MB line: checked in bounded time and a finding after it has the right column',
        () => {
            const title = 'x'.repeat(1024 * 1024);
            const dir = tempWorkspace({
                'line.ops': `${HEADER}person p0 "${title}" { role "r" }    goal G0 { target 1 signups by 2027-03-31 owner nobody }\n`
            });
            const result = runCliProcess(['check', 'line.ops'], { cwd: dir, timeout: DEEP_LIMIT_MS });
            clean(result);
            expect(result.elapsed).toBeLessThan(DEEP_LIMIT_MS);
            const column = `person p0 "${title}" { role "r" }    goal G0 { target 1 signups by 2027-03-31 owner `.length + 1;
            expect(result.stdout).toContain(`line.ops:10:${column} error unresolved-reference unknown person 'nobody'`);
        },
        2 * DEEP_LIMIT_MS
    );

    it(
        'a 1 MB line of 100,000 tokens is checked in bounded time',
        () => {
            const goals = Array.from({ length: 20_000 }, (_, i) => `goal G${i} { target 1 signups by 2027-03-31 owner p0 }`).join(' ');
            const dir = tempWorkspace({ 'tokens.ops': `${HEADER}person p0 ${goals}\n` });
            const result = runCliProcess(['check', '--quiet', 'tokens.ops'], { cwd: dir, timeout: DEEP_LIMIT_MS });
            clean(result);
            expect(result.elapsed).toBeLessThan(DEEP_LIMIT_MS);
            expect(result.code).toBe(0);
        },
        2 * DEEP_LIMIT_MS
    );
});
