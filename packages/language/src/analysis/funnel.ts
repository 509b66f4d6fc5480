// Funnels (SPEC §3): steps are count metrics in the order users pass them, so a goal on a later step
// cannot sensibly target more than the goals on earlier steps (`funnel-order`).

import type { Funnel } from '../generated/ast.js';
import { message } from '../i18n/message.js';
import type { Decimal } from '../values/decimal.js';
import { type AnalysisScope, ofType } from './analysis-scope.js';
import type { FunnelInfo, FunnelOrderIssue, GoalFigures } from './model.js';

/** Funnels visible in the file (own first); steps of this file's funnels must be count metrics. */
export function collectFunnels(scope: AnalysisScope): FunnelInfo[] {
    const result: FunnelInfo[] = [];
    for (const node of [...ofType<Funnel>(scope.own, 'Funnel'), ...ofType<Funnel>(scope.imported, 'Funnel')]) {
        const steps: string[] = [];
        (node.steps ?? []).forEach((step, index) => {
            const metric = scope.metricOf(step.ref);
            if (!metric) return;
            steps.push(metric.name);
            if (metric.kind !== undefined && metric.kind !== 'count') {
                scope.resolver.issue(
                    'unit-mismatch',
                    node,
                    'steps',
                    message('funnelStepNotCount', { funnel: node.name, metric: metric.name, kind: metric.kind }),
                    index
                );
            }
        });
        result.push({ node, name: node.name, steps, stepTargets: [], orderIssues: [] });
    }
    return result;
}

/** The largest target per step among this file's count goals, and the goals that exceed an earlier step. */
export function* checkFunnelOrder(funnels: readonly FunnelInfo[], goals: readonly GoalFigures[]): Generator<void, void> {
    let turn = 0;
    const byMetric = new Map<string, GoalFigures[]>();
    for (const goal of goals) {
        if (goal.metric?.kind !== 'count' || goal.target === undefined) continue;
        const list = byMetric.get(goal.metric.name) ?? [];
        list.push(goal);
        byMetric.set(goal.metric.name, list);
    }
    // Computed once per metric: many goals on one step must not make this quadratic.
    const largestByMetric = new Map<string, GoalFigures>();
    for (const [metric, list] of byMetric) {
        let best: GoalFigures | undefined;
        for (const goal of list) if (!best || (goal.target as Decimal).gt(best.target as Decimal)) best = goal;
        if (best) largestByMetric.set(metric, best);
    }
    const largest = (metric: string): GoalFigures | undefined => largestByMetric.get(metric);
    for (const funnel of funnels) {
        funnel.stepTargets = funnel.steps.map(step => largest(step)?.target);
        for (let index = 0; index < funnel.steps.length; index++) {
            const step = funnel.steps[index] as string;
            for (const goal of byMetric.get(step) ?? []) {
                if ((++turn & 511) === 0) yield;
                // The nearest earlier step with a target that this goal exceeds.
                for (let earlier = index - 1; earlier >= 0; earlier--) {
                    const earlierGoal = largest(funnel.steps[earlier] as string);
                    if (!earlierGoal || earlierGoal === goal) continue;
                    if ((goal.target as Decimal).gt(earlierGoal.target as Decimal)) {
                        const issue: FunnelOrderIssue = {
                            goal: goal.name,
                            goalNode: goal.node,
                            metric: step,
                            target: goal.target as Decimal,
                            earlierMetric: funnel.steps[earlier] as string,
                            earlierGoal: earlierGoal.name,
                            earlierTarget: earlierGoal.target as Decimal
                        };
                        funnel.orderIssues.push(issue);
                        break;
                    }
                }
            }
        }
    }
}
