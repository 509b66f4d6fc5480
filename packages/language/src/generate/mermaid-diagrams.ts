// The plan's three diagrams. Node and task ids are generated (p0, s1, g2, c3, k4, m5, r6), never
// taken from user text; labels are quoted and pass through mermaidLabel / ganttText, so any title
// renders (tests/e2e/mermaid-plans.e2e.mjs renders every diagram in real Mermaid).

import { reviewDates } from '../analysis/review-analysis.js';
import { compareDates, formatDate } from '../values/date.js';
import { lengthInDays } from '../values/period.js';
import type { DocumentFormat } from './document-format.js';
import { ganttText, mermaidLabel } from './markdown-escape.js';

/** Strategy → goals (→ sub-goals) → channels and campaigns, with the planned amounts on the edges. */
export function goalTreeDiagram(doc: DocumentFormat): string {
    const { analysis, text: t } = doc;
    const lines = ['flowchart LR'];
    const ids = new Map<string, string>();
    const node = (key: string, prefix: string, label: string, shape: 'box' | 'round' | 'stadium' | 'hexagon') => {
        const existing = ids.get(key);
        if (existing) return existing;
        const id = `${prefix}${ids.size}`;
        ids.set(key, id);
        const quoted = `"${mermaidLabel(label)}"`;
        const shaped = shape === 'round' ? `(${quoted})` : shape === 'stadium' ? `([${quoted}])` : shape === 'hexagon' ? `{{${quoted}}}` : `[${quoted}]`;
        lines.push(`  ${id}${shaped}`);
        return id;
    };
    const edge = (from: string, to: string, label?: string, dotted = false) => {
        const arrow = dotted ? '-.->' : '-->';
        lines.push(label ? `  ${from} ${arrow}|"${mermaidLabel(label)}"| ${to}` : `  ${from} ${arrow} ${to}`);
    };

    const root = node('playbook', 'p', analysis.title ?? analysis.name ?? t.plan, 'hexagon');
    const strategyIds = new Map<string, string>();
    for (const strategy of analysis.strategies) {
        const id = node(`strategy:${strategy.name}`, 's', `${t.strategyWord}${t.colon}${doc.named(strategy.name, strategy.title)}`, 'round');
        strategyIds.set(strategy.name, id);
        edge(root, id);
    }
    const goalIds = new Map<string, string>();
    for (const goal of analysis.goals) {
        const target = doc.target(goal);
        goalIds.set(goal.name, node(`goal:${goal.name}`, 'g', target ? `${goal.name}${t.colon}${target}` : goal.name, 'box'));
    }
    for (const goal of analysis.goals) {
        const id = goalIds.get(goal.name) as string;
        const parent = goal.parent !== undefined ? goalIds.get(goal.parent) : undefined;
        const strategy = goal.strategy !== undefined ? strategyIds.get(goal.strategy) : undefined;
        if (parent) edge(parent, id, t.partOf);
        else edge(strategy ?? root, id);
    }
    const ownerIds = (type: 'Channel' | 'Campaign', name: string) =>
        type === 'Channel' ? node(`channel:${name}`, 'c', `${t.channelWord}${t.colon}${name}`, 'box') : node(`campaign:${name}`, 'k', `${t.campaignWord}${t.colon}${name}`, 'stadium');
    for (const goal of analysis.goals) {
        const id = goalIds.get(goal.name) as string;
        for (const contribution of goal.contributions) {
            if (contribution.kind !== 'delivery' || contribution.fromType === 'Goal' || contribution.file !== undefined) continue;
            edge(id, ownerIds(contribution.fromType, contribution.from), doc.qty(contribution.amount, doc.goalUnit(goal)));
        }
        for (const server of goal.servedBy) {
            if (analysis.campaigns.some(c => c.name === server)) edge(id, ownerIds('Campaign', server), t.serves, true);
        }
    }
    return lines.join('\n');
}

/**
 * SPEC §8: the playbook tree — this playbook, its parent above it, the playbooks that are part of it (and
 * any other playbook contributing to its goals, dotted), each child's contribution on its arrow.
 */
export function playbookTreeDiagram(doc: DocumentFormat): string {
    const { analysis, text: t } = doc;
    const lines = ['flowchart TD'];
    let count = 0;
    const node = (label: string, shape: 'box' | 'hexagon') => {
        const id = `${shape === 'hexagon' ? 'p' : 'c'}${count++}`;
        const quoted = `"${mermaidLabel(label)}"`;
        lines.push(`  ${id}${shape === 'hexagon' ? `{{${quoted}}}` : `[${quoted}]`}`);
        return id;
    };
    const edge = (from: string, to: string, label: string | undefined, dotted = false) => {
        const arrow = dotted ? '-.->' : '-->';
        lines.push(label ? `  ${from} ${arrow}|"${mermaidLabel(label)}"| ${to}` : `  ${from} ${arrow} ${to}`);
    };
    const tree = analysis.tree;
    const budget = analysis.budget !== undefined ? `${t.colon}${t.budgetHeading} ${doc.money(analysis.budget)}` : '';
    const self = `${analysis.name ?? t.thisPlaybook}${tree?.region !== undefined ? t.paren(tree.region) : ''}${budget}`;
    const parent = tree?.parent ? node(`${tree.parent.name}${tree.parent.region !== undefined ? t.paren(tree.parent.region) : ''}`, 'hexagon') : undefined;
    const root = node(self, 'hexagon');
    if (parent) edge(parent, root, t.partOf);
    // What each other playbook adds to this one's goals, per goal, in the goal's unit.
    const adds = new Map<string, string[]>();
    for (const goal of analysis.goals) {
        const sums = new Map<string, typeof goal.planned>();
        for (const c of goal.contributions) {
            if (c.file === undefined) continue;
            const key = c.playbook ?? c.file;
            sums.set(key, (sums.get(key) ?? goal.planned.sub(goal.planned)).add(c.amount));
        }
        for (const [key, sum] of sums) adds.set(key, [...(adds.get(key) ?? []), `${goal.name} ${doc.qty(sum, doc.goalUnit(goal))}`]);
    }
    const shown = new Set<string>();
    for (const child of tree?.children ?? []) {
        shown.add(child.name);
        const money = child.budget !== undefined ? `${t.colon}${t.budgetHeading} ${doc.money(child.budget)}${child.budgetShare !== undefined ? t.paren(doc.pct(child.budgetShare)) : ''}` : '';
        const id = node(`${child.name}${child.region !== undefined ? t.paren(child.region) : ''}${money}`, 'box');
        edge(root, id, adds.get(child.name)?.join(t.listSeparator));
    }
    for (const [key, parts] of adds) {
        if (shown.has(key)) continue;
        edge(root, node(key, 'box'), parts.join(t.listSeparator), true);
    }
    return lines.join('\n');
}

/** Budget by channel and campaign, plus what is left unallocated. */
export function budgetPieDiagram(doc: DocumentFormat): string | undefined {
    const { analysis, text: t } = doc;
    const items = analysis.budgetTotals.items.filter(i => i.amount.sign() > 0);
    if (items.length === 0) return undefined;
    const lines = [`pie showData title ${mermaidLabel(t.budgetPieTitle(doc.currency))}`];
    for (const item of items) lines.push(`  "${mermaidLabel(item.name)}" : ${item.amount.round(2).toString()}`);
    const remaining = analysis.budgetTotals.remaining;
    if (remaining !== undefined && remaining.sign() > 0) lines.push(`  "${mermaidLabel(t.unallocated)}" : ${remaining.round(2).toString()}`);
    return lines.join('\n');
}

/** Campaign windows, goal deadlines as milestones, and reviews, over the playbook period. */
export function timelineDiagram(doc: DocumentFormat): string | undefined {
    const { analysis, text: t } = doc;
    const period = analysis.period;
    if (!period) return undefined;
    const lines = ['gantt', `  title ${ganttText(t.timelineTitle)}`, '  dateFormat YYYY-MM-DD', '  axisFormat %m-%d', '  todayMarker off'];
    let next = 0;
    const id = (prefix: string) => `${prefix}${next++}`;
    lines.push(`  section ${ganttText(t.playbookPeriod)}`);
    lines.push(`  ${ganttText(analysis.name ?? t.plan)} :${id('p')}, ${formatDate(period.start)}, ${lengthInDays(period)}d`);

    const campaigns = analysis.campaigns.filter(c => c.window && compareDates(c.window.start, c.window.end) <= 0);
    if (campaigns.length > 0) {
        lines.push(`  section ${ganttText(t.campaignsHeading)}`);
        for (const c of campaigns) {
            const window = c.window as NonNullable<typeof c.window>;
            const tags = c.binding === 'mandatory' ? 'crit, ' : '';
            lines.push(`  ${ganttText(c.name)} :${tags}${id('k')}, ${formatDate(window.start)}, ${lengthInDays(window)}d`);
        }
    }

    // SPEC §8: the mandatory campaigns of the parent chain, in red like this playbook's own.
    for (const setter of [...new Set((analysis.tree?.mandatoryCampaigns ?? []).map(c => c.playbook))]) {
        const inherited = (analysis.tree?.mandatoryCampaigns ?? []).filter(c => c.playbook === setter && c.window && compareDates(c.window.start, c.window.end) <= 0);
        if (inherited.length === 0) continue;
        lines.push(`  section ${ganttText(t.mandatoryFromHeading(setter))}`);
        for (const c of inherited) {
            const window = c.window as NonNullable<typeof c.window>;
            lines.push(`  ${ganttText(c.name)} :crit, ${id('k')}, ${formatDate(window.start)}, ${lengthInDays(window)}d`);
        }
    }

    const byDeadline = new Map<string, string[]>();
    for (const goal of analysis.goals) {
        if (!goal.deadline) continue;
        const key = formatDate(goal.deadline);
        byDeadline.set(key, [...(byDeadline.get(key) ?? []), goal.name]);
    }
    if (byDeadline.size > 0) {
        lines.push(`  section ${ganttText(t.goalDeadlines)}`);
        for (const [date, names] of [...byDeadline.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
            lines.push(`  ${ganttText(doc.list(names))} :milestone, ${id('m')}, ${date}, 0d`);
        }
    }

    const reviewLines: string[] = [];
    for (const review of analysis.reviews) {
        const dates = reviewDates(review, period);
        if (dates.length === 0) continue;
        const recurring = review.schedules.some(s => s.every !== undefined);
        if (recurring) {
            const first = dates[0] as (typeof dates)[number];
            const last = dates[dates.length - 1] as (typeof dates)[number];
            const span = lengthInDays({ start: first, end: last });
            reviewLines.push(`  ${ganttText(`${review.name}${t.paren(t.timesHeld(dates.length))}`)} :${id('r')}, ${formatDate(first)}, ${Math.max(span, 1)}d`);
        } else {
            for (const date of dates) reviewLines.push(`  ${ganttText(review.name)} :milestone, ${id('r')}, ${formatDate(date)}, 0d`);
        }
    }
    if (reviewLines.length > 0) lines.push(`  section ${ganttText(t.reviewsHeading)}`, ...reviewLines);
    return lines.join('\n');
}
