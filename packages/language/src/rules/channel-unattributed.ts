import { en as E, zh as Z } from '../i18n/words.js';
import { defineRule } from './rule.js';

/** The messages of `channel-unattributed`: one per kind of finding, with the figures it needs. */
export type ChannelUnattributedMessages = {
    channelUnattributed(a: { metric: string; channels: readonly string[] }): string;
};

const EN: ChannelUnattributedMessages = {
    channelUnattributed: ({ metric, channels }) =>
        `${channels.length === 1 ? 'channel' : 'channels'} ${E.f.list(channels, 'and')} ${channels.length === 1 ? 'delivers' : 'deliver'} ${metric}, but no monitor of ${metric} is 'by channel': add 'by channel' to see which channel brings them`,
};

const ZH_CN: ChannelUnattributedMessages = {
    channelUnattributed: ({ metric, channels }) =>
        `渠道 ${Z.f.list(channels, 'and')} 交付 ${metric}，但 ${metric} 的监测都没有按渠道（by channel）：请加上 'by channel'，看清每个渠道带来多少`,
};

export const channelUnattributed = defineRule({
    id: 'channel-unattributed',
    severity: 'warning',
    family: 'monitoring',
    reportedBy: ['language/src/validation/monitoring-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'Channels deliver a monitored metric, but no monitor of it is `by channel`: their traffic quality cannot be compared.',
        'zh-CN': '多个渠道交付一个被监测的指标，但没有按渠道（`by channel`）监测：无法比较各渠道的流量质量。'
    },
    fixes: []
});
