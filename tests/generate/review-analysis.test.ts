import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import type { Document } from '../../packages/language/src/generated/ast.js';
import type { PlaybookAnalysis } from '../../packages/language/src/analysis/model.js';
import {
    type ActualRow,
    analyzeReview,
    proRatedAmount,
    reviewDates,
    type ReviewWindow
} from '../../packages/language/src/analysis/review-analysis.js';
import {
    addDays,
    type CalendarDate,
    compareDates,
    formatDate,
    parseDate,
    weekday,
    weekdayIndex
} from '../../packages/language/src/values/date.js';
import { Decimal } from '../../packages/language/src/values/decimal.js';
import { parseReviewPeriod } from '../../packages/language/src/values/period.js';
import { check, services } from '../helpers.js';

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
    expect(document.diagnostics?.filter(d => d.severity === 1)).toEqual([]);
    return services.Opsbook.analysis.PlaybookAnalyzer.analyze(document);
}

const rows = (list: [string, string, string | undefined, string][]): ActualRow[] =>
    list.map(([date, metric, channel, value], i) => ({
        date: day(date),
        metric,
        ...(channel ? { channel } : {}),
        value: Decimal.of(value),
        line: i + 2
    }));

const PLAYBOOK = `
playbook P { stage growth period 2027-01-01 .. 2027-03-31 currency CNY budget 100k CNY }
person a
metric signups count
metric revenue money
metric d30 percent
goal Users { target 9000 signups by 2027-03-31 owner a }
goal Rev { target 90k revenue by 2027-03-31 owner a }
goal South { target 30k revenue by 2027-03-31 part of Rev owner a }
goal Keep { target at least 40% d30 by 2027-03-31 owner a }
channel Cheap { owner a budget 20k CNY delivers 3000 signups to Users }
channel Dear { owner a budget 60k CNY delivers 6000 signups to Users delivers 60k revenue to Rev }
campaign Road { window 2027-02-01 .. 2027-02-28 owner a budget 10k CNY delivers 30k revenue to South }
monitor signups { by channel every day }
monitor revenue { by channel every week }
monitor d30 { every week }
review Weekly { every week on monday owner a covers Users, Rev, South, Keep ask "Why?" }
review Retro { at 2027-02-20 owner a covers Users ask "What did the roadshow teach us?" }
`;

describe('reviewDates', () => {
    const q1 = { start: day('2027-01-01'), end: day('2027-03-31') };
    const dates = (schedule: object) =>
        reviewDates({ name: 'R', schedules: [schedule as never], covers: [], asks: [], node: undefined as never }, q1).map(formatDate);

    test('weekly on a weekday, Monday by default', () => {
        expect(dates({ every: 'week', weekday: 'monday' })).toHaveLength(13);
        expect(dates({ every: 'week', weekday: 'friday' }).slice(0, 2)).toEqual(['2027-01-01', '2027-01-08']);
        expect(dates({ every: 'week' })[0]).toBe('2027-01-04');
    });

    test('monthly on the last day, or on the first given weekday; quarterly on the quarter end', () => {
        expect(dates({ every: 'month' })).toEqual(['2027-01-31', '2027-02-28', '2027-03-31']);
        expect(dates({ every: 'month', weekday: 'monday' })).toEqual(['2027-01-04', '2027-02-01', '2027-03-01']);
        expect(dates({ every: 'quarter' })).toEqual(['2027-03-31']);
        expect(dates({ every: 'day' })).toHaveLength(90);
    });

    test('one-off dates only inside the range', () => {
        expect(dates({ date: day('2027-02-20') })).toEqual(['2027-02-20']);
        expect(dates({ date: day('2027-04-01') })).toEqual([]);
    });

    test('the same dates as walking the range day by day, over ranges across months and years', () => {
        // The definition the dates are computed from (the plan asks for them twice per review: computed
        // by kind, no longer by testing each day of the period).
        const dayByDay = (schedule: { every?: string; weekday?: string }, range: { start: CalendarDate; end: CalendarDate }) => {
            const target = schedule.weekday !== undefined ? weekdayIndex(schedule.weekday) : undefined;
            const found: string[] = [];
            for (let d = range.start; compareDates(d, range.end) <= 0; d = addDays(d, 1)) {
                const next = addDays(d, 1);
                const hit =
                    schedule.every === 'day'
                        ? target === undefined || weekday(d) === target
                        : schedule.every === 'week'
                          ? weekday(d) === (target ?? 0)
                          : schedule.every === 'month'
                            ? target === undefined
                                ? next.month !== d.month
                                : weekday(d) === target && d.day <= 7
                            : schedule.every === 'quarter' && next.month !== d.month && d.month % 3 === 0;
                if (hit) found.push(formatDate(d));
            }
            return found;
        };
        const starts = ['2026-11-17', '2027-01-01', '2027-02-28', '2028-02-27', '2027-12-31'];
        const lengths = [0, 1, 6, 30, 45, 92, 400];
        const schedules = [
            { every: 'day' },
            { every: 'day', weekday: 'wednesday' },
            ...['monday', 'thursday', 'sunday', undefined].flatMap(weekday => [
                { every: 'week', weekday },
                { every: 'month', weekday }
            ]),
            { every: 'quarter' }
        ].map(s => (s.weekday === undefined ? { every: s.every } : s));
        let compared = 0;
        for (const start of starts) {
            for (const length of lengths) {
                const range = { start: day(start), end: addDays(day(start), length) };
                for (const schedule of schedules) {
                    const review = { name: 'R', schedules: [schedule as never], covers: [], asks: [], node: undefined as never };
                    expect(reviewDates(review, range).map(formatDate), `${JSON.stringify(schedule)} ${start} +${length}`).toEqual(
                        dayByDay(schedule, range)
                    );
                    compared++;
                }
            }
        }
        expect(compared).toBe(5 * 7 * 11);
    });
});

describe('proRatedAmount', () => {
    const q1 = { start: day('2027-01-01'), end: day('2027-03-31') };
    test('is exact: 9,000 over 90 days is 3,000 on day 30, and nothing before the start', () => {
        expect(proRatedAmount(Decimal.of(9000), q1, day('2027-01-30'))).toEqual(Decimal.of(3000));
        expect(proRatedAmount(Decimal.of(9000), q1, day('2026-12-31'))).toEqual(Decimal.ZERO);
        expect(proRatedAmount(Decimal.of(9000), q1, day('2027-05-01'))).toEqual(Decimal.of(9000));
    });
});

describe('analyzeReview', () => {
    test('a template: targets to date of every covered goal and delivery, no actual, no status', async () => {
        const analysis = await analyze(PLAYBOOK);
        const review = analyzeReview(analysis, { window: period('2027-W05'), thresholds: THRESHOLDS });
        expect(formatDate(review.asOf)).toBe('2027-02-07');
        expect(review.reviews.map(r => r.name)).toEqual(['Weekly']);
        expect(review.reviewDates.map(d => `${d.review} ${formatDate(d.date)}`)).toEqual(['Weekly 2027-02-01']);
        const users = review.goals.find(g => g.goal.name === 'Users');
        expect(users?.targetToDate?.round(6).toString()).toBe('3800');
        expect(users?.actual).toBeUndefined();
        expect(users?.status).toBeUndefined();
        const keep = review.goals.find(g => g.goal.name === 'Keep');
        expect(keep).toMatchObject({ level: true, targetToDate: Decimal.of(40) });
        expect(keep?.elapsed).toBeUndefined();
        const road = review.deliveries.find(d => d.from === 'Road');
        expect(road?.targetToDate?.round(6).toString()).toBe('7500');
        expect(review.questions).toEqual([{ review: 'Weekly', text: 'Why?' }]);
        expect(review.reallocation).toBeUndefined();
    });

    test('a one-off review is held only in the window holding its date', async () => {
        const analysis = await analyze(PLAYBOOK);
        const review = analyzeReview(analysis, { window: period('2027-W07'), thresholds: THRESHOLDS });
        expect(review.reviews.map(r => r.name)).toEqual(['Weekly', 'Retro']);
        expect(review.questions.map(q => q.review)).toEqual(['Weekly', 'Retro']);
        const only = analyzeReview(analysis, { window: period('2027-W07'), thresholds: THRESHOLDS, review: 'Retro' });
        expect(only.goals.map(g => g.goal.name)).toEqual(['Users']);
    });

    test('actuals: sums to date, the latest level, sub-goals from their contributors, status bands', async () => {
        const analysis = await analyze(PLAYBOOK);
        const actuals = rows([
            ['2027-01-31', 'signups', 'Cheap', '1300'],
            ['2027-02-07', 'signups', 'Dear', '2300'],
            ['2027-02-08', 'signups', 'Dear', '5000'], // after the review date: not counted
            ['2026-12-31', 'signups', 'Dear', '5000'], // before the period: not counted
            ['2027-02-07', 'revenue', 'Road', '6000'],
            ['2027-02-07', 'revenue', 'Dear', '30000'],
            ['2027-02-07', 'revenue', undefined, '2000'],
            ['2027-01-31', 'd30', undefined, '45'],
            ['2027-02-07', 'd30', undefined, '37']
        ]);
        const review = analyzeReview(analysis, { window: period('2027-W05'), thresholds: THRESHOLDS, actuals });
        const goal = (name: string) => review.goals.find(g => g.goal.name === name);
        // Users: 3,600 of 3,800 to date = 94.7% → at risk.
        expect(goal('Users')).toMatchObject({ actual: Decimal.of(3600), status: 'at-risk' });
        expect(goal('Users')?.variance?.round(6).toString()).toBe('-200');
        // Rev counts every revenue row; South only what its contributor (Road) brought.
        expect(goal('Rev')?.actual).toEqual(Decimal.of(38000));
        expect(goal('Rev')?.status).toBe('on-track');
        expect(goal('South')?.actual).toEqual(Decimal.of(6000));
        // Keep is a level: the latest row, 37% of 40% = 92.5% → at risk.
        expect(goal('Keep')).toMatchObject({ actual: Decimal.of(37), status: 'at-risk' });
        // Road: 6,000 of 7,500 to date = 80% → at risk (the band is inclusive).
        expect(review.deliveries.find(d => d.from === 'Road')?.status).toBe('at-risk');
        expect(review.actualRowsUsed).toBe(7);
    });

    test('costs: spend rows, else the budget pro-rated; re-allocation toward the cheaper channel keeps the total', async () => {
        const analysis = await analyze(PLAYBOOK);
        const actuals = rows([
            ['2027-02-07', 'signups', 'Cheap', '1300'],
            ['2027-02-07', 'signups', 'Dear', '2300'],
            ['2027-02-07', 'spend', 'Dear', '23000']
        ]);
        const review = analyzeReview(analysis, { window: period('2027-W05'), thresholds: THRESHOLDS, actuals });
        const cheap = review.costs.find(c => c.name === 'Cheap');
        // 20k pro-rated to day 38 of 90 = 8,444.44; ÷ 1,300 signups.
        expect(cheap).toMatchObject({ spendSource: 'budget', units: Decimal.of(1300) });
        expect(cheap?.actualCostPerUnit?.round(2).toString()).toBe('6.5');
        expect(review.costs.find(c => c.name === 'Dear')).toMatchObject({
            spendSource: 'actual',
            spend: Decimal.of(23000),
            actualCostPerUnit: Decimal.of(10)
        });
        const group = review.reallocation?.groups[0];
        expect(group?.unitMetric).toBe('signups');
        expect(group?.total).toEqual(Decimal.of(80000));
        const proposed = Object.fromEntries(group?.rows.map(r => [r.channel, r.proposed.toString()]) ?? []);
        // Units bought: Cheap 20,000 ÷ 6.4957 = 3,078.9, Dear 60,000 ÷ 10 = 6,000 → a proportional split of
        // 27,130.4 / 52,869.6; half way from 20,000 / 60,000 is 23,565.2 / 56,434.8.
        expect(proposed).toEqual({ Cheap: '23565', Dear: '56435' });
        expect(Decimal.sum(group?.rows.map(r => r.proposed) ?? [])).toEqual(Decimal.of(80000));
    });

    test('channels without actuals keep their budget, and a lone channel has nothing to move toward', async () => {
        const analysis = await analyze(PLAYBOOK);
        const review = analyzeReview(analysis, {
            window: period('2027-W05'),
            thresholds: THRESHOLDS,
            actuals: rows([['2027-02-07', 'signups', 'Dear', '2300']])
        });
        const kept = Object.fromEntries(review.reallocation?.groups[0]?.rows.map(r => [r.channel, r.kept]) ?? []);
        expect(kept).toEqual({ Cheap: 'no-actuals', Dear: 'alone' });
        expect(review.reallocation?.groups[0]?.rows.every(r => r.change.isZero())).toBe(true);
    });
});
