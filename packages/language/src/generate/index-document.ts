// `opsbook plan DIR -o OUTDIR` (SPEC §8): OUTDIR/index.md, the playbook tree with a link to each plan
// and, per top-level goal, target, planned and coverage. A pure function of the playbooks' analyses.

import type { PlaybookAnalysis } from '../analysis/model.js';
import { TextFormatter } from '../i18n/text.js';
import type { Locale } from '../values/format.js';
import { Decimal } from '../values/decimal.js';
import { DocumentFormat } from './document-format.js';
import { withFingerprint } from './fingerprint.js';
import { type Align, bold, type Cell, italic, join, MarkdownDocument, trusted } from './markdown-builder.js';
import { escapeHtml } from './html-escape.js';
import { escapeMarkdown, singleLine } from './markdown-escape.js';

export interface IndexEntry {
    analysis: PlaybookAnalysis;
    /** The playbook's plan, relative to index.md (`华东.md`, `regions/华东.md`). */
    plan: string;
}

/** A Markdown link to a generated file: `[text](<path>)`, the text escaped, the path in angle brackets (`<`, `>`, backslash and `|`, which would end a table cell, percent-encoded). */
function link(text: string, target: string): Cell {
    const destination = singleLine(target).replace(/[<>\\|]/g, char => encodeURIComponent(char));
    // index.md is Markdown only; the HTML rendering (never used) is the text with the path.
    return trusted(`[${escapeMarkdown(text)}](<${destination}>)`, `${escapeHtml(text)} (${escapeHtml(target)})`);
}

/** index.md with its fingerprint line; `entries` in path order. */
export function generateIndex(entries: readonly IndexEntry[], options: { folder: string; locale: Locale }): string {
    const locale = options.locale;
    const out = new MarkdownDocument();
    const first = entries[0];
    const t = first ? new DocumentFormat(first.analysis, locale).text : undefined;
    if (!first || !t) return withFingerprint('index', out.toString());
    out.heading(1, t.indexTitle(options.folder));
    out.paragraph(italic(t.indexIntro(options.folder, entries.length)));

    const byName = new Map(entries.filter(e => e.analysis.name !== undefined).map(e => [e.analysis.name as string, e]));
    const childrenOf = new Map<string, IndexEntry[]>();
    const roots: IndexEntry[] = [];
    for (const entry of entries) {
        const parent = entry.analysis.tree?.parent?.name;
        if (parent !== undefined && byName.has(parent) && parent !== entry.analysis.name) {
            childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), entry]);
        } else {
            roots.push(entry);
        }
    }
    out.heading(2, t.indexTreeHeading);
    const lines: string[] = [];
    const seen = new Set<IndexEntry>();
    const walk = (entry: IndexEntry, depth: number) => {
        if (seen.has(entry)) return;
        seen.add(entry);
        const a = entry.analysis;
        const doc = new DocumentFormat(a, locale);
        const parts: Cell[] = [link(doc.named(a.name ?? entry.plan, a.title), entry.plan)];
        if (a.tree?.region !== undefined) parts.push(` — ${t.regionLabel}${t.colon}${a.tree.region}`);
        if (a.period) parts.push(` — ${doc.range(a.period)}`);
        if (a.budget !== undefined) {
            const share =
                a.tree?.shareOfParentBudget !== undefined && a.tree.parent
                    ? t.paren(`${t.shareOfParentBudget(a.tree.parent.name)} ${doc.pct(a.tree.shareOfParentBudget)}`)
                    : '';
            parts.push(` — ${t.budgetLabel} ${doc.money(a.budget)}${share}`);
        }
        lines.push(`${'  '.repeat(depth)}- ${join(parts).md}`);
        for (const child of childrenOf.get(a.name ?? '') ?? []) walk(child, depth + 1);
    };
    for (const root of roots) walk(root, 0);
    for (const entry of entries) walk(entry, 0); // on a loop of `part of`, nothing is a root
    out.raw(lines.join('\n'));
    const budgets = new Map<string, Decimal[]>();
    for (const root of roots) {
        if (root.analysis.budget !== undefined)
            budgets.set(root.analysis.currency, [...(budgets.get(root.analysis.currency) ?? []), root.analysis.budget]);
    }
    const f = new TextFormatter(locale);
    const totals = [...budgets].map(([currency, amounts]) => f.money(Decimal.sum(amounts), currency));
    out.paragraph(t.indexTotals(entries.length, totals.length > 0 ? totals.join(t.listSeparator) : '—'));

    out.heading(2, t.indexGoalsHeading);
    const rows: Cell[][] = [];
    for (const entry of [...seen]) {
        const doc = new DocumentFormat(entry.analysis, locale);
        for (const g of entry.analysis.goals) {
            if (g.parent !== undefined) continue;
            const unit = doc.goalUnit(g);
            rows.push([
                bold(doc.named(g.name, g.title)),
                link(entry.analysis.name ?? entry.plan, entry.plan),
                doc.target(g),
                g.additive || !g.planned.isZero() ? doc.amount(g.planned, unit) : undefined,
                g.coverage !== undefined ? doc.pct(g.coverage) : undefined,
                t.coverageStatus(g.status)
            ]);
        }
    }
    const align: Align[] = ['left', 'left', 'right', 'right', 'right', 'left'];
    if (rows.length > 0) {
        out.table([t.goalColumn, t.playbookColumn, t.targetColumn, t.plannedColumn, t.coverageColumn, t.statusColumn], rows, align);
        out.paragraph(italic(t.indexGoalsNote));
    } else {
        out.paragraph(t.noGoals);
    }
    return withFingerprint('index', out.toString());
}
