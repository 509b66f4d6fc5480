// SPEC §8 "Reviews roll up" down a tree of three levels (tests/fixtures/org-tree: 全国Q3 ← 华东Q3 ← 上海Q3):
// the national review shows the city's contribution as a row under its region (`华东Q3 › 上海Q3`), with its
// target, its pacing (its own milestone, SPEC §9) and the actual rows of its channels, which the region's
// row includes; the city's channel names are known to the national actuals. The region's row and the
// city's row give the same figures as the region's own review. Golden documents in en and zh-CN
// (tests/golden/org-tree/; regenerate with UPDATE_GOLDEN=1 after an intended change).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ROOT, runInProcess, temporaryFolder } from '../cli/cli-helpers.js';

vi.setConfig({ testTimeout: 60_000 });
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const TREE = join(ROOT, 'tests', 'fixtures', 'org-tree');
const ACTUALS = join(TREE, 'actuals.csv');

function rowsOf(markdown: string, prefix: string): string[] {
    return markdown.split('\n').filter(line => line.startsWith(prefix));
}

async function review(file: string, locale: 'en' | 'zh-CN', actuals = ACTUALS): Promise<string> {
    const result = await runInProcess(['review', join(TREE, file), '--period', '2027-08', '--actuals', actuals, '--locale', locale]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result.stdout;
}

function golden(name: string, text: string): void {
    const file = join(ROOT, 'tests', 'golden', 'org-tree', name);
    if (UPDATE || !existsSync(file)) {
        if (!UPDATE) throw new Error(`${file} is missing: run UPDATE_GOLDEN=1 npx vitest run tests/organisation/grandchildren.test.ts`);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text);
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
}

describe("the national review shows a region's cities under the region", () => {
    let regionActuals: string;
    let remove: () => void;
    beforeAll(() => {
        let dir: string;
        ({ dir, remove } = temporaryFolder('opsbook-org-tree-'));
        // The region's review reads the rows of its own channels and its city's, not the national channel's.
        regionActuals = join(dir, 'region.csv');
        writeFileSync(
            regionActuals,
            readFileSync(ACTUALS, 'utf8')
                .split('\n')
                .filter(line => !line.includes('全国电商'))
                .join('\n')
        );
    });
    afterAll(() => remove());

    test('en: a row 华东Q3 › 上海Q3 under 华东Q3, whose actual includes the city’s', async () => {
        const text = await review('全国.ops', 'en');
        expect(rowsOf(text, '| ↳ ')).toEqual([
            '| ↳ 全国Q3 (this playbook) | 40,000,000 CNY | — | 67% | 26,956,522 CNY | 28,000,000 CNY | +1,043,478 CNY (104%) | 🟢 on track | — |',
            // 15,000,000 of its dealers + 20,000,000 of the city's two channels.
            '| ↳ 华东Q3 (华东) | 60,000,000 CNY | — | 67% | 40,434,783 CNY | 35,000,000 CNY | -5,434,783 CNY (87%) | 🟡 at risk | — |',
            // Paced by the city's milestone: 10,000,000 by 07-31, then 25,000,000 over 61 days (31 by 08-31).
            '| ↳ 华东Q3 › 上海Q3 (上海) | 35,000,000 CNY | — | 65% | 22,704,918 CNY | 20,000,000 CNY | -2,704,918 CNY (88%) | 🟡 at risk | — |'
        ]);
        // The goal's actual: every row of the metric, the city's included (28 + 15 + 12 + 8 million).
        expect(rowsOf(text, '| **全国销售额**')[0]).toContain('| 67,391,304 CNY | 63,000,000 CNY |');
        expect(text).toContain(
            '*A row A › B is what B, a playbook under A, contributes through A; it is included in the row of A, its actual too.*'
        );
        golden('全国-review-2027-08-actuals.en.md', text);
    });

    test('zh-CN: the same rows, and the golden document', async () => {
        const text = await review('全国.ops', 'zh-CN');
        expect(rowsOf(text, '| ↳ ')).toEqual([
            '| ↳ 全国Q3（本手册） | 4,000万元 | — | 67% | 2,695.65万元 | 2,800万元 | +1,043,478元（104%） | 🟢 正常 | — |',
            '| ↳ 华东Q3（华东） | 6,000万元 | — | 67% | 4,043.48万元 | 3,500万元 | -5,434,783元（87%） | 🟡 有风险 | — |',
            '| ↳ 华东Q3 › 上海Q3（上海） | 3,500万元 | — | 65% | 2,270.49万元 | 2,000万元 | -2,704,918元（88%） | 🟡 有风险 | — |'
        ]);
        golden('全国-review-2027-08-actuals.zh-CN.md', text);
    });

    test("the region's own review gives the same figures for itself and its city", async () => {
        const text = await review('华东.ops', 'zh-CN', regionActuals);
        // The goals table's row (the period-over-period table has one too).
        expect(rowsOf(text, '| **华东销售额**')[0]).toBe(
            '| **华东销售额** — 华东大区销售额 6000 万元 | ≥ 6,000万元 销售额 | 2027-09-30 | 67% | 4,043.48万元 | 3,500万元 | -5,434,783元（87%） | 🟡 有风险 | 张伟 |'
        );
        expect(rowsOf(text, '| ↳ 上海Q3')).toEqual([
            '| ↳ 上海Q3（上海） | 3,500万元 | — | 65% | 2,270.49万元 | 2,000万元 | -2,704,918元（88%） | 🟡 有风险 | — |'
        ]);
    });

    test('the template without actuals: targets to date only; a two-level tree has no such row', async () => {
        const result = await runInProcess(['review', join(TREE, '全国.ops'), '--period', '2027-08', '--locale', 'en']);
        expect(rowsOf(result.stdout, '| ↳ 华东Q3 › ')).toEqual([
            '| ↳ 华东Q3 › 上海Q3 (上海) | 35,000,000 CNY | — | 65% | 22,704,918 CNY |   |   |   | — |'
        ]);
        const org = await runInProcess(['review', join(ROOT, 'examples', 'org', '总部.ops'), '--period', '2027-08', '--locale', 'en']);
        expect(org.stdout).not.toContain(' › ');
        expect(org.stdout).not.toContain('A row A › B');
    });

    test('the JSON export nests the city under the region’s contribution', async () => {
        const result = await runInProcess(['export', join(TREE, '全国.ops'), '--format', 'json']);
        expect(result.code).toBe(0);
        const goal = (JSON.parse(result.stdout) as { goals: { name: string; contributions: Record<string, unknown>[] }[] }).goals.find(
            g => g.name === '全国销售额'
        );
        expect(goal?.contributions).toEqual([
            { kind: 'delivery', from: '全国电商', fromType: 'Channel', amount: '40000000', shareOfTarget: 0.4, file: null, playbook: null },
            {
                kind: 'sub-goal',
                from: '华东销售额',
                fromType: 'Goal',
                amount: '60000000',
                shareOfTarget: 0.6,
                file: '华东.ops',
                playbook: '华东Q3',
                nested: [
                    {
                        kind: 'sub-goal',
                        from: '上海销售额',
                        fromType: 'Goal',
                        amount: '35000000',
                        shareOfTarget: 0.35,
                        file: '上海.ops',
                        playbook: '上海Q3'
                    }
                ]
            }
        ]);
    });
});
