// Goals: targets, what is planned for them (deliveries plus `part of` sub-goals of the same metric),
// coverage, shortfall and `part of` loops (SPEC §5 "planned").

import type { AstNode } from 'langium';
import type { Campaign, Channel, Delivery, Goal, Workstream } from '../generated/ast.js';
import { message } from '../i18n/message.js';
import { Decimal } from '../values/decimal.js';
import { type AnalysisScope, ofType, refName } from './analysis-scope.js';
import type { Contribution, CoverageStatus, DeliveryFigures, GoalFigures, MetricInfo, Unit } from './model.js';

export interface GoalTarget {
    metric?: MetricInfo;
    amount?: Decimal;
    /** A target is written but its amount could not be resolved. */
    unresolved: boolean;
}

export interface CoverageResult {
    goals: GoalFigures[];
    deliveries: Map<Delivery, DeliveryFigures>;
}

/** The resolved target of any goal (own or imported); issues only for this file's goals. */
export function goalTarget(scope: AnalysisScope, goal: Goal | undefined): GoalTarget {
    if (!goal?.target) return { unresolved: false };
    const quantity = scope.resolver.quantity(goal.target.quantity);
    if (quantity.ok) return { metric: quantity.metric, amount: quantity.amount, unresolved: false };
    return quantity.metric ? { metric: quantity.metric, unresolved: true } : { unresolved: true };
}

export function unitOf(metric: MetricInfo | undefined, currency: string): Unit | undefined {
    if (!metric?.kind) return undefined;
    return metric.kind === 'money' ? { metric: metric.name, kind: metric.kind, currency } : { metric: metric.name, kind: metric.kind };
}

function ratio(part: Decimal, whole: Decimal | undefined): number | undefined {
    return whole !== undefined && whole.sign() > 0 ? part.divide(whole, 12).toNumber() : undefined;
}

/** Every delivery of this file's channels and campaigns, resolved once and checked against its goal's metric. */
function* resolveDeliveries(
    scope: AnalysisScope,
    owners: readonly (Channel | Campaign)[]
): Generator<void, Map<Delivery, DeliveryFigures>> {
    let turn = 0;
    const result = new Map<Delivery, DeliveryFigures>();
    for (const owner of owners) {
        if ((++turn & 511) === 0) yield;
        for (const delivery of owner.delivers ?? []) {
            const quantity = scope.resolver.quantity(delivery.quantity);
            const goal = delivery.goal?.ref;
            const target = goalTarget(scope, goal);
            const figures: DeliveryFigures = { node: delivery, counts: false, from: owner.name, fromType: owner.$type };
            const goalName = refName(delivery.goal);
            if (goalName !== undefined) figures.goal = goalName;
            if (quantity.metric) figures.metric = quantity.metric.name;
            if (quantity.ok) figures.amount = quantity.amount;
            const mismatch =
                goal !== undefined && quantity.metric !== undefined && target.metric !== undefined && quantity.metric !== target.metric;
            if (mismatch && goalName !== undefined && quantity.metric && target.metric) {
                scope.resolver.issue(
                    'unit-mismatch',
                    delivery.quantity,
                    'metric',
                    message('deliveryMetricMismatch', {
                        from: owner.name,
                        metric: quantity.metric.name,
                        goal: goalName,
                        goalMetric: target.metric.name
                    })
                );
            }
            figures.counts = goal !== undefined && quantity.ok && !mismatch && target.metric !== undefined;
            if (figures.counts && figures.amount) {
                const share = ratio(figures.amount, target.amount);
                if (share !== undefined) figures.shareOfGoal = share;
            }
            result.set(delivery, figures);
        }
    }
    return result;
}

/**
 * Every goal on a `part of` loop, with the loop as names from it back to it. One walk over all goals
 * (each goal is visited once), not one walk per goal: a 10,000-deep chain stays linear (RELIABILITY.md).
 */
function partOfLoops(goals: readonly Goal[]): Map<Goal, string[]> {
    const loops = new Map<Goal, string[]>();
    const state = new Map<Goal, 'walking' | 'done'>();
    for (const start of goals) {
        const walk: Goal[] = [];
        let current: Goal | undefined = start;
        while (current && !state.has(current)) {
            state.set(current, 'walking');
            walk.push(current);
            current = current.parent?.ref;
        }
        if (current && state.get(current) === 'walking') {
            const loop = walk.slice(walk.indexOf(current));
            loop.forEach((goal, i) => {
                loops.set(goal, loopFrom(loop, i));
            });
        }
        for (const goal of walk) state.set(goal, 'done');
    }
    return loops;
}

/** The loop's names from its i-th goal back to it; a long loop shows its first and last steps around '…'. */
function loopFrom(loop: readonly Goal[], i: number): string[] {
    const at = (k: number) => (loop[(i + k) % loop.length] as Goal).name;
    if (loop.length <= 10) return [...Array.from({ length: loop.length }, (_, k) => at(k)), at(0)];
    return [at(0), at(1), at(2), at(3), '…', at(loop.length - 1), at(0)];
}

function statusOf(figures: GoalFigures, overcommitRatio: number): CoverageStatus {
    if (figures.target === undefined) return 'no-target';
    if (!figures.additive) return 'not-additive';
    if (!figures.hasPlan) return 'unplanned';
    if (figures.planned.lt(figures.target)) return 'undercovered';
    if (figures.planned.gt(figures.target.mul(Decimal.of(overcommitRatio)))) return 'overcommitted';
    return 'covered';
}

export function* analyzeCoverage(scope: AnalysisScope): Generator<void, CoverageResult> {
    let turn = 0;
    const goals = ofType<Goal>(scope.own, 'Goal');
    const channels = ofType<Channel>(scope.own, 'Channel');
    const campaigns = ofType<Campaign>(scope.own, 'Campaign');
    const workstreams = ofType<Workstream>(scope.own, 'Workstream');
    const currency = scope.resolver.currency;

    const figuresByGoal = new Map<Goal, GoalFigures>();
    const loops = partOfLoops(goals);
    for (const goal of goals) {
        if ((++turn & 511) === 0) yield;
        const target = goalTarget(scope, goal);
        const deadline = scope.resolver.date(goal.target?.deadline);
        const metric = target.metric?.kind ? target.metric : undefined;
        const bound = goal.target?.atMost ? 'at most' : 'at least';
        const figures: GoalFigures = {
            node: goal,
            name: goal.name,
            bound,
            subGoals: [],
            additive: (metric?.kind === 'count' || metric?.kind === 'money') && bound === 'at least',
            contributions: [],
            planned: Decimal.ZERO,
            servedBy: [],
            hasPlan: false,
            status: 'no-target',
            monitored: false,
            unresolvedContributions: 0,
            mismatchedDeliveries: 0,
            milestones: [],
            milestoneIssues: [],
            pacing: []
        };
        if (goal.title !== undefined) figures.title = goal.title;
        if (metric) figures.metric = metric;
        const unit = unitOf(metric, currency);
        if (unit) figures.unit = unit;
        if (target.amount !== undefined) figures.target = target.amount;
        if (deadline) figures.deadline = deadline;
        const owner = refName(goal.owner);
        if (owner !== undefined) figures.owner = owner;
        const strategy = refName(goal.strategy);
        if (strategy !== undefined) figures.strategy = strategy;
        const parent = refName(goal.parent);
        if (parent !== undefined) figures.parent = parent;
        const cycle = loops.get(goal);
        if (cycle) figures.cycle = cycle;
        figuresByGoal.set(goal, figures);
    }

    const deliveries = yield* resolveDeliveries(scope, [...channels, ...campaigns]);
    for (const delivery of deliveries.values()) {
        if ((++turn & 511) === 0) yield;
        const goal = figuresByGoal.get(delivery.node.goal?.ref as Goal);
        if (!goal) {
            // A delivery whose goal does not resolve was meant for some goal of its metric: their sums
            // are unknown until the name is fixed (SPEC §3: rules needing the missing element stay silent).
            if (delivery.node.goal && !delivery.node.goal.ref) {
                for (const other of figuresByGoal.values()) {
                    if (delivery.metric === undefined || other.metric?.name === delivery.metric) other.unresolvedContributions++;
                }
            }
            continue;
        }
        goal.hasPlan = true;
        if (delivery.counts && delivery.amount !== undefined) {
            const contribution: Contribution = {
                kind: 'delivery',
                from: delivery.from,
                fromType: delivery.fromType,
                node: delivery.node,
                amount: delivery.amount
            };
            goal.contributions.push(contribution);
        } else if (delivery.metric !== undefined && goal.metric !== undefined && delivery.metric !== goal.metric.name) {
            goal.mismatchedDeliveries++;
        } else {
            goal.unresolvedContributions++;
        }
    }

    // Sub-goals count with their target, in the parent's metric only; never around a `part of` loop.
    for (const [node, sub] of figuresByGoal) {
        if ((++turn & 511) === 0) yield;
        const parentNode = node.parent?.ref;
        const parent = parentNode ? figuresByGoal.get(parentNode) : undefined;
        if (!parent || !parentNode) continue;
        parent.subGoals.push(sub.name);
        parent.hasPlan = true;
        if (sub.cycle && parent.cycle) continue;
        const subTarget = goalTarget(scope, node);
        if (subTarget.unresolved || (node.target && !subTarget.metric?.kind)) {
            parent.unresolvedContributions++;
        } else if (subTarget.amount !== undefined && subTarget.metric === parent.metric) {
            parent.contributions.push({
                kind: 'sub-goal',
                from: sub.name,
                fromType: 'Goal',
                node: node.target ?? node,
                amount: subTarget.amount
            });
        }
    }

    const serve = (goalRefs: readonly { ref?: Goal }[] | undefined, name: string) => {
        for (const reference of goalRefs ?? []) {
            const goal = reference.ref ? figuresByGoal.get(reference.ref) : undefined;
            if (goal && !goal.servedBy.includes(name)) {
                goal.servedBy.push(name);
                goal.hasPlan = true;
            }
        }
    };
    for (const campaign of campaigns) serve(campaign.serves, campaign.name);
    for (const workstream of workstreams) serve(workstream.serves, workstream.name);

    for (const goal of figuresByGoal.values()) {
        if ((++turn & 511) === 0) yield;
        finishCoverage(goal, scope.thresholds.overcommitRatio);
    }
    return { goals: [...figuresByGoal.values()], deliveries };
}

/** Planned, shares, coverage, shortfall and status from a goal's contributions (again when other files add some). */
export function finishCoverage(goal: GoalFigures, overcommitRatio: number): void {
    goal.planned = Decimal.sum(goal.contributions.map(c => c.amount));
    for (const contribution of goal.contributions) {
        const share = ratio(contribution.amount, goal.target);
        if (share !== undefined) contribution.shareOfTarget = share;
    }
    // Coverage and shortfall mean something only where contributions add up (count or money, at least).
    delete goal.coverage;
    delete goal.shortfall;
    delete goal.excess;
    if (goal.additive && goal.target !== undefined && goal.target.sign() > 0) {
        goal.coverage = goal.planned.divide(goal.target, 12).toNumber();
    }
    if (goal.additive && goal.target !== undefined && goal.planned.lt(goal.target)) goal.shortfall = goal.target.sub(goal.planned);
    if (goal.additive && goal.target !== undefined && goal.planned.gt(goal.target)) goal.excess = goal.planned.sub(goal.target);
    goal.status = statusOf(goal, overcommitRatio);
}

/** Nodes of this file by the goal they belong to, for other parts of the analysis. */
export function goalFiguresByNode(goals: readonly GoalFigures[]): Map<AstNode, GoalFigures> {
    return new Map(goals.map(goal => [goal.node, goal]));
}
