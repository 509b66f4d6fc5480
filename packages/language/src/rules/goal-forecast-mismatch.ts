import type { UnitText } from '../i18n/text.js';
import { en as E, zh as Z } from '../i18n/words.js';
import type { Decimal } from '../values/decimal.js';
import { defineRule } from './rule.js';

/** The messages of `goal-forecast-mismatch`: one per kind of finding, with the figures it needs. */
export type GoalForecastMismatchMessages = {
    goalForecastMismatch(a: { goal: string; target: Decimal; decided: Decimal; forecast: string; unit?: UnitText }): string;
};

const EN: GoalForecastMismatchMessages = {
    goalForecastMismatch: ({ goal, target, decided, forecast, unit }) =>
        `the target of ${goal}, ${E.f.amount(target, unit)}, differs from the ${E.f.amount(decided, unit)} decided by forecast ${forecast}: make the target the decided figure`
};

const ZH_CN: GoalForecastMismatchMessages = {
    goalForecastMismatch: ({ goal, target, decided, forecast, unit }) =>
        `${goal} 的目标 ${Z.f.amount(target, unit)} 与预测 ${forecast} 决定的 ${Z.f.amount(decided, unit)} 不一致：请把目标改为决定值`
};

export const goalForecastMismatch = defineRule({
    id: 'goal-forecast-mismatch',
    severity: 'warning',
    family: 'forecast',
    reportedBy: ['language/src/validation/forecast-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: "The goal's target differs from the figure decided by its forecast.",
        'zh-CN': '目标值与其预测中决定的数字不同。'
    },
    fixes: []
});
