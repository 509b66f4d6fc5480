import { message } from '../i18n/catalogue.js';
import { AnalysisChecks, relatedList, type RuleContext } from './analysis-check.js';

/** funnel-order: a later funnel step cannot target more people than an earlier one. */
export class FunnelChecks extends AnalysisChecks {
    protected run(context: RuleContext): void {
        const goals = new Map(context.analysis.goals.map(goal => [goal.name, goal]));
        const reported = new Set<string>();
        for (const funnel of context.analysis.funnels) {
            for (const issue of funnel.orderIssues) {
                // A goal in two funnels is reported once.
                if (reported.has(issue.goal)) continue;
                reported.add(issue.goal);
                const earlier = goals.get(issue.earlierGoal);
                context.report('funnel-order', message('funnelOrder', {
                    goal: issue.goal, target: issue.target, metric: issue.metric, earlierGoal: issue.earlierGoal,
                    earlierTarget: issue.earlierTarget, earlierMetric: issue.earlierMetric, funnel: funnel.name
                }), {
                    node: issue.goalNode, property: 'target',
                    related: relatedList([earlier ? context.related(earlier.node, message('relatedGoal', { goal: earlier.name }), 'target') : undefined])
                });
            }
        }
    }
}
