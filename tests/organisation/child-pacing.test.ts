// SPEC §8 "Reviews roll up" with §9 "Pacing": a parent's row for a child playbook is due as the child's
// own review paces it — through the child's milestones, from the child's period start to its deadline —
// so the national review and the regional review give the same "target to date" for the same child.
// examples/org with milestones in 华东's goal and a shorter period in 华南 (both documents, en and zh-CN).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ROOT, runInProcess, temporaryFolder } from '../cli/cli-helpers.js';

vi.setConfig({ testTimeout: 60_000 });

/** The table rows of a review naming `name` (the goal row of a region, or the parent's ↳ row). */
function rows(markdown: string, name: string): string[] {
    return markdown.split('\n').filter(line => line.startsWith('|') && line.includes(name));
}

describe("a parent's rows per child playbook follow the child's pacing", () => {
    let org: string;
    let remove: () => void;
    beforeAll(() => {
        let dir: string;
        ({ dir, remove } = temporaryFolder('opsbook-child-pacing-'));
        org = join(dir, 'org');
        cpSync(join(ROOT, 'examples', 'org'), org, { recursive: true });
        // 华东: 10,000,000 by July's end, 25,000,000 by August's end, 50,000,000 by the deadline.
        const east = join(org, '华东.ops');
        writeFileSync(
            east,
            readFileSync(east, 'utf8').replace(
                '  target 5000万元 销售额 by 2027-09-30\n  part of 全国销售额',
                '  target 5000万元 销售额 by 2027-09-30\n  milestone 1000万元 销售额 by 2027-07-31\n  milestone 2500万元 销售额 by 2027-08-31\n  part of 全国销售额'
            )
        );
        // 华南 starts in August (61 days to the deadline): nothing is due from it in July.
        const south = join(org, '华南.ops');
        writeFileSync(south, readFileSync(south, 'utf8').replace('period 2027-Q3', 'period 2027-08-01 .. 2027-09-30'));
    });
    afterAll(() => remove());

    const review = async (file: string, on: string, locale: 'en' | 'zh-CN') => {
        const result = await runInProcess(['review', join(org, file), '--on', on, '--locale', locale]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        return result.stdout;
    };

    test('en: on a milestone, mid-segment, and from a later period start', async () => {
        // On 华东's second milestone: exactly its amount (linear would be 50,000,000 × 62 ÷ 92 = 33,695,652).
        expect(rows(await review('总部.ops', '2027-08-31', 'en'), '↳ 华东Q3')).toEqual([
            '| ↳ 华东Q3 (华东) | 50,000,000 CNY | — | 50% | 25,000,000 CNY |   |   |   | — |'
        ]);
        expect(rows(await review('华东.ops', '2027-08-31', 'en'), '**华东销售额**')).toEqual([
            '| **华东销售额** — 华东大区第三季度销售额 5000 万元 | ≥ 50,000,000 CNY 销售额 | 2027-09-30 | 67% | 25,000,000 CNY |   |   |   | 张伟 |'
        ]);
        // 08-15: 10,000,000 + 15,000,000 × 15 ÷ 31; 华南 from 08-01: 40,000,000 × 15 ÷ 61.
        const national = await review('总部.ops', '2027-08-15', 'en');
        expect(rows(national, '↳ 华东Q3')).toEqual(['| ↳ 华东Q3 (华东) | 50,000,000 CNY | — | 35% | 17,258,065 CNY |   |   |   | — |']);
        expect(rows(national, '↳ 华南Q3')).toEqual(['| ↳ 华南Q3 (华南) | 40,000,000 CNY | — | 25% | 9,836,066 CNY |   |   |   | — |']);
        expect(rows(await review('华东.ops', '2027-08-15', 'en'), '**华东销售额**')).toEqual([
            '| **华东销售额** — 华东大区第三季度销售额 5000 万元 | ≥ 50,000,000 CNY 销售额 | 2027-09-30 | 50% | 17,258,065 CNY |   |   |   | 张伟 |'
        ]);
        expect(rows(await review('华南.ops', '2027-08-15', 'en'), '**华南销售额**')).toEqual([
            '| **华南销售额** — 华南大区第三季度销售额 4000 万元 | ≥ 40,000,000 CNY 销售额 | 2027-09-30 | 25% | 9,836,066 CNY |   |   |   | 黄海 |'
        ]);
        // Before the child's period starts nothing is due from it.
        expect(rows(await review('总部.ops', '2027-07-20', 'en'), '↳ 华南Q3')).toEqual([
            '| ↳ 华南Q3 (华南) | 40,000,000 CNY | — | 0% | 0 CNY |   |   |   | — |'
        ]);
    });

    test('zh-CN: the same figures in both reviews', async () => {
        const national = await review('总部.ops', '2027-08-15', 'zh-CN');
        expect(rows(national, '↳ 华东Q3')).toEqual(['| ↳ 华东Q3（华东） | 5,000万元 | — | 35% | 1,725.81万元 |   |   |   | — |']);
        expect(rows(national, '↳ 华南Q3')).toEqual(['| ↳ 华南Q3（华南） | 4,000万元 | — | 25% | 983.61万元 |   |   |   | — |']);
        expect(rows(await review('华东.ops', '2027-08-15', 'zh-CN'), '**华东销售额**')).toEqual([
            '| **华东销售额** — 华东大区第三季度销售额 5000 万元 | ≥ 5,000万元 销售额 | 2027-09-30 | 50% | 1,725.81万元 |   |   |   | 张伟 |'
        ]);
        expect(rows(await review('华南.ops', '2027-08-15', 'zh-CN'), '**华南销售额**')).toEqual([
            '| **华南销售额** — 华南大区第三季度销售额 4000 万元 | ≥ 4,000万元 销售额 | 2027-09-30 | 25% | 983.61万元 |   |   |   | 黄海 |'
        ]);
    });
});

describe("a child's channels and campaigns that add straight to the parent's goal", () => {
    let org: string;
    let remove: () => void;
    beforeAll(() => {
        let dir: string;
        ({ dir, remove } = temporaryFolder('opsbook-child-pacing-direct-'));
        org = join(dir, 'org');
        cpSync(join(ROOT, 'examples', 'org'), org, { recursive: true });
        const edit = (file: string, change: (text: string) => string) =>
            writeFileSync(join(org, file), change(readFileSync(join(org, file), 'utf8')));
        // The national goal: 50,000,000 due by August's end.
        edit('总部.ops', text =>
            text.replace(
                '  target 1.2亿元 销售额 by 2027-09-30\n',
                '  target 1.2亿元 销售额 by 2027-09-30\n  milestone 5000万元 销售额 by 2027-08-31\n'
            )
        );
        // 华东's online channel delivers to the national goal itself; its own goal keeps its milestones.
        edit('华东.ops', text =>
            text
                .replace(
                    '  target 5000万元 销售额 by 2027-09-30\n  part of 全国销售额',
                    '  target 4200万元 销售额 by 2027-09-30\n  milestone 1000万元 销售额 by 2027-07-31\n  milestone 2500万元 销售额 by 2027-08-31\n  part of 全国销售额'
                )
                .replace('delivers 800万元 销售额 to 华东销售额', 'delivers 800万元 销售额 to 全国销售额')
        );
        // 华南 starts in August and runs a campaign for the national goal in late September.
        edit(
            '华南.ops',
            text =>
                `${text.replace('period 2027-Q3', 'period 2027-08-01 .. 2027-09-30')}\ncampaign 华南国庆 "华南国庆档" {\n  type promotion\n  window 2027-09-20 .. 2027-09-30\n  owner 黄海\n  budget 20万元\n  delivers 400万元 销售额 to 全国销售额\n}\n`
        );
    });
    afterAll(() => remove());

    const review = async (file: string, locale: 'en' | 'zh-CN') => {
        const result = await runInProcess(['review', join(org, file), '--on', '2027-08-15', '--locale', locale]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        return result.stdout;
    };

    test('a channel is paced like the parent goal in both reviews, a campaign over its window', async () => {
        // 8,000,000 × (50,000,000 × 46 ÷ 62) ÷ 120,000,000 = 2,473,118 (linear over 华东's period would be 4,000,000).
        expect(rows(await review('华东.ops', 'en'), '**华东电商** (channel)')).toEqual([
            '| **华东电商** (channel) | 8,000,000 CNY 销售额 → 全国销售额 | 2027-07-01 – 2027-09-30 | 50% | 2,473,118 CNY |   |   |   | 张伟 |'
        ]);
        expect(rows(await review('华南.ops', 'en'), '**华南国庆** (campaign)')).toEqual([
            '| **华南国庆** (campaign) | 4,000,000 CNY 销售额 → 全国销售额 | 2027-09-20 – 2027-09-30 | 0% | 0 CNY |   |   |   | 黄海 |'
        ]);
        // The national rows add them: 华东 17,258,065 (its goal, by its milestones) + 2,473,118; 华南 9,836,066 + 0.
        const national = await review('总部.ops', 'en');
        expect(rows(national, '↳ 华东Q3')).toEqual(['| ↳ 华东Q3 (华东) | 50,000,000 CNY | — | 39% | 19,731,183 CNY |   |   |   | — |']);
        expect(rows(national, '↳ 华南Q3')).toEqual(['| ↳ 华南Q3 (华南) | 44,000,000 CNY | — | 22% | 9,836,066 CNY |   |   |   | — |']);
        const zh = await review('总部.ops', 'zh-CN');
        expect(rows(zh, '↳ 华东Q3')).toEqual(['| ↳ 华东Q3（华东） | 5,000万元 | — | 39% | 1,973.12万元 |   |   |   | — |']);
        expect(rows(await review('华东.ops', 'zh-CN'), '**华东电商**（渠道）')).toEqual([
            '| **华东电商**（渠道） | 800万元 销售额 → 全国销售额 | 2027-07-01 至 2027-09-30 | 50% | 247.31万元 |   |   |   | 张伟 |'
        ]);
    });
});
