// SPEC §9 "Pacing" with §8: what is due of a contribution or a delivery by a date is computed once, in
// the analysis (`Contribution.pacing`, `DeliveryFigures.pacing`, `UpwardContribution.pacing`:
// milestones.ts contributionPacing), and the review only reads it. So the parent's row for a child
// playbook, the child's own review, and the parent's delivery rows agree to the cent.
import type { LangiumDocument } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import { dueAlong } from '../../packages/language/src/analysis/milestones.js';
import type { PlaybookAnalysis } from '../../packages/language/src/analysis/model.js';
import { analyzeReview, type ReviewAnalysis } from '../../packages/language/src/analysis/review-analysis.js';
import type { Document } from '../../packages/language/src/index.js';
import type { CalendarDate } from '../../packages/language/src/values/date.js';
import { parseDate } from '../../packages/language/src/values/date.js';
import { Decimal } from '../../packages/language/src/values/decimal.js';
import { loadWorkspace, type Workspace } from '../lsp/lsp-helpers.js';

const METRICS = 'metric revenue money\n';
// Revenue: 20M by July's end, 60M by August's end, 100M by the deadline; planned 30M + 5M + 10M here, 40M + 15M in East.
const HQ = `import "metrics.ops"
playbook HQ { period 2027-Q3 currency CNY }
goal Revenue {
  target 100M CNY revenue by 2027-09-30
  milestone 20M CNY revenue by 2027-07-31
  milestone 60M CNY revenue by 2027-08-31
}
goal Online {
  target 10M CNY revenue by 2027-09-30
  milestone 8M CNY revenue by 2027-08-31
  part of Revenue
}
channel Search { delivers 30M CNY revenue to Revenue  delivers 10M CNY revenue to Online }
campaign Launch { type promotion  window 2027-07-01 .. 2027-07-31  delivers 5M CNY revenue to Revenue }
`;
// East starts in August: its sub-goal is paced from there, its channel's share of Revenue like Revenue.
const EAST = `import "metrics.ops"
import "hq.ops"
playbook East { period 2027-08-01 .. 2027-09-30 currency CNY }
goal EastRevenue {
  target 40M CNY revenue by 2027-09-30
  milestone 10M CNY revenue by 2027-08-31
  part of Revenue
}
channel Dealers { delivers 40M CNY revenue to EastRevenue  delivers 15M CNY revenue to Revenue }
`;

function day(text: string): CalendarDate {
    const parsed = parseDate(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.date;
}

const cents = (amount: Decimal | undefined) => amount?.toFixed(2);

describe('the due figure of a contribution is the analysis’s pacing, read by the review', () => {
    let ws: Workspace;
    let hq: PlaybookAnalysis;
    let east: PlaybookAnalysis;
    const review = (analysis: PlaybookAnalysis, on: string): ReviewAnalysis =>
        analyzeReview(analysis, {
            window: { label: on, kind: 'day', range: { start: day(on), end: day(on) } },
            thresholds: { onTrack: 0.95, atRisk: 0.8 }
        });
    beforeAll(async () => {
        ws = await loadWorkspace([
            ['metrics.ops', METRICS],
            ['hq.ops', HQ],
            ['east.ops', EAST]
        ]);
        const analyze = (file: string) => ws.services.analysis.PlaybookAnalyzer.analyze(ws.doc(file) as LangiumDocument<Document>);
        hq = analyze('hq.ops');
        east = analyze('east.ops');
        for (const file of ['hq.ops', 'east.ops'])
            expect(
                ws
                    .doc(file)
                    .diagnostics?.filter(d => d.severity === 1 && d.code !== 'owner-missing')
                    .map(d => d.message)
            ).toEqual([]);
    });

    test('every contribution, own or another playbook’s, carries its schedule', () => {
        const revenue = hq.goals.find(g => g.name === 'Revenue')!;
        expect(revenue.contributions.map(c => `${c.from} ${c.file ?? '-'} ${c.pacing ? 'paced' : 'none'}`)).toEqual([
            'Search - paced',
            'Launch - paced',
            'Online - paced',
            'EastRevenue east.ops paced',
            'Dealers east.ops paced'
        ]);
        for (const owner of [...hq.channels, ...hq.campaigns, ...east.channels])
            for (const delivery of owner.deliveries) expect(delivery.pacing, `${owner.name} → ${delivery.goal}`).toBeDefined();
    });

    test.each([
        // 08-15: Search 6M + 12M × 15 ÷ 31, Launch all of July's 5M, Online 8M × 46 ÷ 62;
        // East: EastRevenue 10M × 15 ÷ 31 from its own start, Dealers 3M + 6M × 15 ÷ 31 like Revenue.
        ['2027-08-15', '22741935.48', '10741935.48'],
        // 07-20: Search 6M × 20 ÷ 31, Launch 5M × 20 ÷ 31, Online 8M × 20 ÷ 62; East: nothing of its sub-goal
        // before its period, Dealers 3M × 20 ÷ 31.
        ['2027-07-20', '9677419.35', '1935483.87'],
        // 08-31, on Revenue's and the sub-goals' milestones: 18M + 5M + 8M; East 10M + 9M.
        ['2027-08-31', '31000000.00', '19000000.00']
    ])('on %s the parts are the sums of their contributions’ schedules, and East’s part is East’s own review', (on, own, child) => {
        const revenue = review(hq, on).goals.find(g => g.goal.name === 'Revenue')!;
        const parts = revenue.parts ?? [];
        expect(parts.map(p => `${p.playbook} ${cents(p.targetToDate)}`)).toEqual([`HQ ${own}`, `East ${child}`]);
        for (const part of parts) {
            const contributions = revenue.goal.contributions.filter(c => (c.playbook ?? 'HQ') === part.playbook);
            expect(cents(part.targetToDate)).toBe(cents(Decimal.sum(contributions.map(c => dueAlong(c.pacing!, day(on))))));
        }
        // The child's review: its sub-goal's target to date plus its channel's row toward Revenue.
        const childReview = review(east, on);
        const eastRevenue = childReview.goals.find(g => g.goal.name === 'EastRevenue')!;
        const dealers = childReview.deliveries.find(d => d.from === 'Dealers' && d.delivery.goal === 'Revenue')!;
        expect(cents((eastRevenue.targetToDate as Decimal).add(dealers.targetToDate as Decimal))).toBe(child);
    });

    test('a delivery row is due like its contribution to the goal, and a channel’s share of a sub-goal like the sub-goal', () => {
        const on = day('2027-08-15');
        const figures = review(hq, '2027-08-15');
        const row = (from: string, goal: string) => figures.deliveries.find(d => d.from === from && d.delivery.goal === goal)!;
        const search = hq.goals.find(g => g.name === 'Revenue')!.contributions.find(c => c.from === 'Search')!;
        expect(cents(row('Search', 'Revenue').targetToDate)).toBe(cents(dueAlong(search.pacing!, on)));
        expect(cents(row('Search', 'Revenue').targetToDate)).toBe('11806451.61');
        expect(cents(row('Search', 'Online').targetToDate)).toBe(cents(figures.goals.find(g => g.goal.name === 'Online')!.targetToDate));
        expect(row('Launch', 'Revenue').range).toEqual({ start: day('2027-07-01'), end: day('2027-07-31') });
        expect(cents(row('Launch', 'Revenue').targetToDate)).toBe('5000000.00');
    });
});
