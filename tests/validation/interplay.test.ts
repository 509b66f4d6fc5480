import { describe, expect, test } from 'vitest';
import { diagnoseEdit, diagnoseEdits } from './validation-helpers.js';

const rules = (lines: string[]) => lines.map(line => line.split(' ')[0]);

describe('interplay: one problem, one diagnostic', () => {
    test('an invalid deadline does not cascade into date-outside-period', async () => {
        expect(rules(await diagnoseEdit('target 2000 signups by 2027-03-31', 'target 2000 signups by 2027-04-31'))).toEqual([
            'invalid-date'
        ]);
    });

    test('an invalid window start silences date-outside-period, late-contribution and range-reversed', async () => {
        expect(rules(await diagnoseEdit('window 2027-02-01 .. 2027-02-14', 'window 2027-13-01 .. 2027-02-14'))).toEqual(['invalid-date']);
    });

    test('an invalid period silences date-outside-period for every date', async () => {
        expect(rules(await diagnoseEdit('period 2027-01-01 .. 2027-03-31', 'period 2027-01-01 .. 2027-02-29'))).toEqual(['invalid-date']);
    });

    test('a written but broken window is not also mandatory-unscheduled', async () => {
        expect(rules(await diagnoseEdit('window 2027-02-01 .. 2027-02-14', 'window 2027-02-14 .. 2027-02-01'))).toEqual(['range-reversed']);
    });

    test('a delivery to an unknown goal is one unresolved-reference: the goals of its metric wait for the fix', async () => {
        expect(await diagnoseEdit('delivers 800 signups to Signups', 'delivers 800 signups to Signup')).toEqual([
            "unresolved-reference 55:27-55:33 unknown goal 'Signup': did you mean 'Signups'?"
        ]);
    });

    test("a delivery of an unknown metric leaves the goal's sum unknown: no goal-undercovered", async () => {
        expect(await diagnoseEdit('delivers 800 signups to Signups', 'delivers 800 signup to Signups')).toEqual([
            "unresolved-reference 55:16-55:22 unknown metric 'signup': did you mean 'signups'?"
        ]);
    });

    test('a delivery in an unconvertible currency leaves the sum unknown: one unit-mismatch', async () => {
        expect(rules(await diagnoseEdit('delivers 60k CNY revenue to Revenue', 'delivers 60k GBP revenue to Revenue'))).toEqual([
            'unit-mismatch'
        ]);
    });

    test('an unknown owner is unresolved-reference, not owner-missing or owner-not-assessed', async () => {
        expect(
            rules(await diagnoseEdit('target 50k visits by 2027-03-31\n  owner ann', 'target 50k visits by 2027-03-31\n  owner anne'))
        ).toEqual(['unresolved-reference']);
    });

    test('an unknown person in a workstream is unresolved-reference, not capacity-overload', async () => {
        expect(rules(await diagnoseEdit('responsible ann 50%', 'responsible an 150%'))).toEqual(['unresolved-reference', 'percent-range']);
    });

    test('an unknown forecast goal silences the forecast rules that need it', async () => {
        expect(rules(await diagnoseEdit('forecast RevenueQ1 for Revenue {', 'forecast RevenueQ1 for Revenu {'))).toEqual([
            'unresolved-reference'
        ]);
    });

    test('an unknown stage silences stage-focus', async () => {
        expect(
            rules(
                await diagnoseEdits([
                    ['stage growth', 'stage declin'],
                    ['focus acquisition', 'focus acquisition']
                ])
            )
        ).toEqual(['unknown-value']);
    });

    test('a goal with an unknown metric is not metric-unmonitored', async () => {
        expect(rules(await diagnoseEdit('at least 30% d30', 'at least 30% d3'))).toEqual(['unresolved-reference']);
    });

    test('goal-unplanned silences goal-undercovered', async () => {
        const lines = await diagnoseEdits([
            ['goal Retention {', 'goal Extra {\n  target 10 signups by 2027-03-31\n  owner bo\n}\n\ngoal Retention {'],
            ['kpi Revenue weight 50%', 'kpi Revenue weight 40%  kpi Extra weight 10%']
        ]);
        expect(rules(lines)).toEqual(['goal-unplanned']);
    });

    test('a goal-cycle is reported instead of coverage rules for the goals on the loop', async () => {
        const lines = await diagnoseEdit('  owner bo\n}\n\ngoal Retention', '  owner bo\n  part of Revenue\n}\n\ngoal Retention');
        expect(rules(lines)).toEqual(['goal-cycle']);
    });

    test('while the file does not parse, plan rules wait; value rules still report', async () => {
        const lines = await diagnoseEdits([
            ['kind organic', 'kind organic ,'],
            ['budget 100k CNY', 'budget 80k CNY'],
            ['capacity 80%', 'capacity 180%']
        ]);
        expect(rules(lines)).toEqual(['syntax-error', 'percent-range']);
        expect(
            rules(
                await diagnoseEdits([
                    ['budget 100k CNY', 'budget 80k CNY'],
                    ['capacity 80%', 'capacity 180%']
                ])
            )
        ).toEqual(['budget-overrun', 'percent-range']);
    });
});
