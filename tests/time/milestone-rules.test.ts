import { describe, expect, test } from 'vitest';
import { CLEAN, diagnoseEdits, edit, loadFolder, tempFolder } from '../validation/validation-helpers.js';

/**
 * SPEC §9 milestones: `milestone-order` (error) with its exact diagnostics, `date-outside-period` on a
 * milestone, `unit-mismatch` for a milestone in another metric. Edits of tests/fixtures/validation/clean.ops,
 * whose goal Revenue (line 30) targets 60k revenue by 2027-03-31 in a period 2027-01-01 .. 2027-03-31.
 */
const REVENUE = '  target 60k revenue by 2027-03-31\n';
const withMilestones = (...lines: string[]) => [[REVENUE, REVENUE + lines.map(l => `  ${l}\n`).join('')]] as [string, string][];

const CASES: [string, [string, string][], string[]][] = [
    [
        'milestones in order, up to the target at the deadline, are clean',
        withMilestones(
            'milestone 20k revenue by 2027-01-31',
            'milestone 45k CNY revenue by 2027-02-28',
            'milestone 60k revenue by 2027-03-31'
        ),
        []
    ],
    [
        'a milestone dated before the one written before it',
        withMilestones('milestone 30k revenue by 2027-02-28', 'milestone 20k revenue by 2027-01-31'),
        [
            'milestone-order 33:28-33:38 Revenue: milestone 20,000 CNY revenue by 2027-01-31 is not after the milestone before it (milestone 30,000 CNY revenue by 2027-02-28): write the milestones in date order'
        ]
    ],
    [
        'the same date twice',
        withMilestones('milestone 20k revenue by 2027-01-31', 'milestone 30k revenue by 2027-01-31'),
        [
            'milestone-order 33:28-33:38 Revenue: milestone 30,000 CNY revenue by 2027-01-31 is not after the milestone before it (milestone 20,000 CNY revenue by 2027-01-31): write the milestones in date order'
        ]
    ],
    [
        'an amount that does not rise; the next milestone is judged against the last one in order',
        withMilestones('milestone 30k revenue by 2027-01-31', 'milestone 30k revenue by 2027-02-15', 'milestone 25k revenue by 2027-02-28'),
        [
            'milestone-order 33:13-33:24 Revenue: milestone 30,000 CNY revenue by 2027-02-15 is not above the milestone before it (milestone 30,000 CNY revenue by 2027-01-31): milestones are cumulative, each one higher than the last',
            'milestone-order 34:13-34:24 Revenue: milestone 25,000 CNY revenue by 2027-02-28 is not above the milestone before it (milestone 30,000 CNY revenue by 2027-01-31): milestones are cumulative, each one higher than the last'
        ]
    ],
    [
        'after the deadline (inside the period)',
        [['target 60k revenue by 2027-03-31\n', 'target 60k revenue by 2027-02-28\n  milestone 50k revenue by 2027-03-15\n']],
        [
            "milestone-order 32:28-32:38 Revenue: milestone 50,000 CNY revenue by 2027-03-15 is after the goal's deadline 2027-02-28: move it before the deadline or remove it"
        ]
    ],
    [
        'above the target of an at least goal',
        withMilestones('milestone 70k revenue by 2027-02-28'),
        [
            'milestone-order 32:13-32:24 Revenue: milestone 70,000 CNY revenue by 2027-02-28 is above the target 60,000 CNY revenue: a checkpoint on the way cannot ask for more than the target'
        ]
    ],
    [
        'outside the playbook period: date-outside-period',
        withMilestones('milestone 10k revenue by 2026-12-31'),
        [
            'date-outside-period 32:28-32:38 the milestone of Revenue by 2026-12-31 lies outside the playbook period 2027-01-01 .. 2027-03-31: move it into the period or widen the period'
        ]
    ],
    [
        'in another metric than the target: unit-mismatch, no order check',
        withMilestones('milestone 10k visits by 2027-02-28'),
        [
            'unit-mismatch 32:17-32:23 this milestone of Revenue is in visits, but its target is in revenue: write the milestone in revenue (it is not used for pacing)'
        ]
    ],
    [
        'an at most level falls toward its target',
        [
            [
                'target at least 30% d30 by 2027-03-31',
                'target at most 30% d30 by 2027-03-31\n  milestone 50% d30 by 2027-01-31\n  milestone 55% d30 by 2027-02-28\n  milestone 20% d30 by 2027-03-15'
            ]
        ],
        [
            "milestone-order 38:13-38:20 Retention: milestone 55% d30 by 2027-02-28 is not below the milestone before it (milestone 50% d30 by 2027-01-31): toward an 'at most' target each milestone is lower than the last",
            "milestone-order 39:13-39:20 Retention: milestone 20% d30 by 2027-03-15 is below the 'at most' target 30% d30: a checkpoint on the way cannot be stricter than the target"
        ]
    ]
];

describe('milestone-order (SPEC §9)', () => {
    test.each(CASES)('%s', async (_name, edits, expected) => {
        expect(await diagnoseEdits(edits)).toEqual(expected);
    });

    test('in Chinese, with the figures formatted for a Chinese team', async () => {
        const text = edit(
            CLEAN,
            REVENUE,
            `${REVENUE}  milestone 30k revenue by 2027-02-28\n  milestone 20k revenue by 2027-03-15\n  milestone 7万 revenue by 2027-03-20\n`
        );
        const dir = tempFolder({ 'opsbook.json': '{ "locale": "zh-CN" }', 'plan.ops': text });
        expect((await loadFolder(dir)).of('plan.ops').filter(l => l.startsWith('milestone-order'))).toEqual([
            'milestone-order 33:13-33:24 Revenue：里程碑 2万元 revenue（2027-03-15 前）没有高于前一个里程碑 3万元 revenue（2027-02-28 前）：里程碑是累计值，应一个比一个高',
            'milestone-order 34:13-34:23 Revenue：里程碑 7万元 revenue（2027-03-20 前）高于目标 6万元 revenue：中途的节点不能超过最终目标'
        ]);
    });
});
