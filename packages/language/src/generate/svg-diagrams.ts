// The plan's diagrams as inline SVG, drawn here at generation time from the models of
// mermaid-diagrams.ts (the same nodes, edges, slices and bars as the Mermaid text), so an HTML plan
// needs no script to show them. Layout is simple and deterministic: the goal tree in columns by depth,
// the budget as a pie with a legend, the timeline as bars on a day scale. Every label is escaped
// (`escapeHtml`); ids and colours come from the generator. Colours are classes styled by the page
// (html-document.ts), so light and dark follow `prefers-color-scheme`.

import { dayNumber, formatDate, fromDayNumber } from '../values/date.js';
import { escapeHtml } from './html-escape.js';
import type { GoalTreeModel, NodeShape, PieModel, TimelineModel } from './mermaid-diagrams.js';

const FONT = 12;

/** An estimate of the drawn width of a label (wide characters: CJK, full-width forms). */
export function textWidth(text: string, size = FONT): number {
    let width = 0;
    for (const char of text) {
        const code = char.codePointAt(0) ?? 0;
        const wide =
            (code >= 0x1100 && code <= 0x115f) ||
            (code >= 0x2e80 && code <= 0xa4cf) ||
            (code >= 0xac00 && code <= 0xd7a3) ||
            (code >= 0xf900 && code <= 0xfaff) ||
            (code >= 0xfe30 && code <= 0xfe4f) ||
            (code >= 0xff00 && code <= 0xff60) ||
            (code >= 0xffe0 && code <= 0xffe6) ||
            code >= 0x20000;
        width += wide ? size : /[ilI.,:;|'!]/.test(char) ? size * 0.32 : /[A-Z0-9%@MW]/.test(char) ? size * 0.68 : size * 0.56;
    }
    return Math.ceil(width);
}

const n = (value: number) => String(Math.round(value * 10) / 10);

function svg(width: number, height: number, label: string, body: string[]): string {
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" class="diagram" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-label="${escapeHtml(label)}">`,
        `<title>${escapeHtml(label)}</title>`,
        ...body,
        '</svg>'
    ].join('\n');
}

function text(x: number, y: number, content: string, cls: string, anchor: 'start' | 'middle' | 'end' = 'start'): string {
    return `<text x="${n(x)}" y="${n(y)}" class="${cls}"${anchor === 'start' ? '' : ` text-anchor="${anchor}"`}>${escapeHtml(content)}</text>`;
}

// ---- goal tree -------------------------------------------------------------------------------------

const NODE_H = 30;
const ROW_GAP = 14;

function nodeShape(shape: NodeShape, x: number, y: number, w: number, h: number): string {
    const cls = `tree-node tree-${shape}`;
    if (shape === 'hexagon') {
        const d = h / 2;
        return `<polygon class="${cls}" points="${[
            [x, y + d],
            [x + d, y],
            [x + w - d, y],
            [x + w, y + d],
            [x + w - d, y + h],
            [x + d, y + h]
        ]
            .map(([px, py]) => `${n(px as number)},${n(py as number)}`)
            .join(' ')}"/>`;
    }
    const radius = shape === 'stadium' ? h / 2 : shape === 'round' ? 10 : 3;
    return `<rect class="${cls}" x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="${n(radius)}"/>`;
}

/** Strategy → goals → channels and campaigns, left to right, one column per depth. */
export function goalTreeSvg(model: GoalTreeModel, label: string): string {
    const nodes = model.items.filter(item => item.kind === 'node');
    const edges = model.items.filter(item => item.kind === 'edge');
    const depth = new Map<string, number>(nodes.map(node => [node.id, 0]));
    // Longest path from the root; a cycle cannot make it run longer than there are nodes.
    for (let round = 0; round < nodes.length; round++) {
        let changed = false;
        for (const edge of edges) {
            const next = (depth.get(edge.from) ?? 0) + 1;
            if (next > (depth.get(edge.to) ?? 0) && next < nodes.length) {
                depth.set(edge.to, next);
                changed = true;
            }
        }
        if (!changed) break;
    }
    const columns: (typeof nodes)[] = [];
    for (const node of nodes) (columns[depth.get(node.id) ?? 0] ??= []).push(node);
    // Order each column by where its parents are (barycentre), keeping declaration order on ties.
    const row = new Map<string, number>();
    // Each node's incoming edges, indexed once (a search of every edge per node was quadratic in the tree's size).
    const incoming = new Map<string, string[]>();
    for (const edge of edges) {
        const froms = incoming.get(edge.to);
        if (froms) froms.push(edge.from);
        else incoming.set(edge.to, [edge.from]);
    }
    columns.forEach((column, c) => {
        if (c > 0) {
            const weight = (id: string) => {
                const parents = (incoming.get(id) ?? []).filter(from => row.has(from)).map(from => row.get(from) as number);
                return parents.length === 0 ? Number.MAX_SAFE_INTEGER : parents.reduce((a, b) => a + b, 0) / parents.length;
            };
            const weights = new Map(column.map(node => [node.id, weight(node.id)]));
            column.sort((a, b) => (weights.get(a.id) as number) - (weights.get(b.id) as number));
        }
        column.forEach((node, i) => {
            row.set(node.id, i);
        });
    });
    const width = new Map(nodes.map(node => [node.id, textWidth(node.label) + (node.shape === 'hexagon' ? 34 : 22)]));
    const columnWidth = columns.map(column => Math.max(0, ...column.map(node => width.get(node.id) as number)));
    const gapAfter = columns.map((column, c) => {
        const ids = new Set(column.map(node => node.id));
        const labels = edges
            .filter(edge => ids.has(edge.from) && edge.label !== undefined && (depth.get(edge.to) ?? 0) === c + 1)
            .map(edge => textWidth(edge.label as string, FONT - 1) + 16);
        return Math.max(56, ...labels) + 24;
    });
    const tallest = Math.max(1, ...columns.map(column => column.length));
    const margin = 8;
    const columnX: number[] = [];
    let x = margin;
    columns.forEach((_, c) => {
        columnX[c] = x;
        x += (columnWidth[c] as number) + (gapAfter[c] as number);
    });
    const totalWidth = x - (gapAfter[columns.length - 1] ?? 0) + margin;
    const totalHeight = margin * 2 + tallest * NODE_H + (tallest - 1) * ROW_GAP;
    const box = new Map<string, { x: number; y: number; w: number }>();
    columns.forEach((column, c) => {
        const top = margin + ((tallest - column.length) * (NODE_H + ROW_GAP)) / 2;
        column.forEach((node, i) => {
            const w = width.get(node.id) as number;
            box.set(node.id, { x: (columnX[c] as number) + ((columnWidth[c] as number) - w) / 2, y: top + i * (NODE_H + ROW_GAP), w });
        });
    });
    const body: string[] = [
        '<defs><marker id="tree-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 z" class="tree-arrowhead"/></marker></defs>'
    ];
    const labels: string[] = [];
    for (const edge of edges) {
        const from = box.get(edge.from);
        const to = box.get(edge.to);
        if (!from || !to) continue;
        const x1 = from.x + from.w;
        const y1 = from.y + NODE_H / 2;
        const x2 = to.x;
        const y2 = to.y + NODE_H / 2;
        const mx = (x1 + x2) / 2;
        body.push(
            `<path class="tree-edge${edge.dotted ? ' tree-dotted' : ''}" d="M${n(x1)},${n(y1)} C${n(mx)},${n(y1)} ${n(mx)},${n(y2)} ${n(x2 - 1)},${n(y2)}" marker-end="url(#tree-arrow)"/>`
        );
        if (edge.label !== undefined) {
            const w = textWidth(edge.label, FONT - 1) + 8;
            const ly = (y1 + y2) / 2;
            labels.push(
                `<rect class="tree-edge-label-bg" x="${n(mx - w / 2)}" y="${n(ly - 9)}" width="${n(w)}" height="16" rx="3"/>`,
                text(mx, ly + 3.5, edge.label, 'tree-edge-label', 'middle')
            );
        }
    }
    body.push(...labels);
    for (const node of nodes) {
        const b = box.get(node.id) as { x: number; y: number; w: number };
        body.push(
            nodeShape(node.shape, b.x, b.y, b.w, NODE_H),
            text(b.x + b.w / 2, b.y + NODE_H / 2 + 4, node.label, 'tree-label', 'middle')
        );
    }
    return svg(totalWidth, totalHeight, label, body);
}

// ---- budget pie ------------------------------------------------------------------------------------

const SLICES = 8;

/** Budget by channel and campaign: slices proportional to the amounts, a legend with each amount. */
export function budgetPieSvg(model: PieModel): string {
    const r = 100;
    const cx = 16 + r;
    const cy = 40 + r;
    const total = model.slices.reduce((sum, slice) => sum + slice.amount.toNumber(), 0);
    const body: string[] = [text(16, 22, model.title, 'pie-title')];
    let angle = -Math.PI / 2;
    model.slices.forEach((slice, i) => {
        const cls = `pie-slice pie-${i % SLICES}`;
        const share = total > 0 ? slice.amount.toNumber() / total : 0;
        if (share >= 0.9999) {
            body.push(`<circle class="${cls}" cx="${n(cx)}" cy="${n(cy)}" r="${r}"/>`);
        } else if (share > 0) {
            const end = angle + share * 2 * Math.PI;
            const large = share > 0.5 ? 1 : 0;
            body.push(
                `<path class="${cls}" d="M${n(cx)},${n(cy)} L${n(cx + r * Math.cos(angle))},${n(cy + r * Math.sin(angle))} A${r},${r} 0 ${large} 1 ${n(cx + r * Math.cos(end))},${n(cy + r * Math.sin(end))} z"/>`
            );
            angle = end;
        }
    });
    const legendX = cx + r + 28;
    let widest = 0;
    model.slices.forEach((slice, i) => {
        const y = 46 + i * 22;
        const line = `${slice.label} — ${slice.shown}`;
        widest = Math.max(widest, textWidth(line));
        body.push(
            `<rect class="pie-slice pie-${i % SLICES}" x="${legendX}" y="${y}" width="12" height="12" rx="2"/>`,
            text(legendX + 18, y + 10, line, 'pie-legend')
        );
    });
    const width = Math.max(legendX + 18 + widest + 16, 16 + textWidth(model.title, FONT + 2) + 16);
    const height = Math.max(cy + r + 12, 46 + model.slices.length * 22 + 8);
    return svg(width, height, model.title, body);
}

// ---- timeline --------------------------------------------------------------------------------------

const ROW_H = 22;

/** Campaign windows, goal deadlines and reviews as bars and milestones on a day scale. */
export function timelineSvg(model: TimelineModel): string {
    const tasks = model.sections.flatMap(section => section.tasks);
    const first = Math.min(dayNumber(model.period.start), ...tasks.map(task => dayNumber(task.start)));
    const last = Math.max(dayNumber(model.period.end), ...tasks.map(task => dayNumber(task.start) + Math.max(task.days, 1) - 1));
    const days = last - first + 1;
    const labelWidth = Math.min(
        260,
        Math.max(80, ...tasks.map(task => textWidth(task.label) + 16), ...model.sections.map(section => textWidth(section.label) + 16))
    );
    const chartWidth = 620;
    const perDay = chartWidth / days;
    const left = 8 + labelWidth;
    const top = 48;
    const xOf = (day: number) => left + (day - first) * perDay;
    const rows = model.sections.reduce((count, section) => count + 1 + section.tasks.length, 0);
    const height = top + rows * ROW_H + 10;
    const body: string[] = [text(8, 20, model.title, 'gantt-title')];
    // Ticks: the first of each month, or each Monday for a period of six weeks or less.
    const ticks: number[] = [];
    for (let day = first; day <= last; day++) {
        const date = fromDayNumber(day);
        const weekly = days <= 42;
        if (weekly ? (day - dayNumber({ year: 1970, month: 1, day: 5 })) % 7 === 0 : date.day === 1) ticks.push(day);
    }
    for (const day of ticks) {
        const x = xOf(day);
        body.push(
            `<line class="gantt-grid" x1="${n(x)}" y1="${top - 6}" x2="${n(x)}" y2="${n(height - 8)}"/>`,
            text(x + 2, top - 10, formatDate(fromDayNumber(day)).substring(5), 'gantt-tick')
        );
    }
    let y = top;
    model.sections.forEach((section, s) => {
        body.push(
            `<rect class="gantt-band gantt-band-${s % 2}" x="8" y="${n(y)}" width="${n(labelWidth + chartWidth)}" height="${n((1 + section.tasks.length) * ROW_H)}"/>`,
            text(12, y + 15, section.label, 'gantt-section')
        );
        y += ROW_H;
        for (const task of section.tasks) {
            const start = dayNumber(task.start);
            body.push(text(20, y + 15, task.label, 'gantt-label'));
            if (task.milestone) {
                const mx = xOf(start) + perDay / 2;
                const my = y + ROW_H / 2;
                body.push(
                    `<polygon class="gantt-milestone" points="${n(mx)},${n(my - 7)} ${n(mx + 7)},${n(my)} ${n(mx)},${n(my + 7)} ${n(mx - 7)},${n(my)}"><title>${escapeHtml(`${task.label}: ${formatDate(task.start)}`)}</title></polygon>`
                );
            } else {
                const end = start + task.days;
                body.push(
                    `<rect class="gantt-bar${task.critical ? ' gantt-critical' : ''}" x="${n(xOf(start))}" y="${n(y + 4)}" width="${n(Math.max(2, (end - start) * perDay))}" height="${ROW_H - 8}" rx="3"><title>${escapeHtml(`${task.label}: ${formatDate(task.start)} + ${task.days}d`)}</title></rect>`
                );
            }
            y += ROW_H;
        }
    });
    return svg(left + chartWidth + 12, height, model.title, body);
}
