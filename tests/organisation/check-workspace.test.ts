// SPEC §8 "the workspace is analysed as one", through the CLI: checking the national file alone loads
// the regional files that import it, so its diagnostics are the same as when the folder is checked.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ROOT, runInProcess, temporaryFolder } from '../cli/cli-helpers.js';

vi.setConfig({ testTimeout: 60_000 });

const UNDERCOVERED_ZH =
    '总部.ops:24:10 error goal-undercovered 全国销售额：计划 9,000万 / 1.2亿元 销售额（75%），还差 3,000万：' +
    '中秋大促 3,000万；华东销售额 5,000万（华东.ops）；华南销售额 1,000万（华南.ops）';

describe('examples/org', () => {
    test('checks clean, as a folder and file by file', async () => {
        const folder = await runInProcess(['check', 'examples/org']);
        expect(folder).toEqual({ code: 0, stdout: '已检查 4 个文件：0 个错误，0 个警告\n', stderr: '' });
        for (const file of ['总部.ops', '华东.ops', '华南.ops', '团队.ops']) {
            expect(await runInProcess(['check', `examples/org/${file}`])).toEqual({
                code: 0,
                stdout: '已检查 1 个文件：0 个错误，0 个警告\n',
                stderr: ''
            });
        }
    });
});

describe('a region that plans less than the national file expects (华南 1000万 instead of 4000万)', () => {
    let dir: string;
    let remove: () => void;
    const file = (name: string) => join(dir, name);
    beforeAll(() => {
        ({ dir, remove } = temporaryFolder('opsbook-org-'));
        cpSync(join(ROOT, 'examples', 'org'), dir, { recursive: true });
        const south = readFileSync(file('华南.ops'), 'utf8');
        writeFileSync(file('华南.ops'), south.replace('target 4000万元 销售额', 'target 1000万元 销售额'));
    });
    afterAll(() => remove());

    test('checking 总部.ops alone reports the national goal with every contribution and its file, exit 1', async () => {
        const result = await runInProcess(['check', file('总部.ops')]);
        expect(result.code).toBe(1);
        expect(result.stdout.replaceAll(`${dir}/`, '')).toBe(`${UNDERCOVERED_ZH}\n已检查 1 个文件：1 个错误，0 个警告\n`);
    });

    test('checking the folder gives 总部.ops the same diagnostics, and prints the others too', async () => {
        const alone = (await runInProcess(['check', file('总部.ops'), '--format', 'json'])).stdout;
        const folder = await runInProcess(['check', dir, '--format', 'json']);
        expect(folder.code).toBe(1);
        const national = (out: string) =>
            (JSON.parse(out) as { diagnostics: { file: string }[] }).diagnostics.filter(d => d.file.endsWith('总部.ops'));
        expect(national(folder.stdout)).toEqual(national(alone));
        expect(national(alone)).toHaveLength(1);
        const files = (JSON.parse(folder.stdout) as { diagnostics: { file: string; rule: string }[] }).diagnostics.map(
            d => `${d.file.replace(`${dir}/`, '')} ${d.rule}`
        );
        expect(files).toEqual(['华南.ops goal-overcommitted', '总部.ops goal-undercovered']);
    });

    test('in English, the message is the one SPEC §8 shows', async () => {
        const result = await runInProcess(['check', file('总部.ops'), '--locale', 'en']);
        expect(result.stdout.replaceAll(`${dir}/`, '').split('\n')[0]).toBe(
            '总部.ops:24:10 error goal-undercovered 全国销售额: planned 90,000,000 of 120,000,000 CNY 销售额 (75%), 30,000,000 short: ' +
                '中秋大促 30,000,000; 华东销售额 50,000,000 (华东.ops); 华南销售额 10,000,000 (华南.ops)'
        );
    });

    test("a region's plan waits for the error of the national file it imports", async () => {
        const east = await runInProcess(['plan', file('华东.ops')]);
        expect(east.code).toBe(1);
        // The imported file is named relative to the current folder.
        expect(east.stderr.split('\n')[0]?.endsWith(`${dir.split('/').pop()}/${UNDERCOVERED_ZH}`)).toBe(true);
    });
});

describe('an error in a region that imports the national file', () => {
    let dir: string;
    let remove: () => void;
    const file = (name: string) => join(dir, name);
    beforeAll(() => {
        ({ dir, remove } = temporaryFolder('opsbook-org-'));
        cpSync(join(ROOT, 'examples', 'org'), dir, { recursive: true });
        const south = readFileSync(file('华南.ops'), 'utf8');
        writeFileSync(file('华南.ops'), south.replace('  owner 黄海\n  budget 50万元', '  budget 50万元'));
    });
    afterAll(() => remove());

    test('is reported in that region only', async () => {
        const result = await runInProcess(['check', dir]);
        expect(result.code).toBe(1);
        expect(result.stdout.replaceAll(`${dir}/`, '')).toBe(
            "华南.ops:46:9 error owner-missing 渠道 华南门店 没有负责人：请加上 'owner 人员'\n已检查 4 个文件：1 个错误，0 个警告\n"
        );
    });

    test('does not stop the plans of the national file or of another region', async () => {
        for (const name of ['总部.ops', '华东.ops']) {
            const plan = await runInProcess(['plan', file(name)]);
            expect(plan.stderr).toBe('');
            expect(plan.code).toBe(0);
            // 华南's contribution still counts (its figures are checked); its error is not among the plan's findings.
            expect(plan.stdout).not.toContain('owner-missing');
        }
    });
});

describe('a folder without opsbook.json or .git', () => {
    let dir: string;
    let remove: () => void;
    beforeAll(() => {
        ({ dir, remove } = temporaryFolder('opsbook-org-plain-'));
        writeFileSync(
            join(dir, 'hq.ops'),
            'metric revenue money\nplaybook HQ { period 2027-Q3 }\ngoal Revenue { target 100 CNY revenue by 2027-09-30 }\n'
        );
        writeFileSync(join(dir, 'east.ops'), 'import "hq.ops"\nchannel Direct { delivers 40 CNY revenue to Revenue }\n');
    });
    afterAll(() => remove());

    test('is the root of its files: checking hq.ops alone counts the file beside it that imports it', async () => {
        const result = await runInProcess(['check', join(dir, 'hq.ops'), '--format', 'json']);
        const diagnostics = (JSON.parse(result.stdout) as { diagnostics: { rule: string; message: string }[] }).diagnostics.filter(
            d => d.rule === 'goal-undercovered'
        );
        expect(diagnostics.map(d => d.message)).toEqual(['Revenue: planned 40 of 100 CNY revenue (40%), 60 short: Direct 40 (east.ops)']);
    });
});
