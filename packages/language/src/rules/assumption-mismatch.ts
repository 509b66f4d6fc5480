import { en as E, zh as Z } from '../i18n/words.js';
import type { Decimal } from '../values/decimal.js';
import { defineRule } from './rule.js';

/** The messages of `assumption-mismatch`: one per kind of finding, with the figures it needs. */
export type AssumptionMismatchMessages = {
    assumptionMismatch(a: {
        channel: string;
        volume: Decimal;
        metric: string;
        rate: Decimal;
        derived: Decimal;
        nextMetric: string;
        delivered: Decimal;
        tolerance: number;
    }): string;
};

const EN: AssumptionMismatchMessages = {
    assumptionMismatch: ({ channel, volume, metric, rate, derived, nextMetric, delivered, tolerance }) =>
        `${channel} assumes ${E.f.num(volume)} ${metric} at ${E.f.points(rate)} = ${E.f.num(derived)} ${nextMetric}, but delivers ${delivered.isZero() ? `no ${nextMetric}` : `${E.f.num(delivered)} ${nextMetric}`}: make the assumption and the deliveries agree (within ${E.f.pct(tolerance)})`
};

const ZH_CN: AssumptionMismatchMessages = {
    assumptionMismatch: ({ channel, volume, metric, rate, derived, nextMetric, delivered, tolerance }) =>
        `${channel} 预估 ${Z.f.num(volume)} ${metric} × ${Z.f.points(rate)} = ${Z.f.num(derived)} ${nextMetric}，但交付的是 ${delivered.isZero() ? `0 ${nextMetric}` : `${Z.f.num(delivered)} ${nextMetric}`}：请让预估与交付一致（误差不超过 ${Z.f.pct(tolerance)}）`
};

export const assumptionMismatch = defineRule({
    id: 'assumption-mismatch',
    severity: 'warning',
    family: 'budget',
    reportedBy: ['language/src/validation/budget-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "`assumes` volume × rate differs by more than 1% from what the channel delivers of the funnel's next metric.",
        'zh-CN': '`assumes` 的流量 × 转化率，与渠道交付的漏斗下一步指标相差超过 1%。'
    },
    fixes: []
});
