// SPEC §9: `opsbook next` (the next cycle's playbook) and `opsbook diff` (change review by analysed
// figures). Golden outputs live in tests/golden/next-diff/ (regenerate with
// `UPDATE_GOLDEN=1 npx vitest run tests/cli/next-diff.test.ts` and read the diff).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { ROOT, runCli, runInProcess, temporaryFolder } from './cli-helpers.js';

vi.setConfig({ testTimeout: 120_000 });
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GROWTH = 'examples/growth/growth.ops';
const ACTUALS = 'tests/fixtures/cli/actuals/growth.csv';
const V2 = 'tests/fixtures/next-diff/growth-v2';

function golden(name: string, actual: string): void {
    const file = join(ROOT, 'tests', 'golden', 'next-diff', name);
    if (UPDATE || !existsSync(file)) {
        if (!UPDATE) throw new Error(`${file} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/cli/next-diff.test.ts`);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, actual);
    }
    expect(actual).toBe(readFileSync(file, 'utf8'));
}

const folders: (() => void)[] = [];
function temp(): string {
    const { dir, remove } = temporaryFolder('opsbook-next-');
    folders.push(remove);
    return dir;
}
afterAll(() => {
    for (const remove of folders) remove();
});

/** A copy of examples/growth in a workspace of its own (opsbook.json marks the root). */
function growthCopy(): string {
    const dir = temp();
    cpSync(join(ROOT, 'examples', 'growth'), dir, { recursive: true });
    writeFileSync(join(dir, 'opsbook.json'), '{}\n');
    return dir;
}

describe('opsbook next FILE', () => {
    test('writes the next quarter: golden text, formatted, header summarising the finished cycle', async () => {
        const result = await runInProcess(['next', GROWTH, '--actuals', ACTUALS]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        golden('growth-next.en.ops', result.stdout);
        expect(result.stdout).toContain('  period 2027-04-01 .. 2027-06-30');
        expect(result.stdout).toContain('  target 2万 signups by 2027-06-30');
        // Campaigns of the finished quarter are left out and listed in the header.
        expect(result.stdout).not.toMatch(/^campaign /m);
        expect(result.stdout).toContain(
            '// Campaigns of the finished cycle left out: SpringSale (2027-01-20 .. 2027-02-10), SouthRoadshow (2027-02-15 .. 2027-03-15).'
        );
        // Generating twice gives the same bytes.
        expect((await runInProcess(['next', GROWTH, '--actuals', ACTUALS])).stdout).toBe(result.stdout);
    });

    test('channel budgets are the figures the review proposes for the same period (one function)', async () => {
        const review = await runInProcess(['review', GROWTH, '--period', '2027-Q1', '--actuals', ACTUALS]);
        expect(review.code).toBe(0);
        // The review's re-allocation proposal: SEO 60,000 → 56,228 and WeChatAds 200,000 → 203,772.
        expect(review.stdout).toMatch(/SEO[^\n]*60,000 CNY[^\n]*56,228 CNY/);
        expect(review.stdout).toMatch(/WeChatAds[^\n]*200,000 CNY[^\n]*203,772 CNY/);
        const next = await runInProcess(['next', GROWTH, '--actuals', ACTUALS]);
        expect(next.stdout).toContain('  budget 56_228 CNY');
        expect(next.stdout).toContain('  budget 203_772 CNY');
        expect(next.stdout).toContain('//   SEO: 60,000 → 56,228 CNY (-3,772)');
    });

    test('the written playbook checks without errors, is formatted, and an existing file needs --force', async () => {
        const dir = growthCopy();
        const output = join(dir, 'growth-q2.ops');
        const first = await runCli(['next', 'growth.ops', '--actuals', join(ROOT, ACTUALS), '-o', 'growth-q2.ops'], { cwd: dir });
        expect(first).toEqual({ code: 0, stdout: '', stderr: 'wrote growth-q2.ops\n' });
        const check = await runCli(['check', 'growth-q2.ops', '--format', 'json'], { cwd: dir });
        expect(check.code).toBe(0);
        expect(JSON.parse(check.stdout).summary.errors).toBe(0);
        expect((await runCli(['fmt', '--check', 'growth-q2.ops'], { cwd: dir })).code).toBe(0);
        const written = readFileSync(output, 'utf8');
        writeFileSync(output, `${written}// edited\n`);
        const again = await runCli(['next', 'growth.ops', '--actuals', join(ROOT, ACTUALS), '-o', 'growth-q2.ops'], { cwd: dir });
        expect(again).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: growth-q2.ops: already exists; not overwriting it (use --force to replace it)\n'
        });
        expect(readFileSync(output, 'utf8')).toBe(`${written}// edited\n`);
        const forced = await runCli(['next', 'growth.ops', '--actuals', join(ROOT, ACTUALS), '-o', 'growth-q2.ops', '--force'], {
            cwd: dir
        });
        expect(forced.code).toBe(0);
        expect(readFileSync(output, 'utf8')).toBe(written);
    });

    test('a file written into another folder imports the libraries by a path from there', async () => {
        const dir = growthCopy();
        mkdirSync(join(dir, 'q2'));
        const result = await runCli(['next', 'growth.ops', '--actuals', join(ROOT, ACTUALS), '-o', 'q2/growth.ops'], { cwd: dir });
        expect(result.code).toBe(0);
        expect(readFileSync(join(dir, 'q2', 'growth.ops'), 'utf8')).toContain('import "../team.ops"');
        const check = await runCli(['check', 'q2/growth.ops'], { cwd: dir });
        expect(check.stdout).toContain('0 errors');
        expect(check.code).toBe(0);
    });

    test('--period chooses the next period; dates move by whole months and stay inside it', async () => {
        const result = await runInProcess(['next', GROWTH, '--actuals', ACTUALS, '--period', '2027-Q3']);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^ {2}period 2027-Q3 /m);
        expect(result.stdout).toContain('  target 300k CNY revenue by 2027-09-30');
        expect(result.stdout.split('\n')[0]).toBe(
            '// Next cycle of NotesQ1, 2027-Q3: written by opsbook next from growth.ops and growth.csv.'
        );
    });

    test('bad --period, a period that does not follow, a missing --actuals: one line, exit 2', async () => {
        expect(await runInProcess(['next', GROWTH, '--actuals', ACTUALS, '--period', '2027-Q5'])).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: --period 2027-Q5: 2027-Q5 is not a quarter: write YYYY-Q1 … YYYY-Q4, or a range 2027-04-01..2027-06-30\n'
        });
        expect(await runInProcess(['next', GROWTH, '--actuals', ACTUALS, '--period', '2027-02'])).toEqual({
            code: 2,
            stdout: '',
            stderr: "opsbook: --period 2027-02 does not start after the playbook's period (2027-01-01 .. 2027-03-31); the next cycle follows the finished one\n"
        });
        const missing = await runInProcess(['next', GROWTH]);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain("required option '--actuals <csv>' not specified");
    });

    test('zh-CN: the header is written in Chinese', async () => {
        const result = await runInProcess(['next', GROWTH, '--actuals', ACTUALS, '--locale', 'zh-CN']);
        expect(result.code).toBe(0);
        golden('growth-next.zh-CN.ops', result.stdout);
        expect(result.stdout.split('\n').slice(0, 3)).toEqual([
            '// NotesQ1 的下一周期（2027-04-01 .. 2027-06-30）：由 opsbook next 根据 growth.ops 和 growth.csv 生成。',
            '// 已结束的周期（2027-01-01 .. 2027-03-31）：',
            '//   SeedUsers：完成 9,499 signups，目标 2万（47%），落后'
        ]);
    });
});

describe('milestones (SPEC §9)', () => {
    test('next moves them into the new period; diff lists a changed one', async () => {
        const dir = growthCopy();
        const file = join(dir, 'growth.ops');
        writeFileSync(
            file,
            readFileSync(file, 'utf8').replace(
                '  target 2万 signups by 2027-03-31',
                '  target 2万 signups by 2027-03-31\n  milestone 8000 signups by 2027-02-15'
            )
        );
        const next = await runCli(['next', 'growth.ops', '--actuals', join(ROOT, ACTUALS)], { cwd: dir });
        expect(next.code).toBe(0);
        expect(next.stdout).toContain('  milestone 8000 signups by 2027-05-15');
        writeFileSync(join(dir, 'later.ops'), readFileSync(file, 'utf8').replace('milestone 8000 signups', 'milestone 9000 signups'));
        const diff = await runCli(['diff', 'growth.ops', 'later.ops'], { cwd: dir });
        expect(diff.code).toBe(0);
        expect(diff.stdout).toContain('| goal `SeedUsers` | milestones | 8000 by 2027-02-15 | 9000 by 2027-02-15 |');
    });
});

describe('opsbook next DIR', () => {
    test('rolls the organisation forward together: the new files import each other and check clean', async () => {
        const out = join(temp(), 'q4');
        const result = await runInProcess(['next', 'examples/org', '--actuals', 'tests/fixtures/cli/actuals/org-总部.csv', '-o', out]);
        expect(result.code).toBe(0);
        expect(result.stdout).toBe('');
        for (const file of ['总部.ops', '华东.ops', '华南.ops', '团队.ops', 'opsbook.json']) expect(existsSync(join(out, file))).toBe(true);
        const east = readFileSync(join(out, '华东.ops'), 'utf8');
        expect(east).toContain('import "总部.ops"');
        expect(east).toContain('  part of 全国销售额');
        expect(east).toContain('  period 2027-Q4');
        const check = await runCli(['check', out, '--format', 'json']);
        expect(JSON.parse(check.stdout).summary.errors).toBe(0);
        expect(check.code).toBe(0);
        // Nothing is overwritten without --force, and nothing is written at all then.
        const again = await runInProcess(['next', 'examples/org', '--actuals', 'tests/fixtures/cli/actuals/org-总部.csv', '-o', out]);
        expect(again.code).toBe(2);
        expect(again.stderr).toMatch(/^opsbook: .*\.ops: already exists; not overwriting it \(use --force to replace it\)\n$/);
    });

    test('a folder needs -o', async () => {
        expect(await runInProcess(['next', 'examples/org', '--actuals', 'tests/fixtures/cli/actuals/org-总部.csv'])).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: next of a folder needs -o OUTDIR: the folder to write the next playbooks to\n'
        });
    });
});

describe('opsbook diff', () => {
    test('two folders: only what changed, as Markdown (golden)', async () => {
        const result = await runInProcess(['diff', 'examples/growth', V2]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        golden('growth-v2.en.md', result.stdout);
        expect(result.stdout).toContain('| goal `SeedUsers` | target | 20,000 signups | 25,000 signups |');
        expect(result.stdout).toContain('| person `bob` | load across the workspace | 60% | 80% |');
        // Unchanged elements are not listed.
        expect(result.stdout).not.toContain('`Retention`');
    });

    test('as JSON (golden), and in Chinese', async () => {
        const json = await runInProcess(['diff', 'examples/growth', V2, '--format', 'json']);
        expect(json.code).toBe(0);
        golden('growth-v2.json', json.stdout);
        const parsed = JSON.parse(json.stdout);
        expect(parsed.summary).toEqual({ changes: 13, findingsAppeared: 1, findingsGone: 0 });
        expect(parsed.files[0].elements.find((e: { name: string }) => e.name === 'SeedUsers')).toEqual({
            section: 'goal',
            name: 'SeedUsers',
            change: 'changed',
            fields: [
                { field: 'target', before: { amount: '20000', metric: 'signups' }, after: { amount: '25000', metric: 'signups' } },
                { field: 'planned', before: { amount: '20000', metric: 'signups' }, after: { amount: '25000', metric: 'signups' } }
            ]
        });
        const zh = await runInProcess(['diff', 'examples/growth', V2, '--locale', 'zh-CN']);
        golden('growth-v2.zh-CN.md', zh.stdout);
        expect(zh.stdout).toContain('| 目标 `SeedUsers` | 目标值 | 2万 signups | 2.5万 signups |');
    });

    test('two files: the next cycle against the finished one', async () => {
        const dir = growthCopy();
        await runCli(['next', 'growth.ops', '--actuals', join(ROOT, ACTUALS), '-o', 'next.ops'], { cwd: dir });
        const result = await runCli(['diff', 'growth.ops', 'next.ops'], { cwd: dir });
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('| playbook `NotesQ1` | period | 2027-01-01 .. 2027-03-31 | 2027-04-01 .. 2027-06-30 |');
        expect(result.stdout).toContain('| channel `SEO` | budget | 60,000 CNY | 56,228 CNY |');
        expect(result.stdout).toContain(
            '| campaign `SpringSale` | removed | window 2027-01-20 .. 2027-02-10, budget 80,000 CNY, owner carol | — |'
        );
    });

    test('no change: one sentence, exit 0', async () => {
        expect(await runInProcess(['diff', GROWTH, GROWTH])).toEqual({
            code: 0,
            stdout: '## Opsbook changes: examples/growth/growth.ops → examples/growth/growth.ops\n\nNo change in the analysed figures.\n',
            stderr: ''
        });
    });

    test('bad input: one line, exit 2', async () => {
        expect(await runInProcess(['diff', GROWTH, 'nothing.ops'])).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: nothing.ops: no such file or folder (the new side)\n'
        });
        expect(await runInProcess(['diff', GROWTH, 'examples/growth'])).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: examples/growth/growth.ops and examples/growth: compare a file with a file or a folder with a folder\n'
        });
        expect(await runInProcess(['diff', GROWTH])).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: diff needs two versions: OLD NEW (files or folders), or --rev A[..B] [PATHS…]\n'
        });
        // In Chinese with --locale zh-CN (or opsbook.json's locale).
        expect(await runInProcess(['diff', GROWTH, '--locale', 'zh-CN'])).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: diff 需要两个版本：OLD NEW（文件或目录），或 --rev A[..B] [PATHS…]\n'
        });
        expect((await runInProcess(['diff', GROWTH, 'nothing.ops', '--locale', 'zh-CN'])).stderr).toBe(
            'opsbook: nothing.ops：文件或目录不存在（新版本）\n'
        );
    });
});

describe('opsbook diff --rev (git)', () => {
    const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, stdio: 'pipe' });
    function repository(): string {
        const dir = temp();
        git(dir, 'init', '-q');
        git(dir, 'config', 'user.email', 'ops@example.com');
        git(dir, 'config', 'user.name', 'Ops');
        cpSync(join(ROOT, 'examples', 'growth'), dir, { recursive: true });
        git(dir, 'add', '.');
        git(dir, 'commit', '-qm', 'Q1 plan');
        cpSync(join(ROOT, V2), dir, { recursive: true });
        git(dir, 'commit', '-qam', 'more signups');
        return dir;
    }

    test('A..B compares two revisions; A alone the working tree; the same figures as the folder diff', async () => {
        const dir = repository();
        const folders = await runInProcess(['diff', 'examples/growth', V2, '--format', 'json']);
        const revisions = await runCli(['diff', '--rev', 'HEAD~1..HEAD', '--format', 'json'], { cwd: dir });
        expect(revisions.stderr).toBe('');
        expect(revisions.code).toBe(0);
        const a = JSON.parse(folders.stdout);
        const b = JSON.parse(revisions.stdout);
        expect(b.old).toBe('HEAD~1');
        expect(b.new).toBe('HEAD');
        expect(b.files).toEqual(a.files);
        expect(b.people).toEqual(a.people);
        // Against the working tree: nothing changed since HEAD, then an edit shows.
        const clean = await runCli(['diff', '--rev', 'HEAD'], { cwd: dir });
        expect(clean.stdout).toBe('## Opsbook changes: HEAD → working tree\n\nNo change in the analysed figures.\n');
        writeFileSync(join(dir, 'growth.ops'), readFileSync(join(dir, 'growth.ops'), 'utf8').replace('budget 60k CNY', 'budget 70k CNY'));
        const edited = await runCli(['diff', '--rev', 'HEAD', 'growth.ops'], { cwd: dir });
        expect(edited.stdout).toContain('| channel `SEO` | budget | 60,000 CNY | 70,000 CNY |');
    });

    test('outside a repository, an unknown revision, a file missing in a revision: one line, exit 2', async () => {
        const dir = repository();
        const outside = temp();
        const notGit = await runCli(['diff', '--rev', 'HEAD'], { cwd: outside });
        expect(notGit.code).toBe(2);
        expect(notGit.stderr).toMatch(/^opsbook: --rev: .* is not inside a git repository\n$/);
        expect(await runCli(['diff', '--rev', 'v9..HEAD'], { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: "opsbook: --rev: unknown revision 'v9'\n"
        });
        writeFileSync(join(dir, 'later.ops'), 'metric x count\n');
        git(dir, 'add', 'later.ops');
        git(dir, 'commit', '-qm', 'later');
        expect(await runCli(['diff', '--rev', 'HEAD~2..HEAD', 'later.ops'], { cwd: dir })).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: later.ops: not in revision HEAD~2\n'
        });
    });
});
