// SPEC §8 "Parent playbooks": `part of P` and `region` on a playbook. The parent chain (and a loop of
// it, `playbook-cycle`), the children (from the index's references to this playbook), their budgets
// converted through this playbook's `fx`, the child's period against the parent's, and the mandatory
// campaigns that reach a child from its parents. Other playbooks are read through their headers only
// (currency, fx, period, budget: `PlaybookHeaders`), never through their whole analysis, so that a
// parent and its children never wait on each other's figures.

import type { Campaign, Document, Playbook } from '../generated/ast.js';
import { message } from '../i18n/catalogue.js';
import { NATIONAL_REGION_WORDS } from '../i18n/words.js';
import { Decimal } from '../values/decimal.js';
import { rangeWithin } from '../values/period.js';
import { ofType, refName } from './analysis-scope.js';
import type { BudgetItem, BudgetTotals, ChildPlaybook, InheritedCampaign, PlaybookRef, PlaybookTree } from './model.js';
import type { PlaybookHeader } from './playbook-header.js';
import type { ValueResolver } from './value-resolution.js';
import { BINDINGS, CAMPAIGN_TYPES } from './vocabulary.js';

/** Another playbook's header, resolved on its own (its value issues are its own file's to report). */
export interface ResolvedHeader {
    header: PlaybookHeader;
    resolver: ValueResolver;
}

/** What the tree reads of the workspace (PlaybookAnalyzer caches both per workspace state). */
export interface PlaybookHeaders {
    headerOf(playbook: Playbook): ResolvedHeader;
    /** Playbooks whose `part of` names this one, anywhere in the workspace, in path order. */
    childrenOf(playbook: Playbook): Playbook[];
    uriOf(playbook: Playbook): string;
}

/** A campaign region that reaches every child (SPEC §8). */
export function isNationalRegion(region: string | undefined): boolean {
    if (region === undefined) return true;
    const text = region.trim();
    return text === '' || NATIONAL_REGION_WORDS.includes(text.toLowerCase());
}

function refOf(node: Playbook, headers: PlaybookHeaders): PlaybookRef {
    const ref: PlaybookRef = { node, name: node.name, uri: headers.uriOf(node) };
    if (node.title !== undefined) ref.title = node.title;
    if (node.region !== undefined) ref.region = node.region;
    return ref;
}

/** The parent chain of `playbook`, nearest first, and the loop it is on (if the chain comes back to it). */
function parentChain(playbook: Playbook): { chain: Playbook[]; cycle?: string[] } {
    const chain: Playbook[] = [];
    const seen = new Set<Playbook>([playbook]);
    for (let current = playbook.parent?.ref; current; current = current.parent?.ref) {
        if (current === playbook) {
            const names = [playbook.name, ...chain.map(p => p.name), playbook.name];
            // A long loop shows its first four steps and its last (like goal-cycle).
            return { chain, cycle: names.length <= 11 ? names : [...names.slice(0, 4), '…', ...names.slice(-2)] };
        }
        if (seen.has(current)) break; // a loop further up, reported on its own members
        seen.add(current);
        chain.push(current);
    }
    return { chain };
}

export function analyzeTree(playbook: Playbook, own: ResolvedHeader, headers: PlaybookHeaders): PlaybookTree {
    const tree: PlaybookTree = { ancestors: [], children: [], mandatoryCampaigns: [] };
    if (playbook.region !== undefined) tree.region = playbook.region;
    const { chain, cycle } = parentChain(playbook);
    if (cycle) {
        // On a loop nothing is a parent of anything: only `playbook-cycle` is reported.
        tree.cycle = cycle;
        return tree;
    }
    tree.ancestors = chain.map(p => refOf(p, headers));
    const parent = chain[0];
    if (parent) {
        tree.parent = tree.ancestors[0] as PlaybookRef;
        const above = headers.headerOf(parent);
        checkAgainstParent(playbook, own, above, parent);
        const share = shareOf(own.header, above.header);
        if (share !== undefined) tree.shareOfParentBudget = share;
        const period = own.header.period;
        const parentPeriod = above.header.period;
        if (period && parentPeriod && !rangeWithin(period, parentPeriod)) tree.periodOutsideParent = parentPeriod;
        tree.mandatoryCampaigns = mandatoryCampaigns(playbook, chain, headers);
    }
    for (const child of headers.childrenOf(playbook)) {
        if (parentChain(child).cycle) continue;
        tree.children.push(childFigures(child, own, headers));
    }
    return tree;
}

/** A child budget in a currency the parent has no rate for: `unit-mismatch` on the child's budget. */
function checkAgainstParent(playbook: Playbook, own: ResolvedHeader, parent: ResolvedHeader, parentNode: Playbook): void {
    const budget = own.header.budget;
    if (budget === undefined || !playbook.budget) return;
    const currency = own.header.currency;
    if (!parent.header.fx.canConvert(currency, parent.header.currency)) {
        own.resolver.issue(
            'unit-mismatch',
            playbook,
            'budget',
            message('childBudgetNoFx', {
                playbook: playbook.name,
                currency,
                parent: parentNode.name,
                parentCurrency: parent.header.currency
            })
        );
    }
}

/** The child's budget as a share of the parent's, through the parent's fx. */
function shareOf(child: PlaybookHeader, parent: PlaybookHeader): number | undefined {
    if (child.budget === undefined || parent.budget === undefined || parent.budget.sign() <= 0) return undefined;
    const converted = parent.fx.convert({ amount: child.budget, currency: child.currency }, parent.currency);
    return converted ? converted.amount.divide(parent.budget, 12).toNumber() : undefined;
}

function childFigures(child: Playbook, own: ResolvedHeader, headers: PlaybookHeaders): ChildPlaybook {
    const figures: ChildPlaybook = refOf(child, headers);
    const { header } = headers.headerOf(child);
    if (header.period) figures.period = header.period;
    if (header.budget !== undefined) {
        figures.ownBudget = { amount: header.budget, currency: header.currency };
        const converted = own.header.fx.convert({ amount: header.budget, currency: header.currency }, own.header.currency);
        if (converted) {
            figures.budget = converted.amount;
            const total = own.header.budget;
            if (total !== undefined && total.sign() > 0) figures.budgetShare = converted.amount.divide(total, 12).toNumber();
        }
    }
    return figures;
}

/**
 * The `binding mandatory` campaigns of each playbook up the chain that reach `playbook`: those without a
 * region or with the national one, and those whose region is the region of `playbook` or of a playbook
 * between it and the one that sets the campaign.
 */
function mandatoryCampaigns(playbook: Playbook, chain: readonly Playbook[], headers: PlaybookHeaders): InheritedCampaign[] {
    const result: InheritedCampaign[] = [];
    const regions = new Set<string>();
    if (playbook.region !== undefined) regions.add(playbook.region.trim());
    for (const ancestor of chain) {
        const document = ancestor.$container as Document | undefined;
        const { header, resolver } = headers.headerOf(ancestor);
        for (const campaign of ofType<Campaign>(document?.elements ?? [], 'Campaign')) {
            if (resolver.word(campaign, 'binding', campaign.binding, BINDINGS, 'binding') !== 'mandatory') continue;
            if (!isNationalRegion(campaign.region) && !regions.has((campaign.region as string).trim())) continue;
            result.push(inherited(campaign, ancestor, header, resolver, headers));
        }
        if (ancestor.region !== undefined) regions.add(ancestor.region.trim());
    }
    return result;
}

function inherited(
    campaign: Campaign,
    setter: Playbook,
    header: PlaybookHeader,
    resolver: ValueResolver,
    headers: PlaybookHeaders
): InheritedCampaign {
    const figures: InheritedCampaign = {
        node: campaign,
        name: campaign.name,
        playbook: setter.name,
        uri: headers.uriOf(setter),
        currency: header.currency
    };
    if (campaign.title !== undefined) figures.title = campaign.title;
    const type = resolver.word(campaign, 'type', campaign.type, CAMPAIGN_TYPES, 'type');
    if (type) figures.type = type;
    const window = resolver.range(campaign.window, 'window');
    if (window) figures.window = window;
    if (campaign.region !== undefined) figures.region = campaign.region;
    const owner = refName(campaign.owner);
    if (owner !== undefined) figures.owner = owner;
    const budget = resolver.money(campaign.budget);
    if (budget !== undefined) figures.budget = budget;
    return figures;
}

/**
 * Adds the children's budgets to the parent's totals (SPEC §8): one budget item per child, `childPlaybooks`
 * and `allocated`. A child budget with no rate to this currency leaves the sums incomplete (`unresolved`),
 * so `budget-overrun` stays silent while the child's file reports `unit-mismatch`.
 */
export function addChildBudgets(totals: BudgetTotals, tree: PlaybookTree): void {
    const sums: Decimal[] = [];
    for (const child of tree.children) {
        if (child.ownBudget === undefined || !child.node.budget) continue;
        if (child.budget === undefined) {
            totals.unresolved++;
            continue;
        }
        const item: BudgetItem = { name: child.name, type: 'Playbook', amount: child.budget, node: child.node.budget };
        if (child.budgetShare !== undefined) item.share = child.budgetShare;
        totals.items.push(item);
        sums.push(child.budget);
    }
    totals.childPlaybooks = Decimal.sum(sums);
    totals.allocated = totals.allocated.add(totals.childPlaybooks);
    if (totals.total !== undefined) totals.remaining = totals.total.sub(totals.allocated);
}
