import { describe, expect, test } from 'vitest';
import { dayFormatProblem, localToday, periodLabel } from '../../../packages/extension/src/review/period-labels.js';

// The periods come from the server (tests/lsp/review-periods.test.ts); the extension only names them.

describe('the review period quick pick', () => {
    test('relative periods by their relation to today, the others by unit and name', () => {
        const span = { start: '2027-02-15', end: '2027-02-21' };
        expect(periodLabel({ ...span, period: '2027-W07', unit: 'week', relation: 'this' })).toBe('This week');
        expect(periodLabel({ ...span, period: '2027-03', unit: 'month', relation: 'next' })).toBe('Next month');
        expect(periodLabel({ ...span, period: '2026-W53', unit: 'week', relation: 'first' })).toBe('First week');
        expect(periodLabel({ ...span, period: '2027-02', unit: 'month', relation: 'second' })).toBe('Second month');
        expect(periodLabel({ ...span, period: '2027-Q1', unit: 'quarter', relation: 'final' })).toBe('Final quarter');
        expect(periodLabel({ ...span, period: '2027-Q1', unit: 'quarter' })).toBe('Quarter 2027-Q1');
        expect(periodLabel({ ...span, period: '2026-W53', unit: 'week' })).toBe('Week 2026-W53');
    });

    test('a typed day must have the form YYYY-MM-DD before the server is asked', () => {
        expect(dayFormatProblem('2027-02-28')).toBeUndefined();
        expect(dayFormatProblem('2027-02-30')).toBeUndefined(); // on the calendar or not: the server says
        expect(dayFormatProblem('2027-2-3')).toBe('Write the day as YYYY-MM-DD, e.g. 2027-02-15.');
    });

    test('today is the local calendar day', () => {
        expect(localToday(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
    });
});
