// Channels and campaigns: budgets and their totals, implied cost per unit, `cpa at most`, and the
// `assumes` estimate against what the channel delivers of the funnel's next step.

import type { Campaign, Channel, Delivery } from '../generated/ast.js';
import { Decimal } from '../values/decimal.js';
import { type AnalysisScope, ofType, refName } from './analysis-scope.js';
import type { AssumptionFigures, BudgetItem, BudgetTotals, CampaignFigures, ChannelFigures, DeliveryFigures, FunnelInfo } from './model.js';
import { BINDINGS, CAMPAIGN_TYPES, CHANNEL_KINDS } from './vocabulary.js';

export interface BudgetResult {
    channels: ChannelFigures[];
    campaigns: CampaignFigures[];
    budgetTotals: BudgetTotals;
}

function share(part: Decimal, whole: Decimal | undefined): number | undefined {
    return whole !== undefined && whole.sign() > 0 ? part.divide(whole, 12).toNumber() : undefined;
}

function deliveriesOf(owner: Channel | Campaign, deliveries: Map<Delivery, DeliveryFigures>): DeliveryFigures[] {
    return (owner.delivers ?? []).map(d => deliveries.get(d)).filter((d): d is DeliveryFigures => d !== undefined);
}

/** What the channel delivers of one metric, over all its deliveries (whatever goal they aim at). */
function deliveredOf(figures: readonly DeliveryFigures[], metric: string): Decimal {
    return Decimal.sum(figures.filter(d => d.metric === metric && d.amount !== undefined).map(d => d.amount as Decimal));
}

type UnitCost = Pick<ChannelFigures, 'unitMetric' | 'unitsDelivered' | 'impliedCostPerUnit'>;

/**
 * The cost basis of a channel or campaign: the first count metric it delivers, how much of it over all
 * its deliveries, and budget ÷ that amount (none without a budget or with nothing delivered).
 */
function unitCost(scope: AnalysisScope, own: readonly DeliveryFigures[], budget: Decimal | undefined): UnitCost {
    const unit = own.find(d => d.metric !== undefined && scope.metricOf(d.node.quantity?.metric?.ref)?.kind === 'count');
    if (unit?.metric === undefined) return {};
    const unitsDelivered = deliveredOf(own, unit.metric);
    const figures: UnitCost = { unitMetric: unit.metric, unitsDelivered };
    if (budget !== undefined && unitsDelivered.sign() > 0) figures.impliedCostPerUnit = budget.divide(unitsDelivered, 12);
    return figures;
}

/** Where a metric leads: the first funnel (in the given order) in which it has a next step, and that step. */
type NextSteps = ReadonlyMap<string, { funnel: string; next: string }>;

/**
 * Each metric's next step, from the first funnel in which its first occurrence is not the last step (what
 * `steps.indexOf(metric)` per funnel finds), made once: looked up per channel, a 100k-line playbook's
 * 1,041 assumptions searched its 1,041 funnels each.
 */
function nextSteps(funnels: readonly FunnelInfo[]): NextSteps {
    const found = new Map<string, { funnel: string; next: string }>();
    for (const funnel of funnels) {
        const steps = funnel.steps;
        for (let index = 0; index < steps.length - 1; index++) {
            const metric = steps[index] as string;
            // The first funnel, and in it the metric's first occurrence (a later one is found already).
            if (!found.has(metric)) found.set(metric, { funnel: funnel.name, next: steps[index + 1] as string });
        }
    }
    return found;
}

function assumption(
    scope: AnalysisScope,
    channel: Channel,
    deliveries: readonly DeliveryFigures[],
    leadsTo: () => NextSteps
): AssumptionFigures | undefined {
    const node = channel.assumes;
    if (!node) return undefined;
    const volume = scope.resolver.number(node, 'volume', node.volume);
    const rate = scope.resolver.percent(node, 'rate', node.rate);
    if (volume === undefined || rate === undefined) return undefined;
    const figures: AssumptionFigures = { volume, rate, derived: volume.mul(rate).divide(100, 12) };
    const metric = refName(node.metric);
    if (metric === undefined) return figures;
    figures.metric = metric;
    const step = leadsTo().get(metric);
    if (step) {
        figures.nextMetric = step.next;
        figures.funnel = step.funnel;
        figures.delivered = deliveredOf(deliveries, step.next);
        if (figures.derived.sign() > 0) {
            figures.deviation = figures.delivered.sub(figures.derived).abs().divide(figures.derived, 12).toNumber();
        }
    }
    return figures;
}

export function* analyzeBudgets(
    scope: AnalysisScope,
    deliveries: Map<Delivery, DeliveryFigures>,
    funnels: readonly FunnelInfo[],
    total: Decimal | undefined
): Generator<void, BudgetResult> {
    let turn = 0;
    const { resolver } = scope;
    const items: BudgetItem[] = [];
    let unresolved = 0;
    const budgetOf = (owner: Channel | Campaign): Decimal | undefined => {
        if (!owner.budget) return undefined;
        const amount = resolver.money(owner.budget);
        if (amount === undefined) unresolved++;
        else items.push({ name: owner.name, type: owner.$type, amount, node: owner.budget });
        return amount;
    };

    let steps: NextSteps | undefined;
    const leadsTo = () => (steps ??= nextSteps(funnels));
    const channels: ChannelFigures[] = [];
    for (const node of ofType<Channel>(scope.own, 'Channel')) {
        if ((++turn & 511) === 0) yield;
        const own = deliveriesOf(node, deliveries);
        const figures: ChannelFigures = { node, name: node.name, deliveries: own, campaigns: [], monitoredByChannel: false };
        if (node.title !== undefined) figures.title = node.title;
        const kind = resolver.word(node, 'kind', node.kind, CHANNEL_KINDS, 'kind');
        if (kind) figures.kind = kind;
        const owner = refName(node.owner);
        if (owner !== undefined) figures.owner = owner;
        const budget = budgetOf(node);
        if (budget !== undefined) figures.budget = budget;
        const cpa = resolver.money(node.cpa);
        if (cpa !== undefined) figures.cpaLimit = cpa;
        Object.assign(figures, unitCost(scope, own, budget));
        const assumed = assumption(scope, node, own, leadsTo);
        if (assumed) figures.assumption = assumed;
        channels.push(figures);
    }

    const campaigns: CampaignFigures[] = [];
    const channelByName = new Map(channels.map(c => [c.name, c]));
    for (const node of ofType<Campaign>(scope.own, 'Campaign')) {
        if ((++turn & 511) === 0) yield;
        const figures: CampaignFigures = { node, name: node.name, deliveries: deliveriesOf(node, deliveries), serves: [] };
        if (node.title !== undefined) figures.title = node.title;
        const type = resolver.word(node, 'type', node.type, CAMPAIGN_TYPES, 'type');
        if (type) figures.type = type;
        const window = resolver.range(node.window, 'window');
        if (window) figures.window = window;
        const binding = resolver.word(node, 'binding', node.binding, BINDINGS, 'binding');
        if (binding) figures.binding = binding;
        if (node.region !== undefined) figures.region = node.region;
        const via = refName(node.via);
        if (via !== undefined) {
            figures.via = via;
            channelByName.get(via)?.campaigns.push(node.name);
        }
        const owner = refName(node.owner);
        if (owner !== undefined) figures.owner = owner;
        const budget = budgetOf(node);
        if (budget !== undefined) figures.budget = budget;
        Object.assign(figures, unitCost(scope, figures.deliveries, budget));
        for (const served of node.serves ?? []) {
            const name = refName(served);
            if (name !== undefined && !figures.serves.includes(name)) figures.serves.push(name);
        }
        campaigns.push(figures);
    }

    const channelSum = Decimal.sum(items.filter(i => i.type === 'Channel').map(i => i.amount));
    const campaignSum = Decimal.sum(items.filter(i => i.type === 'Campaign').map(i => i.amount));
    const allocated = channelSum.add(campaignSum);
    for (const item of items) {
        const s = share(item.amount, total);
        if (s !== undefined) item.share = s;
    }
    for (const figures of [...channels, ...campaigns]) {
        if ((++turn & 511) === 0) yield;
        const s = figures.budget !== undefined ? share(figures.budget, total) : undefined;
        if (s !== undefined) figures.budgetShare = s;
    }
    const budgetTotals: BudgetTotals = {
        channels: channelSum,
        campaigns: campaignSum,
        childPlaybooks: Decimal.ZERO,
        allocated,
        items,
        unresolved
    };
    if (total !== undefined) {
        budgetTotals.total = total;
        budgetTotals.remaining = total.sub(allocated);
    }
    return { channels, campaigns, budgetTotals };
}
