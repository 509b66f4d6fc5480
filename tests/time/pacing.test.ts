import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Document } from '../../packages/language/src/generated/ast.js';
import type { PlaybookAnalysis } from '../../packages/language/src/analysis/model.js';
import { type ActualRow, analyzeReview, previousWindow, type ReviewWindow } from '../../packages/language/src/analysis/review-analysis.js';
import { type CalendarDate, formatDate, parseDate } from '../../packages/language/src/values/date.js';
import { Decimal } from '../../packages/language/src/values/decimal.js';
import { formatRange, parseReviewPeriod } from '../../packages/language/src/values/period.js';
import { windowOfDay } from '../../packages/language/src/usecases/review-window.js';
import { check, services } from '../helpers.js';

/** SPEC §9 pacing (analysis/milestones.ts targetDue through analyzeReview) and period-over-period figures. */
const THRESHOLDS = { onTrack: 0.95, atRisk: 0.8 };

function day(text: string): CalendarDate {
    const parsed = parseDate(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.date;
}

function period(text: string): ReviewWindow {
    const parsed = parseReviewPeriod(text);
    if (!parsed.ok) throw new Error(parsed.message);
    return { label: text, kind: parsed.kind, range: parsed.range };
}

async function analyze(text: string): Promise<PlaybookAnalysis> {
    const document = (await check(text)) as LangiumDocument<Document>;
    expect(document.diagnostics?.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
    return services.Opsbook.analysis.PlaybookAnalyzer.analyze(document);
}

// 92 days; Sales: 0 → 2,000 by 07-31 (31 days), → 5,000 by 08-31 (31 days), → 9,000 by 09-30 (30 days).
const PLAYBOOK = `
playbook P { period 2027-Q3 currency CNY budget 100k CNY }
person a
metric sales money
metric orders count
metric d30 percent
goal Sales { target 9000 CNY sales by 2027-09-30  milestone 2000 sales by 2027-07-31  milestone 5000 sales by 2027-08-31  owner a }
goal Orders { target 920 orders by 2027-09-30 owner a }
goal Retention { target at least 30% d30 by 2027-09-30  milestone 20% d30 by 2027-08-15  owner a }
channel Ads { owner a budget 50k CNY delivers 4500 CNY sales to Sales delivers 920 orders to Orders }
campaign Fair { owner a window 2027-09-01 .. 2027-09-10 budget 10k CNY delivers 4500 CNY sales to Sales }
`;

const due = async (date: string) => {
    const review = analyzeReview(await analyze(PLAYBOOK), { window: windowOfDay(day(date)), thresholds: THRESHOLDS });
    const goal = (name: string) =>
        review.goals
            .find(g => g.goal.name === name)
            ?.targetToDate?.round(2)
            .toString();
    const delivery = (from: string, goal: string) =>
        review.deliveries
            .find(d => d.from === from && d.delivery.goal === goal)
            ?.targetToDate?.round(2)
            .toString();
    return {
        sales: goal('Sales'),
        orders: goal('Orders'),
        retention: goal('Retention'),
        ads: delivery('Ads', 'Sales'),
        fair: delivery('Fair', 'Sales')
    };
};

describe('pacing by milestones', () => {
    test('piecewise linear through the milestones; a goal without milestones stays linear', async () => {
        // Day 1: one 31st of the first 2,000.
        expect(await due('2027-07-01')).toEqual({ sales: '64.52', orders: '10', retention: '20', ads: '32.26', fair: '0' });
        // On a milestone's date its amount is due exactly.
        expect(await due('2027-07-31')).toEqual({ sales: '2000', orders: '310', retention: '20', ads: '1000', fair: '0' });
        // The day after: 2,000 + 3,000 ÷ 31.
        expect(await due('2027-08-01')).toEqual({ sales: '2096.77', orders: '320', retention: '20', ads: '1048.39', fair: '0' });
        // After the level milestone, the level due is the target's; 5,000 + 4,000 × 5 ÷ 30; the campaign is paced over its window (5 of 10 days).
        expect(await due('2027-09-05')).toEqual({ sales: '5666.67', orders: '670', retention: '30', ads: '2833.33', fair: '2250' });
        expect(await due('2027-09-30')).toEqual({ sales: '9000', orders: '920', retention: '30', ads: '4500', fair: '4500' });
    });

    test('a milestone out of order is left out of the pacing (milestone-order reports it)', async () => {
        const analysis = await analyze(PLAYBOOK);
        const sales = analysis.goals.find(g => g.name === 'Sales');
        expect(sales?.pacing.map(m => formatDate(m.date as CalendarDate))).toEqual(['2027-07-31', '2027-08-31']);
        const broken = await check(PLAYBOOK.replace('milestone 5000 sales by 2027-08-31', 'milestone 1000 sales by 2027-08-31'));
        const figures = services.Opsbook.analysis.PlaybookAnalyzer.analyze(broken as LangiumDocument<Document>).goals.find(
            g => g.name === 'Sales'
        );
        expect(figures?.milestoneIssues.map(i => i.kind)).toEqual(['amount-order']);
        expect(figures?.pacing.map(m => formatDate(m.date as CalendarDate))).toEqual(['2027-07-31']);
    });
});

const rows = (list: [string, string, string | undefined, string][]): ActualRow[] =>
    list.map(([date, metric, channel, value], i) => ({
        date: day(date),
        metric,
        ...(channel ? { channel } : {}),
        value: Decimal.of(value),
        line: i + 2
    }));

describe('period over period', () => {
    test('the previous period of the same kind', () => {
        const previous = (text: string) => {
            const p = previousWindow(text.length === 10 ? windowOfDay(day(text)) : period(text));
            return `${p.label} ${formatRange(p.range)}`;
        };
        expect(previous('2027-W01')).toBe('2026-W53 2026-12-28 .. 2027-01-03');
        expect(previous('2027-03')).toBe('2027-02 2027-02-01 .. 2027-02-28');
        expect(previous('2027-Q1')).toBe('2026-Q4 2026-10-01 .. 2026-12-31');
        expect(previous('2027')).toBe('2026 2026-01-01 .. 2026-12-31');
        expect(previous('2027-03-01')).toBe('2027-02-28 2027-02-28 .. 2027-02-28');
    });

    test('this period, the previous one, the change and the figure to date; levels take the latest row', async () => {
        const actuals = rows([
            ['2027-07-20', 'sales', 'Ads', '300'],
            ['2027-07-21', 'sales', 'Ads', '100'],
            ['2027-07-27', 'sales', 'Ads', '500'],
            ['2027-07-27', 'sales', 'Fair', '50'],
            ['2027-07-20', 'd30', undefined, '18'],
            ['2027-07-22', 'd30', undefined, '21'],
            ['2027-07-28', 'd30', undefined, '19.5'],
            ['2027-07-28', 'orders', 'Ads', '40']
        ]);
        const review = analyzeReview(await analyze(PLAYBOOK), { window: period('2027-W30'), thresholds: THRESHOLDS, actuals });
        expect(review.periodOverPeriod).toMatchObject({ current: { label: '2027-W30' }, previous: { label: '2027-W29' }, datedRows: 8 });
        const text = (p: { current?: Decimal; previous?: Decimal; change?: Decimal; changeRatio?: number } | undefined) =>
            p && [p.current?.toString(), p.previous?.toString(), p.change?.toString(), p.changeRatio?.toFixed(4)];
        const goal = (name: string) => review.goals.find(g => g.goal.name === name);
        expect(text(goal('Sales')?.periods)).toEqual(['550', '400', '150', '0.3750']);
        expect(goal('Sales')?.actual?.toString()).toBe('950');
        expect(text(goal('Retention')?.periods)).toEqual(['19.5', '21', '-1.5', undefined]);
        expect(text(goal('Orders')?.periods)).toEqual(['40', undefined, '40', undefined]);
        expect(text(review.deliveries.find(d => d.from === 'Ads' && d.delivery.goal === 'Sales')?.periods)).toEqual([
            '500',
            '400',
            '100',
            '0.2500'
        ]);
    });

    test('no row dated in either period: no figures, and the comparison says so (the documents state the fallback)', async () => {
        const actuals = rows([['2027-07-05', 'sales', 'Ads', '300']]);
        const review = analyzeReview(await analyze(PLAYBOOK), { window: period('2027-W30'), thresholds: THRESHOLDS, actuals });
        expect(review.periodOverPeriod?.datedRows).toBe(0);
        expect(review.goals.map(g => g.periods)).toEqual([undefined, undefined, undefined]);
        expect(review.goals[0]?.actual?.toString()).toBe('300');
    });
});
