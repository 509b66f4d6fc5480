// Sales targets from three forecasts (DOMAIN.md): their range, spread and median, the decision, and
// whether the goal's target is the decided figure.

import type { Forecast } from '../generated/ast.js';
import { Decimal } from '../values/decimal.js';
import { type AnalysisScope, ofType, refName } from './analysis-scope.js';
import { goalTarget, unitOf } from './coverage.js';
import type { ForecastFigures } from './model.js';

export function* analyzeForecasts(scope: AnalysisScope): Generator<void, ForecastFigures[]> {
    let turn = 0;
    const result: ForecastFigures[] = [];
    for (const node of ofType<Forecast>(scope.own, 'Forecast')) {
        if ((++turn & 511) === 0) yield;
        const figures: ForecastFigures = { node, name: node.name };
        const goal = node.goal?.ref;
        const goalName = refName(node.goal);
        if (goalName !== undefined) figures.goal = goalName;
        const target = goalTarget(scope, goal);
        const unit = unitOf(target.metric, scope.resolver.currency);
        if (unit) figures.unit = unit;
        if (target.amount !== undefined) figures.goalTarget = target.amount;
        const read = (property: 'sales' | 'finance' | 'market' | 'decided') =>
            scope.resolver.amount(node[property], goalName, target.metric);
        const sales = read('sales');
        const finance = read('finance');
        const market = read('market');
        const decided = read('decided');
        if (sales !== undefined) figures.sales = sales;
        if (finance !== undefined) figures.finance = finance;
        if (market !== undefined) figures.market = market;
        if (decided !== undefined) figures.decided = decided;
        const decider = refName(node.decider);
        if (decider !== undefined) figures.decider = decider;

        const three = [sales, finance, market].filter((v): v is Decimal => v !== undefined).sort(Decimal.compare);
        if (three.length > 0) {
            figures.min = three[0] as Decimal;
            figures.max = three[three.length - 1] as Decimal;
        }
        if (three.length === 3) {
            const median = three[1] as Decimal;
            figures.median = median;
            if (median.sign() > 0)
                figures.spread = (figures.max as Decimal)
                    .sub(figures.min as Decimal)
                    .divide(median, 12)
                    .toNumber();
        }
        if (decided !== undefined && figures.min !== undefined && figures.max !== undefined) {
            figures.decisionInside = decided.gte(figures.min) && decided.lte(figures.max);
        }
        if (decided !== undefined && target.amount !== undefined) figures.matchesGoal = decided.eq(target.amount);
        result.push(figures);
    }
    return result;
}
