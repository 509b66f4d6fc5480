import type { GoalFigures } from '../analysis/model.js';
import type { ContributionSource } from '../i18n/catalogue.js';
import { message } from '../i18n/catalogue.js';
import { Decimal } from '../values/decimal.js';
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
        const { target, unit } = goal;
        // Only additive goals add up; a contribution that could not be resolved leaves the sum unknown.
        if (!goal.additive || target === undefined || unit === undefined || goal.unresolvedContributions > 0 || target.sign() <= 0) return;
        // Most goals add up: the message's parts (its related lines rendered, the ratio) only for a report.
        const under = goal.planned.lt(target);
        const limit = context.settings.thresholds.overcommitRatio;
        if (!under && !goal.planned.gt(target.mul(Decimal.of(limit)))) return;
        const source = sourceOf(goal);
        const coverage = goal.planned.divide(target, 12);
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
        if (under) {
            const shortfall = target.sub(goal.planned);
            context.report(
                'goal-undercovered',
                message('goalUndercovered', {
                    goal: goal.name,
                    source,
                    planned: goal.planned,
                    target,
                    unit,
                    coverage,
                    shortfall,
                    ...parts
                }),
                {
                    node: goal.node,
                    property: 'target',
                    related,
                    data: { goal: goal.name, shortfall: shortfall.toString() }
                }
            );
            return;
        }
        context.report(
            'goal-overcommitted',
            message('goalOvercommitted', {
                goal: goal.name,
                source,
                planned: goal.planned,
                target,
                unit,
                coverage,
                limit,
                excess: goal.planned.sub(target),
                ...parts
            }),
            {
                node: goal.node,
                property: 'target',
                related
            }
        );
    }
}

function sourceOf(goal: GoalFigures): ContributionSource {
    const kinds = new Set(goal.contributions.map(c => (c.kind === 'sub-goal' ? 'sub-goal' : c.fromType)));
    if (kinds.size === 0) return 'none';
    if (kinds.has('sub-goal')) return kinds.size === 1 ? 'sub-goals' : 'deliveries-sub-goals';
    if (kinds.has('Channel') && kinds.has('Campaign')) return 'channels-campaigns';
    return kinds.has('Channel') ? 'channels' : 'campaigns';
}
