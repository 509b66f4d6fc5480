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
        expect(rows(national, '↳ 华东Q3')).toEqual(['| ↳ 华东Q3（华东） | 5,000万 CNY | — | 35% | 17,258,065 CNY |   |   |   | — |']);
        expect(rows(national, '↳ 华南Q3')).toEqual(['| ↳ 华南Q3（华南） | 4,000万 CNY | — | 25% | 9,836,066 CNY |   |   |   | — |']);
        expect(rows(await review('华东.ops', '2027-08-15', 'zh-CN'), '**华东销售额**')).toEqual([
            '| **华东销售额** — 华东大区第三季度销售额 5000 万元 | ≥ 5,000万 CNY 销售额 | 2027-09-30 | 50% | 17,258,065 CNY |   |   |   | 张伟 |'
        ]);
        expect(rows(await review('华南.ops', '2027-08-15', 'zh-CN'), '**华南销售额**')).toEqual([
            '| **华南销售额** — 华南大区第三季度销售额 4000 万元 | ≥ 4,000万 CNY 销售额 | 2027-09-30 | 25% | 9,836,066 CNY |   |   |   | 黄海 |'
        ]);
    });
});
