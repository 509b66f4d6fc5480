import { describe, expect, test } from 'vitest';
import { CLEAN, diagnose, edit } from './validation-helpers.js';

/**
 * SPEC §3, "one error, the one to fix": a property given twice is `duplicate-property` and nothing
 * else — its first value counts everywhere (linking, the analysis, every rule) — and the second element
 * with a taken name is `duplicate-name` and nothing else: the copy is left out. Each case below gives the
 * ignored value or copy something that one other rule (named in the case) would report.
 */

const twice = (after: string, second: string) => edit(CLEAN, after, after + second);
const dupProperty = (line: number, from: number, to: number, phrase: string, type: string, first: number) =>
    `duplicate-property ${line}:${from}-${line}:${to} '${phrase}' appears twice in a ${type} (first at line ${first}): keep one`;

describe('duplicate-property: the first value counts, the second is reported once', () => {
    test.each([
        [
            'unresolved-reference (unknown person)',
            twice('target 60k revenue by 2027-03-31\n  owner bo\n', '  owner carl\n'),
            dupProperty(33, 3, 8, 'owner', 'goal', 32)
        ],
        [
            'owner-not-assessed (the second owner)',
            twice('target 60k revenue by 2027-03-31\n  owner bo\n', '  owner ann\n'),
            dupProperty(33, 3, 8, 'owner', 'goal', 32)
        ],
        [
            'goal-undercovered (a larger target)',
            twice('  target 2000 signups by 2027-03-31\n', '  target 9000 signups by 2027-03-31\n'),
            dupProperty(26, 3, 9, 'target', 'goal', 25)
        ],
        [
            'goal-overcommitted (a smaller target)',
            twice('  target 2000 signups by 2027-03-31\n', '  target 100 signups by 2027-03-31\n'),
            dupProperty(26, 3, 9, 'target', 'goal', 25)
        ],
        [
            'funnel-order (more signups than visits)',
            twice('  target 2000 signups by 2027-03-31\n', '  target 90k signups by 2027-03-31\n'),
            dupProperty(26, 3, 9, 'target', 'goal', 25)
        ],
        [
            'invalid-date',
            twice('  target 2000 signups by 2027-03-31\n', '  target 2000 signups by 2027-02-30\n'),
            dupProperty(26, 3, 9, 'target', 'goal', 25)
        ],
        [
            'date-outside-period',
            twice('  target 2000 signups by 2027-03-31\n', '  target 2000 signups by 2027-06-30\n'),
            dupProperty(26, 3, 9, 'target', 'goal', 25)
        ],
        [
            'unresolved-reference (unknown metric)',
            twice('  target 2000 signups by 2027-03-31\n', '  target 2000 signup by 2027-03-31\n'),
            dupProperty(26, 3, 9, 'target', 'goal', 25)
        ],
        ['goal-cycle', twice('  strategy Grow\n', '  part of Visits\n  part of Signups\n'), dupProperty(29, 3, 7, 'part of', 'goal', 28)],
        [
            'budget-overrun (a smaller playbook budget)',
            twice('  budget 100k CNY\n', '  budget 10k CNY\n'),
            dupProperty(8, 3, 9, 'budget', 'playbook', 7)
        ],
        ['unknown-value (stage)', twice('  stage growth\n', '  stage grwoth\n'), dupProperty(4, 3, 8, 'stage', 'playbook', 3)],
        [
            'unit-mismatch (another playbook currency)',
            twice('  currency CNY\n', '  currency USD\n'),
            dupProperty(6, 3, 11, 'currency', 'playbook', 5)
        ],
        [
            'range-reversed (period)',
            twice('  period 2027-01-01 .. 2027-03-31\n', '  period 2027-03-31 .. 2027-01-01\n'),
            dupProperty(5, 3, 9, 'period', 'playbook', 4)
        ],
        ['cpa-exceeded', twice('  cpa at most 20 CNY\n', '  cpa at most 0.5 CNY\n'), dupProperty(45, 3, 6, 'cpa at most', 'channel', 44)],
        [
            'assumption-mismatch',
            twice('  assumes 30k visits at 4%\n', '  assumes 30k visits at 10%\n'),
            dupProperty(46, 3, 10, 'assumes', 'channel', 45)
        ],
        [
            'number-too-large',
            twice('  budget 20k CNY\n', '  budget 9999999999999999 CNY\n'),
            dupProperty(44, 3, 9, 'budget', 'channel', 43)
        ],
        ['unknown-value (kind)', twice('  kind organic\n', '  kind organik\n'), dupProperty(42, 3, 7, 'kind', 'channel', 41)],
        [
            'range-reversed (window)',
            twice('  window 2027-02-01 .. 2027-02-14\n', '  window 2027-02-14 .. 2027-02-01\n'),
            dupProperty(61, 3, 9, 'window', 'campaign', 60)
        ],
        [
            'late-contribution and date-outside-period (window)',
            twice('  window 2027-02-01 .. 2027-02-14\n', '  window 2027-04-01 .. 2027-04-14\n'),
            dupProperty(61, 3, 9, 'window', 'campaign', 60)
        ],
        ['unknown-value (binding)', twice('  binding mandatory\n', '  binding maybe\n'), dupProperty(62, 3, 10, 'binding', 'campaign', 61)],
        [
            'unresolved-reference (accountable)',
            twice('  accountable ann\n', '  accountable zed\n'),
            dupProperty(72, 3, 14, 'accountable', 'workstream', 71)
        ],
        [
            'capacity-overload (a smaller capacity)',
            edit(CLEAN, 'person ann { capacity 80% }', 'person ann { capacity 80% capacity 10% }'),
            dupProperty(75, 27, 35, 'capacity', 'person', 75)
        ],
        [
            'percent-range (capacity)',
            edit(CLEAN, 'person ann { capacity 80% }', 'person ann { capacity 80% capacity 150% }'),
            dupProperty(75, 27, 35, 'capacity', 'person', 75)
        ],
        ['forecast-spread', twice('  sales 65k\n', '  sales 90k\n'), dupProperty(83, 3, 8, 'sales', 'forecast', 82)],
        [
            'forecast-decision-outside, goal-forecast-mismatch, unresolved-reference (decided … by)',
            twice('  decided 60k by bo\n', '  decided 90k by zed\n'),
            dupProperty(86, 3, 10, 'decided', 'forecast', 85)
        ],
        [
            'stage-focus',
            edit(CLEAN, 'strategy Grow { focus acquisition', 'strategy Grow { focus acquisition focus reactivation'),
            dupProperty(10, 35, 40, 'focus', 'strategy', 10)
        ],
        [
            'unknown-value (every)',
            edit(CLEAN, 'monitor d30 { every week', 'monitor d30 { every week every fortnight'),
            dupProperty(91, 26, 31, 'every', 'monitor', 91)
        ]
    ])('not %s', async (_rule, text, expected) => {
        expect(await diagnose(text)).toEqual([expected]);
    });

    test("a team's lead given twice is reported (the team's only property was missed), and the second lead is not linked", async () => {
        expect(await diagnose('person ann\nperson zed\nteam T { lead ann\n  lead zeb }\n')).toEqual([
            "duplicate-property 4:3-4:7 'lead' appears twice in a team (first at line 3): keep one"
        ]);
    });

    test('the first value is the one the analysis reads (owner 小李 then owner 小王: 小李 owns the goal)', async () => {
        const text = 'person 小李\nperson 小王\nassessment 小李 { kpi G weight 100% }\ngoal G {\n  owner 小李\n  owner 小王\n}\n';
        expect(await diagnose(text)).toEqual([
            "goal-unplanned 4:6-4:7 nothing delivers to, serves or decomposes G: add 'delivers … to G' to a channel or campaign, 'serves G' to a campaign or workstream, or a sub-goal 'part of G'",
            "duplicate-property 6:3-6:8 'owner' appears twice in a goal (first at line 5): keep one"
        ]);
    });
});

describe('duplicate-name: the copy is left out, only the duplicate is reported', () => {
    const copy = (element: string) => `${CLEAN}\n${element}\n`;
    const dupName = (from: number, to: number, name: string, type: string, line: number) =>
        `duplicate-name 100:${from}-100:${to} '${name}' is already defined as a ${type} at line ${line}: each name may be used once in a file and its imports`;
    test.each([
        [
            'goal-unplanned, owner-not-assessed, date-outside-period',
            'goal Visits { target 5 visits by 2028-01-01  owner bo }',
            dupName(6, 12, 'Visits', 'goal', 19)
        ],
        [
            'invalid-date, unresolved-reference, goal-cycle',
            'goal Visits { target 5 visits by 2027-02-30  owner zed  part of Visits }',
            dupName(6, 12, 'Visits', 'goal', 19)
        ],
        [
            'unresolved-reference, budget-overrun, goal-overcommitted',
            'channel Ads { owner xx  budget 500k CNY  delivers 10 visits to Visits }',
            dupName(9, 12, 'Ads', 'channel', 50)
        ],
        [
            'owner-missing, cpa-exceeded, assumption-mismatch',
            'channel Search { budget 20k CNY  cpa at most 1 CNY  assumes 1k visits at 50%  delivers 10 signups to Signups }',
            dupName(9, 15, 'Search', 'channel', 40)
        ],
        [
            'unknown-value, goal-overcommitted, channel-unattributed',
            'channel Ads { kind paidd  owner bo  delivers 900k visits to Visits  delivers 1 CNY revenue to Revenue }',
            dupName(9, 12, 'Ads', 'channel', 50)
        ],
        ['capacity-overload', 'person ann { capacity 10% }', dupName(8, 11, 'ann', 'person', 75)],
        ['percent-range', 'person ann { capacity 150% }', dupName(8, 11, 'ann', 'person', 75)],
        [
            'forecast-spread, forecast-decision-outside, goal-forecast-mismatch',
            'forecast RevenueQ1 for Revenue { sales 10k  finance 90k  market 50k  decided 1k by bo }',
            dupName(10, 19, 'RevenueQ1', 'forecast', 81)
        ],
        ['mandatory-unscheduled', 'campaign Launch { binding mandatory }', dupName(10, 16, 'Launch', 'campaign', 58)],
        [
            'late-contribution, date-outside-period',
            'campaign Launch { owner bo  window 2027-04-01 .. 2027-04-10  delivers 1 CNY revenue to Revenue }',
            dupName(10, 16, 'Launch', 'campaign', 58)
        ],
        [
            'range-reversed',
            'campaign Launch { owner bo  window 2027-03-10 .. 2027-03-01  serves Revenue }',
            dupName(10, 16, 'Launch', 'campaign', 58)
        ],
        ['stage-focus', 'strategy Grow { focus reactivation }', dupName(10, 14, 'Grow', 'strategy', 10)],
        [
            'owner-missing, capacity-overload',
            'workstream Content { responsible ann 100%  serves Visits }',
            dupName(12, 19, 'Content', 'workstream', 68)
        ],
        ['funnel-order', 'funnel Onboarding { signups -> visits }', dupName(8, 18, 'Onboarding', 'funnel', 17)],
        [
            'date-outside-period, unresolved-reference (review)',
            'review Weekly { at 2028-01-01  owner zed }',
            dupName(8, 14, 'Weekly', 'review', 93)
        ],
        [
            'budget-overrun, stage-focus (a second playbook of that name)',
            'playbook Clean { stage seed  budget 1 CNY }',
            dupName(10, 15, 'Clean', 'playbook', 2)
        ]
    ])('not %s', async (_rules, element, expected) => {
        expect(await diagnose(copy(element))).toEqual([expected]);
    });

    test('not metric-unmonitored or goal-unplanned for a copy on another metric', async () => {
        expect(await diagnose(`${CLEAN}\nmetric extra count\ngoal Visits { target 5 extra by 2027-03-31  owner ann }\n`)).toEqual([
            "duplicate-name 101:6-101:12 'Visits' is already defined as a goal at line 19: each name may be used once in a file and its imports"
        ]);
    });

    test('a second assessment of a person: not kpi-weights, and its KPIs do not count', async () => {
        expect(await diagnose(copy('assessment ann { kpi Visits weight 40% }'))).toEqual([
            "duplicate-name 100:12-100:15 ann already has an assessment at line 78: put all of a person's KPIs in one"
        ]);
    });

    test('not duplicate-property inside the copy', async () => {
        expect(await diagnose(copy('goal Visits { owner ann  owner bo }'))).toEqual([dupName(6, 12, 'Visits', 'goal', 19)]);
    });

    test('a review named like a person is still a review: not no-review', async () => {
        const text = 'playbook P { period 2027-Q1 }\nperson Weekly\nreview Weekly { every week }\n';
        expect(await diagnose(text)).toEqual([
            "duplicate-name 3:8-3:14 'Weekly' is already defined as a person at line 2: each name may be used once in a file and its imports"
        ]);
    });
});
