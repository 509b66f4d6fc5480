import { en as E, zh as Z } from '../i18n/words.js';
import type { Decimal } from '../values/decimal.js';
import { defineRule } from './rule.js';

/** The messages of `budget-overrun`: one per kind of finding, with the figures it needs. */
export type BudgetOverrunMessages = {
    budgetOverrun(a: { allocated: Decimal; channels: Decimal; campaigns: Decimal; total: Decimal; over: Decimal; currency: string }): string;
};

const EN: BudgetOverrunMessages = {
    budgetOverrun: ({ allocated, channels, campaigns, total, over, currency }) =>
        `channel and campaign budgets add up to ${E.f.money(allocated, currency)} (channels ${E.f.money(channels, currency)}, campaigns ${E.f.money(campaigns, currency)}), ${E.f.money(over, currency)} over the playbook budget of ${E.f.money(total, currency)}: cut budgets or raise the playbook budget`,
};

const ZH_CN: BudgetOverrunMessages = {
    budgetOverrun: ({ allocated, channels, campaigns, total, over, currency }) =>
        `渠道和活动预算合计 ${Z.f.money(allocated, currency)}（渠道 ${Z.f.money(channels, currency)}，活动 ${Z.f.money(campaigns, currency)}），比总预算 ${Z.f.money(total, currency)} 多出 ${Z.f.money(over, currency)}：请削减预算或提高总预算`,
};

export const budgetOverrun = defineRule({
    id: 'budget-overrun',
    severity: 'error',
    family: 'budget',
    reportedBy: ['language/src/validation/budget-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'Channel and campaign budgets together exceed the playbook budget.',
        'zh-CN': '渠道和活动的预算合计超过了剧本总预算。'
    },
    fixes: []
});
