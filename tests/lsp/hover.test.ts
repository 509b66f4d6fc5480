import type { LangiumDocument } from 'langium';
import { expectHover } from 'langium/test';
import { beforeAll, describe, expect, test } from 'vitest';
import { services } from '../helpers.js';
import { loadWorkspace, positionOf, textDocument, type Workspace } from './lsp-helpers.js';

async function hoverAt(ws: Workspace, document: LangiumDocument, needle: string, shift = 0, occurrence = 1): Promise<string | undefined> {
    const hover = await ws.services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: textDocument(document),
        position: positionOf(document, needle, shift, occurrence)
    });
    return (hover?.contents as { value?: string } | undefined)?.value;
}

describe('hover on the growth example (examples/growth)', () => {
    let ws: Workspace;
    let growth: LangiumDocument;
    beforeAll(async () => {
        ws = await loadWorkspace(['examples/growth/growth.ops', 'examples/growth/team.ops']);
        growth = ws.doc('examples/growth/growth.ops');
    });

    test('a goal: target, planned, coverage and each contributor', async () => {
        expect(await hoverAt(ws, growth, 'goal SeedUsers', 6)).toBe(
            [
                '**goal** `SeedUsers` — Acquire 20,000 seed users',
                'Target: at least 20,000 signups by 2027-03-31',
                'Planned: 20,000 / 20,000 (100%) — covered',
                'Contributions:\n- channel `SEO`: 6,000 (30%)\n- channel `WeChatAds`: 14,000 (70%)',
                'Served by: `ContentPipeline`',
                'Owner: `alice` · Strategy: `GrowUsers`'
            ].join('\n\n')
        );
    });

    test('a goal decomposed into a sub-goal counts its target', async () => {
        const text = await hoverAt(ws, growth, 'goal Revenue', 6);
        expect(text).toContain('Planned: 300,000 CNY / 300,000 CNY (100%) — covered');
        expect(text).toContain('- campaign `SpringSale`: 200,000 CNY (67%)\n- goal `SouthRevenue`: 100,000 CNY (33%)');
    });

    test('a channel: budget share, deliveries with their share of the goal, implied cost per unit, assumption', async () => {
        expect(await hoverAt(ws, growth, 'channel WeChatAds', 9)).toBe(
            [
                '**channel** `WeChatAds`',
                'paid · Owner: `dave`',
                'Budget: 200,000 CNY (40% of the playbook budget)',
                'Delivers:\n- 14,000 signups to `SeedUsers` (70% of its target)',
                'Implied cost: 14.29 CNY per unit of `signups` · limit 20 CNY'
            ].join('\n\n')
        );
        expect(await hoverAt(ws, growth, 'channel SEO', 9)).toContain('Assumes 150,000 visits at 4% = 6,000 · delivers 6,000 signups');
    });

    test('a person, at a reference in the playbook: load against capacity and every assignment', async () => {
        expect(await hoverAt(ws, growth, 'responsible bob', 13)).toBe(
            [
                '**person** `bob` (team.ops)',
                'SEO specialist · Team: `Marketing`',
                'Load: 60% of 100% capacity (60% used)',
                'Assignments:\n- owns channel `SEO`\n- responsible for workstream `ContentPipeline` (60%)',
                'Assessed on: `SeedUsers`, `SEO`'
            ].join('\n\n')
        );
    });

    test('a person, at their declaration in the library: their load in each playbook importing it', async () => {
        const team = ws.doc('examples/growth/team.ops');
        const text = await hoverAt(ws, team, 'person dave', 8);
        expect(text).toBe(
            [
                '**person** `dave`',
                '*in NotesQ1*',
                'Paid media · Team: `Marketing`',
                'Load: 0% of 50% capacity (0% used)',
                'Assignments:\n- owns channel `WeChatAds`\n- informed of workstream `ContentPipeline`'
            ].join('\n\n')
        );
    });

    test('a metric: kind, monitoring and where it is used', async () => {
        expect(await hoverAt(ws, growth, 'metric signups', 8)).toBe(
            [
                '**metric** `signups` — Registered users',
                'Kind: count',
                'Monitored every day, by channel, GA4',
                'Used in:\n- funnel `Onboarding`, goal `SeedUsers`, channel `SEO`, channel `WeChatAds`, monitor `signups`'
            ].join('\n\n')
        );
    });

    test('a forecast: the three figures, their spread and the decision', async () => {
        expect(await hoverAt(ws, growth, 'forecast RevenueQ1', 10)).toBe(
            [
                '**forecast** `RevenueQ1`',
                'Forecasts: sales 320,000 CNY · finance 280,000 CNY · market 300,000 CNY',
                'spread 13% · decided 300,000 CNY by `ceo`',
                'Target `Revenue`: 300,000 CNY'
            ].join('\n\n')
        );
    });

    test("a delivery's keyword: its figure", async () => {
        expect(await hoverAt(ws, growth, 'delivers 200k', 2)).toBe(
            '**campaign** `SpringSale`: 200,000 CNY revenue to `Revenue` (67% of its target)'
        );
    });

    test('the playbook: budget allocated and remaining', async () => {
        const text = await hoverAt(ws, growth, 'playbook NotesQ1', 10);
        expect(text).toContain('Budget: Allocated 380,000 CNY of 500,000 CNY (76%)');
        expect(text).toContain('120,000 CNY remaining');
    });

    test('white space and keywords without figures give no hover', async () => {
        expect(await hoverAt(ws, growth, '\n\nstrategy', 1)).toBeUndefined();
    });
});

describe("hover on monitoring, in the editor's language", () => {
    const text = [
        'playbook P { period 2027-Q1 }',
        'metric signups count',
        'monitor signups { by channel every day source "GA4" alert below 150 per week }',
        ''
    ].join('\n');

    test('en: the metric says how it is monitored; the monitor says it and its alert', async () => {
        const ws = await loadWorkspace([['plan.ops', text]]);
        const plan = ws.doc('plan.ops');
        expect(await hoverAt(ws, plan, 'metric signups', 8)).toContain('Monitored every day, by channel, GA4');
        expect(await hoverAt(ws, plan, 'monitor signups', 2)).toContain('every day, by channel, GA4\n\nalert below 150 per week');
    });

    test('zh-CN: no English word left (每天、分渠道, 预警：每周低于)', async () => {
        const ws = await loadWorkspace([['plan.ops', text]], 'zh-CN');
        const plan = ws.doc('plan.ops');
        expect(await hoverAt(ws, plan, 'metric signups', 8)).toContain('监测：每天、分渠道、GA4');
        const monitor = await hoverAt(ws, plan, 'monitor signups', 2);
        expect(monitor).toContain('每天、分渠道、GA4\n\n预警：每周低于 150');
        expect(monitor).not.toMatch(/every|by channel|alert|per /);
    });

    test('zh-CN: a sub-goal names its 所属目标, a goal with no delivery is 未规划', async () => {
        const plan = [
            'playbook P { period 2027-Q1 }',
            'metric signups count',
            'person alice',
            'goal G { target 20k signups by 2027-03-31 owner alice }',
            'goal H { target 5k signups by 2027-03-31 owner alice part of G }',
            ''
        ].join('\n');
        const zh = await loadWorkspace([['plan.ops', plan]], 'zh-CN');
        const sub = await hoverAt(zh, zh.doc('plan.ops'), 'goal H', 5);
        expect(sub).toContain('所属目标：');
        expect(sub).toContain('未规划');
        expect(sub).not.toMatch(/上级目标|尚无规划/);
    });

    test("a strategy's focus and a review's schedule, in both languages", async () => {
        const plan = [
            'playbook P { period 2027-Q1 }',
            'person alice',
            'strategy S { focus activation }',
            'review R { every week on monday at 2027-03-31 owner alice }',
            ''
        ].join('\n');
        const en = await loadWorkspace([['plan.ops', plan]]);
        expect(await hoverAt(en, en.doc('plan.ops'), 'strategy S', 9)).toContain('focus activation');
        expect(await hoverAt(en, en.doc('plan.ops'), 'review R', 7)).toContain('Schedule: weekly on Monday, 2027-03-31');
        const zh = await loadWorkspace([['plan.ops', plan]], 'zh-CN');
        expect(await hoverAt(zh, zh.doc('plan.ops'), 'strategy S', 9)).toContain('重点：促活');
        expect(await hoverAt(zh, zh.doc('plan.ops'), 'review R', 7)).toContain('频率：每周（周一）、2027-03-31');
    });
});

describe('hover on a diagnostic explains its rule', () => {
    test("the rule id, what it checks and a link, after the element's figures; in the editor's language", async () => {
        const ws = await loadWorkspace(
            [
                [
                    'plan.ops',
                    'playbook P { period 2027-Q1 }\nmetric signups count\nperson alice\ngoal G { target 20k signups by 2027-03-31 owner alice }\nchannel C { owner alice delivers 18k signups to G }\n'
                ]
            ],
            'zh-CN'
        );
        const plan = ws.doc('plan.ops');
        const text = await hoverAt(ws, plan, '20k', 1);
        expect(text).toContain('**目标** `G`\n\n目标：至少 2万 signups 截止 2027-03-31\n\n已规划：1.8万 / 2万 (90%) — 覆盖不足，差 2,000');
        expect(text).toContain(
            '**规则** `goal-undercovered`：渠道、活动和子目标为这个可累加目标规划的量合计少于目标。请增加或提高交付，或降低目标。 — [规则说明](https://github.com/opsbook/opsbook/blob/main/docs/rules.md#goal-undercovered)'
        );
    });

    test('a syntax error alone', async () => {
        await expectHover(services.Opsbook)({
            text: 'goal G { bud<|>get 5k CNY }',
            index: 0,
            parseOptions: { validation: true },
            hover: /^\*\*Rule\*\* `syntax-error`: The text does not follow the Opsbook grammar/
        });
    });
});
