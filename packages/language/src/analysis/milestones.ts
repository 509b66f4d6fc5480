// SPEC §9 milestones: a goal's cumulative checkpoints, resolved once (amount in the goal's unit, date),
// judged for `milestone-order`, and the checkpoints a review paces the target by (piecewise linear
// between the period start, each milestone and the deadline).
//
// Direction: cumulative goals (count, money) and `at least` levels rise toward their target, so each
// milestone is above the one before and not above the target; an `at most` level (a cost, a rate to
// bring down) falls toward its target, so each milestone is below the one before and not below the target.

import type { Goal } from '../generated/ast.js';
import { message } from '../i18n/message.js';
import { type CalendarDate, addDays, compareDates, dayNumber } from '../values/date.js';
import { Decimal } from '../values/decimal.js';
import { type DateRange, proRatedFraction } from '../values/period.js';
import type { AnalysisScope } from './analysis-scope.js';
import type {
    CampaignFigures,
    Contribution,
    GoalFigures,
    MilestoneFigures,
    MilestoneIssue,
    PacingSchedule,
    PlaybookAnalysis
} from './model.js';

/** Cumulative goals and `at least` levels rise toward the target; `at most` levels fall toward it. */
export function risesTowardTarget(goal: GoalFigures): boolean {
    const level = goal.metric?.kind === 'percent' || goal.metric?.kind === 'number';
    return !(level && goal.bound === 'at most');
}

/** Resolves the milestones of this file's goals, judges their order and picks the pacing checkpoints. */
export function analyzeMilestones(scope: AnalysisScope, goals: readonly GoalFigures[], period: DateRange | undefined): void {
    for (const goal of goals) {
        if (goal.node.milestones.length === 0) continue;
        goal.milestones = goal.node.milestones.map(node => resolveMilestone(scope, goal.node, goal, node));
        goal.milestoneIssues = milestoneIssues(goal);
        goal.pacing = pacingCheckpoints(goal, period);
    }
}

function resolveMilestone(scope: AnalysisScope, goalNode: Goal, goal: GoalFigures, node: Goal['milestones'][number]): MilestoneFigures {
    const figures: MilestoneFigures = { node };
    const date = scope.resolver.date(node.date);
    if (date) figures.date = date;
    const quantity = scope.resolver.quantity(node.quantity);
    const goalMetric = goal.metric;
    if (quantity.metric && goalMetric && quantity.metric !== goalMetric) {
        scope.resolver.issue(
            'unit-mismatch',
            node.quantity,
            'metric',
            message('milestoneMetricMismatch', {
                goal: goalNode.name,
                metric: quantity.metric.name,
                goalMetric: goalMetric.name
            })
        );
        return figures;
    }
    if (quantity.ok) {
        figures.amount = quantity.amount;
        if (goal.target !== undefined && goal.target.sign() > 0) figures.shareOfTarget = quantity.amount.divide(goal.target, 12).toNumber();
    }
    return figures;
}

/** In file order: each milestone against the one before (date, then amount), the deadline and the target. */
function milestoneIssues(goal: GoalFigures): MilestoneIssue[] {
    const issues: MilestoneIssue[] = [];
    const rises = risesTowardTarget(goal);
    let previous: MilestoneFigures | undefined;
    for (const milestone of goal.milestones) {
        const { date, amount } = milestone;
        let inOrder = true;
        if (previous?.date && date && compareDates(date, previous.date) <= 0) {
            issues.push({ kind: 'date-order', milestone, previous });
            inOrder = false;
        } else if (
            previous?.amount !== undefined &&
            amount !== undefined &&
            (rises ? amount.lte(previous.amount) : amount.gte(previous.amount))
        ) {
            issues.push({ kind: 'amount-order', milestone, previous, rises });
            inOrder = false;
        }
        if (date && goal.deadline && compareDates(date, goal.deadline) > 0) issues.push({ kind: 'after-deadline', milestone });
        if (amount !== undefined && goal.target !== undefined) {
            if (rises && amount.gt(goal.target)) issues.push({ kind: 'above-target', milestone });
            if (!rises && amount.lt(goal.target)) issues.push({ kind: 'below-target', milestone });
        }
        // The next milestone is judged against the last one in order (one out of order is reported once).
        if (inOrder) previous = milestone;
    }
    return issues;
}

/**
 * The milestones a review paces by: resolved, after the period start and before the deadline, each
 * later and further toward the target than the last one kept; a milestone that breaks the order is
 * left out (milestone-order reports it), so the pacing never runs backwards.
 */
function pacingCheckpoints(goal: GoalFigures, period: DateRange | undefined): MilestoneFigures[] {
    if (goal.target === undefined || !goal.deadline || !period) return [];
    const rises = risesTowardTarget(goal);
    const kept: MilestoneFigures[] = [];
    for (const milestone of goal.milestones) {
        const { date, amount } = milestone;
        if (!date || amount === undefined) continue;
        if (compareDates(date, period.start) < 0 || compareDates(date, goal.deadline) >= 0) continue;
        if (rises ? amount.gt(goal.target) : amount.lt(goal.target)) continue;
        const last = kept[kept.length - 1];
        if (
            last &&
            (compareDates(date, last.date as CalendarDate) <= 0 ||
                (rises ? amount.lte(last.amount as Decimal) : amount.gte(last.amount as Decimal)))
        )
            continue;
        kept.push(milestone);
    }
    return kept;
}

/**
 * A goal's target due by the end of `asOf` (SPEC §9 "Pacing"), for a goal with a target:
 * - cumulative goals (count, money): linear from zero at the period start through each pacing
 *   milestone to the target at the deadline; a day's share of a segment is due on that day, so on a
 *   milestone's date its amount is due exactly (without milestones: proRatedAmount over the period
 *   start .. deadline, as before);
 * - levels (percent, number): the level of the checkpoint in force, the first pacing milestone not
 *   before `asOf`, else the target.
 * `undefined` without a period (nothing to pace from).
 */
export function targetDue(goal: GoalFigures, period: DateRange | undefined, asOf: CalendarDate): Decimal | undefined {
    const target = goal.target;
    if (target === undefined) return undefined;
    const level = goal.metric?.kind === 'percent' || goal.metric?.kind === 'number';
    if (level) {
        const next = goal.pacing.find(m => compareDates(m.date as CalendarDate, asOf) >= 0);
        return next ? (next.amount as Decimal) : target;
    }
    const schedule = pacingSchedule(goal, period);
    return schedule && dueAlong(schedule, asOf);
}

/**
 * A cumulative goal's schedule (SPEC §9): from the period start through each pacing milestone to the
 * target at the deadline (the period end without one). Scaled by `share` (a part ÷ the target, e.g. a
 * child playbook's sub-goal converted into its parent's currency: SPEC §8), each checkpoint is that
 * part of the goal's. `undefined` without a target or a period.
 */
export function pacingSchedule(goal: GoalFigures, period: DateRange | undefined, scaled?: Decimal): PacingSchedule | undefined {
    const target = goal.target;
    if (target === undefined || !period) return undefined;
    const scale = (amount: Decimal) =>
        scaled === undefined || scaled.eq(target) || target.isZero() ? amount : amount.mul(scaled).divide(target, 12);
    return {
        start: period.start,
        checkpoints: [
            ...goal.pacing.map(m => ({ date: m.date as CalendarDate, amount: scale(m.amount as Decimal) })),
            { date: goal.deadline ?? period.end, amount: scaled ?? target }
        ]
    };
}

/** `amount` due linearly over `range`: nothing before its start, all of it from its last day. */
function linearSchedule(amount: Decimal, range: DateRange): PacingSchedule {
    return { start: range.start, checkpoints: [{ date: range.end, amount }] };
}

/**
 * SPEC §9 with §8: how the review of the playbook writing a contribution paces it, in the
 * contribution's amount, so that a child's line in its parent's review and the child's own review agree:
 * - a sub-goal (`from`, of the writing playbook whose period is `fromPeriod`): along its own schedule
 *   (that period's start, its milestones, its deadline);
 * - a campaign (`from`): over its window;
 * - a channel: like the goal it delivers to (`goal`, of the playbook whose period is `period`), its
 *   share of each milestone of that goal;
 * - else (no schedule of its own) linear from `period`'s start to the goal's deadline.
 * `undefined` without a period to pace from.
 */
export function contributionPacing(
    c: Pick<Contribution, 'kind' | 'fromType' | 'amount'>,
    from: GoalFigures | CampaignFigures | undefined,
    fromPeriod: DateRange | undefined,
    goal: GoalFigures,
    period: DateRange | undefined
): PacingSchedule | undefined {
    let own: PacingSchedule | undefined;
    if (c.kind === 'sub-goal') own = from && pacingSchedule(from as GoalFigures, fromPeriod, c.amount);
    else if (c.fromType === 'Campaign') {
        const window = (from as CampaignFigures | undefined)?.window;
        own = window && linearSchedule(c.amount, window);
    } else if (goal.target !== undefined && goal.target.sign() > 0) own = pacingSchedule(goal, period, c.amount);
    return own ?? (period && linearSchedule(c.amount, { start: period.start, end: goal.deadline ?? period.end }));
}

/**
 * SPEC §9: the schedules of this file's own contributions (`Contribution.pacing`) and deliveries
 * (`DeliveryFigures.pacing`: a campaign over its window, a channel like the goal of this file it
 * delivers to, else linear over the period), after its milestones and campaign windows are known.
 * Other files' contributions get theirs when the workspace is added (workspace-figures.ts).
 */
export function paceOwnContributions(analysis: PlaybookAnalysis): void {
    const period = analysis.period;
    const goals = new Map(analysis.goals.map(goal => [goal.name, goal]));
    const campaigns = new Map(analysis.campaigns.map(campaign => [campaign.name, campaign]));
    for (const goal of analysis.goals) {
        for (const c of goal.contributions) {
            const from = c.kind === 'sub-goal' ? goals.get(c.from) : c.fromType === 'Campaign' ? campaigns.get(c.from) : undefined;
            const pacing = contributionPacing(c, from, period, goal, period);
            if (pacing) c.pacing = pacing;
        }
    }
    for (const channel of analysis.channels) {
        for (const delivery of channel.deliveries) {
            if (delivery.amount === undefined) continue;
            const goal = delivery.goal !== undefined ? goals.get(delivery.goal) : undefined;
            const pacing = goal
                ? contributionPacing({ kind: 'delivery', fromType: 'Channel', amount: delivery.amount }, undefined, period, goal, period)
                : period && linearSchedule(delivery.amount, period);
            if (pacing) delivery.pacing = pacing;
        }
    }
    for (const campaign of analysis.campaigns) {
        for (const delivery of campaign.deliveries) {
            if (delivery.amount !== undefined && campaign.window) delivery.pacing = linearSchedule(delivery.amount, campaign.window);
        }
    }
}

/** What is due of a schedule by the end of `asOf`: linear within each segment, all of it from the last checkpoint on. */
export function dueAlong(schedule: PacingSchedule, asOf: CalendarDate): Decimal {
    let from = schedule.start;
    let base = Decimal.ZERO;
    for (const checkpoint of schedule.checkpoints) {
        if (compareDates(asOf, checkpoint.date) <= 0)
            return base.add(proRatedAmount(checkpoint.amount.sub(base), { start: from, end: checkpoint.date }, asOf));
        from = addDays(checkpoint.date, 1);
        base = checkpoint.amount;
    }
    return base;
}

/**
 * `amount × proRatedFraction(start, end, asOf)` (nothing before `range` starts, all of it from its last
 * day), computed as the exact fraction of days that proRatedFraction describes (elapsed ÷ length), so
 * that 9,000 over 90 days is 3,000 on day 30. The one pro-rating of the analysis: each segment of a
 * schedule (`dueAlong`), a campaign's budget to date, a child playbook's.
 */
export function proRatedAmount(amount: Decimal, range: DateRange, asOf: CalendarDate): Decimal {
    const fraction = proRatedFraction(range.start, range.end, asOf);
    if (fraction === 0 || fraction === 1) return amount.mul(fraction);
    const length = dayNumber(range.end) - dayNumber(range.start) + 1;
    const elapsed = dayNumber(asOf) - dayNumber(range.start) + 1;
    return amount.mul(elapsed).divide(length, 12);
}
