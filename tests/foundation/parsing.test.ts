import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
    Campaign,
    Channel,
    Forecast,
    Goal,
    Monitor,
    Playbook,
    Review,
    Workstream,
    Assessment,
    Person,
    Funnel,
    Metric
} from '../../packages/language/src/index.js';
import { parse } from '../helpers.js';

/** Parses text and fails the test on any lexer or parser error. */
async function parseClean(text: string) {
    const document = await parse(text);
    const errors = [...document.parseResult.lexerErrors.map(e => e.message), ...document.parseResult.parserErrors.map(e => e.message)];
    expect(errors).toEqual([]);
    return document.parseResult.value;
}

describe('every construct of SPEC §1–3 parses into the expected AST', () => {
    it('parses the complete SPEC example (growth.ops and team.ops)', async () => {
        const growth = await parseClean(fs.readFileSync('examples/growth/growth.ops', 'utf8'));
        const team = await parseClean(fs.readFileSync('examples/growth/team.ops', 'utf8'));
        expect(growth.elements.map(e => e.$type)).toEqual([
            'Import',
            'Playbook',
            'Strategy',
            'Metric',
            'Metric',
            'Metric',
            'Metric',
            'Metric',
            'Funnel',
            'Goal',
            'Goal',
            'Goal',
            'Goal',
            'Channel',
            'Channel',
            'Campaign',
            'Campaign',
            'Workstream',
            'Assessment',
            'Assessment',
            'Assessment',
            'Assessment',
            'Forecast',
            'Monitor',
            'Monitor',
            'Monitor',
            'Review'
        ]);
        expect(team.elements.map(e => (e as Person).name)).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'ceo', 'Marketing', 'Sales']);
    });

    it('playbook properties: product, stage, period range and shorthand, currency, fx, budget, locale', async () => {
        const root = await parseClean(`playbook P "T" {
  product "Acme"
  stage growth
  period 2027-01-01 .. 2027-03-31
  currency CNY
  fx USD = 7.1 CNY
  fx EUR = 7.8 CNY
  budget 60万元
  locale zh-CN
}
playbook Q { period 2027-Q1 }
playbook R { period 2027-02 }
playbook S { period 2027 }`);
        const [p, q, r, s] = root.elements as Playbook[];
        expect(p.title).toBe('T');
        expect(p.product).toBe('Acme');
        expect(p.stage).toBe('growth');
        expect(p.period?.range?.start.value).toBe('2027-01-01');
        expect(p.period?.range?.end.value).toBe('2027-03-31');
        expect(p.currency).toBe('CNY');
        expect(p.fx.map(f => [f.from, f.rate, f.to])).toEqual([
            ['USD', '7.1', 'CNY'],
            ['EUR', '7.8', 'CNY']
        ]);
        expect([p.budget?.value, p.budget?.currency]).toEqual(['60万', '元']);
        expect(p.locale).toBe('zh-CN');
        expect([q.period?.shorthand, r.period?.shorthand, s.period?.shorthand]).toEqual(['2027-Q1', '2027-02', '2027']);
    });

    it('goal targets: plain, at least, at most, money with and without currency, percent; part of, owner, strategy', async () => {
        const root = await parseClean(`goal A "Acquire" { target 2万 signups by 2027-03-31 owner alice strategy S }
goal B { target at least 35% d30 by 2027-03-31 }
goal C { target at most 4.35亿 CNY GMV by 2027-03-31 part of A }
goal D { target 300k GMV by 2027-03-31 }`);
        const [a, b, c, d] = root.elements as Goal[];
        expect([a.target?.quantity.value, a.target?.quantity.metric.$refText, a.target?.deadline.value]).toEqual([
            '2万',
            'signups',
            '2027-03-31'
        ]);
        expect([a.owner?.$refText, a.strategy?.$refText]).toEqual(['alice', 'S']);
        expect([b.target?.atLeast, b.target?.quantity.percent, b.target?.quantity.metric.$refText]).toEqual([true, '35%', 'd30']);
        expect([
            c.target?.atMost,
            c.target?.quantity.value,
            c.target?.quantity.currency,
            c.target?.quantity.metric.$refText,
            c.parent?.$refText
        ]).toEqual([true, '4.35亿', 'CNY', 'GMV', 'A']);
        expect([d.target?.quantity.value, d.target?.quantity.currency, d.target?.quantity.metric.$refText]).toEqual([
            '300k',
            undefined,
            'GMV'
        ]);
    });

    it('channels: kind, owner, budget, cpa, assumes, repeated delivers', async () => {
        const root = await parseClean(`channel SEO "Search" {
  kind organic owner bob budget 60k CNY cpa at most 20 CNY
  assumes 150k visits at 4%
  delivers 6000 signups to SeedUsers
  delivers 300k CNY GMV to Revenue
}`);
        const seo = root.elements[0] as Channel;
        expect([seo.kind, seo.owner?.$refText, seo.budget?.value, seo.budget?.currency, seo.cpa?.value]).toEqual([
            'organic',
            'bob',
            '60k',
            'CNY',
            '20'
        ]);
        expect([seo.assumes?.volume, seo.assumes?.metric.$refText, seo.assumes?.rate]).toEqual(['150k', 'visits', '4%']);
        expect(seo.delivers.map(d => [d.quantity.value, d.quantity.currency, d.quantity.metric.$refText, d.goal.$refText])).toEqual([
            ['6000', undefined, 'signups', 'SeedUsers'],
            ['300k', 'CNY', 'GMV', 'Revenue']
        ]);
    });

    it('campaigns, workstreams, assessments, forecasts, monitors, reviews, funnels, metrics', async () => {
        const root = await parseClean(`metric GMV "Gross" money
funnel F { visits -> signups -> activated }
campaign S { type promotion window 2027-01-20 .. 2027-02-10 binding mandatory region "National" via Ads owner carol budget 80k CNY
  delivers 200k CNY revenue to Revenue serves Retention, Other }
workstream W "Pipeline" { responsible bob 60% responsible al accountable alice consulted carol, dave informed erin serves SeedUsers }
assessment bob { kpi SeedUsers weight 40% kpi "Articles published" target 10 per week weight 20% }
forecast RevenueQ1 for Revenue { sales 320k CNY finance 280k CNY market 300k CNY decided 300k CNY by ceo }
monitor signups { by channel every day source "GA4" alert below 150 per day }
review Weekly "Weekly" { every week on monday at 2027-02-01 owner alice covers SeedUsers, Revenue ask "Which channel?" ask "Why?" }`);
        const [metric, funnel, campaign, workstream, assessment, forecast, monitor, review] = root.elements as [
            Metric,
            Funnel,
            Campaign,
            Workstream,
            Assessment,
            Forecast,
            Monitor,
            Review
        ];
        expect([metric.name, metric.title, metric.kind]).toEqual(['GMV', 'Gross', 'money']);
        expect(funnel.steps.map(s => s.$refText)).toEqual(['visits', 'signups', 'activated']);
        expect([
            campaign.type,
            campaign.window?.start.value,
            campaign.window?.end.value,
            campaign.binding,
            campaign.region,
            campaign.via?.$refText
        ]).toEqual(['promotion', '2027-01-20', '2027-02-10', 'mandatory', 'National', 'Ads']);
        expect(campaign.serves.map(s => s.$refText)).toEqual(['Retention', 'Other']);
        expect(workstream.responsible.map(r => [r.person.$refText, r.share])).toEqual([
            ['bob', '60%'],
            ['al', undefined]
        ]);
        expect([
            workstream.accountable?.$refText,
            workstream.consulted.map(c => c.$refText),
            workstream.informed.map(c => c.$refText)
        ]).toEqual(['alice', ['carol', 'dave'], ['erin']]);
        expect(assessment.kpis.map(k => [k.subject?.$refText, k.label, k.kpiTarget, k.per, k.weight])).toEqual([
            ['SeedUsers', undefined, undefined, undefined, '40%'],
            [undefined, 'Articles published', '10', 'week', '20%']
        ]);
        expect([
            forecast.goal.$refText,
            forecast.sales?.value,
            forecast.finance?.currency,
            forecast.decided?.value,
            forecast.decider?.$refText
        ]).toEqual(['Revenue', '320k', 'CNY', '300k', 'ceo']);
        expect([
            monitor.metric.$refText,
            monitor.byChannel,
            monitor.every,
            monitor.source,
            monitor.alert?.direction,
            monitor.alert?.threshold,
            monitor.alert?.per
        ]).toEqual(['signups', true, 'day', 'GA4', 'below', '150', 'day']);
        expect(review.schedules.map(s => [s.every, s.weekday, s.date?.value])).toEqual([
            ['week', 'monday', undefined],
            [undefined, undefined, '2027-02-01']
        ]);
        expect(review.asks).toEqual(['Which channel?', 'Why?']);
    });

    it('blocks may be left out; titles are optional; comments of both styles', async () => {
        const root = await parseClean(`// line comment
person ceo /* block
comment */ person bob "Bob"
team Sales`);
        expect(root.elements.map(e => [(e as Person).name, (e as Person).title])).toEqual([
            ['ceo', undefined],
            ['bob', 'Bob'],
            ['Sales', undefined]
        ]);
    });
});

describe('lexical rules (SPEC §2)', () => {
    it('keeps names that contain keywords whole and accepts Unicode names', async () => {
        const root = await parseClean(
            'metric attendance count\nmetric seed_users count\nmetric onboarding count\nmetric events count\nmetric engagement count\nmetric 渠道A count\nmetric 小王_3 count\nmetric at_least count'
        );
        expect(root.elements.map(e => (e as Metric).name)).toEqual([
            'attendance',
            'seed_users',
            'onboarding',
            'events',
            'engagement',
            '渠道A',
            '小王_3',
            'at_least'
        ]);
    });

    it('lets keywords serve as names, and ^ escape any keyword', async () => {
        const root = await parseClean('metric budget count\nperson owner\ngoal ^by { owner owner }\nperson ^to');
        expect(root.elements.map(e => (e as Person).name)).toEqual(['budget', 'owner', 'by', 'to']);
        expect((root.elements[2] as Goal).owner?.$refText).toBe('owner');
    });

    it('decodes string escapes', async () => {
        const root = await parseClean('person x { role "say \\"hi\\" \\\\ done\\nnext" }');
        expect((root.elements[0] as Person).role).toBe('say "hi" \\ done\nnext');
    });

    it('keeps number suffixes and separators in one token', async () => {
        const root = await parseClean(
            'goal A { target 20_000 signups by 2027-03-31 }\ngoal B { target 1.2M signups by 2027-03-31 }\ngoal C { target 4.35亿 signups by 2027-03-31 }'
        );
        expect(root.elements.map(e => (e as Goal).target?.quantity.value)).toEqual(['20_000', '1.2M', '4.35亿']);
    });
});
