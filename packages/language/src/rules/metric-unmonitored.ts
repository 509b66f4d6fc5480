import { en as E, zh as Z } from '../i18n/words.js';
import { defineRule } from './rule.js';

/** The messages of `metric-unmonitored`: one per kind of finding, with the figures it needs. */
export type MetricUnmonitoredMessages = {
    metricUnmonitored(a: { metric: string; goals: readonly string[] }): string;
};

const EN: MetricUnmonitoredMessages = {
    metricUnmonitored: ({ metric, goals }) =>
        `no monitor watches ${metric}, the metric of ${E.f.list(goals, 'and')}: add 'monitor ${metric} { every week source "…" }'`,
};

const ZH_CN: MetricUnmonitoredMessages = {
    metricUnmonitored: ({ metric, goals }) =>
        `没有监测 ${metric}（${Z.f.list(goals, 'and')} 的指标）：请加上 'monitor ${metric} { every week source "…" }'`,
};

export const metricUnmonitored = defineRule({
    id: 'metric-unmonitored',
    severity: 'warning',
    family: 'monitoring',
    reportedBy: ['language/src/validation/monitoring-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "A goal's metric has no `monitor`: nobody would notice if it went off track.",
        'zh-CN': '目标的指标没有 `monitor`：偏离轨道时无人察觉。'
    },
    fixes: ['add-monitor']
});
