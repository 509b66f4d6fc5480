import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { ROOT, runInProcess, temporaryFolder } from '../cli/cli-helpers.js';

/**
 * SPEC §9 in `opsbook review`: decisions carried with --previous (a golden document), the stated
 * fallback when no actual row is dated in the compared periods, and the one-line refusals (exit 2).
 */
vi.setConfig({ testTimeout: 120_000 });
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const LAUNCH = 'examples/launch/launch.ops';
const ACTUALS = 'tests/fixtures/cli/actuals/launch.csv';
const FILLED = 'tests/fixtures/time/review-2027-W30-filled.md';

function golden(file: string, text: string): void {
    const path = join(ROOT, 'tests', 'golden', 'launch', file);
    if (UPDATE || !existsSync(path)) {
        if (!UPDATE) throw new Error(`${path} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/time`);
        writeFileSync(path, text);
    }
    expect(text).toBe(readFileSync(path, 'utf8'));
}

describe('opsbook review --previous', () => {
    test('the open decisions of the last review, overdue ones marked, in a golden document (en and zh-CN)', async () => {
        for (const locale of ['en', 'zh-CN']) {
            const result = await runInProcess([
                'review',
                LAUNCH,
                '--period',
                '2027-W31',
                '--actuals',
                ACTUALS,
                '--previous',
                FILLED,
                '--locale',
                locale
            ]);
            expect([result.code, result.stderr]).toEqual([0, '']);
            golden(`review-2027-W31-previous.${locale}.md`, result.stdout);
        }
        const en = readFileSync(join(ROOT, 'tests/golden/launch/review-2027-W31-previous.en.md'), 'utf8');
        expect(en.slice(en.indexOf('## Follow-ups'), en.indexOf('## Goals'))).toBe(
            [
                '## Follow-ups from the last review',
                '',
                'Open decisions of `review-2027-W30-filled.md` (3 of 5 decisions not marked done). Mark each one done in the Done column, or carry it on.',
                '',
                '| # | Decision | Owner | Due | Done |',
                '| --- | --- | --- | --- | --- |',
                '| 1 | Move 30k CNY from Retail to Search for back-to-school | omar | 2027-08-02 (overdue) |   |',
                '| 2 | Check why repeat buyers skip the app | lin | 2027-08-13 |   |',
                '| 3 | Price test on the 750 ml bottle | omar |   |   |',
                '',
                ''
            ].join('\n')
        );
    });

    test('carried again: a follow-up marked done in the next review is not carried a second time', async () => {
        const { dir, remove } = temporaryFolder();
        try {
            const w31 = join(dir, 'w31.md');
            const first = await runInProcess(['review', LAUNCH, '--period', '2027-W31', '--previous', FILLED]);
            writeFileSync(w31, first.stdout.replace('| 2027-08-02 (overdue) |   |', '| 2027-08-02 (overdue) | x |'));
            const second = await runInProcess(['review', LAUNCH, '--period', '2027-W32', '--previous', w31]);
            const section = second.stdout.slice(second.stdout.indexOf('## Follow-ups'), second.stdout.indexOf('## Goals'));
            expect(section).toContain('(2 of 3 decisions not marked done)');
            expect(section).not.toContain('Move 30k CNY');
            expect(section).toContain('| 1 | Check why repeat buyers skip the app | lin | 2027-08-13 (overdue) |   |');
        } finally {
            remove();
        }
    });

    test('a file without a decisions table: one line, exit 2, in the locale', async () => {
        expect(await runInProcess(['review', LAUNCH, '--period', '2027-W31', '--previous', ACTUALS])).toMatchObject({
            code: 2,
            stdout: '',
            stderr: `opsbook: ${ACTUALS} has no decisions table (a table headed | # | Decision | Owner | Due |): --previous needs a review written by opsbook review\n`
        });
        expect((await runInProcess(['review', LAUNCH, '--period', '2027-W31', '--previous', ACTUALS, '--locale', 'zh-CN'])).stderr).toBe(
            `opsbook: ${ACTUALS} 中没有决定表（表头为 | # | 决定 | 负责人 | 完成日期 |）：--previous 需要一份由 opsbook review 生成的复盘文件\n`
        );
        expect(await runInProcess(['review', LAUNCH, '--period', '2027-W31', '--previous', 'missing.md'])).toMatchObject({
            code: 2,
            stdout: '',
            stderr: 'opsbook: missing.md: no such file\n'
        });
    });
});

describe('opsbook review: period over period and the playbook period', () => {
    test('no actual row dated in the reviewed week or the one before: the stated fallback line', async () => {
        const result = await runInProcess(['review', LAUNCH, '--period', '2027-W35', '--actuals', ACTUALS]);
        expect(result.code).toBe(0);
        const section = result.stdout.slice(result.stdout.indexOf('## Period over period'), result.stdout.indexOf('## Cost per unit'));
        expect(section).toBe(
            '## Period over period\n\nNo actual row is dated in 2027-W35 (2027-08-30 – 2027-09-05) or in the previous period 2027-W34 (2027-08-23 – 2027-08-29), so there are no period-over-period figures: the figures above are cumulative to date.\n\n'
        );
    });

    test.each([
        [
            ['--on', '2027-06-30'],
            'opsbook: --on 2027-06-30 lies outside the playbook period 2027-07-01 .. 2027-09-30: review a date or period within it\n'
        ],
        [
            ['--on', '2027-10-01'],
            'opsbook: --on 2027-10-01 lies outside the playbook period 2027-07-01 .. 2027-09-30: review a date or period within it\n'
        ],
        [
            ['--period', '2027-Q4'],
            'opsbook: --period 2027-Q4 lies outside the playbook period 2027-07-01 .. 2027-09-30: review a date or period within it\n'
        ],
        [
            ['--period', '2027-W40', '--locale', 'zh-CN'],
            'opsbook: --period 2027-W40 不在运营周期（2027-07-01 至 2027-09-30）内：请改用该周期内的日期或时段\n'
        ]
    ])('outside the period %j: exit 2, one line naming the period', async (args, stderr) => {
        expect(await runInProcess(['review', LAUNCH, ...args])).toMatchObject({ code: 2, stdout: '', stderr });
    });

    test('a period overlapping the playbook period (the week across its end) is reviewed', async () => {
        expect((await runInProcess(['review', LAUNCH, '--period', '2027-W39'])).code).toBe(0);
    });
});
