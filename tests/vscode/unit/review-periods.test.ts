import { describe, expect, test } from 'vitest';
import { invalidDayReason, isoWeek, localToday, month, quarter, reviewPeriodChoices } from '../../../packages/extension/src/review/review-periods.js';

const GROWTH_Q1 = { start: '2027-01-01', end: '2027-03-31' };
const summary = (choices: { label: string; period: string; span: { start: string; end: string } }[]) =>
    choices.map(c => `${c.label}: ${c.period} ${c.span.start}..${c.span.end}`);

describe('calendar periods', () => {
    test('ISO weeks belong to the year of their Thursday', () => {
        expect(isoWeek('2027-01-01').period).toBe('2026-W53'); // a Friday; 2026 starts on a Thursday
        expect(isoWeek('2027-01-01').span).toEqual({ start: '2026-12-28', end: '2027-01-03' });
        expect(isoWeek('2027-01-04').period).toBe('2027-W01');
        expect(isoWeek('2025-12-29').period).toBe('2026-W01');
        expect(isoWeek('2027-02-14').span).toEqual({ start: '2027-02-08', end: '2027-02-14' }); // a Sunday
    });

    test('months and quarters, leap days included', () => {
        expect(month('2028-02-10')).toMatchObject({ period: '2028-02', span: { start: '2028-02-01', end: '2028-02-29' } });
        expect(month('2027-12-31')).toMatchObject({ period: '2027-12', span: { start: '2027-12-01', end: '2027-12-31' } });
        expect(quarter('2027-05-31')).toMatchObject({ period: '2027-Q2', span: { start: '2027-04-01', end: '2027-06-30' } });
        expect(quarter('2027-12-01')).toMatchObject({ period: '2027-Q4', span: { start: '2027-10-01', end: '2027-12-31' } });
    });
});

describe('reviewPeriodChoices', () => {
    test('during the playbook: this and next, without periods after it', () => {
        expect(summary(reviewPeriodChoices(GROWTH_Q1, '2027-02-15').relative)).toEqual([
            'This week: 2027-W07 2027-02-15..2027-02-21',
            'Next week: 2027-W08 2027-02-22..2027-02-28',
            'This month: 2027-02 2027-02-01..2027-02-28',
            'Next month: 2027-03 2027-03-01..2027-03-31',
            'This quarter: 2027-Q1 2027-01-01..2027-03-31'
        ]);
    });

    test('before the playbook starts: its first periods', () => {
        expect(summary(reviewPeriodChoices(GROWTH_Q1, '2026-11-25').relative)).toEqual([
            'First week: 2026-W53 2026-12-28..2027-01-03',
            'Second week: 2027-W01 2027-01-04..2027-01-10',
            'First month: 2027-01 2027-01-01..2027-01-31',
            'Second month: 2027-02 2027-02-01..2027-02-28',
            'First quarter: 2027-Q1 2027-01-01..2027-03-31'
        ]);
    });

    test('after the playbook ended: its final periods', () => {
        expect(summary(reviewPeriodChoices(GROWTH_Q1, '2027-06-01').relative)).toEqual([
            'Final week: 2027-W13 2027-03-29..2027-04-04',
            'Final month: 2027-03 2027-03-01..2027-03-31',
            'Final quarter: 2027-Q1 2027-01-01..2027-03-31'
        ]);
    });

    test('every quarter, month and week of the playbook', () => {
        const all = reviewPeriodChoices(GROWTH_Q1, '2027-02-15').all.map(c => c.label);
        expect(all.slice(0, 5)).toEqual(['Quarter 2027-Q1', 'Month 2027-01', 'Month 2027-02', 'Month 2027-03', 'Week 2026-W53']);
        expect(all.at(-1)).toBe('Week 2027-W13');
        expect(all.filter(label => label.startsWith('Week'))).toHaveLength(14);
    });

    test('without a playbook period: the calendar around today', () => {
        const choices = reviewPeriodChoices(undefined, '2027-12-30');
        expect(choices.relative.map(c => c.period)).toEqual(['2027-W52', '2028-W01', '2027-12', '2028-01', '2027-Q4', '2028-Q1']);
        expect(choices.all).toEqual([]);
    });
});

describe('days typed by the user', () => {
    test('accepts calendar days only', () => {
        expect(invalidDayReason('2027-02-28')).toBeUndefined();
        expect(invalidDayReason('2027-02-30')).toBe('2027-02-30 is not on the calendar.');
        expect(invalidDayReason('2027-2-3')).toBe('Write the day as YYYY-MM-DD, e.g. 2027-02-15.');
    });

    test('today is the local calendar day', () => {
        expect(localToday(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
    });
});
