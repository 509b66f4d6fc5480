// SPEC §8 "Documents", "Reviews roll up" and "Export", through the CLI on examples/org and on small
// workspaces: the parent's breakdown across playbooks, the child's share of its parent, the load across
// playbooks, `opsbook plan DIR -o OUTDIR` with index.md, the actuals CSV's `playbook` column (an ambiguous
// channel name is an error naming the candidates), the review's rows per child playbook and budget
// re-allocation between them, and the JSON export's organisation block.
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ROOT, runInProcess, temporaryFolder } from '../cli/cli-helpers.js';

vi.setConfig({ testTimeout: 60_000 });

/** The lines of one `## heading` (or `### heading`) section, up to the next heading of that level or above. */
function section(markdown: string, heading: string): string {
    const lines = markdown.split('\n');
    const level = heading.indexOf(' ');
    const start = lines.indexOf(heading);
    if (start < 0) return '';
    const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && line.indexOf(' ') <= level);
    return lines
        .slice(start, end < 0 ? undefined : end)
        .join('\n')
        .trim();
}

describe('the plans of examples/org', () => {
    test("the national plan breaks its goal and budget down across the regions' playbooks", async () => {
        const plan = (await runInProcess(['plan', 'examples/org/总部.ops'])).stdout;
        expect(section(plan, '### 目标按手册拆解')).toBe(
            [
                '### 目标按手册拆解',
                '',
                '| 目标 | 手册 | 区域 | 贡献项 | 负责人 | 数量 | 占目标比例 |',
                '| --- | --- | --- | --- | --- | ---: | ---: |',
                '| **全国销售额 — 第三季度全国销售额 1.2 亿元** | 全国Q3（本手册） | — | 活动 中秋大促 | 周婷 | 3,000万元 | 25% |',
                '|   | 华东Q3（华东.ops） | 华东 | 目标 华东销售额 | 张伟 | 5,000万元 | 42% |',
                '|   | 华南Q3（华南.ops） | 华南 | 目标 华南销售额 | 黄海 | 4,000万元 | 33% |',
                '|   | **合计已规划** | — | — | — | **1.2亿元** | 100% |'
            ].join('\n')
        );
        expect(section(plan, '### 手册层级图')).toContain(
            [
                'flowchart TD',
                '  p0{{"全国Q3：预算 1,200万元"}}',
                '  c1["华东Q3（华东）：预算 300万元（25%）"]',
                '  p0 -->|"全国销售额 5,000万元 销售额"| c1',
                '  c2["华南Q3（华南）：预算 260万元（22%）"]',
                '  p0 -->|"全国销售额 4,000万元 销售额"| c2'
            ].join('\n')
        );
        const rollup = section(plan, '### 预算汇总');
        expect(rollup).toContain('| 全国Q3（本手册的渠道和活动） | — | 600万元 | 50% |');
        expect(rollup).toContain('| 华东Q3 — 华东大区 2027年第三季度销售计划 | 华东 | 300万元 | 25% |');
        expect(rollup).toContain('| **下级手册合计** | — | **560万元** | 47% |');
        expect(rollup).toContain('| **未分配** | — | 40万元 | 3% |');
    });

    test("a person's load across the playbooks whose periods overlap, beside the load here", async () => {
        const plan = (await runInProcess(['plan', 'examples/org/总部.ops', '--locale', 'en'])).stdout;
        const people = section(plan, '## People: assignments and load');
        expect(people).toContain('| Person | Role | Team | Load | Load across playbooks | Assignments | Assessed on |');
        expect(people).toContain('| 30% of 100% | 90% of 100%<br>30% here + 30% 华东Q3 + 30% 华南Q3 |');
    });

    test("a region's plan shows its share of the national goal and budget, and the mandatory campaign", async () => {
        const plan = (await runInProcess(['plan', 'examples/org/华南.ops'])).stdout;
        expect(section(plan, '## 承接上级目标')).toBe(
            [
                '## 承接上级目标',
                '',
                '本手册承接 全国Q3 的以下目标，这些数字已计入上级手册的计划。',
                '',
                '| 上级目标 | 上级目标值 | 本手册的贡献项 | 数量 | 占目标比例 |',
                '| --- | ---: | --- | ---: | ---: |',
                '| **全国销售额 — 第三季度全国销售额 1.2 亿元**（全国Q3、总部.ops） | ≥ 1.2亿元 销售额 | 目标 华南销售额 | 4,000万元 | 33% |',
                '',
                '预算：260万元，占 全国Q3 预算的 22%。'
            ].join('\n')
        );
        expect(section(plan, '## 全国Q3 下达的必须执行活动')).toContain(
            '| **中秋大促 — 中秋团圆季全国大促（套餐直降 + 以旧换新）** | 促销 | 2027-09-01 至 2027-09-17 | 全国 | 周婷 | 600万元 |'
        );
        // A child has no breakdown of its own.
        expect(plan).not.toContain('## 下级手册拆解');
    });
});

describe('a playbook without other playbooks', () => {
    test('has no breakdown, share or load-across column (examples/growth)', async () => {
        const plan = (await runInProcess(['plan', 'examples/growth/growth.ops'])).stdout;
        expect(plan).not.toContain('## Breakdown across playbooks');
        expect(plan).not.toContain('## Share of the parent goals');
        expect(plan).not.toContain('Load across playbooks');
    });
});

describe('opsbook plan DIR -o OUTDIR', () => {
    let dir: string;
    let remove: () => void;
    beforeAll(() => {
        ({ dir, remove } = temporaryFolder('opsbook-plan-dir-'));
    });
    afterAll(() => remove());

    test("writes every playbook's plan and index.md with the tree and the top-level goals", async () => {
        const out = join(dir, 'plans');
        const result = await runInProcess(['plan', 'examples/org', '-o', out]);
        expect(result.code).toBe(0);
        expect(result.stderr.replaceAll(`${dir}/`, '')).toBe(
            ['plans/华东.md', 'plans/华南.md', 'plans/总部.md', 'plans/index.md'].map(f => `wrote ${f}\n`).join('')
        );
        // Each plan is the one `opsbook plan FILE` writes.
        expect(readFileSync(join(out, '华东.md'), 'utf8')).toBe((await runInProcess(['plan', 'examples/org/华东.ops'])).stdout);
        const index = readFileSync(join(out, 'index.md'), 'utf8');
        expect(index).toMatch(/^<!-- opsbook:index fingerprint=[0-9a-f]{16} -->\n# 运营手册总览：org\n/);
        expect(section(index, '## 手册层级')).toBe(
            [
                '## 手册层级',
                '',
                '- [全国Q3 — 华夏厨电 2027年第三季度全国销售计划](<总部.md>) — 2027-07-01 至 2027-09-30 — 预算 1,200万元',
                '  - [华东Q3 — 华东大区 2027年第三季度销售计划](<华东.md>) — 区域：华东 — 2027-07-01 至 2027-09-30 — 预算 300万元（占 全国Q3 预算的比例 25%）',
                '  - [华南Q3 — 华南大区 2027年第三季度销售计划](<华南.md>) — 区域：华南 — 2027-07-01 至 2027-09-30 — 预算 260万元（占 全国Q3 预算的比例 22%）',
                '',
                '共 3 个运营手册；顶层手册的预算：1,200万元。'
            ].join('\n')
        );
        expect(section(index, '## 顶层目标')).toContain(
            '| **全国销售额 — 第三季度全国销售额 1.2 亿元** | [全国Q3](<总部.md>) | ≥ 1.2亿元 销售额 | 1.2亿元 | 100% | 已覆盖 |'
        );
        // Generating again replaces its own files.
        expect((await runInProcess(['plan', 'examples/org', '-o', out])).code).toBe(0);
    });

    test('refuses, writing nothing, when one of the files was edited by hand or is not opsbook’s', async () => {
        const out = join(dir, 'edited');
        expect((await runInProcess(['plan', 'examples/org', '-o', out])).code).toBe(0);
        const before = readFileSync(join(out, '总部.md'), 'utf8');
        writeFileSync(join(out, '华南.md'), `${readFileSync(join(out, '华南.md'), 'utf8')}\n我的笔记\n`);
        const result = await runInProcess(['plan', 'examples/org', '-o', out]);
        expect(result.code).toBe(2);
        expect(result.stderr).toBe(
            `opsbook: ${join(out, '华南.md')}: this plan was edited since opsbook generated it; not overwriting it (use --force to replace it, or write to another file with -o)\n`
        );
        expect(readFileSync(join(out, '总部.md'), 'utf8')).toBe(before);
        writeFileSync(join(out, 'index.md'), '# my own index\n');
        const foreign = await runInProcess(['plan', 'examples/org', '-o', out, '--force']);
        expect(foreign.code).toBe(0);
        expect(readFileSync(join(out, 'index.md'), 'utf8')).toMatch(/^<!-- opsbook:index /);
    });

    test('needs -o, and stops on the errors of any playbook before writing', async () => {
        expect(await runInProcess(['plan', 'examples/org'])).toEqual({
            code: 2,
            stdout: '',
            stderr: 'opsbook: examples/org: is a folder; give -o OUTDIR to write the plan of every playbook under it, with index.md\n'
        });
        const org = join(dir, 'org-error');
        cpSync(join(ROOT, 'examples', 'org'), org, { recursive: true });
        writeFileSync(
            join(org, '华南.ops'),
            readFileSync(join(org, '华南.ops'), 'utf8').replace('  owner 黄海\n  budget 50万元', '  budget 50万元')
        );
        const result = await runInProcess(['plan', org, '-o', join(dir, 'never')]);
        expect(result.code).toBe(1);
        expect(result.stderr.replaceAll(`${dir}/`, '')).toContain(
            "org-error/华南.ops:46:9 error owner-missing 渠道 华南门店 没有负责人：请加上 'owner 人员'\n"
        );
        expect(existsSync(join(dir, 'never'))).toBe(false);
    });
});

describe('the review of the national playbook rolls up per region', () => {
    let dir: string;
    let remove: () => void;
    beforeAll(() => {
        ({ dir, remove } = temporaryFolder('opsbook-rollup-'));
        cpSync(join(ROOT, 'examples', 'org'), join(dir, 'org'), { recursive: true });
    });
    afterAll(() => remove());
    const csv = (name: string, text: string) => {
        writeFileSync(join(dir, name), text);
        return join(dir, name);
    };
    const review = (file: string, actuals: string, locale = 'zh-CN') =>
        runInProcess(['review', join(dir, 'org', file), '--period', '2027-08', '--actuals', actuals, '--locale', locale]);

    test('one row per contributing playbook, its actual from the rows of its channels', async () => {
        const result = await review('总部.ops', join(ROOT, 'tests/fixtures/cli/actuals/org-总部.csv'));
        expect(result.code).toBe(0);
        const goals = section(result.stdout, '## 目标');
        expect(goals).toContain(
            '| **全国销售额** — 第三季度全国销售额 1.2 亿元 | ≥ 1.2亿元 销售额 | 2027-09-30 | 67% | 8,086.96万元 | 5,650万元 | -24,369,565元（70%） | 🔴 落后 | 王建国（王总） |'
        );
        // The national campaign runs in September: nothing is due from it by the end of August.
        expect(goals).toContain('| ↳ 全国Q3（本手册） | 3,000万元 | — | 0% | 0元 |   |   |   | — |');
        expect(goals).toContain(
            '| ↳ 华东Q3（华东） | 5,000万元 | — | 67% | 3,369.57万元 | 3,160万元 | -2,095,652元（94%） | 🟡 有风险 | — |'
        );
        expect(goals).toContain(
            '| ↳ 华南Q3（华南） | 4,000万元 | — | 67% | 2,695.65万元 | 2,490万元 | -2,056,522元（92%） | 🟡 有风险 | — |'
        );
    });

    test('budget moves between the child playbooks by their actual cost per unit, keeping their total', async () => {
        const result = await review('总部.ops', join(ROOT, 'tests/fixtures/cli/actuals/org-总部.csv'));
        const table = section(result.stdout, '### 下级手册之间（以 销售额 计量，合计 560万元）');
        // 华东: 1,730,000 spent for 31,600,000 (0.0547 per unit), 华南: 1,550,000 for 24,900,000 (0.0622).
        expect(table).toContain('| **华东Q3** | 300万元 | 0.0547 | 3,088,907元 | +88,907元 |');
        expect(table).toContain('| **华南Q3** | 260万元 | 0.0622 | 2,511,093元 | -88,907元 |');
    });

    test('without the playbook column, a channel name that is in one playbook only is enough', async () => {
        const actuals = csv('unique.csv', 'date,metric,channel,value\n2027-08-31,销售额,华东经销商,16200000\n');
        const text = (await review('总部.ops', actuals)).stdout;
        expect(section(text, '## 目标')).toContain('| ↳ 华东Q3（华东） | 5,000万元 | — | 67% | 3,369.57万元 | 1,620万元 |');
        // Only 华东 has actuals: no budget moves. Its spend is its budget pro-rated (3,000,000 × 62/92 ÷ 16,200,000).
        const table = section(text, '### 下级手册之间（以 销售额 计量，合计 560万元）');
        expect(table).toContain('| **华东Q3** | 300万元 | 0.1248 | 300万元 | 不变：只有这一个下级手册有实际数据 |');
        expect(table).toContain('| **华南Q3** | 260万元 | — | 260万元 | 不变：没有实际数据 |');
    });

    test('a channel name in several playbooks without the playbook column is an error naming the candidates', async () => {
        const org = join(dir, 'org');
        // 华南 names a channel like 华东's.
        writeFileSync(join(org, '华南.ops'), readFileSync(join(org, '华南.ops'), 'utf8').replaceAll('华南电商', '华东电商'));
        try {
            const actuals = csv(
                'ambiguous.csv',
                'date,metric,channel,value\n2027-08-31,销售额,华东经销商,16200000\n2027-08-31,销售额,华东电商,5600000\n'
            );
            const result = await review('总部.ops', actuals);
            expect(result).toEqual({
                code: 2,
                stdout: '',
                stderr: `opsbook: ${actuals}:3:16：渠道 '华东电商' 同时出现在多本运营手册中：华东Q3 (华东.ops)、华南Q3 (华南.ops)；请加上 playbook 列（date,metric,channel,value,playbook）并注明其中一本\n`
            });
            // The playbook column says which.
            const named = csv('named.csv', 'date,metric,channel,value,playbook\n2027-08-31,销售额,华东电商,5600000,华南Q3\n');
            const goals = section((await review('总部.ops', named)).stdout, '## 目标');
            expect(goals).toContain('| ↳ 华南Q3（华南） | 4,000万元 | — | 67% | 2,695.65万元 | 560万元 |');
            expect(goals).toMatch(/\| ↳ 华东Q3（华东） \| 5,000万元 \| — \| 67% \| 3,369.57万元 \| {3}\|/);
            // A playbook that does not have the channel is an error at the playbook field.
            const wrong = csv('wrong.csv', 'date,metric,channel,value,playbook\n2027-08-31,销售额,华东电商,5600000,全国Q3\n');
            expect((await review('总部.ops', wrong)).stderr).toBe(
                `opsbook: ${wrong}:2:29：渠道 '华东电商' 不在运营手册 '全国Q3' 中：它在 华东Q3、华南Q3 中\n`
            );
        } finally {
            cpSync(join(ROOT, 'examples', 'org', '华南.ops'), join(org, '华南.ops'));
        }
    });

    test("a region's review still reads only its own channels", async () => {
        const actuals = csv('region.csv', 'date,metric,channel,value\n2027-08-31,销售额,华南经销商,11000000\n');
        const result = await review('华东.ops', actuals);
        expect(result.stderr).toBe(`opsbook: ${actuals}:2:16：未知的渠道 '华南经销商'：请留空，或填写 华东经销商、华东KA、华东电商 之一\n`);
    });
});

describe('the JSON export carries the playbook tree', () => {
    test('the national file: its children with budgets and contributions', async () => {
        const model = JSON.parse((await runInProcess(['export', 'examples/org/总部.ops', '--format', 'json'])).stdout);
        expect(model.playbook).toMatchObject({ name: '全国Q3', parent: null, region: null });
        expect(
            model.organisation.children.map(
                (c: { name: string; region: string; file: string; budget: string; budgetShare: number; contributions: unknown[] }) => [
                    c.name,
                    c.region,
                    c.file,
                    c.budget,
                    c.budgetShare,
                    c.contributions
                ]
            )
        ).toEqual([
            ['华东Q3', '华东', '华东.ops', '3000000', 0.25, [{ goal: '全国销售额', amount: '50000000', shareOfTarget: 0.416667 }]],
            ['华南Q3', '华南', '华南.ops', '2600000', 0.216667, [{ goal: '全国销售额', amount: '40000000', shareOfTarget: 0.333333 }]]
        ]);
        expect(model.organisation.childPlaybooksBudget).toBe('5600000');
    });

    test('a region: its parent, its share and the mandatory campaign', async () => {
        const model = JSON.parse((await runInProcess(['export', 'examples/org/华东.ops', '--format', 'json'])).stdout);
        expect(model.playbook).toMatchObject({ name: '华东Q3', parent: '全国Q3', region: '华东' });
        expect(model.organisation).toMatchObject({
            parent: { name: '全国Q3', file: '总部.ops' },
            ancestors: ['全国Q3'],
            shareOfParentBudget: 0.25,
            contributesTo: [
                {
                    goal: '全国销售额',
                    playbook: '全国Q3',
                    file: '总部.ops',
                    from: '华东销售额',
                    fromType: 'Goal',
                    amount: '50000000',
                    target: '120000000',
                    shareOfTarget: 0.416667
                }
            ],
            mandatoryCampaigns: [{ name: '中秋大促', playbook: '全国Q3', region: '全国' }]
        });
    });
});
