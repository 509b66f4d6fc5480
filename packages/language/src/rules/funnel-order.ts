import { en as E, zh as Z } from '../i18n/words.js';
import type { Decimal } from '../values/decimal.js';
import { message } from '../i18n/message.js';
import { defineRule, type RuleCheckContext } from './rule.js';

/** The messages of `funnel-order`: one per kind of finding, with the figures it needs. */
export type FunnelOrderMessages = {
    funnelOrder(a: {
        goal: string;
        target: Decimal;
        metric: string;
        earlierGoal: string;
        earlierTarget: Decimal;
        earlierMetric: string;
        funnel: string;
    }): string;
};

const EN: FunnelOrderMessages = {
    funnelOrder: ({ goal, target, metric, earlierGoal, earlierTarget, earlierMetric, funnel }) =>
        `${goal} targets ${E.f.num(target)} ${metric}, more than the ${E.f.num(earlierTarget)} ${earlierMetric} of ${earlierGoal}, an earlier step of funnel ${funnel}: fewer people reach a later step, so lower this target or raise the target of ${earlierGoal}`
};

const ZH_CN: FunnelOrderMessages = {
    funnelOrder: ({ goal, target, metric, earlierGoal, earlierTarget, earlierMetric, funnel }) =>
        `${goal} 的目标 ${Z.f.num(target)} ${metric} 超过了漏斗 ${funnel} 中更早一步 ${earlierGoal} 的 ${Z.f.num(earlierTarget)} ${earlierMetric}：越往后到达的人越少，请降低这个目标或提高 ${earlierGoal} 的目标`
};

/** A later funnel step cannot target more people than an earlier one (the analysis finds the pairs). */
function check(context: RuleCheckContext): void {
    const goals = new Map(context.analysis.goals.map(goal => [goal.name, goal]));
    const reported = new Set<string>();
    for (const funnel of context.analysis.funnels) {
        for (const issue of funnel.orderIssues) {
            // A goal in two funnels is reported once.
            if (reported.has(issue.goal)) continue;
            reported.add(issue.goal);
            const earlier = goals.get(issue.earlierGoal);
            const related = earlier ? context.related(earlier.node, message('relatedGoal', { goal: earlier.name }), 'target') : undefined;
            context.report(
                'funnel-order',
                message('funnelOrder', {
                    goal: issue.goal,
                    target: issue.target,
                    metric: issue.metric,
                    earlierGoal: issue.earlierGoal,
                    earlierTarget: issue.earlierTarget,
                    earlierMetric: issue.earlierMetric,
                    funnel: funnel.name
                }),
                {
                    node: issue.goalNode,
                    property: 'target',
                    related: related ? [related] : []
                }
            );
        }
    }
}

export const funnelOrder = defineRule({
    id: 'funnel-order',
    severity: 'warning',
    family: 'funnel',
    reportedBy: ['language/src/rules/funnel-order.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'A goal for a later funnel step has a higher target than the goal for an earlier step: more people cannot come out of a funnel than go in.',
        'zh-CN': '漏斗后一步的目标高于前一步的目标：从漏斗出来的人不可能比进去的多。'
    },
    fixes: [],
    check
});
