import { en as E, zh as Z } from '../i18n/words.js';
import { defineRule } from './rule.js';

/** The messages of `unit-mismatch`: one per kind of finding, with the figures it needs. */
export type UnitMismatchMessages = {
    metricKindUnknown(a: { metric: string; word: string; suggestion?: string }): string;
    quantityWantsNumber(a: { metric: string; kind: string; text: string }): string;
    quantityWantsPercent(a: { metric: string; text: string }): string;
    currencyOnCount(a: { metric: string; kind: string; currency: string; value: string }): string;
    currencyNotIso(a: { code: string; suggestion?: string }): string;
    currencyNoFx(a: { code: string; base: string }): string;
    deliveryMetricMismatch(a: { from: string; metric: string; goal: string; goalMetric: string }): string;
    /** SPEC §9: a milestone in another metric than its goal's target. */
    milestoneMetricMismatch(a: { goal: string; metric: string; goalMetric: string }): string;
    funnelStepNotCount(a: { funnel: string; metric: string; kind: string }): string;
    amountWrongUnit(a: { goal: string; metric: string; kind: string; text: string }): string;
    /** SPEC §8: a child's budget in a currency its parent has no `fx` rate for. */
    childBudgetNoFx(a: { playbook: string; currency: string; parent: string; parentCurrency: string }): string;
};

const EN: UnitMismatchMessages = {
    metricKindUnknown: ({ metric, word: kind, suggestion }) =>
        `unknown metric kind '${kind}' for ${metric}: ${suggestion ? `did you mean '${suggestion}'? ` : ''}expected count, money, percent or number`,
    quantityWantsNumber: ({ metric, kind, text }) =>
        `${text} is a percentage, but ${metric} is a ${kind} metric: write a number of ${metric}${kind === 'money' ? ' (optionally with a currency)' : ''}, or measure this with a percent metric`,
    quantityWantsPercent: ({ metric, text }) => `${metric} is a percent metric: write a percentage such as ${text}% ${metric}`,
    currencyOnCount: ({ metric, kind, currency, value }) =>
        `${metric} is a ${kind} metric and takes no currency: write ${value} ${metric}, or make ${metric} a money metric (not ${currency})`,
    currencyNotIso: ({ code, suggestion }) =>
        `'${code}' is not an ISO 4217 currency code: ${suggestion ? `did you mean ${suggestion}?` : 'write a three-letter code such as CNY, USD or EUR'}`,
    currencyNoFx: ({ code, base }) => `no exchange rate from ${code} to ${base}: add 'fx ${code} = … ${base}' to the playbook`,
    deliveryMetricMismatch: ({ from, metric, goal, goalMetric }) =>
        `${from} delivers ${metric} to ${goal}, whose target is in ${goalMetric}: deliver ${goalMetric} or aim at a goal measured in ${metric} (this delivery does not count toward ${goal})`,
    milestoneMetricMismatch: ({ goal, metric, goalMetric }) =>
        `this milestone of ${goal} is in ${metric}, but its target is in ${goalMetric}: write the milestone in ${goalMetric} (it is not used for pacing)`,
    funnelStepNotCount: ({ funnel, metric, kind }) =>
        `${metric} is a ${kind} metric: the steps of funnel ${funnel} must be count metrics (the people who reach each step)`,
    amountWrongUnit: ({ goal, metric, kind, text }) =>
        `${text} does not fit ${E.poss(goal)} metric ${metric} (${kind}): write ${kind === 'percent' ? 'a percentage such as 35%' : kind === 'money' ? 'an amount such as 300k CNY' : 'a number such as 4000'}`,
    childBudgetNoFx: ({ playbook, currency, parent, parentCurrency }) =>
        `the budget of ${playbook} is in ${currency}, but its parent ${parent} plans in ${parentCurrency} and has no exchange rate for ${currency}: add 'fx ${currency} = … ${parentCurrency}' to ${parent}`
};

const ZH_CN: UnitMismatchMessages = {
    metricKindUnknown: ({ metric, word: kind, suggestion }) =>
        `指标 ${metric} 的类型「${kind}」未知：${suggestion ? `是否应为「${suggestion}」？` : ''}可选值为 count、money、percent 或 number`,
    quantityWantsNumber: ({ metric, kind, text }) =>
        `${text} 是百分比，但 ${metric} 是${Z.KIND[kind] ?? kind}指标：请写 ${metric} 的数量${kind === 'money' ? '（可带币种）' : ''}，或改用百分比指标`,
    quantityWantsPercent: ({ metric, text }) => `${metric} 是百分比指标：请写百分比，例如 ${text}% ${metric}`,
    currencyOnCount: ({ metric, kind, currency, value }) =>
        `${metric} 是${Z.KIND[kind] ?? kind}指标，不带币种：请写 ${value} ${metric}，或把 ${metric} 定义为金额指标（而不是 ${currency}）`,
    currencyNotIso: ({ code, suggestion }) =>
        `「${code}」不是 ISO 4217 币种代码：${suggestion ? `是否应为「${suggestion}」？` : '请写三个字母的代码，如 CNY、USD 或 EUR'}`,
    currencyNoFx: ({ code, base }) => `没有从 ${code} 到 ${base} 的汇率：请在 playbook 中加上 'fx ${code} = … ${base}'`,
    deliveryMetricMismatch: ({ from, metric, goal, goalMetric }) =>
        `${from} 向 ${goal} 交付 ${metric}，但该目标以 ${goalMetric} 计：请交付 ${goalMetric}，或改为交付给以 ${metric} 计的目标（这条交付不计入 ${goal}）`,
    milestoneMetricMismatch: ({ goal, metric, goalMetric }) =>
        `${goal} 的这个里程碑以 ${metric} 计，但目标以 ${goalMetric} 计：请用 ${goalMetric} 写里程碑（否则不用于进度测算）`,
    funnelStepNotCount: ({ funnel, metric, kind }) =>
        `${metric} 是${Z.KIND[kind] ?? kind}指标：漏斗 ${funnel} 的每一步都必须是计数指标（到达该步的人数）`,
    amountWrongUnit: ({ goal, metric, kind, text }) =>
        `${text} 与 ${goal} 的指标 ${metric}（${Z.KIND[kind] ?? kind}）不符：请写${kind === 'percent' ? '百分比，如 35%' : kind === 'money' ? '金额，如 300万元' : '数字，如 4000'}`,
    childBudgetNoFx: ({ playbook, currency, parent, parentCurrency }) =>
        `${playbook} 的预算以 ${currency} 计，但上级 ${parent} 以 ${parentCurrency} 计，且没有 ${currency} 的汇率：请在 ${parent} 中加上 'fx ${currency} = … ${parentCurrency}'`
};

export const unitMismatch = defineRule({
    id: 'unit-mismatch',
    severity: 'error',
    family: 'values',
    reportedBy: [
        'language/src/analysis/value-resolution.ts',
        'language/src/analysis/metrics.ts',
        'language/src/analysis/funnel.ts',
        'language/src/analysis/coverage.ts',
        'language/src/analysis/playbook-header.ts',
        'language/src/analysis/playbook-tree.ts',
        'language/src/analysis/milestones.ts'
    ],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "A quantity whose unit does not fit its metric's kind, a delivery in another metric than its goal's, or a currency without an `fx` rate to the playbook currency (also a child playbook's budget in a currency its parent has no `fx` for).",
        'zh-CN':
            '数量的单位与指标类型不符，交付的指标与目标的指标不同，或某币种没有到运营手册币种的 `fx` 汇率（包括下级运营手册的预算所用币种在上级手册中没有 `fx` 汇率）。'
    },
    fixes: []
});
