import { describe, expect, test } from 'vitest';
import { diagnoseEdits } from './validation-helpers.js';

/**
 * Plan rules (SPEC §5): each fires with its numbers, on the property that is wrong, and stays silent at the limit.
 * Each row: what the case shows, the edits made to tests/fixtures/validation/clean.ops (which breaks
 * no rule), and every diagnostic expected afterwards as `rule line:col-line:col message`.
 */
const CASES: [string, [string, string][], string[]][] = [
    [
        'goal-undercovered: message with planned, target, %, shortfall, on the target',
        [['delivers 800 signups to Signups', 'delivers 600 signups to Signups']],
        [
            'goal-undercovered 25:10-25:36 Signups: channels deliver 1,800 of 2,000 signups (90%), 200 short; plan 200 more or lower the target'
        ]
    ],
    [
        'goal-undercovered: a money goal short of its target',
        [['delivers 60k CNY revenue to Revenue', 'delivers 45k CNY revenue to Revenue']],
        [
            'goal-undercovered 31:10-31:35 Revenue: campaigns deliver 45,000 CNY of 60,000 CNY revenue (75%), 15,000 CNY short; plan 15,000 CNY more or lower the target'
        ]
    ],
    [
        'goal-undercovered: deliveries in another currency are converted (5k USD = 35k CNY)',
        [['delivers 60k CNY revenue to Revenue', 'delivers 5k USD revenue to Revenue']],
        [
            'goal-undercovered 31:10-31:35 Revenue: campaigns deliver 35,000 CNY of 60,000 CNY revenue (58%), 25,000 CNY short; plan 25,000 CNY more or lower the target'
        ]
    ],
    [
        'exactly covered through fx stays silent (60k CNY = 60k/7 USD is not exact, 7k USD = 49k CNY + 11k)',
        [['delivers 60k CNY revenue to Revenue', 'delivers 7k USD revenue to Revenue\n  delivers 11k revenue to Revenue']],
        []
    ],
    [
        'goal-undercovered: a sub-goal counts toward its parent',
        [
            ['delivers 60k CNY revenue to Revenue', 'delivers 40k CNY revenue to Revenue\n  delivers 10k CNY revenue to South'],
            ['goal Retention {', 'goal South {\n  target 10k revenue by 2027-03-31\n  part of Revenue\n  owner bo\n}\n\ngoal Retention {'],
            ['kpi Revenue weight 50%', 'kpi Revenue weight 40%  kpi South weight 10%']
        ],
        [
            'goal-undercovered 31:10-31:35 Revenue: deliveries and sub-goals add up to 50,000 CNY of 60,000 CNY revenue (83%), 10,000 CNY short; plan 10,000 CNY more or lower the target'
        ]
    ],
    [
        'goal-undercovered: served by a workstream, but nothing delivers a number',
        [
            ['goal Retention {', 'goal Extra {\n  target 10 signups by 2027-03-31\n  owner bo\n}\n\ngoal Retention {'],
            ['  serves Signups\n', '  serves Signups, Extra\n'],
            ['kpi Revenue weight 50%', 'kpi Revenue weight 40%  kpi Extra weight 10%']
        ],
        [
            "goal-undercovered 36:10-36:34 Extra: nothing delivers a number to it, 0 of 10 signups planned; add 'delivers … to Extra' to the channels and campaigns that work on it"
        ]
    ],
    [
        'goal-overcommitted: above 150% of the target',
        [['target 2000 signups', 'target 1000 signups']],
        [
            'goal-overcommitted 25:10-25:36 Signups: channels deliver 2,000 of 1,000 signups (200%), more than 150% of the target; 1,000 more than needed is promised: lower the deliveries or raise the target'
        ]
    ],
    ['140% of the target is not overcommitted', [['target 2000 signups', 'target 1500 signups']], []],
    [
        'goal-unplanned',
        [['  serves Retention\n', '']],
        [
            "goal-unplanned 35:6-35:15 nothing delivers to, serves or decomposes Retention: add 'delivers … to Retention' to a channel or campaign, 'serves Retention' to a campaign or workstream, or a sub-goal 'part of Retention'"
        ]
    ],
    [
        'goal-cycle: both goals of the loop',
        [
            [
                'goal Revenue {',
                'goal A { target 5 signups by 2027-03-31 part of B owner ann }\ngoal B { target 5 signups by 2027-03-31 part of A owner ann }\ngoal Revenue {'
            ]
        ],
        [
            "goal-cycle 30:49-30:50 'part of' goes round in a loop: A → B → A; a goal cannot be part of itself",
            "owner-not-assessed 30:57-30:60 ann owns A, but ann's assessment does not name it: add 'kpi A weight …%' to assessment ann",
            "goal-cycle 31:49-31:50 'part of' goes round in a loop: B → A → B; a goal cannot be part of itself",
            "owner-not-assessed 31:57-31:60 ann owns B, but ann's assessment does not name it: add 'kpi B weight …%' to assessment ann"
        ]
    ],
    [
        'goal-cycle: a goal part of itself',
        [['  owner bo\n}\n\ngoal Retention', '  owner bo\n  part of Revenue\n}\n\ngoal Retention']],
        ["goal-cycle 33:11-33:18 'part of' goes round in a loop: Revenue → Revenue; a goal cannot be part of itself"]
    ],
    [
        'budget-overrun: on the playbook budget, with both sums',
        [['budget 100k CNY', 'budget 80k CNY']],
        [
            'budget-overrun 7:10-7:17 channel and campaign budgets add up to 85,000 CNY (channels 55,000 CNY, campaigns 30,000 CNY), 5,000 CNY over the playbook budget of 80,000 CNY: cut budgets or raise the playbook budget'
        ]
    ],
    ['a budget exactly used up stays silent', [['budget 100k CNY', 'budget 85k CNY']], []],
    [
        'cpa-exceeded: on the cpa at most line, with the fix',
        [['cpa at most 20 CNY', 'cpa at most 0.5 CNY']],
        [
            "cpa-exceeded 44:3-44:22 Search costs 0.67 CNY for each of its 30,000 visits (budget 20,000 CNY), above its 'cpa at most' of 0.50 CNY: deliver at least 40,000 visits or cut the budget to 15,000 CNY"
        ]
    ],
    [
        'a cost per unit exactly at the limit stays silent (15,000 CNY / 30,000 visits = 0.50)',
        [
            ['cpa at most 20 CNY', 'cpa at most 0.5 CNY'],
            ['budget 20k CNY', 'budget 15k CNY']
        ],
        []
    ],
    [
        'assumption-mismatch: volume × rate against what the channel delivers of the next funnel step',
        [['at 4%', 'at 5%']],
        [
            'assumption-mismatch 45:11-45:27 Search assumes 30,000 visits at 5% = 1,500 signups, but delivers 1,200 signups: make the assumption and the deliveries agree (within 1%)'
        ]
    ],
    ['within 1% the assumption matches', [['at 4%', 'at 4.04%']], []],
    [
        'funnel-order: a later step targets more than an earlier one',
        [['target 50k visits', 'target 1500 visits']],
        [
            'goal-overcommitted 20:10-20:35 Visits: channels deliver 50,000 of 1,500 visits (3,333%), more than 150% of the target; 48,500 more than needed is promised: lower the deliveries or raise the target',
            'funnel-order 25:10-25:36 Signups targets 2,000 signups, more than the 1,500 visits of Visits, an earlier step of funnel Onboarding: fewer people reach a later step, so lower this target or raise the target of Visits'
        ]
    ],
    [
        'date-outside-period: a goal deadline',
        [['by 2027-03-31\n  owner ann\n}\n\ngoal Signups', 'by 2027-04-15\n  owner ann\n}\n\ngoal Signups']],
        [
            'date-outside-period 20:24-20:34 the deadline of Visits, 2027-04-15, lies outside the playbook period 2027-01-01 .. 2027-03-31: move it into the period or widen the period'
        ]
    ],
    [
        'date-outside-period: a campaign window',
        [['window 2027-02-01 .. 2027-02-14', 'window 2027-03-25 .. 2027-04-05']],
        [
            'date-outside-period 60:10-60:34 the window of Launch, 2027-03-25 .. 2027-04-05, lies outside the playbook period 2027-01-01 .. 2027-03-31: move it into the period or widen the period'
        ]
    ],
    [
        'date-outside-period: a review date',
        [['at 2027-03-31', 'at 2027-04-02']],
        [
            'date-outside-period 97:6-97:16 review Weekly on 2027-04-02 lies outside the playbook period 2027-01-01 .. 2027-03-31: move it into the period or widen the period'
        ]
    ],
    [
        "late-contribution: a campaign starting after its goal's deadline",
        [['target 60k revenue by 2027-03-31', 'target 60k revenue by 2027-01-31']],
        [
            'late-contribution 64:3-64:38 Launch starts on 2027-02-01, after the deadline of Revenue, 2027-01-31: what it delivers comes too late; start it earlier or aim at a later goal'
        ]
    ],
    ['a campaign starting on the deadline is not late', [['target 60k revenue by 2027-03-31', 'target 60k revenue by 2027-02-01']], []],
    [
        'mandatory-unscheduled: no window',
        [['  window 2027-02-01 .. 2027-02-14\n', '']],
        ['mandatory-unscheduled 60:11-60:20 Launch is mandatory but has no window: a binding plan needs a window and an owner']
    ],
    [
        'mandatory-unscheduled: no owner (instead of owner-missing)',
        [['  binding mandatory\n  owner bo\n', '  binding mandatory\n']],
        ['mandatory-unscheduled 61:11-61:20 Launch is mandatory but has no owner: a binding plan needs a window and an owner']
    ],
    [
        'an advisory campaign without a window is fine; without an owner it is owner-missing',
        [['  window 2027-02-01 .. 2027-02-14\n  binding mandatory\n  owner bo\n', '  binding advisory\n']],
        ["owner-missing 58:10-58:16 campaign Launch has no owner: add 'owner PERSON'"]
    ],
    [
        'owner-missing: a goal',
        [['target 50k visits by 2027-03-31\n  owner ann', 'target 50k visits by 2027-03-31']],
        ["owner-missing 19:6-19:12 goal Visits has no owner: add 'owner PERSON'"]
    ],
    [
        'owner-missing: a channel',
        [['kind paid\n  owner bo', 'kind paid']],
        ["owner-missing 50:9-50:12 channel Ads has no owner: add 'owner PERSON'"]
    ],
    [
        'owner-missing: a workstream without accountable',
        [['  accountable ann\n', '']],
        ["owner-missing 68:12-68:19 workstream Content has no accountable person: add 'accountable PERSON'"]
    ],
    [
        'capacity-overload: on the line that pushes the person over',
        [['responsible ann 50%', 'responsible ann 90%']],
        [
            "capacity-overload 69:3-69:22 ann is responsible for 90% (Content 90%), 10% more than ann's capacity of 80%: lower the shares, share the work, or raise the capacity"
        ]
    ],
    [
        'capacity-overload across workstreams',
        [['workstream Content {', 'workstream Support {\n  responsible bo 70%\n  accountable bo\n}\n\nworkstream Content {']],
        [
            "capacity-overload 75:3-75:21 bo is responsible for 110% (Support 70% + Content 40%), 10% more than bo's capacity of 100%: lower the shares, share the work, or raise the capacity"
        ]
    ],
    [
        'kpi-weights: weights short of 100%',
        [['kpi Visits weight 40%', 'kpi Visits weight 30%']],
        ["kpi-weights 78:12-78:15 ann's KPI weights add up to 90% (30% + 60%), not 100%: add 10%"]
    ],
    [
        'kpi-weights: weights above 100%',
        [['kpi Visits weight 40%', 'kpi Visits weight 45%']],
        ["kpi-weights 78:12-78:15 ann's KPI weights add up to 105% (45% + 60%), not 100%: remove 5%"]
    ],
    [
        'kpi-weights: an assessment without KPIs',
        [['person bo\n', 'person bo\nperson cy\nassessment cy\n']],
        ["kpi-weights 78:12-78:14 cy's assessment names no KPI: add 'kpi … weight …%' lines whose weights add up to 100%"]
    ],
    [
        "owner-not-assessed: the owner's assessment does not name the goal",
        [['target 50k visits by 2027-03-31\n  owner ann', 'target 50k visits by 2027-03-31\n  owner bo']],
        ["owner-not-assessed 21:9-21:11 bo owns Visits, but bo's assessment does not name it: add 'kpi Visits weight …%' to assessment bo"]
    ],
    [
        'owner-not-assessed: the owner has no assessment',
        [
            ['target 50k visits by 2027-03-31\n  owner ann', 'target 50k visits by 2027-03-31\n  owner cy'],
            ['person bo\n', 'person bo\nperson cy\n'],
            ['kpi Visits weight 40%  kpi Signups weight 60%', 'kpi Signups weight 100%']
        ],
        ["owner-not-assessed 21:9-21:11 cy owns Visits but has no assessment: add 'assessment cy { kpi Visits weight 100% }'"]
    ],
    [
        'forecast-spread',
        [['sales 65k', 'sales 80k']],
        [
            'forecast-spread 81:10-81:19 the forecasts of RevenueQ1 range from 55,000 CNY to 80,000 CNY, a spread of 42% of the median 60,000 CNY (more than 20%): look again at the assumptions behind the highest and the lowest'
        ]
    ],
    ['a spread of exactly 20% is allowed', [['sales 65k', 'sales 67k']], []],
    [
        'forecast-decision-outside, and the goal no longer matches its decision',
        [['decided 60k', 'decided 70k']],
        [
            'goal-forecast-mismatch 31:10-31:35 the target of Revenue, 60,000 CNY, differs from the 70,000 CNY decided by forecast RevenueQ1: make the target the decided figure',
            "forecast-decision-outside 85:11-85:14 RevenueQ1 decides 70,000 CNY, outside the forecasts' range 55,000 CNY – 65,000 CNY: explain the decision or revisit the forecasts"
        ]
    ],
    [
        "goal-forecast-mismatch: on the goal's target",
        [['decided 60k', 'decided 58k']],
        [
            'goal-forecast-mismatch 31:10-31:35 the target of Revenue, 60,000 CNY, differs from the 58,000 CNY decided by forecast RevenueQ1: make the target the decided figure'
        ]
    ],
    [
        'stage-focus',
        [['stage growth', 'stage decline']],
        [
            'stage-focus 10:23-10:34 focus acquisition does not suit a product in the decline stage: at that stage focus on retention, reactivation or monetization'
        ]
    ],
    ['every focus suits a mature product', [['stage growth', 'stage mature']], []],
    [
        "metric-unmonitored: once per metric, on the first goal's metric",
        [['monitor d30 { every week source "Cohorts" }', '']],
        ['metric-unmonitored 36:19-36:26 no monitor watches d30, the metric of Retention: add \'monitor d30 { every week source "…" }\'']
    ],
    [
        'channel-unattributed: on the monitor',
        [['monitor signups { by channel every day', 'monitor signups { every day']],
        [
            "channel-unattributed 89:9-89:16 channels Search and Ads deliver signups, but no monitor of signups is 'by channel': add 'by channel' to see which channel brings them"
        ]
    ],
    [
        'a metric with no monitor at all is metric-unmonitored, not channel-unattributed',
        [['monitor signups { by channel every day source "Analytics" }', '']],
        [
            'metric-unmonitored 25:10-25:22 no monitor watches signups, the metric of Signups: add \'monitor signups { every week source "…" }\''
        ]
    ],
    [
        'no-review',
        [['review Weekly {\n  every week on monday\n  owner ann\n  covers Visits, Signups, Revenue\n  at 2027-03-31\n}', '']],
        [
            "no-review 2:10-2:15 playbook Clean has no review: add 'review Weekly { every week owner … covers … }' to check the plan against the data"
        ]
    ],
    [
        'goal-unplanned silences goal-undercovered: a count goal nothing plans for',
        [
            ['goal Retention {', 'goal Extra {\n  target 10 signups by 2027-03-31\n  owner bo\n}\n\ngoal Retention {'],
            ['kpi Revenue weight 50%', 'kpi Revenue weight 40%  kpi Extra weight 10%']
        ],
        [
            "goal-unplanned 35:6-35:11 nothing delivers to, serves or decomposes Extra: add 'delivers … to Extra' to a channel or campaign, 'serves Extra' to a campaign or workstream, or a sub-goal 'part of Extra'"
        ]
    ],
    [
        'an at-most goal is not additive: nothing to cover',
        [
            ['goal Retention {', 'goal Cap {\n  target at most 10 signups by 2027-03-31\n  owner bo\n}\n\ngoal Retention {'],
            ['kpi Revenue weight 50%', 'kpi Revenue weight 40%  kpi Cap weight 10%'],
            ['  serves Signups\n', '  serves Signups, Cap\n']
        ],
        []
    ],
    [
        'channel-unattributed: two monitors of the metric, neither by channel',
        [
            ['monitor signups { by channel every day', 'monitor signups { every day'],
            ['monitor d30 {', 'monitor signups { every week source "CRM" }\nmonitor d30 {']
        ],
        [
            "channel-unattributed 89:9-89:16 channels Search and Ads deliver signups, but no monitor of signups is 'by channel': add 'by channel' to see which channel brings them"
        ]
    ]
];

describe('plan rules: coverage, budgets, costs, funnel, schedule, people, forecasts, strategy, monitoring', () => {
    for (const [name, edits, expected] of CASES) {
        test(name, async () => {
            expect(await diagnoseEdits(edits)).toEqual(expected);
        });
    }
});
