import type { ForecastFigures } from '../analysis/model.js';
import { message } from '../i18n/catalogue.js';
import type { Decimal } from '../values/decimal.js';
import { AnalysisChecks, relatedList, type RuleContext } from './analysis-check.js';

const WHO = ['sales', 'finance', 'market'] as const;

/** forecast-spread, forecast-decision-outside, goal-forecast-mismatch: sales targets from three forecasts. */
export class ForecastChecks extends AnalysisChecks {
    protected readonly family = 'forecast';
    protected run(context: RuleContext): void {
        for (const forecast of context.analysis.forecasts) {
            this.checkSpread(context, forecast);
            this.checkDecision(context, forecast);
            this.checkGoal(context, forecast);
        }
    }

    private checkSpread(context: RuleContext, forecast: ForecastFigures): void {
        const threshold = context.settings.thresholds.forecastSpread;
        const { spread, min, max, median, unit } = forecast;
        if (spread === undefined || min === undefined || max === undefined || median === undefined || spread <= threshold) return;
        const related = relatedList(
            WHO.map(who => {
                const amount = forecast[who];
                const node = forecast.node[who];
                return amount !== undefined && node
                    ? context.related(node, message('relatedForecastFigure', unit ? { who, amount, unit } : { who, amount }))
                    : undefined;
            })
        );
        context.report(
            'forecast-spread',
            message('forecastSpread', {
                forecast: forecast.name,
                min,
                max,
                median,
                spread,
                threshold,
                ...(unit ? { unit } : {}),
                ...(forecast.goal ? { goal: forecast.goal } : {})
            }),
            {
                node: forecast.node,
                property: 'name',
                related
            }
        );
    }

    private checkDecision(context: RuleContext, forecast: ForecastFigures): void {
        const { decided, min, max, unit } = forecast;
        if (decided === undefined || min === undefined || max === undefined || forecast.decisionInside !== false) return;
        context.report(
            'forecast-decision-outside',
            message('forecastDecisionOutside', { forecast: forecast.name, decided, min, max, ...(unit ? { unit } : {}) }),
            {
                node: forecast.node,
                property: 'decided'
            }
        );
    }

    private checkGoal(context: RuleContext, forecast: ForecastFigures): void {
        const { decided, goalTarget, unit } = forecast;
        if (decided === undefined || goalTarget === undefined || forecast.goal === undefined || forecast.matchesGoal !== false) return;
        const goalNode = forecast.node.goal?.ref;
        const msg = message('goalForecastMismatch', {
            goal: forecast.goal,
            target: goalTarget as Decimal,
            decided,
            forecast: forecast.name,
            ...(unit ? { unit } : {})
        });
        // On the goal's target when the goal is in this file; else on the decision.
        if (goalNode && context.isOwn(goalNode) && goalNode.target) {
            context.report('goal-forecast-mismatch', msg, {
                node: goalNode,
                property: 'target',
                related: relatedList([context.related(forecast.node, msg, 'decided')])
            });
        } else {
            context.report('goal-forecast-mismatch', msg, { node: forecast.node, property: 'decided' });
        }
    }
}
