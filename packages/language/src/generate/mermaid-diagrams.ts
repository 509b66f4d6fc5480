// The plan's three diagrams, each as a model (what is drawn: nodes and edges, slices, bars — every
// label and figure chosen here, once) and its Mermaid text (Markdown documents); svg-diagrams.ts
// draws the same models as inline SVG (HTML documents). Node and task ids are generated (p0, s1, g2,
// c3, k4, m5, r6), never taken from user text; Mermaid labels are quoted and pass through
// mermaidLabel / ganttText, so any title renders (tests/e2e/mermaid-plans.e2e.mjs renders every
// diagram in real Mermaid).

import { reviewDates } from '../analysis/review-analysis.js';
import { type CalendarDate, compareDates, formatDate } from '../values/date.js';
import type { Decimal } from '../values/decimal.js';
import { lengthInDays } from '../values/period.js';
import type { DocumentFormat } from './document-format.js';
import { ganttText, mermaidLabel } from './markdown-escape.js';

export type NodeShape = 'box' | 'round' | 'stadium' | 'hexagon';
/** In declaration order, nodes and edges interleaved as the Mermaid text declares them. */
export type GoalTreeItem =
    | { kind: 'node'; id: string; label: string; shape: NodeShape }
    | { kind: 'edge'; from: string; to: string; label?: string; dotted: boolean };
export interface GoalTreeModel {
    items: GoalTreeItem[];
}

/** Strategy → goals (→ sub-goals) → channels and campaigns, with the planned amounts on the edges. */
export function goalTreeModel(doc: DocumentFormat): GoalTreeModel {
    const { analysis, text: t } = doc;
    const items: GoalTreeItem[] = [];
    const ids = new Map<string, string>();
    const node = (key: string, prefix: string, label: string, shape: NodeShape) => {
        const existing = ids.get(key);
        if (existing) return existing;
        const id = `${prefix}${ids.size}`;
        ids.set(key, id);
        items.push({ kind: 'node', id, label, shape });
        return id;
    };
    const edge = (from: string, to: string, label?: string, dotted = false) => {
        items.push(label !== undefined ? { kind: 'edge', from, to, label, dotted } : { kind: 'edge', from, to, dotted });
    };

    const root = node('playbook', 'p', analysis.title ?? analysis.name ?? t.plan, 'hexagon');
    const strategyIds = new Map<string, string>();
    for (const strategy of analysis.strategies) {
        const id = node(
            `strategy:${strategy.name}`,
            's',
            `${t.strategyWord}${t.colon}${doc.named(strategy.name, strategy.title)}`,
            'round'
        );
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
        type === 'Channel'
            ? node(`channel:${name}`, 'c', `${t.channelWord}${t.colon}${name}`, 'box')
            : node(`campaign:${name}`, 'k', `${t.campaignWord}${t.colon}${name}`, 'stadium');
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
    return { items };
}

/** A flowchart model (the goal tree, left to right; the playbook tree, top down) as Mermaid text. */
export function flowchartMermaid(model: GoalTreeModel, direction: 'LR' | 'TD'): string {
    const lines = [`flowchart ${direction}`];
    for (const item of model.items) {
        if (item.kind === 'node') {
            const quoted = `"${mermaidLabel(item.label)}"`;
            const shaped =
                item.shape === 'round'
                    ? `(${quoted})`
                    : item.shape === 'stadium'
                      ? `([${quoted}])`
                      : item.shape === 'hexagon'
                        ? `{{${quoted}}}`
                        : `[${quoted}]`;
            lines.push(`  ${item.id}${shaped}`);
        } else {
            const arrow = item.dotted ? '-.->' : '-->';
            lines.push(
                item.label ? `  ${item.from} ${arrow}|"${mermaidLabel(item.label)}"| ${item.to}` : `  ${item.from} ${arrow} ${item.to}`
            );
        }
    }
    return lines.join('\n');
}

/** Strategy → goals → channels and campaigns, as Mermaid text. */
export function goalTreeDiagram(doc: DocumentFormat): string {
    return flowchartMermaid(goalTreeModel(doc), 'LR');
}

/**
 * SPEC §8: the playbook tree — this playbook, its parent above it, the playbooks that are part of it (and
 * any other playbook contributing to its goals, dotted), each child's contribution on its arrow.
 */
export function playbookTreeModel(doc: DocumentFormat): GoalTreeModel {
    const { analysis, text: t } = doc;
    const items: GoalTreeItem[] = [];
    let count = 0;
    const node = (label: string, shape: 'box' | 'hexagon') => {
        const id = `${shape === 'hexagon' ? 'p' : 'c'}${count++}`;
        items.push({ kind: 'node', id, label, shape });
        return id;
    };
    const edge = (from: string, to: string, label: string | undefined, dotted = false) => {
        items.push(label ? { kind: 'edge', from, to, label, dotted } : { kind: 'edge', from, to, dotted });
    };
    const tree = analysis.tree;
    const budget = analysis.budget !== undefined ? `${t.colon}${t.budgetHeading} ${doc.money(analysis.budget)}` : '';
    const self = `${analysis.name ?? t.thisPlaybook}${tree?.region !== undefined ? t.paren(tree.region) : ''}${budget}`;
    const parent = tree?.parent
        ? node(`${tree.parent.name}${tree.parent.region !== undefined ? t.paren(tree.parent.region) : ''}`, 'hexagon')
        : undefined;
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
        const money =
            child.budget !== undefined
                ? `${t.colon}${t.budgetHeading} ${doc.money(child.budget)}${child.budgetShare !== undefined ? t.paren(doc.pct(child.budgetShare)) : ''}`
                : '';
        const id = node(`${child.name}${child.region !== undefined ? t.paren(child.region) : ''}${money}`, 'box');
        edge(root, id, adds.get(child.name)?.join(t.listSeparator));
    }
    for (const [key, parts] of adds) {
        if (shown.has(key)) continue;
        edge(root, node(key, 'box'), parts.join(t.listSeparator), true);
    }
    return { items };
}

/** The playbook tree as Mermaid text. */
export function playbookTreeDiagram(doc: DocumentFormat): string {
    return flowchartMermaid(playbookTreeModel(doc), 'TD');
}

export interface PieModel {
    title: string;
    /** Positive amounts in the playbook currency, in order; the last may be what is left unallocated. */
    slices: { label: string; amount: Decimal; shown: string }[];
}

/** Budget by channel and campaign, plus what is left unallocated; none when nothing is allocated. */
export function budgetPieModel(doc: DocumentFormat): PieModel | undefined {
    const { analysis, text: t } = doc;
    const items = analysis.budgetTotals.items.filter(i => i.amount.sign() > 0);
    if (items.length === 0) return undefined;
    const slices = items.map(item => ({ label: item.name, amount: item.amount, shown: doc.money(item.amount) }));
    const remaining = analysis.budgetTotals.remaining;
    if (remaining !== undefined && remaining.sign() > 0)
        slices.push({ label: t.unallocated, amount: remaining, shown: doc.money(remaining) });
    return { title: t.budgetPieTitle(doc.currency), slices };
}

export function budgetPieMermaid(model: PieModel): string {
    const lines = [`pie showData title ${mermaidLabel(model.title)}`];
    for (const slice of model.slices) lines.push(`  "${mermaidLabel(slice.label)}" : ${slice.amount.round(2).toString()}`);
    return lines.join('\n');
}

/** Budget by channel and campaign as Mermaid text. */
export function budgetPieDiagram(doc: DocumentFormat): string | undefined {
    const model = budgetPieModel(doc);
    return model ? budgetPieMermaid(model) : undefined;
}

export interface TimelineTask {
    id: string;
    label: string;
    start: CalendarDate;
    /** Length in days, both ends included; 0 for a milestone. */
    days: number;
    milestone: boolean;
    critical: boolean;
}
export interface TimelineModel {
    title: string;
    period: { start: CalendarDate; end: CalendarDate };
    sections: { label: string; tasks: TimelineTask[] }[];
}

/** Campaign windows, goal deadlines as milestones, and reviews, over the playbook period. */
export function timelineModel(doc: DocumentFormat): TimelineModel | undefined {
    const { analysis, text: t } = doc;
    const period = analysis.period;
    if (!period) return undefined;
    let next = 0;
    const id = (prefix: string) => `${prefix}${next++}`;
    const task = (prefix: string, label: string, start: CalendarDate, days: number, milestone = false, critical = false): TimelineTask => ({
        id: id(prefix),
        label,
        start,
        days,
        milestone,
        critical
    });
    const sections: TimelineModel['sections'] = [
        { label: t.playbookPeriod, tasks: [task('p', analysis.name ?? t.plan, period.start, lengthInDays(period))] }
    ];

    const campaigns = analysis.campaigns.filter(c => c.window && compareDates(c.window.start, c.window.end) <= 0);
    if (campaigns.length > 0) {
        sections.push({
            label: t.campaignsHeading,
            tasks: campaigns.map(c => {
                const window = c.window as NonNullable<typeof c.window>;
                return task('k', c.name, window.start, lengthInDays(window), false, c.binding === 'mandatory');
            })
        });
    }

    // SPEC §8: the mandatory campaigns of the parent chain, in red like this playbook's own.
    const mandatory = analysis.tree?.mandatoryCampaigns ?? [];
    for (const setter of [...new Set(mandatory.map(c => c.playbook))]) {
        const inherited = mandatory.filter(c => c.playbook === setter && c.window && compareDates(c.window.start, c.window.end) <= 0);
        if (inherited.length === 0) continue;
        sections.push({
            label: t.mandatoryFromHeading(setter),
            tasks: inherited.map(c => {
                const window = c.window as NonNullable<typeof c.window>;
                return task('k', c.name, window.start, lengthInDays(window), false, true);
            })
        });
    }

    // SPEC §9: each goal's milestones, as diamonds on their dates.
    const milestones = analysis.goals.flatMap(goal => goal.milestones.filter(m => m.date).map(m => ({ goal, milestone: m })));
    if (milestones.length > 0) {
        sections.push({
            label: t.goalMilestones,
            tasks: milestones.map(({ goal, milestone }) => {
                const amount = milestone.amount !== undefined ? ` ${doc.amount(milestone.amount, doc.goalUnit(goal))}` : '';
                return task('m', `${goal.name}${amount}`, milestone.date as CalendarDate, 0, true);
            })
        });
    }

    const byDeadline = new Map<string, { date: CalendarDate; names: string[] }>();
    for (const goal of analysis.goals) {
        if (!goal.deadline) continue;
        const key = formatDate(goal.deadline);
        const entry = byDeadline.get(key) ?? { date: goal.deadline, names: [] };
        entry.names.push(goal.name);
        byDeadline.set(key, entry);
    }
    if (byDeadline.size > 0) {
        const tasks = [...byDeadline.entries()]
            .sort((a, b) => (a[0] < b[0] ? -1 : 1))
            .map(([, entry]) => task('m', doc.list(entry.names), entry.date, 0, true));
        sections.push({ label: t.goalDeadlines, tasks });
    }

    const reviewTasks: TimelineTask[] = [];
    for (const review of analysis.reviews) {
        const dates = reviewDates(review, period);
        if (dates.length === 0) continue;
        const recurring = review.schedules.some(s => s.every !== undefined);
        if (recurring) {
            const first = dates[0] as (typeof dates)[number];
            const last = dates[dates.length - 1] as (typeof dates)[number];
            const span = lengthInDays({ start: first, end: last });
            reviewTasks.push(task('r', `${review.name}${t.paren(t.timesHeld(dates.length))}`, first, Math.max(span, 1)));
        } else {
            for (const date of dates) reviewTasks.push(task('r', review.name, date, 0, true));
        }
    }
    if (reviewTasks.length > 0) sections.push({ label: t.reviewsHeading, tasks: reviewTasks });
    return { title: t.timelineTitle, period, sections };
}

export function timelineMermaid(model: TimelineModel): string {
    const lines = ['gantt', `  title ${ganttText(model.title)}`, '  dateFormat YYYY-MM-DD', '  axisFormat %m-%d', '  todayMarker off'];
    for (const section of model.sections) {
        lines.push(`  section ${ganttText(section.label)}`);
        for (const task of section.tasks) {
            lines.push(
                task.milestone
                    ? `  ${ganttText(task.label)} :milestone, ${task.id}, ${formatDate(task.start)}, 0d`
                    : `  ${ganttText(task.label)} :${task.critical ? 'crit, ' : ''}${task.id}, ${formatDate(task.start)}, ${task.days}d`
            );
        }
    }
    return lines.join('\n');
}

/** The timeline as Mermaid text; none without a playbook period. */
export function timelineDiagram(doc: DocumentFormat): string | undefined {
    const model = timelineModel(doc);
    return model ? timelineMermaid(model) : undefined;
}
