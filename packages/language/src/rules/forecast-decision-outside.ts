import type { UnitText } from '../i18n/text.js';
import { en as E, zh as Z } from '../i18n/words.js';
import type { Decimal } from '../values/decimal.js';
import { defineRule } from './rule.js';

/** The messages of `forecast-decision-outside`: one per kind of finding, with the figures it needs. */
export type ForecastDecisionOutsideMessages = {
    forecastDecisionOutside(a: { forecast: string; decided: Decimal; min: Decimal; max: Decimal; unit?: UnitText }): string;
};

const EN: ForecastDecisionOutsideMessages = {
    forecastDecisionOutside: ({ forecast, decided, min, max, unit }) =>
        `${forecast} decides ${E.f.amount(decided, unit)}, outside the forecasts' range ${E.f.amount(min, unit)} – ${E.f.amount(max, unit)}: explain the decision or revisit the forecasts`
};

const ZH_CN: ForecastDecisionOutsideMessages = {
    forecastDecisionOutside: ({ forecast, decided, min, max, unit }) =>
        `${forecast} 的决定值 ${Z.f.amount(decided, unit)} 不在三方预测的范围 ${Z.f.amount(min, unit)} – ${Z.f.amount(max, unit)} 内：请说明理由或重新预测`
};

export const forecastDecisionOutside = defineRule({
    id: 'forecast-decision-outside',
    severity: 'warning',
    family: 'forecast',
    reportedBy: ['language/src/validation/forecast-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'The decided figure lies outside the range of the three forecasts.',
        'zh-CN': '决定的数字不在三个预测的范围内。'
    },
    fixes: []
});
