import { en as E, zh as Z } from '../i18n/words.js';
import type { Decimal } from '../values/decimal.js';
import { defineRule } from './rule.js';

/** The messages of `budget-overrun`: one per kind of finding, with the figures it needs. */
export type BudgetOverrunMessages = {
    budgetOverrun(a: {
        allocated: Decimal;
        channels: Decimal;
        campaigns: Decimal;
        total: Decimal;
        over: Decimal;
        currency: string;
    }): string;
    /** SPEC §8: `budget-overrun` of a parent playbook, whose children's budgets count as allocated (largest first). */
    budgetOverrunChildren(a: {
        allocated: Decimal;
        channels: Decimal;
        campaigns: Decimal;
        childSum: Decimal;
        children: readonly { name: string; amount: Decimal }[];
        total: Decimal;
        over: Decimal;
        currency: string;
    }): string;
};

const EN: BudgetOverrunMessages = {
    budgetOverrun: ({ allocated, channels, campaigns, total, over, currency }) =>
        `channel and campaign budgets add up to ${E.f.money(allocated, currency)} (channels ${E.f.money(channels, currency)}, campaigns ${E.f.money(campaigns, currency)}), ${E.f.money(over, currency)} over the playbook budget of ${E.f.money(total, currency)}: cut budgets or raise the playbook budget`,
    budgetOverrunChildren: ({ allocated, channels, campaigns, childSum, children, total, over, currency }) =>
        `channels ${E.f.num(channels)} + campaigns ${E.f.num(campaigns)} + child playbooks ${E.f.num(childSum)} (${children.map(c => `${c.name} ${E.f.num(c.amount)}`).join(', ')}) = ${E.f.money(allocated, currency)}, above the budget of ${E.f.money(total, currency)} by ${E.f.num(over)}: cut budgets, including the child playbooks', or raise this budget`
};

const ZH_CN: BudgetOverrunMessages = {
    budgetOverrun: ({ allocated, channels, campaigns, total, over, currency }) =>
        `渠道和活动预算合计 ${Z.f.money(allocated, currency)}（渠道 ${Z.f.money(channels, currency)}，活动 ${Z.f.money(campaigns, currency)}），比总预算 ${Z.f.money(total, currency)} 多出 ${Z.f.money(over, currency)}：请削减预算或提高总预算`,
    budgetOverrunChildren: ({ allocated, channels, campaigns, childSum, children, total, over, currency }) =>
        `渠道 ${Z.f.num(channels)} + 活动 ${Z.f.num(campaigns)} + 下级运营手册 ${Z.f.num(childSum)}（${children.map(c => `${c.name} ${Z.f.num(c.amount)}`).join('，')}）= ${Z.f.money(allocated, currency)}，比预算 ${Z.f.money(total, currency)} 多出 ${Z.f.num(over)}：请削减预算（包括下级运营手册的预算），或提高本手册的预算`
};

export const budgetOverrun = defineRule({
    id: 'budget-overrun',
    severity: 'error',
    family: 'budget',
    reportedBy: ['language/src/validation/budget-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'Channel and campaign budgets, and the budgets of child playbooks (`part of` this one), together exceed the playbook budget.',
        'zh-CN': '渠道和活动的预算，加上下级运营手册（`part of` 本手册）的预算，合计超过了运营手册的总预算。'
    },
    fixes: []
});
