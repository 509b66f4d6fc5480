import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Document, PlaybookAnalysis } from '../../packages/language/src/index.js';
import { analyzeReview } from '../../packages/language/src/analysis/review-analysis.js';
import { generatePlan } from '../../packages/language/src/generate/plan-document.js';
import { generateReview } from '../../packages/language/src/generate/review-document.js';
import { parseReviewPeriod } from '../../packages/language/src/values/period.js';
import { diagnose, type LoadedFolder, loadFolder, tempFolder } from '../validation/validation-helpers.js';

// SPEC §8 "Parent playbooks" and "Mandatory campaigns reach the regions": a national playbook and two
// regional ones that are `part of` it. The national file does not import the regions: they are found
// through the workspace's references to it.

const TEAM = `person 王总 "王总监"
person 李经理
person 陈经理
metric 销售额 "销售额" money
`;

const NATIONAL = `import "team.ops"
playbook 全国Q3 "全国三季度" {
  period 2027-Q3
  currency CNY
  fx USD = 7 CNY
  budget 1100万 CNY
}
channel 总部直销 { kind direct  owner 王总  budget 200万 CNY }
campaign 中秋大促 {
  type promotion
  window 2027-09-01 .. 2027-09-20
  binding mandatory
  region "全国"
  owner 王总
  budget 100万 CNY
}
campaign 华东路演 { type event  window 2027-08-01 .. 2027-08-10  binding mandatory  region "华东"  owner 王总 }
campaign 国庆预热 { type promotion  window 2027-09-25 .. 2027-09-30  binding advisory  owner 王总 }
campaign 开学季 { type promotion  window 2027-08-20 .. 2027-08-31  binding mandatory  owner 王总 }
`;

const EAST = `import "总部.ops"
import "team.ops"
playbook 华东Q3 "华东区三季度" {
  part of 全国Q3
  region "华东"
  period 2027-07-01 .. 2027-09-30
  currency CNY
  budget 500万 CNY
}
campaign 华东会员日 { type event  window 2027-08-15 .. 2027-08-16  owner 李经理 }
`;

const SOUTH = `import "总部.ops"
playbook 华南Q3 "华南区三季度" {
  part of 全国Q3
  region "华南"
  period 2027-Q3
  budget 300万 CNY
}
`;

const ORG = { '总部.ops': NATIONAL, '华东.ops': EAST, '华南.ops': SOUTH };
const TREE_RULES = ['budget-overrun', 'date-outside-period', 'playbook-cycle', 'unit-mismatch', 'unresolved-reference'];

async function load(files: Record<string, string>, locale?: string): Promise<LoadedFolder> {
    return loadFolder(tempFolder({ 'opsbook.json': locale ? `{ "locale": "${locale}" }` : '{}', 'team.ops': TEAM, ...files }));
}

/** Only the diagnostics of the given rules, as `file rule L:C-L:C message`. */
async function diagnostics(files: Record<string, string>, rules: string[] = TREE_RULES, locale?: string): Promise<string[]> {
    return (await load(files, locale)).all().filter(line => rules.includes(line.split(' ')[1] as string));
}

function analysisOf(loaded: LoadedFolder, file: string): PlaybookAnalysis {
    return loaded.services.Opsbook.analysis.PlaybookAnalyzer.analyze(loaded.documents.get(file) as LangiumDocument<Document>);
}

/** The lines of one `## heading` section of a Markdown document, up to the next `##` heading. */
function section(markdown: string, heading: string): string {
    const lines = markdown.split('\n');
    const start = lines.indexOf(`## ${heading}`);
    if (start < 0) throw new Error(`no section ${heading}`);
    const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
    return lines
        .slice(start, end < 0 ? undefined : end)
        .join('\n')
        .trimEnd();
}

describe('part of and region on a playbook', () => {
    test('the grammar: both are playbook properties that may appear once, named in syntax errors', async () => {
        expect(await diagnose('playbook Q { review_ok }\n')).toEqual([
            "syntax-error 1:14-1:23 'review_ok' is not a property of a playbook: expected product, stage, period, currency, fx, budget, locale, part of, region or '}'"
        ]);
        expect(
            (await diagnose('playbook Q\nplaybook P { region "a" region "b" part of Q part of Q }\n')).filter(l =>
                l.startsWith('duplicate-property')
            )
        ).toEqual([
            "duplicate-property 2:25-2:31 'region' appears twice in a playbook (first at line 2): keep one",
            "duplicate-property 2:46-2:50 'part of' appears twice in a playbook (first at line 2): keep one"
        ]);
    });

    test('children within the parent: no tree diagnostics in any file', async () => {
        expect(await diagnostics(ORG)).toEqual([]);
    });

    test('the tree in the analysis: parent, region and children in path order with budgets in the parent currency', async () => {
        const loaded = await load(ORG);
        const national = analysisOf(loaded, '总部.ops');
        expect(national.tree?.parent).toBeUndefined();
        expect(national.tree?.children.map(c => [c.name, c.region, c.budget?.toString(), c.budgetShare])).toEqual([
            ['华东Q3', '华东', '5000000', 0.454545454545],
            ['华南Q3', '华南', '3000000', 0.272727272727]
        ]);
        expect(national.budgetTotals.childPlaybooks.toString()).toBe('8000000');
        expect(national.budgetTotals.allocated.toString()).toBe('11000000');
        expect(national.budgetTotals.remaining?.toString()).toBe('0');
        const east = analysisOf(loaded, '华东.ops');
        expect([east.tree?.parent?.name, east.tree?.region, east.tree?.children]).toEqual(['全国Q3', '华东', []]);
    });

    test("'part of' naming a goal is unresolved-reference naming both kinds; goals keep their own 'part of'", async () => {
        const east =
            EAST.replace('part of 全国Q3', 'part of 华东销售额') +
            'goal 华东销售额 { target 10万 销售额 by 2027-09-30  owner 李经理 }\ngoal 上海销售额 { target 5万 销售额 by 2027-09-30  part of 华东销售额  owner 李经理 }\n';
        expect(await diagnostics({ ...ORG, '华东.ops': east })).toEqual([
            "华东.ops unresolved-reference 4:11-4:16 '华东销售额' is a goal, not a playbook"
        ]);
        expect(await diagnostics({ ...ORG, '华东.ops': east }, TREE_RULES, 'zh-CN')).toEqual([
            '华东.ops unresolved-reference 4:11-4:16 「华东销售额」是目标（goal），不是运营手册（playbook）'
        ]);
    });

    test("'part of' a playbook that is not imported: unresolved-reference", async () => {
        expect(await diagnostics({ ...ORG, '华南.ops': SOUTH.replace('part of 全国Q3', 'part of 华东Q3') })).toEqual([
            "华南.ops unresolved-reference 3:11-3:15 unknown playbook '华东Q3': did you mean '华南Q3'?"
        ]);
    });
});

describe('the child period lies within the parent period', () => {
    test('date-outside-period on the child period names both periods', async () => {
        expect(
            await diagnostics({ ...ORG, '华东.ops': EAST.replace('period 2027-07-01 .. 2027-09-30', 'period 2027-06-15 .. 2027-09-30') })
        ).toEqual([
            '华东.ops date-outside-period 6:10-6:34 the period of 华东Q3, 2027-06-15 .. 2027-09-30, lies outside the period of its parent 全国Q3, 2027-07-01 .. 2027-09-30: a playbook that breaks down 全国Q3 must lie within its period'
        ]);
    });

    test('in Chinese, and with a shorthand period', async () => {
        expect(await diagnostics({ ...ORG, '华南.ops': SOUTH.replace('period 2027-Q3', 'period 2027-Q4') }, TREE_RULES, 'zh-CN')).toEqual([
            '华南.ops date-outside-period 5:10-5:17 华南Q3 的运营周期（2027-10-01 至 2027-12-31）超出了上级 全国Q3 的周期（2027-07-01 至 2027-09-30）：分解 全国Q3 的手册必须在它的周期之内'
        ]);
    });
});

describe("child budgets count in the parent's budget", () => {
    test('budget-overrun on the parent: the sums of SPEC §8, children largest first', async () => {
        expect(await diagnostics({ ...ORG, '总部.ops': NATIONAL.replace('budget 1100万 CNY', 'budget 1000万 CNY') })).toEqual([
            "总部.ops budget-overrun 6:10-6:19 channels 2,000,000 + campaigns 1,000,000 + child playbooks 8,000,000 (华东Q3 5,000,000, 华南Q3 3,000,000) = 11,000,000 CNY, above the budget of 10,000,000 CNY by 1,000,000: cut budgets, including the child playbooks', or raise this budget"
        ]);
    });

    test('budget-overrun in Chinese, with the child budgets as related information', async () => {
        const loaded = await load(
            { ...ORG, '总部.ops': NATIONAL.replace('budget 1100万 CNY', 'budget 1000万 CNY'), '华南.ops': SOUTH.replace('300万', '600万') },
            'zh-CN'
        );
        expect(loaded.of('总部.ops').filter(l => l.startsWith('budget-overrun'))).toEqual([
            'budget-overrun 6:10-6:19 渠道 200万 + 活动 100万 + 下级运营手册 1,100万（华南Q3 600万，华东Q3 500万）= 1,400万元，比预算 1,000万元 多出 400万：请削减预算（包括下级运营手册的预算），或提高本手册的预算'
        ]);
        const diagnostic = loaded.documents.get('总部.ops')?.diagnostics?.find(d => d.code === 'budget-overrun');
        expect(
            diagnostic?.relatedInformation?.map(r => `${r.location.uri.split('/').pop()} ${r.location.range.start.line + 1} ${r.message}`)
        ).toEqual([
            '%E6%80%BB%E9%83%A8.ops 8 总部直销：预算 200万元',
            '%E6%80%BB%E9%83%A8.ops 15 中秋大促：预算 100万元',
            '%E5%8D%8E%E4%B8%9C.ops 8 华东Q3：预算 500万元',
            '%E5%8D%8E%E5%8D%97.ops 6 华南Q3：预算 600万元'
        ]);
    });

    test("a child in another currency is converted through the parent's fx, exactly", async () => {
        const east = EAST.replace('currency CNY', 'currency USD\n  fx USD = 6.5 CNY').replace('budget 500万 CNY', 'budget 712_345.67 USD');
        const loaded = await load({ ...ORG, '华东.ops': east, '总部.ops': NATIONAL.replace('budget 1100万 CNY', 'budget 1000万 CNY') });
        // The parent's rate (7), not the child's own (6.5): 712,345.67 × 7 = 4,986,419.69.
        expect(analysisOf(loaded, '总部.ops').tree?.children[0]?.budget?.toString()).toBe('4986419.69');
        expect(loaded.all().filter(l => TREE_RULES.includes(l.split(' ')[1] as string))).toEqual([
            "总部.ops budget-overrun 6:10-6:19 channels 2,000,000 + campaigns 1,000,000 + child playbooks 7,986,419.69 (华东Q3 4,986,419.69, 华南Q3 3,000,000) = 10,986,419.69 CNY, above the budget of 10,000,000 CNY by 986,419.69: cut budgets, including the child playbooks', or raise this budget"
        ]);
    });

    test("a child in a currency the parent has no fx for: unit-mismatch on the child's budget, and the parent stays silent", async () => {
        const east = EAST.replace('currency CNY', 'currency EUR').replace('budget 500万 CNY', 'budget 90万 EUR');
        expect(
            await diagnostics({ ...ORG, '华东.ops': east, '总部.ops': NATIONAL.replace('budget 1100万 CNY', 'budget 300万 CNY') })
        ).toEqual([
            "华东.ops unit-mismatch 8:10-8:17 the budget of 华东Q3 is in EUR, but its parent 全国Q3 plans in CNY and has no exchange rate for EUR: add 'fx EUR = … CNY' to 全国Q3"
        ]);
    });
});

describe('playbook-cycle', () => {
    test('a loop of part of between two files: playbook-cycle on each, and nothing counted', async () => {
        const national = NATIONAL.replace('import "team.ops"', 'import "team.ops"\nimport "华东.ops"')
            .replace('  period 2027-Q3', '  part of 华东Q3\n  period 2027-Q3')
            .replace('budget 1100万 CNY', 'budget 100万 CNY');
        const loaded = await load({ ...ORG, '总部.ops': national });
        expect(loaded.all().filter(l => TREE_RULES.includes(l.split(' ')[1] as string))).toEqual([
            "华东.ops playbook-cycle 4:11-4:15 'part of' goes round in a loop between playbooks: 华东Q3 → 全国Q3 → 华东Q3; a playbook cannot be part of itself",
            "总部.ops playbook-cycle 4:11-4:15 'part of' goes round in a loop between playbooks: 全国Q3 → 华东Q3 → 全国Q3; a playbook cannot be part of itself",
            // Only its own budgets count on a loop: 华东Q3's 5,000,000 and 华南Q3's 3,000,000 are left out.
            '总部.ops budget-overrun 8:10-8:18 channel and campaign budgets add up to 3,000,000 CNY (channels 2,000,000 CNY, campaigns 1,000,000 CNY), 2,000,000 CNY over the playbook budget of 1,000,000 CNY: cut budgets or raise the playbook budget'
        ]);
        // 华南Q3 still breaks down 全国Q3, which is on a loop: it is counted nowhere and gets no campaigns.
        expect(analysisOf(loaded, '总部.ops').tree?.children).toEqual([]);
    });

    test('a long loop is shown by its first steps and its last, like goal-cycle', async () => {
        const files: Record<string, string> = {};
        for (let i = 0; i < 12; i++) files[`p${i}.ops`] = `import "p${(i + 1) % 12}.ops"\nplaybook P${i} { part of P${(i + 1) % 12} }\n`;
        expect((await diagnostics(files)).filter(l => l.startsWith('p0.ops') || l.startsWith('p11.ops'))).toEqual([
            "p0.ops playbook-cycle 2:23-2:25 'part of' goes round in a loop between playbooks: P0 → P1 → P2 → P3 → … → P11 → P0; a playbook cannot be part of itself",
            "p11.ops playbook-cycle 2:24-2:26 'part of' goes round in a loop between playbooks: P11 → P0 → P1 → P2 → … → P10 → P11; a playbook cannot be part of itself"
        ]);
    });

    test('a playbook part of itself, in Chinese', async () => {
        expect(
            await diagnostics(
                { '总部.ops': NATIONAL.replace('  period 2027-Q3', '  part of 全国Q3\n  period 2027-Q3') },
                TREE_RULES,
                'zh-CN'
            )
        ).toEqual(["总部.ops playbook-cycle 3:11-3:15 运营手册之间的 'part of' 形成了循环：全国Q3 → 全国Q3；手册不能是它自己的一部分"]);
    });
});

describe('mandatory campaigns reach the regions', () => {
    test('by region: national or no region reaches every child, a named region only its own; advisory never', async () => {
        const loaded = await load(ORG);
        const names = (file: string) => analysisOf(loaded, file).tree?.mandatoryCampaigns.map(c => `${c.playbook}/${c.name}`);
        expect(names('华东.ops')).toEqual(['全国Q3/中秋大促', '全国Q3/华东路演', '全国Q3/开学季']);
        expect(names('华南.ops')).toEqual(['全国Q3/中秋大促', '全国Q3/开学季']);
        expect(names('总部.ops')).toEqual([]);
    });

    test('"National" in English reaches every child; a grandchild gets its region\'s campaigns from up the chain', async () => {
        const shanghai = `import "华东.ops"\nplaybook 上海Q3 { part of 华东Q3  region "上海"  period 2027-Q3 }\n`;
        const east =
            EAST + 'campaign 上海快闪 { type event  window 2027-09-05 .. 2027-09-06  binding mandatory  region "上海"  owner 李经理 }\n';
        const loaded = await load({
            ...ORG,
            '华东.ops': east,
            '上海.ops': shanghai,
            '总部.ops': NATIONAL.replace('region "全国"', 'region "National"')
        });
        expect(analysisOf(loaded, '上海.ops').tree?.mandatoryCampaigns.map(c => `${c.playbook}/${c.name}`)).toEqual([
            '华东Q3/上海快闪',
            '全国Q3/中秋大促',
            '全国Q3/华东路演',
            '全国Q3/开学季'
        ]);
        expect(analysisOf(loaded, '华南.ops').tree?.mandatoryCampaigns.map(c => c.name)).toEqual(['中秋大促', '开学季']);
    });

    test("a child's own campaigns are advisory unless they say otherwise", async () => {
        const loaded = await load(ORG);
        expect(analysisOf(loaded, '华东.ops').campaigns.map(c => [c.name, c.binding])).toEqual([['华东会员日', 'advisory']]);
        expect(analysisOf(loaded, '总部.ops').campaigns.find(c => c.name === '开学季')?.binding).toBe('mandatory');
    });

    test('the child plan: a section per parent, in English', async () => {
        const loaded = await load(ORG);
        const plan = generatePlan(analysisOf(loaded, '华东.ops'), { source: '华东.ops', findings: [] });
        expect(section(plan, 'Mandatory campaigns from 全国Q3')).toBe(
            [
                '## Mandatory campaigns from 全国Q3',
                '',
                '全国Q3 sets these campaigns as mandatory for region 华东: this playbook runs them as planned there, in its own channels and with its own people.',
                '',
                '| Campaign | Type | Window | Region | Owner | Budget |',
                '| --- | --- | --- | --- | --- | ---: |',
                '| **中秋大促** | promotion | 2027-09-01 – 2027-09-20 | 全国 | 王总监 (王总) | 1,000,000 CNY |',
                '| **华东路演** | event | 2027-08-01 – 2027-08-10 | 华东 | 王总监 (王总) | — |',
                '| **开学季** | promotion | 2027-08-20 – 2027-08-31 | all regions | 王总监 (王总) | — |'
            ].join('\n')
        );
        expect(section(plan, 'Overview')).toContain(
            "| Part of | `全国Q3` (全国三季度) |\n| Region | 华东 |\n| Share of 全国Q3's budget | 45% |"
        );
        expect(section(plan, 'Timeline')).toContain(
            [
                '  section Mandatory campaigns from 全国Q3',
                '  中秋大促 :crit, k2, 2027-09-01, 20d',
                '  华东路演 :crit, k3, 2027-08-01, 10d',
                '  开学季 :crit, k4, 2027-08-20, 12d'
            ].join('\n')
        );
    });

    test('the child plan in Chinese, and a parent that sets nothing for this region', async () => {
        const loaded = await load(ORG, 'zh-CN');
        const plan = generatePlan(analysisOf(loaded, '华东.ops'), { source: '华东.ops', findings: [] });
        expect(section(plan, '全国Q3 下达的必须执行活动').split('\n').slice(0, 8)).toEqual([
            '## 全国Q3 下达的必须执行活动',
            '',
            '以下活动由 全国Q3 定为必须执行，适用于华东区域：本手册须按计划执行，由本区域的渠道和人员落地。',
            '',
            '| 活动 | 类型 | 时间 | 区域 | 负责人 | 预算 |',
            '| --- | --- | --- | --- | --- | ---: |',
            '| **中秋大促** | 促销 | 2027-09-01 至 2027-09-20 | 全国 | 王总监（王总） | 100万元 |',
            '| **华东路演** | 活动 | 2027-08-01 至 2027-08-10 | 华东 | 王总监（王总） | — |'
        ]);
        const none = await load({ ...ORG, '总部.ops': NATIONAL.replaceAll('binding mandatory', 'binding advisory') });
        const south = generatePlan(analysisOf(none, '华南.ops'), { source: '华南.ops', findings: [] });
        expect(section(south, 'Mandatory campaigns from 全国Q3')).toBe(
            '## Mandatory campaigns from 全国Q3\n\nNone of the mandatory campaigns of 全国Q3 applies to this playbook (region 华南).'
        );
    });

    test("the parent plan's budget table lists each child playbook", async () => {
        const loaded = await load(ORG);
        const plan = generatePlan(analysisOf(loaded, '总部.ops'), { source: '总部.ops', findings: [] });
        expect(section(plan, 'Budget')).toContain(
            '| 华东Q3 | child playbook | 5,000,000 CNY | 45% |\n| 华南Q3 | child playbook | 3,000,000 CNY | 27% |'
        );
    });

    test("the child's review lists the mandatory campaigns and where each stands", async () => {
        const loaded = await load(ORG);
        const parsed = parseReviewPeriod('2027-08');
        if (!parsed.ok) throw new Error(parsed.message);
        const review = analyzeReview(analysisOf(loaded, '华东.ops'), {
            window: { label: '2027-08', kind: parsed.kind, range: parsed.range },
            thresholds: { onTrack: 0.95, atRisk: 0.8 }
        });
        expect(section(generateReview(review, { source: '华东.ops' }), 'Mandatory campaigns from 全国Q3')).toBe(
            [
                '## Mandatory campaigns from 全国Q3',
                '',
                '| Campaign | Window | Region | Owner | In this window | Carried out as planned? |',
                '| --- | --- | --- | --- | --- | --- |',
                '| **中秋大促** | 2027-09-01 – 2027-09-20 | 全国 | 王总监 (王总) | not started |   |',
                '| **华东路演** | 2027-08-01 – 2027-08-10 | 华东 | 王总监 (王总) | running |   |',
                '| **开学季** | 2027-08-20 – 2027-08-31 | all regions | 王总监 (王总) | running |   |'
            ].join('\n')
        );
    });
});
