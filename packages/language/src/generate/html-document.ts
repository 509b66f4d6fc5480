// A generated document as one self-contained HTML page: the blocks of a MarkdownDocument as HTML
// elements, every level-2 heading opening a <section> (a new page when printed), diagrams as inline
// SVG drawn by svg-diagrams.ts. No script, no external resource (a Content-Security-Policy says so
// to the browser as well), light and dark colours by `prefers-color-scheme`, A4 when printed. User
// text is escaped by `escapeHtml` where it lands (markdown-builder.ts keeps both renderings).

import type { Locale } from '../values/format.js';
import { escapeHtml } from './html-escape.js';
import { type Align, BLANK, type Cell, type Diagram, type DocumentOut, renderHtml } from './markdown-builder.js';

const STYLE = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --line: #d1d9e0; --head: #f6f8fa; --band0: #f6f8fa; --band1: #eef2f6; --accent: #0969da; --node: #ddf4ff; --node-line: #54aeff; --crit: #cf222e; --mile: #8250df;
  --s0: #4e79a7; --s1: #f28e2b; --s2: #59a14f; --s3: #e15759; --s4: #76b7b2; --s5: #edc948; --s6: #b07aa1; --s7: #9c755f; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --line: #3d444d; --head: #151b23; --band0: #151b23; --band1: #1c232c; --accent: #4493f8; --node: #0c2d6b; --node-line: #1f6feb; --crit: #f85149; --mile: #ab7df8; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.7em; margin: 0 0 .4em; }
h2 { font-size: 1.3em; margin: 1.6em 0 .6em; padding-bottom: .25em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.08em; margin: 1.2em 0 .5em; }
p, ul, ol { margin: .5em 0 .9em; }
em { color: var(--muted); }
code { font: .92em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--head); padding: .1em .3em; border-radius: 4px; }
.table { overflow-x: auto; margin: .5em 0 1em; }
table { border-collapse: collapse; font-size: .93em; }
th, td { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; text-align: left; }
th { background: var(--head); font-weight: 600; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: .8em 0 1em; overflow-x: auto; }
svg.diagram { max-width: none; height: auto; font: 12px system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
svg.diagram text { fill: var(--fg); }
.tree-node { fill: var(--node); stroke: var(--node-line); stroke-width: 1.2; }
.tree-hexagon { fill: var(--head); stroke: var(--accent); stroke-width: 1.6; }
.tree-round { fill: var(--band1); }
.tree-edge { fill: none; stroke: var(--muted); stroke-width: 1.2; }
.tree-dotted { stroke-dasharray: 4 3; }
.tree-arrowhead { fill: var(--muted); }
.tree-edge-label-bg { fill: var(--bg); opacity: .9; }
svg.diagram .tree-edge-label { font-size: 11px; fill: var(--muted); }
svg.diagram .pie-title, svg.diagram .gantt-title { font-size: 14px; font-weight: 600; }
.pie-slice { stroke: var(--bg); stroke-width: 1.5; }
.pie-0 { fill: var(--s0); } .pie-1 { fill: var(--s1); } .pie-2 { fill: var(--s2); } .pie-3 { fill: var(--s3); }
.pie-4 { fill: var(--s4); } .pie-5 { fill: var(--s5); } .pie-6 { fill: var(--s6); } .pie-7 { fill: var(--s7); }
.gantt-band-0 { fill: var(--band0); } .gantt-band-1 { fill: var(--band1); }
.gantt-grid { stroke: var(--line); stroke-width: 1; }
svg.diagram .gantt-tick { font-size: 10px; fill: var(--muted); }
svg.diagram .gantt-section { font-weight: 600; }
.gantt-bar { fill: var(--s0); }
.gantt-critical { fill: var(--crit); }
.gantt-milestone { fill: var(--mile); }
footer { margin-top: 2em; color: var(--muted); font-size: .85em; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  :root { color-scheme: light; --fg: #000; --muted: #444; --bg: #fff; --line: #999; --head: #eee; --band0: #f4f4f4; --band1: #e9e9e9; --node: #eef6ff; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  section { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, figure, svg { break-inside: avoid; }
  .table, figure { overflow: visible; }
  svg.diagram { max-width: 100%; }
  table { font-size: 8.5pt; }
}
`;

/** An HTML page written block by block, as `MarkdownDocument` writes Markdown. */
export class HtmlDocument implements DocumentOut {
    private readonly blocks: string[] = [];
    private inSection = false;

    constructor(
        private readonly locale: Locale,
        private readonly title: string
    ) {}

    heading(level: number, text: Cell): this {
        if (level === 2) {
            if (this.inSection) this.blocks.push('</section>');
            this.blocks.push('<section>');
            this.inSection = true;
        }
        const h = Math.min(Math.max(Math.trunc(level), 1), 6);
        this.blocks.push(`<h${h}>${renderHtml(text)}</h${h}>`);
        return this;
    }

    section(heading: string, items: readonly unknown[], whenEmpty: string): boolean {
        this.heading(2, heading);
        if (items.length > 0) return true;
        this.paragraph(whenEmpty);
        return false;
    }

    paragraph(text: Cell): this {
        const rendered = renderHtml(text);
        if (rendered !== '') this.blocks.push(`<p>${rendered}</p>`);
        return this;
    }

    bullets(items: readonly Cell[]): this {
        if (items.length > 0) this.blocks.push(`<ul>\n${items.map(item => `<li>${renderHtml(item)}</li>`).join('\n')}\n</ul>`);
        return this;
    }

    numbered(items: readonly Cell[]): this {
        if (items.length > 0) this.blocks.push(`<ol>\n${items.map(item => `<li>${renderHtml(item)}</li>`).join('\n')}\n</ol>`);
        return this;
    }

    table(header: readonly Cell[], rows: readonly (readonly Cell[])[], align: readonly Align[] = []): this {
        const cls = (i: number) => (align[i] === 'right' ? ' class="num"' : '');
        const lines = [
            '<div class="table"><table>',
            `<thead><tr>${header.map((h, i) => `<th${cls(i)}>${renderHtml(h)}</th>`).join('')}</tr></thead>`,
            '<tbody>'
        ];
        for (const row of rows) lines.push(`<tr>${header.map((_, i) => `<td${cls(i)}>${cellHtml(row[i])}</td>`).join('')}</tr>`);
        lines.push('</tbody>', '</table></div>');
        this.blocks.push(lines.join('\n'));
        return this;
    }

    diagram(diagram: Diagram): this {
        this.blocks.push(`<figure>\n${diagram.svg()}\n</figure>`);
        return this;
    }

    toString(): string {
        const body = [...this.blocks, ...(this.inSection ? ['</section>'] : [])];
        return [
            '<!doctype html>',
            `<html lang="${escapeHtml(this.locale)}">`,
            '<head>',
            '<meta charset="utf-8">',
            `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="generator" content="opsbook">',
            `<title>${escapeHtml(this.title)}</title>`,
            `<style>${STYLE}</style>`,
            '</head>',
            '<body>',
            '<main>',
            ...body,
            '</main>',
            '</body>',
            '</html>',
            ''
        ].join('\n');
    }
}

/** A table cell: empty shows as an em dash, a deliberate blank as nothing (as in the Markdown). */
function cellHtml(part: Cell): string {
    if (part === undefined || part === '') return '—';
    if (part === BLANK) return '';
    if (typeof part === 'string') return escapeHtml(part);
    return part.md === '' ? '—' : part.html;
}
