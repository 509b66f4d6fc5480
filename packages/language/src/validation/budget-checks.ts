import type { ChannelFigures } from '../analysis/model.js';
import { message } from '../i18n/catalogue.js';
import type { Decimal } from '../values/decimal.js';
import { AnalysisChecks, keywordLineRange, relatedList, type RuleContext } from './analysis-check.js';

/** budget-overrun, cpa-exceeded, assumption-mismatch: money and estimates of channels and campaigns. */
export class BudgetChecks extends AnalysisChecks {
    protected readonly family = 'budget';
    protected run(context: RuleContext): void {
        this.checkOverrun(context);
        for (const channel of context.analysis.channels) {
            this.checkCpa(context, channel);
            this.checkAssumption(context, channel);
        }
    }

    private checkOverrun(context: RuleContext): void {
        const { analysis } = context;
        const totals = analysis.budgetTotals;
        const playbook = analysis.playbook;
        if (!playbook || totals.total === undefined || totals.unresolved > 0 || !totals.allocated.gt(totals.total)) return;
        const currency = analysis.currency;
        // Each budget's own line, so the editor can also mark the one just edited (lsp/server/edited-budget-marks.ts).
        const related = relatedList(
            totals.items.map(item =>
                context.related(item.node, message('relatedBudget', { name: item.name, amount: item.amount, currency }), 'budget')
            )
        );
        const playbookBudget = context.related(
            playbook,
            message('relatedBudget', { name: playbook.name, amount: totals.total, currency }),
            'budget'
        );
        const children = totals.items.filter(item => item.type === 'Playbook').map(item => ({ name: item.name, amount: item.amount }));
        if (children.length > 0) {
            // SPEC §8: the children's budgets, largest first (then in path order).
            const sorted = children
                .map((c, i) => ({ ...c, i }))
                .sort((a, b) => b.amount.cmp(a.amount) || a.i - b.i)
                .map(({ name, amount }) => ({ name, amount }));
            context.report(
                'budget-overrun',
                message('budgetOverrunChildren', {
                    allocated: totals.allocated,
                    channels: totals.channels,
                    campaigns: totals.campaigns,
                    childSum: totals.childPlaybooks,
                    children: sorted,
                    total: totals.total,
                    over: totals.allocated.sub(totals.total),
                    currency
                }),
                { node: playbook, property: 'budget', related, ...(playbookBudget ? { data: { playbookBudget } } : {}) }
            );
            return;
        }
        context.report(
            'budget-overrun',
            message('budgetOverrun', {
                allocated: totals.allocated,
                channels: totals.channels,
                campaigns: totals.campaigns,
                total: totals.total,
                over: totals.allocated.sub(totals.total),
                currency
            }),
            { node: playbook, property: 'budget', related, ...(playbookBudget ? { data: { playbookBudget } } : {}) }
        );
    }

    private checkCpa(context: RuleContext, channel: ChannelFigures): void {
        const { budget, cpaLimit: limit, unitsDelivered: units, impliedCostPerUnit: cost, unitMetric: metric } = channel;
        if (
            budget === undefined ||
            limit === undefined ||
            units === undefined ||
            cost === undefined ||
            metric === undefined ||
            !cost.gt(limit)
        )
            return;
        const currency = context.analysis.currency;
        // Fixes: the fewest units this budget buys at the limit, and the largest budget these units allow.
        const unitsNeeded = limit.sign() > 0 ? ceil(budget.divide(limit, 12)) : units;
        const budgetAllowed = limit.mul(units);
        const range = keywordLineRange(channel.node, 'cpa', 'cpa');
        const related = relatedList(
            channel.deliveries
                .filter(d => d.metric === metric && d.amount !== undefined)
                .map(d =>
                    context.related(
                        d.node,
                        message('relatedDelivery', { from: channel.name, amount: d.amount as Decimal, unit: { metric, kind: 'count' } })
                    )
                )
        );
        context.report(
            'cpa-exceeded',
            message('cpaExceeded', { channel: channel.name, cost, budget, units, metric, limit, currency, unitsNeeded, budgetAllowed }),
            {
                node: channel.node,
                property: 'cpa',
                ...(range ? { range } : {}),
                related
            }
        );
    }

    private checkAssumption(context: RuleContext, channel: ChannelFigures): void {
        const assumed = channel.assumption;
        if (!assumed || assumed.metric === undefined || assumed.nextMetric === undefined || assumed.delivered === undefined) return;
        const tolerance = context.settings.thresholds.assumptionTolerance;
        const off = assumed.derived.isZero() ? assumed.delivered.sign() > 0 : (assumed.deviation ?? 0) > tolerance;
        if (!off) return;
        const related = relatedList(
            channel.deliveries
                .filter(d => d.metric === assumed.nextMetric && d.amount !== undefined)
                .map(d =>
                    context.related(
                        d.node,
                        message('relatedDelivery', {
                            from: channel.name,
                            amount: d.amount as Decimal,
                            unit: { metric: assumed.nextMetric as string, kind: 'count' }
                        })
                    )
                )
        );
        context.report(
            'assumption-mismatch',
            message('assumptionMismatch', {
                channel: channel.name,
                volume: assumed.volume,
                metric: assumed.metric,
                rate: assumed.rate,
                derived: assumed.derived,
                nextMetric: assumed.nextMetric,
                delivered: assumed.delivered,
                tolerance
            }),
            { node: channel.node, property: 'assumes', related }
        );
    }
}

function ceil(value: Decimal): Decimal {
    const floor = value.round(0);
    return floor.lt(value) ? floor.add(1) : floor;
}
