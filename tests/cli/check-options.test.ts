// `opsbook check --max-warnings N`, `--quiet`, `--locale` and opsbook.json, as a real process.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli, temporaryFolder } from './cli-helpers.js';

const CLEAN = fs.readFileSync(new URL('../fixtures/validation/clean.ops', import.meta.url), 'utf8');
// Two warnings (forecast-spread, goal-unplanned) and, in the second file, one error (goal-undercovered).
const WARNINGS = CLEAN.replace('sales 65k', 'sales 80k').replace('  serves Retention\n', '');
const ERROR = CLEAN.replace('delivers 800 signups to Signups', 'delivers 600 signups to Signups');

const folder = temporaryFolder('opsbook-check-options-');
afterAll(() => folder.remove());

function workspace(name: string, files: Record<string, string>): string {
    const dir = path.join(folder.dir, name);
    for (const [file, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        fs.writeFileSync(path.join(dir, file), text);
    }
    return dir;
}

const warningsOnly = workspace('warnings', { 'opsbook.json': '{}', 'plan.ops': WARNINGS });
const mixed = workspace('mixed', { 'opsbook.json': '{}', 'a.ops': WARNINGS, 'b.ops': ERROR });

describe('--max-warnings', () => {
    test('warnings alone exit 0', async () => {
        const result = await runCli(['check', '.'], { cwd: warningsOnly });
        expect([result.code, result.stdout.trim().split('\n').at(-1)]).toEqual([0, '1 file checked: 0 errors, 2 warnings']);
    });

    test('at the limit: exit 0', async () => {
        expect((await runCli(['check', '.', '--max-warnings', '2'], { cwd: warningsOnly })).code).toBe(0);
    });

    test('over the limit: exit 1, with the reason on stderr', async () => {
        const result = await runCli(['check', '.', '--max-warnings', '1'], { cwd: warningsOnly });
        expect(result.code).toBe(1);
        expect(result.stderr).toBe('too many warnings: 2 (at most 1 allowed by --max-warnings)\n');
    });

    test('--max-warnings 0 fails on any warning', async () => {
        expect((await runCli(['check', '.', '--max-warnings', '0'], { cwd: warningsOnly })).code).toBe(1);
    });

    test('a bad value is a usage error: exit 2', async () => {
        const result = await runCli(['check', '.', '--max-warnings', 'many'], { cwd: warningsOnly });
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/--max-warnings/);
    });

    test('warnings turned off in opsbook.json do not count', async () => {
        const dir = workspace('off', {
            'opsbook.json': '{ "rules": { "forecast-spread": "off", "goal-unplanned": "info" } }',
            'plan.ops': WARNINGS
        });
        const result = await runCli(['check', '.', '--max-warnings', '0'], { cwd: dir });
        expect(result.code).toBe(0);
        expect(result.stdout).toBe(
            `plan.ops:35:6 info goal-unplanned nothing delivers to, serves or decomposes Retention: add 'delivers … to Retention' to a channel or campaign, 'serves Retention' to a campaign or workstream, or a sub-goal 'part of Retention'\n1 file checked: 0 errors, 0 warnings, 1 info\n`
        );
    });
});

describe('--quiet', () => {
    test('prints errors only; the exit code still counts errors', async () => {
        const result = await runCli(['check', '.', '--quiet'], { cwd: mixed });
        expect(result.code).toBe(1);
        expect(result.stdout).toBe(
            'b.ops:25:10 error goal-undercovered Signups: channels deliver 1,800 of 2,000 signups (90%), 200 short; plan 200 more or lower the target\n2 files checked: 1 error, 2 warnings\n'
        );
    });

    test('in JSON too', async () => {
        const result = await runCli(['check', '.', '--quiet', '--format', 'json'], { cwd: mixed });
        const json = JSON.parse(result.stdout);
        expect(json.diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`)).toEqual(['b.ops goal-undercovered']);
        expect(json.summary).toEqual({ files: 2, errors: 1, warnings: 2, infos: 0 });
    });

    test('with warnings only: nothing printed but the tally, exit 0', async () => {
        const result = await runCli(['check', '.', '--quiet'], { cwd: warningsOnly });
        expect([result.code, result.stdout]).toEqual([0, '1 file checked: 0 errors, 2 warnings\n']);
    });
});

describe('--locale and opsbook.json', () => {
    test('--locale zh-CN translates messages', async () => {
        const result = await runCli(['check', 'b.ops', '--locale', 'zh-CN'], { cwd: mixed });
        expect(result.stdout.split('\n')[0]).toBe(
            'b.ops:25:10 error goal-undercovered Signups：渠道共交付 1,800 / 2,000 signups（90%），还差 200；请再安排 200 的交付，或下调目标'
        );
    });

    test('--locale en wins over opsbook.json', async () => {
        const dir = workspace('zh', { 'opsbook.json': '{ "locale": "zh-CN" }', 'plan.ops': ERROR });
        expect((await runCli(['check', '.'], { cwd: dir })).stdout).toMatch(/渠道共交付/);
        expect((await runCli(['check', '.', '--locale', 'en'], { cwd: dir })).stdout).toMatch(/channels deliver 1,800 of 2,000 signups/);
    });

    test('a broken opsbook.json: exit 2 with file:line:col, no diagnostics', async () => {
        const dir = workspace('broken', { 'opsbook.json': '{\n  "rules": { "no-review": "loud" }\n}\n', 'plan.ops': ERROR });
        const result = await runCli(['check', '.'], { cwd: dir });
        expect(result.code).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe(
            "opsbook: opsbook.json:2:14: rule 'no-review' in opsbook.json: severity must be error, warning, info or off\n"
        );
    });

    test('// opsbook-ignore works from the CLI', async () => {
        const dir = workspace('ignore', {
            'opsbook.json': '{}',
            'plan.ops': ERROR.replace('goal Signups {\n  target', 'goal Signups {\n  // opsbook-ignore goal-undercovered\n  target')
        });
        const result = await runCli(['check', '.'], { cwd: dir });
        expect([result.code, result.stdout]).toEqual([0, '1 file checked: 0 errors, 0 warnings\n']);
    });
});
