import type { AstNode } from 'langium';
import type { GoalFigures } from '../analysis/model.js';
import { message } from '../i18n/catalogue.js';
import { AnalysisChecks, relatedList, type RuleContext } from './analysis-check.js';

/** metric-unmonitored, channel-unattributed, no-review: the plan says how it will be watched and reviewed. */
export class MonitoringChecks extends AnalysisChecks {
    protected readonly family = 'monitoring';
    protected run(context: RuleContext): void {
        this.checkUnmonitored(context);
        this.checkUnattributed(context);
        this.checkReview(context);
    }

    /** Once per metric, on the first goal that targets it. */
    private checkUnmonitored(context: RuleContext): void {
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
                node: first.node.target as AstNode, property: 'quantity' as never, related, data: { metric }
            });
        }
    }

    /** A metric that channels deliver and that is monitored, but never `by channel`. */
    private checkUnattributed(context: RuleContext): void {
        for (const metric of context.analysis.metrics.values()) {
            if (!metric.monitored || metric.monitoredByChannel || metric.deliveredByChannels.length === 0) continue;
            const monitors = context.analysis.monitors.filter(m => m.node.metric?.ref === metric.node);
            const own = monitors.find(m => context.isOwn(m.node));
            const related = relatedList(monitors.filter(m => context.isOwn(m.node)).slice(1).map(m => context.related(m.node, message('relatedMonitor', { metric: metric.name }), 'metric')));
            const msg = message('channelUnattributed', { metric: metric.name, channels: metric.deliveredByChannels });
            if (own) {
                context.report('channel-unattributed', msg, { node: own.node, property: 'metric', related, data: { metric: metric.name } });
                continue;
            }
            // The monitor lives in an imported file: point at the first delivery of the metric here.
            const delivery = context.analysis.channels.flatMap(c => c.deliveries).find(d => d.metric === metric.name);
            if (delivery?.node.quantity) context.report('channel-unattributed', msg, { node: delivery.node.quantity, property: 'metric', data: { metric: metric.name } });
        }
    }

    private checkReview(context: RuleContext): void {
        const playbook = context.analysis.playbook;
        if (!playbook || context.analysis.hasReview) return;
        context.report('no-review', message('noReview', { playbook: playbook.name }), { node: playbook, property: 'name' });
    }
}
