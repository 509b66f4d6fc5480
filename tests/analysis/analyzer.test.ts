import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { PlaybookAnalysis } from '../../packages/language/src/analysis/model.js';
import { check } from '../helpers.js';
import { loadFolder } from '../validation/validation-helpers.js';

const EXAMPLES = path.resolve(import.meta.dirname, '../../examples');

async function analyzeExample(folder: string, file: string): Promise<PlaybookAnalysis> {
    const loaded = await loadFolder(path.join(EXAMPLES, folder));
    const document = loaded.documents.get(file);
    if (!document) throw new Error(`no ${file}`);
    return loaded.services.Opsbook.analysis.PlaybookAnalyzer.analyze(document);
}

const s = (value: { toString(): string } | undefined) => value?.toString();

describe('PlaybookAnalyzer on the SPEC §1 example', async () => {
    const analysis = await analyzeExample('growth', 'growth.ops');

    test('playbook header', () => {
        expect([analysis.name, analysis.product, analysis.stage, analysis.currency, analysis.locale, s(analysis.budget)]).toEqual([
            'NotesQ1',
            'Acme Notes',
            'growth',
            'CNY',
            'en',
            '500000'
        ]);
        expect(analysis.period).toEqual({ start: { year: 2027, month: 1, day: 1 }, end: { year: 2027, month: 3, day: 31 } });
        expect(s(analysis.fx.rate('USD', 'CNY'))).toBe('7.1');
        expect(analysis.valueIssues).toEqual([]);
    });

    test('goals: planned from deliveries and same-metric sub-goals, coverage, status', () => {
        const rows = analysis.goals.map(g => [
            g.name,
            g.metric?.name,
            g.bound,
            s(g.target),
            s(g.planned),
            g.coverage,
            s(g.shortfall),
            g.status,
            g.hasPlan,
            g.additive
        ]);
        expect(rows).toEqual([
            ['SeedUsers', 'signups', 'at least', '20000', '20000', 1, undefined, 'covered', true, true],
            ['Retention', 'd30', 'at least', '35', '0', undefined, undefined, 'not-additive', true, false],
            ['Revenue', 'revenue', 'at least', '300000', '300000', 1, undefined, 'covered', true, true],
            ['SouthRevenue', 'revenue', 'at least', '100000', '100000', 1, undefined, 'covered', true, true]
        ]);
        const revenue = analysis.goals[2];
        expect(revenue?.contributions.map(c => [c.kind, c.from, c.fromType, s(c.amount), c.shareOfTarget])).toEqual(
            [
                ['delivery', 'SpringSale', 'Campaign', '200000', 2 / 3],
                ['sub-goal', 'SouthRevenue', 'Goal', '100000', 1 / 3]
            ].map(row => row.map(v => (typeof v === 'number' ? Number(v.toFixed(12)) : v)))
        );
        expect(revenue?.subGoals).toEqual(['SouthRevenue']);
        expect(revenue?.forecast).toBe('RevenueQ1');
        expect(analysis.goals[0]?.servedBy).toEqual(['ContentPipeline']);
        expect(analysis.goals[1]?.servedBy).toEqual(['SpringSale']);
        expect(analysis.goals.map(g => [g.owner, g.ownerAssessed, g.monitored])).toEqual([
            ['alice', true, true],
            ['carol', true, true],
            ['carol', true, true],
            ['erin', true, true]
        ]);
    });

    test('budgets, implied cost per unit, cpa and the assumption', () => {
        const totals = analysis.budgetTotals;
        expect([
            s(totals.total),
            s(totals.channels),
            s(totals.campaigns),
            s(totals.allocated),
            s(totals.remaining),
            totals.unresolved
        ]).toEqual(['500000', '260000', '120000', '380000', '120000', 0]);
        expect(totals.items.map(i => [i.name, i.type, s(i.amount), i.share])).toEqual([
            ['SEO', 'Channel', '60000', 0.12],
            ['WeChatAds', 'Channel', '200000', 0.4],
            ['SpringSale', 'Campaign', '80000', 0.16],
            ['SouthRoadshow', 'Campaign', '40000', 0.08]
        ]);
        const [seo, ads] = analysis.channels;
        expect([seo?.unitMetric, s(seo?.unitsDelivered), s(seo?.impliedCostPerUnit), s(seo?.cpaLimit)]).toEqual([
            'signups',
            '6000',
            '10',
            undefined
        ]);
        expect([ads?.unitMetric, s(ads?.unitsDelivered), s(ads?.impliedCostPerUnit), s(ads?.cpaLimit), ads?.campaigns]).toEqual([
            'signups',
            '14000',
            '14.285714285714',
            '20',
            ['SpringSale']
        ]);
        const assumption = seo?.assumption;
        expect([
            s(assumption?.volume),
            s(assumption?.rate),
            s(assumption?.derived),
            assumption?.nextMetric,
            s(assumption?.delivered),
            assumption?.deviation,
            assumption?.funnel
        ]).toEqual(['150000', '4', '6000', 'signups', '6000', 0, 'Onboarding']);
    });

    test('campaigns', () => {
        expect(
            analysis.campaigns.map(c => [c.name, c.type, c.binding, c.via, c.owner, s(c.budget), c.serves, c.window?.start.day])
        ).toEqual([
            ['SpringSale', 'promotion', 'mandatory', 'WeChatAds', 'carol', '80000', ['Retention'], 20],
            ['SouthRoadshow', 'event', 'advisory', undefined, 'erin', '40000', [], 15]
        ]);
    });

    test('people: capacity from the imported team.ops, loads from this file', () => {
        expect(analysis.people.map(p => [p.name, s(p.capacity), s(p.load), p.loadRatio, p.hasAssessment])).toEqual([
            ['alice', '100', '0', 0, true],
            ['bob', '100', '60', 0.6, true],
            ['carol', '100', '0', 0, true],
            ['dave', '50', '0', 0, false],
            ['erin', '100', '0', 0, true],
            ['ceo', '100', '0', 0, false]
        ]);
        const bob = analysis.people[1];
        expect(bob?.assessedOn).toEqual(['SeedUsers', 'SEO']);
        expect(bob?.assignments.map(a => `${a.role} ${a.type} ${a.name}`)).toEqual([
            'owner Channel SEO',
            'responsible Workstream ContentPipeline'
        ]);
        expect(analysis.people[0]?.ownedGoals).toEqual(['SeedUsers']);
        expect(analysis.assessments.map(a => [a.person, s(a.totalWeight), a.kpis.length])).toEqual([
            ['bob', '100', 3],
            ['alice', '100', 1],
            ['carol', '100', 2],
            ['erin', '100', 1]
        ]);
        expect(analysis.assessments[0]?.kpis[2]).toMatchObject({ label: 'Articles published', per: 'week' });
        expect(analysis.workstreams[0]).toMatchObject({
            name: 'ContentPipeline',
            accountable: 'alice',
            consulted: ['carol'],
            informed: ['dave'],
            serves: ['SeedUsers']
        });
    });

    test('forecasts: range, median, spread, decision', () => {
        const f = analysis.forecasts[0];
        expect([
            f?.goal,
            s(f?.sales),
            s(f?.finance),
            s(f?.market),
            s(f?.decided),
            f?.decider,
            s(f?.min),
            s(f?.max),
            s(f?.median),
            f?.decisionInside,
            f?.matchesGoal,
            s(f?.goalTarget)
        ]).toEqual(['Revenue', '320000', '280000', '300000', '300000', 'ceo', '280000', '320000', '300000', true, true, '300000']);
        expect(f?.spread).toBeCloseTo(40 / 300, 12);
    });

    test('funnel, monitors, reviews, strategy', () => {
        expect(analysis.funnels.map(f => [f.name, f.steps, f.stepTargets.map(s), f.orderIssues])).toEqual([
            ['Onboarding', ['visits', 'signups', 'activated'], [undefined, '20000', undefined], []]
        ]);
        expect(
            analysis.monitors.map(m => [m.metric, m.byChannel, m.every, m.source, m.alert?.direction, s(m.alert?.threshold), m.alert?.per])
        ).toEqual([
            ['signups', true, 'day', 'GA4', 'below', '150', 'day'],
            ['revenue', false, 'week', 'Finance ledger', undefined, undefined, undefined],
            ['d30', false, 'week', 'Product analytics', undefined, undefined, undefined]
        ]);
        expect(analysis.metrics.get('signups')).toMatchObject({
            kind: 'count',
            monitored: true,
            monitoredByChannel: true,
            deliveredByChannels: ['SEO', 'WeChatAds']
        });
        expect(analysis.reviews.map(r => [r.name, r.owner, r.covers, r.asks.length, r.schedules.map(x => [x.every, x.weekday])])).toEqual([
            ['Weekly', 'alice', ['SeedUsers', 'Revenue'], 1, [['week', 'monday']]]
        ]);
        expect(analysis.hasReview).toBe(true);
        expect(analysis.strategies.map(x => [x.name, x.focus, x.suitsStage, x.goals])).toEqual([
            ['GrowUsers', 'acquisition', true, ['SeedUsers']]
        ]);
    });
});

describe('PlaybookAnalyzer: money, exactness and libraries', () => {
    test('money in another currency is converted exactly through fx (saas: 4k EUR at 1.08 = 4,320 USD)', async () => {
        const analysis = await analyzeExample('saas', 'saas.ops');
        const devops = analysis.campaigns.find(c => c.name === 'DevOpsDays');
        expect(s(devops?.budget)).toBe('4320');
        expect(s(analysis.budgetTotals.allocated)).toBe('32020');
        expect(s(analysis.goals.find(g => g.name === 'NewMRR')?.planned)).toBe('18500');
    });

    test('万 and 元 resolve exactly (shop: 320万元 = 3,200,000 CNY)', async () => {
        const analysis = await analyzeExample('shop', 'shop.ops');
        const sales = analysis.goals.find(g => g.name === '月销售额');
        expect([s(sales?.target), s(sales?.planned), sales?.status]).toEqual(['3200000', '3270000', 'covered']);
        expect(analysis.locale).toBe('zh-CN');
        expect(s(analysis.budgetTotals.allocated)).toBe('435000');
    });

    test('0.1 + 0.2 is exactly 0.3 in a sum of deliveries', async () => {
        const document = await check(`playbook P { currency CNY }
metric revenue money
goal G { target 0.3 revenue by 2027-03-31 }
channel A { delivers 0.1 revenue to G }
channel B { delivers 0.2 revenue to G }`);
        const analysis = (await import('../helpers.js')).services.Opsbook.analysis.PlaybookAnalyzer.analyze(document);
        expect([s(analysis.goals[0]?.planned), analysis.goals[0]?.coverage, analysis.goals[0]?.status]).toEqual(['0.3', 1, 'covered']);
    });

    test("an assumption's next step: the first funnel in which the metric's first occurrence has a next step", async () => {
        const document = await check(`playbook P { currency CNY }
metric visits count
metric signups count
metric paid count
funnel Last { signups -> visits }
funnel Twice { paid -> visits -> paid -> signups }
funnel First { visits -> signups }
funnel Later { visits -> paid }
goal G { target 100 signups by 2027-03-31 }
channel A { assumes 1000 visits at 10% delivers 80 signups to G }
channel B { assumes 1000 paid at 10% }
channel C { assumes 1000 signups at 10% }`);
        const analysis = (await import('../helpers.js')).services.Opsbook.analysis.PlaybookAnalyzer.analyze(document);
        const rows = analysis.channels.map(c => [c.name, c.assumption?.funnel, c.assumption?.nextMetric, s(c.assumption?.delivered)]);
        // visits: last in Last; in Twice its first occurrence leads to paid. paid: Twice (first occurrence).
        // signups: leads nowhere but in Last (its first step).
        expect(rows).toEqual([
            ['A', 'Twice', 'paid', '0'],
            ['B', 'Twice', 'visits', '0'],
            ['C', 'Last', 'visits', '0']
        ]);
    });

    test('a library file (no playbook) has people and metrics but no header', async () => {
        const analysis = await analyzeExample('growth', 'team.ops');
        expect([analysis.playbook, analysis.currency, analysis.period, analysis.budget, analysis.hasReview]).toEqual([
            undefined,
            'CNY',
            undefined,
            undefined,
            false
        ]);
        expect(analysis.people.map(p => p.name)).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'ceo']);
    });

    test('the analysis is computed once per workspace state and shared', async () => {
        const loaded = await loadFolder(path.join(EXAMPLES, 'growth'));
        const document = loaded.documents.get('growth.ops');
        const analyzer = loaded.services.Opsbook.analysis.PlaybookAnalyzer;
        expect(document && analyzer.analyze(document)).toBe(document && analyzer.analyze(document));
    });

    test('a value that cannot be resolved becomes a value issue, resolved once', async () => {
        const document = await check(`playbook P { currency CNY budget 5k GBP }
metric m count
goal G { target 10 m by 2027-02-30 }`);
        const analysis = (await import('../helpers.js')).services.Opsbook.analysis.PlaybookAnalyzer.analyze(document);
        expect(analysis.valueIssues.map(i => [i.rule, i.node.$type, i.property, i.detail.key])).toEqual([
            ['unit-mismatch', 'Money', 'currency', 'currencyNoFx'],
            ['invalid-date', 'DateLiteral', 'value', 'dateNotOnCalendar']
        ]);
        expect([analysis.budget, analysis.goals[0]?.deadline, s(analysis.goals[0]?.target)]).toEqual([undefined, undefined, '10']);
    });
});
