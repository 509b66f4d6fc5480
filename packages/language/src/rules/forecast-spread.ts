import type { UnitText } from '../i18n/text.js';
import { en as E, zh as Z } from '../i18n/words.js';
import type { Decimal } from '../values/decimal.js';
import { defineRule } from './rule.js';

/** The messages of `forecast-spread`: one per kind of finding, with the figures it needs. */
export type ForecastSpreadMessages = {
    forecastSpread(a: {
        forecast: string;
        goal?: string;
        min: Decimal;
        max: Decimal;
        median: Decimal;
        spread: number;
        threshold: number;
        unit?: UnitText;
    }): string;
};

const EN: ForecastSpreadMessages = {
    forecastSpread: ({ forecast, min, max, median, spread, threshold, unit }) =>
        `the forecasts of ${forecast} range from ${E.f.amount(min, unit)} to ${E.f.amount(max, unit)}, a spread of ${E.f.pct(spread)} of the median ${E.f.amount(median, unit)} (more than ${E.f.pct(threshold)}): look again at the assumptions behind the highest and the lowest`
};

const ZH_CN: ForecastSpreadMessages = {
    forecastSpread: ({ forecast, min, max, median, spread, threshold, unit }) =>
        `${forecast} 的三方预测从 ${Z.f.amount(min, unit)} 到 ${Z.f.amount(max, unit)}，差距为中位数 ${Z.f.amount(median, unit)} 的 ${Z.f.pct(spread)}（超过 ${Z.f.pct(threshold)}）：请复核最高和最低预测背后的假设`
};

export const forecastSpread = defineRule({
    id: 'forecast-spread',
    severity: 'warning',
    family: 'forecast',
    reportedBy: ['language/src/validation/forecast-checks.ts'],
    messages: { en: EN, 'zh-CN': ZH_CN },
    docs: {
        en: 'The three forecasts disagree: (max − min) ÷ median is above 20% (threshold `forecastSpread`).',
        'zh-CN': '三个预测分歧过大：(最大 − 最小) ÷ 中位数 超过 20%（阈值 `forecastSpread`）。'
    },
    fixes: []
});
