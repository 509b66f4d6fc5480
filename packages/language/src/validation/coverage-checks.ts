import type { GoalFigures } from '../analysis/model.js';
import type { ContributionSource } from '../i18n/catalogue.js';
import { message } from '../i18n/catalogue.js';
import { AnalysisChecks, relatedList, type RuleContext } from './analysis-check.js';

/**
 * goal-undercovered, goal-overcommitted, goal-unplanned, goal-cycle: does what is planned for each goal
 * add up to its target? (SPEC §5 "planned": deliveries plus same-metric sub-goals.)
 */
export class CoverageChecks extends AnalysisChecks {
    protected readonly family = 'coverage';
    protected run(context: RuleContext): void {
        for (const goal of context.analysis.goals) {
            if (goal.cycle) {
                context.report('goal-cycle', message('goalCycle', { goal: goal.name, chain: goal.cycle }), {
                    node: goal.node,
                    property: 'parent'
                });
                continue;
            }
            if (!goal.hasPlan) {
                // Says what is missing; goal-undercovered would only repeat it with a 0.
                context.report('goal-unplanned', message('goalUnplanned', { goal: goal.name }), { node: goal.node, property: 'name' });
                continue;
            }
            this.checkCoverage(context, goal);
        }
    }

    private checkCoverage(context: RuleContext, goal: GoalFigures): void {
        const { target, unit, coverage, status } = goal;
        // Only additive goals add up; a contribution that could not be resolved leaves the sum unknown.
        if (!goal.additive || target === undefined || unit === undefined || goal.unresolvedContributions > 0 || target.sign() <= 0) return;
        // The analysis's verdict (coverage.ts finishCoverage, again once other files' contributions are in).
        const gap = status === 'undercovered' ? goal.shortfall : status === 'overcommitted' ? goal.excess : undefined;
        if (gap === undefined || coverage === undefined) return;
        // Most goals add up: the message's parts (its related lines rendered, the ratio) only for a report.
        const source = sourceOf(goal);
        const related = relatedList(
            goal.contributions.map(c =>
                c.kind === 'delivery'
                    ? context.related(c.node, message('relatedDelivery', { from: c.from, amount: c.amount, unit }))
                    : context.related(c.node, message('relatedSubGoal', { goal: c.from, amount: c.amount, unit }))
            )
        );
        // SPEC §8: when other files contribute, the message names every contribution and its file.
        const parts = goal.contributions.some(c => c.file !== undefined)
            ? {
                  parts: goal.contributions.map(c =>
                      c.file !== undefined ? { name: c.from, amount: c.amount, file: c.file } : { name: c.from, amount: c.amount }
                  )
              }
            : {};
        const figures = { goal: goal.name, source, planned: goal.planned, target, unit, coverage, ...parts };
        const at = { node: goal.node, property: 'target', related } as const;
        if (status === 'undercovered') {
            const data = { goal: goal.name, shortfall: gap.toString() };
            context.report('goal-undercovered', message('goalUndercovered', { ...figures, shortfall: gap }), { ...at, data });
        } else {
            const limit = context.settings.thresholds.overcommitRatio;
            context.report('goal-overcommitted', message('goalOvercommitted', { ...figures, limit, excess: gap }), at);
        }
    }
}

function sourceOf(goal: GoalFigures): ContributionSource {
    const kinds = new Set(goal.contributions.map(c => (c.kind === 'sub-goal' ? 'sub-goal' : c.fromType)));
    if (kinds.size === 0) return 'none';
    if (kinds.has('sub-goal')) return kinds.size === 1 ? 'sub-goals' : 'deliveries-sub-goals';
    if (kinds.has('Channel') && kinds.has('Campaign')) return 'channels-campaigns';
    return kinds.has('Channel') ? 'channels' : 'campaigns';
}
