import { en as E, zh as Z } from '../i18n/words.js';
import type { Decimal } from '../values/decimal.js';
import { defineRule } from './rule.js';

/** The messages of `cpa-exceeded`: one per kind of finding, with the figures it needs. */
export type CpaExceededMessages = {
    cpaExceeded(a: {
        channel: string;
        cost: Decimal;
        budget: Decimal;
        units: Decimal;
        metric: string;
        limit: Decimal;
        currency: string;
        unitsNeeded: Decimal;
        budgetAllowed: Decimal;
    }): string;
};

const EN: CpaExceededMessages = {
    cpaExceeded: ({ channel, cost, budget, units, metric, limit, currency, unitsNeeded, budgetAllowed }) =>
        `${channel} costs ${E.f.money(cost, currency)} for each of its ${E.f.num(units)} ${metric} (budget ${E.f.money(budget, currency)}), above its 'cpa at most' of ${E.f.money(limit, currency)}: deliver at least ${E.f.num(unitsNeeded)} ${metric} or cut the budget to ${E.f.money(budgetAllowed, currency)}`
};

const ZH_CN: CpaExceededMessages = {
    cpaExceeded: ({ channel, cost, budget, units, metric, limit, currency, unitsNeeded, budgetAllowed }) =>
        `${channel} 预算 ${Z.f.money(budget, currency)}，交付 ${Z.f.num(units)} ${metric}，单位成本 ${Z.f.money(cost, currency)}，高于 'cpa at most' 上限 ${Z.f.money(limit, currency)}：请至少交付 ${Z.f.num(unitsNeeded)} ${metric}，或把预算降到 ${Z.f.money(budgetAllowed, currency)}`
};

export const cpaExceeded = defineRule({
    id: 'cpa-exceeded',
    severity: 'warning',
    family: 'budget',
    reportedBy: ['language/src/validation/budget-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "The channel's budget divided by what it delivers of its first count metric is above its `cpa at most`.",
        'zh-CN': '渠道预算除以其第一个计数指标的交付量，高于 `cpa at most` 上限。'
    },
    fixes: []
});
