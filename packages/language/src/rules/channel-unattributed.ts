import { en as E, zh as Z } from '../i18n/words.js';
import { message } from '../i18n/message.js';
import { defineRule, relatedList, type RuleCheckContext } from './rule.js';

/** The messages of `channel-unattributed`: one per kind of finding, with the figures it needs. */
export type ChannelUnattributedMessages = {
    channelUnattributed(a: { metric: string; channels: readonly string[] }): string;
};

const EN: ChannelUnattributedMessages = {
    channelUnattributed: ({ metric, channels }) =>
        `${channels.length === 1 ? 'channel' : 'channels'} ${E.f.list(channels, 'and')} ${channels.length === 1 ? 'delivers' : 'deliver'} ${metric}, but no monitor of ${metric} is 'by channel': add 'by channel' to see which channel brings them`
};

const ZH_CN: ChannelUnattributedMessages = {
    channelUnattributed: ({ metric, channels }) =>
        `渠道 ${Z.f.list(channels, 'and')} 交付 ${metric}，但 ${metric} 的监测都没有按渠道（by channel）：请加上 'by channel'，看清每个渠道带来多少`
};

/** A metric that channels deliver and that is monitored, but never `by channel`. */
function check(context: RuleCheckContext): void {
    for (const metric of context.analysis.metrics.values()) {
        if (!metric.monitored || metric.monitoredByChannel || metric.deliveredByChannels.length === 0) continue;
        const monitors = context.analysis.monitors.filter(m => m.node.metric?.ref === metric.node);
        const own = monitors.find(m => context.isOwn(m.node));
        const related = relatedList(
            monitors
                .filter(m => context.isOwn(m.node))
                .slice(1)
                .map(m => context.related(m.node, message('relatedMonitor', { metric: metric.name }), 'metric'))
        );
        const msg = message('channelUnattributed', { metric: metric.name, channels: metric.deliveredByChannels });
        if (own) {
            context.report('channel-unattributed', msg, { node: own.node, property: 'metric', related, data: { metric: metric.name } });
            continue;
        }
        // The monitor lives in an imported file: point at the first delivery of the metric here.
        const delivery = context.analysis.channels.flatMap(c => c.deliveries).find(d => d.metric === metric.name);
        if (delivery?.node.quantity)
            context.report('channel-unattributed', msg, {
                node: delivery.node.quantity,
                property: 'metric',
                data: { metric: metric.name }
            });
    }
}

export const channelUnattributed = defineRule({
    id: 'channel-unattributed',
    severity: 'warning',
    family: 'monitoring',
    reportedBy: ['language/src/rules/channel-unattributed.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'Channels deliver a monitored metric, but no monitor of it is `by channel`: their traffic quality cannot be compared.',
        'zh-CN': '多个渠道交付一个被监测的指标，但没有按渠道（`by channel`）监测：无法比较各渠道的流量质量。'
    },
    fixes: [],
    check
});
