import { en as E, zh as Z } from '../i18n/words.js';
import type { AstNode } from 'langium';
import type { GoalFigures } from '../analysis/model.js';
import { message } from '../i18n/message.js';
import { defineRule, relatedList, type RuleCheckContext } from './rule.js';

/** The messages of `metric-unmonitored`: one per kind of finding, with the figures it needs. */
export type MetricUnmonitoredMessages = {
    metricUnmonitored(a: { metric: string; goals: readonly string[] }): string;
};

const EN: MetricUnmonitoredMessages = {
    metricUnmonitored: ({ metric, goals }) =>
        `no monitor watches ${metric}, the metric of ${E.f.list(goals, 'and')}: add 'monitor ${metric} { every week source "…" }'`
};

const ZH_CN: MetricUnmonitoredMessages = {
    metricUnmonitored: ({ metric, goals }) =>
        `没有监测 ${metric}（${Z.f.list(goals, 'and')} 的指标）：请加上 'monitor ${metric} { every week source "…" }'`
};

/** Once per metric, on the first goal that targets it. */
function check(context: RuleCheckContext): void {
    const byMetric = new Map<string, GoalFigures[]>();
    for (const goal of context.analysis.goals) {
        if (!goal.metric || goal.monitored || !goal.node.target) continue;
        const list = byMetric.get(goal.metric.name) ?? [];
        list.push(goal);
        byMetric.set(goal.metric.name, list);
    }
    for (const [metric, goals] of byMetric) {
        const first = goals[0] as GoalFigures;
        const related = relatedList(goals.slice(1).map(g => context.related(g.node, message('relatedGoal', { goal: g.name }), 'target')));
        context.report('metric-unmonitored', message('metricUnmonitored', { metric, goals: goals.map(g => g.name) }), {
            node: first.node.target as AstNode,
            property: 'quantity' as never,
            related,
            data: { metric }
        });
    }
}

export const metricUnmonitored = defineRule({
    id: 'metric-unmonitored',
    severity: 'warning',
    family: 'monitoring',
    reportedBy: ['language/src/rules/metric-unmonitored.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "A goal's metric has no `monitor`: nobody would notice if it went off track.",
        'zh-CN': '目标的指标没有 `monitor`：偏离轨道时无人察觉。'
    },
    fixes: ['add-monitor'],
    check
});
