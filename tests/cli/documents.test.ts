// `opsbook plan`, `review` and `export` as a real process: outputs, exit codes 0/1/2, one clear line
// per failure, and the safe-write rules (whole or nothing, fingerprints, hand edits, symlinks).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { ROOT, runCli, temporaryFolder } from './cli-helpers.js';

const GROWTH = 'examples/growth/growth.ops';
// Several real processes per test; generous on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const folder = temporaryFolder('opsbook-documents-');
afterAll(() => folder.remove());
let counter = 0;
const fresh = (name: string) => path.join(folder.dir, `${counter++}-${name}`);

describe('opsbook plan', () => {
    test('writes the plan to stdout: exit 0, fingerprint first, every section of SPEC §6', async () => {
        const result = await runCli(['plan', GROWTH]);
        expect([result.code, result.stderr]).toEqual([0, '']);
        expect(result.stdout).toMatch(/^<!-- opsbook:plan fingerprint=[0-9a-f]{16} -->\n# Execution plan: Acme Notes — Q1 2027 growth\n/);
        const headings = result.stdout.match(/^## .*$/gm);
        expect(headings).toEqual([
            '## Overview',
            '## Goal tree',
            '## Goals',
            '## Channels and campaigns',
            '## Budget',
            '## Timeline',
            '## Responsibilities (RACI)',
            '## People: assignments and load',
            '## Assessments',
            '## Forecasts',
            '## Monitoring plan',
            '## Review calendar',
            '## Open findings'
        ]);
        expect(result.stdout.match(/^```mermaid$/gm)).toHaveLength(3);
    });

    test('--locale zh-CN overrides the playbook locale', async () => {
        const result = await runCli(['plan', GROWTH, '--locale', 'zh-CN']);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain('# 执行计划：Acme Notes — Q1 2027 growth\n');
        expect(result.stdout).toContain('## 目标拆解图');
    });

    test('open findings list the warnings that remain, with file:line:col relative to the playbook', async () => {
        const result = await runCli(['plan', 'tests/fixtures/cli/warnings/warnings.ops']);
        expect(result.code).toBe(0);
        const findings = result.stdout.slice(result.stdout.indexOf('## Open findings'));
        expect(findings).toContain('2 findings that opsbook check still reports');
        expect(findings).toContain(
            '| `warnings.ops:33:19` | warning | `metric-unmonitored` | no monitor watches d30, the metric of Retention:'
        );
        expect(findings).toContain('| `warnings.ops:103:10` | warning | `forecast-spread` |');
    });

    test('a playbook with errors: exit 1, the errors on stderr, nothing written', async () => {
        const out = fresh('plan.md');
        const result = await runCli(['plan', 'tests/fixtures/cli/broken/broken.ops', '-o', out]);
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr.split('\n')).toEqual([
            'tests/fixtures/cli/broken/broken.ops:4:10 error budget-overrun channel and campaign budgets add up to 20,000 CNY (channels 20,000 CNY, campaigns 0 CNY), 10,000 CNY over the playbook budget of 10,000 CNY: cut budgets or raise the playbook budget',
            'tests/fixtures/cli/broken/broken.ops:9:10 error goal-undercovered G: channels deliver 400 of 1,000 signups (40%), 600 short; plan 600 more or lower the target',
            'opsbook: tests/fixtures/cli/broken/broken.ops: 2 errors; fix them before generating documents (see opsbook check)',
            ''
        ]);
        expect(fs.existsSync(out)).toBe(false);
    });

    test('bad usage exits 2 with one line: a library file, a missing file, a missing argument', async () => {
        const library = await runCli(['plan', 'examples/growth/team.ops']);
        expect([library.code, library.stderr]).toEqual([
            2,
            'opsbook: examples/growth/team.ops: declares no playbook (it is a library such as team.ops); give the file that declares `playbook`\n'
        ]);
        const missing = await runCli(['plan', 'examples/nope.ops']);
        expect([missing.code, missing.stderr]).toEqual([2, 'opsbook: examples/nope.ops: no such file\n']);
        const none = await runCli(['plan']);
        expect(none.code).toBe(2);
        expect(none.stderr).toContain("missing required argument 'file'");
    });
});

describe('writing files (-o)', () => {
    test('a generated plan is replaced; a hand-edited one is kept unless --force', async () => {
        const out = fresh('plan.md');
        expect((await runCli(['plan', GROWTH, '-o', out])).code).toBe(0);
        const first = fs.readFileSync(out, 'utf8');
        const again = await runCli(['plan', GROWTH, '-o', out]);
        expect([again.code, again.stderr]).toEqual([0, `wrote ${out}\n`]);
        fs.writeFileSync(out, first.replace('## Goals', '## Goals\n\nOur notes.'));
        const refused = await runCli(['plan', GROWTH, '-o', out]);
        expect([refused.code, refused.stderr]).toEqual([
            2,
            `opsbook: ${out}: this plan was edited since opsbook generated it; not overwriting it (use --force to replace it, or write to another file with -o)\n`
        ]);
        expect(fs.readFileSync(out, 'utf8')).toContain('Our notes.');
        expect((await runCli(['plan', GROWTH, '-o', out, '--force'])).code).toBe(0);
        expect(fs.readFileSync(out, 'utf8')).toBe(first);
    });

    test('a file opsbook did not write is never overwritten without --force', async () => {
        const out = fresh('notes.md');
        fs.writeFileSync(out, '# My notes\n');
        const refused = await runCli(['plan', GROWTH, '-o', out]);
        expect([refused.code, refused.stderr]).toEqual([
            2,
            `opsbook: ${out}: exists and was not generated by opsbook; not overwriting it (use --force to replace it, or choose another file with -o)\n`
        ]);
        expect(fs.readFileSync(out, 'utf8')).toBe('# My notes\n');
        // A review is not a plan either.
        const review = fresh('review.md');
        expect((await runCli(['review', GROWTH, '--on', '2027-02-01', '-o', review])).code).toBe(0);
        expect((await runCli(['plan', GROWTH, '-o', review])).code).toBe(2);
    });

    test('never through a symbolic link into another folder; a link in the same folder is followed', async () => {
        const here = fresh('links');
        const elsewhere = fresh('elsewhere');
        fs.mkdirSync(here);
        fs.mkdirSync(elsewhere);
        fs.writeFileSync(path.join(elsewhere, 'target.md'), 'precious\n');
        fs.symlinkSync(path.join(elsewhere, 'target.md'), path.join(here, 'out.md'));
        const refused = await runCli(['plan', GROWTH, '-o', path.join(here, 'out.md'), '--force']);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('is a symbolic link to');
        expect(refused.stderr).toContain('in another folder; not writing through it');
        expect(fs.readFileSync(path.join(elsewhere, 'target.md'), 'utf8')).toBe('precious\n');

        fs.writeFileSync(path.join(here, 'real.md'), '');
        fs.symlinkSync('real.md', path.join(here, 'alias.md'));
        expect((await runCli(['plan', GROWTH, '-o', path.join(here, 'alias.md'), '--force'])).code).toBe(0);
        expect(fs.lstatSync(path.join(here, 'alias.md')).isSymbolicLink()).toBe(true);
        expect(fs.readFileSync(path.join(here, 'real.md'), 'utf8')).toMatch(/^<!-- opsbook:plan /);
    });

    test('a missing folder or a folder as the target: exit 2, and no temporary file is left behind', async () => {
        const missing = await runCli(['plan', GROWTH, '-o', path.join(folder.dir, 'no', 'such', 'plan.md')]);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toContain('does not exist');
        const dir = fresh('dir');
        fs.mkdirSync(dir);
        const isFolder = await runCli(['plan', GROWTH, '-o', dir]);
        expect([isFolder.code, isFolder.stderr]).toEqual([2, `opsbook: ${dir}: is a folder, not a file\n`]);
        expect(fs.readdirSync(folder.dir).filter(name => name.includes('opsbook-tmp'))).toEqual([]);
    });
});

describe('opsbook review', () => {
    test('--period writes the template with targets pro-rated to the end of the period', async () => {
        const result = await runCli(['review', GROWTH, '--period', '2027-W05']);
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^<!-- opsbook:review fingerprint=[0-9a-f]{16} -->\n# Weekly growth review: 2027-W05\n/);
        expect(result.stdout).toContain(
            '| **SeedUsers** — Acquire 20,000 seed users | ≥ 20,000 signups | 2027-03-31 | 42% | 8,444 |   |   |   | Alice Wang (alice) |'
        );
    });

    test('--on a date, --actuals filled in', async () => {
        const result = await runCli(['review', GROWTH, '--on', '2027-02-07', '--actuals', 'tests/fixtures/cli/actuals/growth.csv']);
        expect(result.code).toBe(0);
        expect(result.stdout).toContain(
            '| **SEO** (channel) | 6,000 signups → SeedUsers | 2027-01-01 – 2027-03-31 | 42% | 2,533 | 2,300 | -233 (91%) | 🟡 at risk | bob |'
        );
        expect(result.stdout).toContain('## Proposed budget re-allocation for the next cycle');
    });

    test('a hand-edited review is never overwritten without --force', async () => {
        const out = fresh('review.md');
        expect((await runCli(['review', GROWTH, '--period', '2027-W05', '-o', out])).code).toBe(0);
        const edited = fs
            .readFileSync(out, 'utf8')
            .replace(
                '| **SEO** (channel) | 6,000 signups → SeedUsers | 2027-01-01 – 2027-03-31 | 42% | 2,533 |   |',
                '| **SEO** (channel) | 6,000 signups → SeedUsers | 2027-01-01 – 2027-03-31 | 42% | 2,533 | 2,410 |'
            );
        fs.writeFileSync(out, edited);
        const refused = await runCli(['review', GROWTH, '--period', '2027-W05', '-o', out]);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toBe(
            `opsbook: ${out}: this review was edited since opsbook generated it; not overwriting it (use --force to replace it, or write to another file with -o)\n`
        );
        expect(fs.readFileSync(out, 'utf8')).toBe(edited);
        expect((await runCli(['review', GROWTH, '--period', '2027-W05', '-o', out, '--force'])).code).toBe(0);
        expect(fs.readFileSync(out, 'utf8')).not.toContain('2,410');
    });

    test.each([
        [[], 'opsbook: review needs exactly one of --on DATE (e.g. --on 2027-02-01) or --period PERIOD (2027-W05, 2027-01, 2027-Q1)\n'],
        [
            ['--on', '2027-02-01', '--period', '2027-W05'],
            'opsbook: review needs exactly one of --on DATE (e.g. --on 2027-02-01) or --period PERIOD (2027-W05, 2027-01, 2027-Q1)\n'
        ],
        [['--on', '2027-2-1'], 'opsbook: --on 2027-2-1 is not a date: write it as YYYY-MM-DD, e.g. 2027-02-01\n'],
        [['--period', '2027-W54'], 'opsbook: --period 2027-W54 is not a week: 2027 has 52 ISO weeks, W01 … W52\n'],
        [
            ['--period', '2026-12'],
            'opsbook: --period 2026-12 lies outside the playbook period 2027-01-01 .. 2027-03-31: review a date or period within it\n'
        ],
        [
            ['--period', '2027-Q2'],
            'opsbook: --period 2027-Q2 lies outside the playbook period 2027-01-01 .. 2027-03-31: review a date or period within it\n'
        ],
        [
            ['--on', '2027-04-01'],
            'opsbook: --on 2027-04-01 lies outside the playbook period 2027-01-01 .. 2027-03-31: review a date or period within it\n'
        ],
        [
            ['--on', '2027-04-01', '--locale', 'zh-CN'],
            'opsbook: --on 2027-04-01 不在运营周期（2027-01-01 至 2027-03-31）内：请改用该周期内的日期或时段\n'
        ],
        [
            ['--on', '2027-02-01', '--review', 'Monthly'],
            'opsbook: --review Monthly: no such review in examples/growth/growth.ops; reviews: Weekly\n'
        ]
    ])('bad usage %j exits 2 with one line', async (args, message) => {
        const result = await runCli(['review', GROWTH, ...args]);
        expect([result.code, result.stdout, result.stderr]).toEqual([2, '', message]);
    });
});

describe('--actuals CSV errors: one line naming file:line:column, exit 2, nothing written', () => {
    test.each([
        ['growth-bad-date.csv', '4:1: 2027-02-30 is not on the calendar: February 2027 has 28 days'],
        ['growth-bad-metric.csv', "2:12: unknown metric 'signup': expected one of visits, signups, activated, revenue, d30, spend"],
        [
            'growth-bad-channel.csv',
            "3:20: unknown channel 'Facebook': leave it empty or write one of SEO, WeChatAds, SpringSale, SouthRoadshow"
        ],
        ['growth-bad-value.csv', '2:24: value \'1 200\' is not a number: write a decimal such as 1234.5 or, quoted, "1,234.5"'],
        ['growth-bad-fields.csv', '2:1: this row has 3 fields; every row needs one per header column (date,metric,channel,value)'],
        ['growth-bad-quote.csv', '2:1: a quoted field is never closed'],
        ['growth-bad-header.csv', "1:1: the header has no 'date' column: expected date,metric,channel,value"]
    ])('%s', async (file, message) => {
        const out = fresh('review.md');
        const csv = `tests/fixtures/cli/actuals/${file}`;
        const result = await runCli(['review', GROWTH, '--period', '2027-W05', '--actuals', csv, '-o', out]);
        expect([result.code, result.stdout, result.stderr]).toEqual([2, '', `opsbook: ${csv}:${message}\n`]);
        expect(fs.existsSync(out)).toBe(false);
    });

    test('a missing CSV file', async () => {
        const result = await runCli(['review', GROWTH, '--period', '2027-W05', '--actuals', 'nope.csv']);
        expect([result.code, result.stderr]).toEqual([2, 'opsbook: nope.csv: no such file\n']);
    });
});

describe('opsbook export', () => {
    test('JSON: the resolved model with computed figures, decimals as exact strings', async () => {
        const result = await runCli(['export', GROWTH]);
        expect(result.code).toBe(0);
        const model = JSON.parse(result.stdout);
        expect(Object.keys(model)).toEqual([
            'format',
            'version',
            'source',
            'playbook',
            'strategies',
            'metrics',
            'funnels',
            'goals',
            'channels',
            'campaigns',
            'budget',
            'workstreams',
            'people',
            'assessments',
            'forecasts',
            'monitors',
            'reviews',
            'organisation'
        ]);
        expect(model.format).toBe('opsbook-export');
        expect(model.goals[0]).toMatchObject({
            name: 'SeedUsers',
            target: '20000',
            planned: '20000',
            coverage: 1,
            status: 'covered',
            deadline: '2027-03-31'
        });
        expect(model.channels[1]).toMatchObject({
            name: 'WeChatAds',
            budget: '200000',
            impliedCostPerUnit: '14.285714285714',
            cpaLimit: '20'
        });
        expect(model.budget).toMatchObject({ total: '500000', allocated: '380000', remaining: '120000' });
    });

    test('CSV: one flat table', async () => {
        const out = fresh('export.csv');
        const result = await runCli(['export', GROWTH, '--format', 'csv', '-o', out]);
        expect(result.code).toBe(0);
        const lines = fs.readFileSync(out, 'utf8').split('\r\n');
        expect(lines[0]).toBe(
            'section,name,title,owner,metric,goal,target,deadline,planned,coverage,status,amount,share,budget,budget_share,cost_per_unit,capacity,load'
        );
        expect(lines).toContain('goal,SeedUsers,"Acquire 20,000 seed users",alice,signups,,20000,2027-03-31,20000,1,covered,,,,,,,');
        // Exporting again over an earlier export is fine; over another file it is not.
        expect((await runCli(['export', GROWTH, '--format', 'csv', '-o', out])).code).toBe(0);
        const other = fresh('data.csv');
        fs.writeFileSync(other, 'a,b\n');
        expect((await runCli(['export', GROWTH, '--format', 'csv', '-o', other])).code).toBe(2);
    });

    test('an unknown format is bad usage', async () => {
        const result = await runCli(['export', GROWTH, '--format', 'xml']);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain("argument 'xml' is invalid");
    });
});

describe('hostile titles', () => {
    test('no raw HTML, no broken table row, no code fence but the diagrams', async () => {
        const result = await runCli(['plan', 'tests/fixtures/cli/hostile/hostile.ops']);
        expect(result.code).toBe(0);
        const text = result.stdout;
        expect(text).not.toMatch(/<(script|img|b|i|u|src|pipe)\b/);
        expect(text.match(/^```/gm)).toHaveLength(6);
        // Every table row has as many cells as its header.
        const lines = text.split('\n');
        let columns = 0;
        for (const line of lines) {
            if (!line.startsWith('|')) {
                columns = 0;
                continue;
            }
            const cells = line.replace(/\\\|/g, '').split('|').length - 2;
            if (columns === 0) columns = cells;
            expect(cells, line).toBe(columns);
        }
        expect(fs.readFileSync(path.join(ROOT, 'tests/fixtures/cli/hostile/hostile.ops'), 'utf8')).toContain('<script>');
    });

    test('the review template too: questions with markup and newlines stay one escaped line', async () => {
        const result = await runCli(['review', 'tests/fixtures/cli/hostile/hostile.ops', '--period', '2027-W05']);
        expect(result.code).toBe(0);
        expect(result.stdout).not.toMatch(/<(script|img|b|i|u|x)\b/);
        expect(result.stdout).not.toContain('```');
        expect(result.stdout).toContain('1. Question \\| with \\`code\\` and &lt;script&gt;? Second line *(R1)*<br>*Answer:*\n');
    });
});
