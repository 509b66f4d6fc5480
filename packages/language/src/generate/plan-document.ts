// The execution plan (SPEC §6): a pure function from the analysis model (plus the findings that
// remain) to Markdown. Every figure comes from the model; this file only chooses words and layout.

import type { Decimal } from '../values/decimal.js';
import type { ChannelFigures, CampaignFigures, DeliveryFigures, GoalFigures, PlaybookAnalysis } from '../analysis/model.js';
import { reviewDates } from '../analysis/review-analysis.js';
import { formatDate } from '../values/date.js';
import type { Locale } from '../values/format.js';
import { lengthInDays } from '../values/period.js';
import { DocumentFormat } from './document-format.js';
import type { DocumentFinding } from './findings.js';
import { withFingerprint } from './fingerprint.js';
import { HtmlDocument } from './html-document.js';
import {
    type Align,
    BLANK,
    bold,
    type Cell,
    code,
    type DocumentOut,
    italic,
    join,
    LINE_BREAK,
    MarkdownDocument,
    strongFigure
} from './markdown-builder.js';
import {
    budgetPieMermaid,
    budgetPieModel,
    flowchartMermaid,
    goalTreeModel,
    playbookTreeModel,
    timelineMermaid,
    timelineModel
} from './mermaid-diagrams.js';
import { budgetPieSvg, goalTreeSvg, timelineSvg } from './svg-diagrams.js';

export interface PlanOptions {
    /** Language of the document; the playbook's (analysis.locale) when left out. */
    locale?: Locale;
    /** The file the plan is generated from, as it should be named in the document (e.g. `growth.ops`). */
    source: string;
    /** Warnings and infos that remain (errors stop generation before this point). */
    findings: readonly DocumentFinding[];
}

const R: Align = 'right';
const L: Align = 'left';

/** The execution plan as Markdown, with its fingerprint line. */
export function generatePlan(analysis: PlaybookAnalysis, options: PlanOptions): string {
    const out = new MarkdownDocument();
    writePlan(new DocumentFormat(analysis, options.locale ?? analysis.locale), out, options);
    return withFingerprint('plan', out.toString());
}

/**
 * The execution plan as one self-contained HTML page: the same sections, tables and figures as the
 * Markdown (written by the same code), diagrams drawn as inline SVG now, no script, light and dark
 * colours, printable on A4 (html-document.ts).
 */
export function generatePlanHtml(analysis: PlaybookAnalysis, options: PlanOptions): string {
    const doc = new DocumentFormat(analysis, options.locale ?? analysis.locale);
    const out = new HtmlDocument(doc.locale, `${doc.text.planTitle}${doc.text.colon}${analysis.title ?? analysis.name ?? options.source}`);
    writePlan(doc, out, options);
    return out.toString();
}

function writePlan(doc: DocumentFormat, out: DocumentOut, options: PlanOptions): void {
    const { analysis, text: t } = doc;
    out.heading(1, join([t.planTitle, t.colon, analysis.title ?? analysis.name ?? options.source]));
    out.paragraph(italic(t.planIntro(options.source)));
    overview(doc, out);
    out.heading(2, t.goalTreeHeading);
    const tree = goalTreeModel(doc);
    out.diagram({ mermaid: () => flowchartMermaid(tree, 'LR'), svg: () => goalTreeSvg(tree, t.goalTreeHeading) });
    out.paragraph(italic(t.goalTreeLegend));
    goals(doc, out);
    breakdown(doc, out);
    shareOfParent(doc, out);
    channelsAndCampaigns(doc, out);
    mandatoryCampaigns(doc, out);
    budget(doc, out);
    timeline(doc, out);
    raci(doc, out);
    people(doc, out);
    assessments(doc, out);
    forecasts(doc, out);
    monitoring(doc, out);
    reviewCalendar(doc, out);
    findings(doc, out, options.findings);
}

function overview(doc: DocumentFormat, out: DocumentOut): void {
    const { analysis: a, text: t } = doc;
    out.heading(2, t.overviewHeading);
    const rows: Cell[][] = [];
    if (a.name !== undefined) rows.push([t.playbookLabel, code(a.name)]);
    if (a.tree?.parent)
        rows.push([
            t.partOfLabel,
            join([code(a.tree.parent.name), a.tree.parent.title !== undefined ? t.paren(a.tree.parent.title) : undefined])
        ]);
    if (a.tree?.region !== undefined) rows.push([t.regionLabel, a.tree.region]);
    if (a.tree?.parent && a.tree.shareOfParentBudget !== undefined)
        rows.push([t.shareOfParentBudget(a.tree.parent.name), doc.pct(a.tree.shareOfParentBudget)]);
    if (a.product !== undefined) rows.push([t.productLabel, a.product]);
    if (a.stage !== undefined) rows.push([t.stageLabel, t.stage(a.stage)]);
    if (a.period) rows.push([t.periodLabel, `${doc.range(a.period)}${t.paren(t.days(lengthInDays(a.period)))}`]);
    const rates = a.playbook?.fx ?? [];
    rows.push([
        t.currencyLabel,
        rates.length > 0 ? `${a.currency}${t.paren(rates.map(r => `1 ${r.from} = ${r.rate} ${r.to}`).join(t.listSeparator))}` : a.currency
    ]);
    const totals = a.budgetTotals;
    if (totals.total !== undefined) {
        const parts = [
            doc.money(totals.total),
            t.allocatedOf(doc.money(totals.allocated), doc.pct(totals.allocated.divide(totals.total.isZero() ? 1 : totals.total, 12)))
        ];
        if (totals.remaining !== undefined)
            parts.push(
                totals.remaining.sign() >= 0
                    ? t.remainingAmount(doc.money(totals.remaining))
                    : t.overrunAmount(doc.money(totals.remaining.neg()))
            );
        rows.push([t.budgetLabel, parts.join(t.clauseSeparator)]);
    } else if (!totals.allocated.isZero()) {
        rows.push([t.budgetLabel, t.allocatedNoTotal(doc.money(totals.allocated))]);
    }
    const counts = [
        t.countGoals(a.goals.length),
        t.countChannels(a.channels.length),
        t.countCampaigns(a.campaigns.length),
        t.countWorkstreams(a.workstreams.length)
    ];
    rows.push([t.contentsLabel, counts.join(t.listSeparator)]);
    out.table([t.itemColumn, t.valueColumn], rows);
    if (a.strategies.length > 0) {
        out.heading(3, t.strategiesHeading);
        out.bullets(
            a.strategies.map(s => {
                const parts: Cell[] = [bold(doc.named(s.name, s.title))];
                if (s.focus !== undefined) parts.push(` — ${t.focusLabel}${t.colon}${t.focus(s.focus)}`);
                if (s.goals.length > 0) parts.push(` — ${t.goalsLabel}${t.colon}${doc.list(s.goals)}`);
                if (s.rationale !== undefined) parts.push(LINE_BREAK, `${t.rationaleLabel}${t.colon}${s.rationale}`);
                if (s.competition !== undefined) parts.push(LINE_BREAK, `${t.competitionLabel}${t.colon}${s.competition}`);
                return join(parts);
            })
        );
    }
}

function goals(doc: DocumentFormat, out: DocumentOut): void {
    const { analysis: a, text: t } = doc;
    if (!out.section(t.goalsHeading, a.goals, t.noGoals)) return;
    const rows = a.goals.map(g => {
        const unit = doc.goalUnit(g);
        const planned = g.additive || !g.planned.isZero() ? doc.amount(g.planned, unit) : undefined;
        const coverage = g.coverage !== undefined ? doc.pct(g.coverage) : undefined;
        let status = t.coverageStatus(g.status);
        if (g.status === 'undercovered' && g.shortfall !== undefined)
            status = `${status}${t.paren(t.short(doc.amount(g.shortfall, unit)))}`;
        const context = [g.parent !== undefined ? `${t.partOf} ${g.parent}` : undefined, g.strategy].filter(
            (x): x is string => x !== undefined
        );
        return [
            join([bold(g.name), g.title !== undefined ? ` — ${g.title}` : undefined]),
            doc.target(g),
            g.deadline ? formatDate(g.deadline) : undefined,
            planned,
            coverage,
            status,
            doc.person(g.owner),
            context.join(t.listSeparator)
        ];
    });
    // SPEC §9: a milestones column after the deadline, when some goal has milestones (plans without stay as they were).
    if (a.goals.some(g => g.milestones.length > 0)) {
        a.goals.forEach((g, i) => {
            (rows[i] as Cell[]).splice(3, 0, milestonesCell(doc, g));
        });
        out.table(
            [
                t.goalColumn,
                t.targetColumn,
                t.deadlineColumn,
                t.milestonesColumn,
                t.plannedColumn,
                t.coverageColumn,
                t.statusColumn,
                t.ownerColumn,
                t.contextColumn
            ],
            rows,
            [L, R, L, L, R, R, L, L, L]
        );
    } else {
        out.table(
            [
                t.goalColumn,
                t.targetColumn,
                t.deadlineColumn,
                t.plannedColumn,
                t.coverageColumn,
                t.statusColumn,
                t.ownerColumn,
                t.contextColumn
            ],
            rows,
            [L, R, L, R, R, L, L, L]
        );
    }
    out.paragraph(italic(t.goalsNote));
}

/** Has this playbook children, or goals with contributions written in other files? */
export function hasBreakdown(a: PlaybookAnalysis): boolean {
    return (a.tree?.children.length ?? 0) > 0 || a.goals.some(g => g.contributions.some(c => c.file !== undefined));
}

/**
 * SPEC §8: the parent's "Breakdown across playbooks": per goal with contributions from other files a row
 * per contributing element, the playbook tree, and the budget roll-up of its own allocation and each child.
 */
function breakdown(doc: DocumentFormat, out: DocumentOut): void {
    const { analysis: a, text: t } = doc;
    if (!hasBreakdown(a)) return;
    const self = a.name ?? t.thisPlaybook;
    out.heading(2, t.breakdownHeading);
    out.paragraph(t.breakdownIntro(self));
    const goals = a.goals.filter(g => g.contributions.some(c => c.file !== undefined));
    if (goals.length > 0) {
        out.heading(3, t.goalsByPlaybookHeading);
        const rows: Cell[][] = [];
        for (const g of goals) {
            const unit = doc.goalUnit(g);
            const share = (amount: typeof g.planned) =>
                g.target !== undefined && g.target.sign() > 0 ? doc.pct(amount.divide(g.target, 12)) : undefined;
            g.contributions.forEach((c, i) => {
                const playbook =
                    c.file === undefined
                        ? `${self}${t.paren(t.thisPlaybook)}`
                        : c.playbook !== undefined
                          ? `${c.playbook}${t.paren(c.file)}`
                          : c.file;
                const region = c.file === undefined ? a.tree?.region : c.region;
                const from =
                    c.fromType === 'Goal'
                        ? `${t.goalWord} ${c.from}`
                        : `${c.fromType === 'Channel' ? t.channelWord : t.campaignWord} ${c.from}`;
                rows.push([
                    i === 0 ? bold(doc.named(g.name, g.title)) : BLANK,
                    playbook,
                    region,
                    from,
                    doc.person(c.owner ?? ownOwner(a, c)),
                    doc.amount(c.amount, unit),
                    share(c.amount)
                ]);
            });
            rows.push([
                BLANK,
                bold(t.plannedInTotal),
                undefined,
                undefined,
                undefined,
                strongFigure(doc.amount(g.planned, unit)),
                g.coverage !== undefined ? doc.pct(g.coverage) : undefined
            ]);
        }
        out.table(
            [t.goalColumn, t.playbookColumn, t.regionColumn, t.contributionColumn, t.ownerColumn, t.amountColumn, t.shareOfGoalColumn],
            rows,
            [L, L, L, L, L, R, R]
        );
    }
    out.heading(3, t.playbookTreeHeading);
    const playbooks = playbookTreeModel(doc);
    out.diagram({ mermaid: () => flowchartMermaid(playbooks, 'TD'), svg: () => goalTreeSvg(playbooks, t.playbookTreeHeading) });
    out.paragraph(italic(t.playbookTreeLegend));
    const children = a.tree?.children ?? [];
    if (children.length === 0) return;
    out.heading(3, t.budgetRollupHeading);
    const totals = a.budgetTotals;
    const share = (amount: Decimal) => shareOfBudget(doc, amount);
    const own = totals.channels.add(totals.campaigns);
    const rows: Cell[][] = [[`${self}${t.paren(t.ownAllocation)}`, a.tree?.region, doc.money(own), share(own)]];
    for (const child of children) {
        let amount: string | undefined;
        if (child.ownBudget !== undefined) {
            amount =
                child.ownBudget.currency === a.currency || child.budget === undefined
                    ? doc.moneyIn(child.ownBudget.amount, child.ownBudget.currency)
                    : `${doc.moneyIn(child.ownBudget.amount, child.ownBudget.currency)}${t.paren(`= ${doc.money(child.budget)}`)}`;
        }
        rows.push([
            doc.named(child.name, child.title),
            child.region,
            amount,
            child.budgetShare !== undefined ? doc.pct(child.budgetShare) : undefined
        ]);
    }
    rows.push([bold(t.childPlaybooksTotal), undefined, strongFigure(doc.money(totals.childPlaybooks)), share(totals.childPlaybooks)]);
    rows.push(...budgetClosingRows(doc));
    out.table([t.itemColumn, t.regionColumn, t.budgetColumn, t.shareOfBudgetColumn], rows, [L, L, R, R]);
}

/** The owner of one of this file's own contributions (its channel, campaign or sub-goal). */
function ownOwner(a: PlaybookAnalysis, c: { from: string; fromType: string }): string | undefined {
    if (c.fromType === 'Goal') return a.goals.find(g => g.name === c.from)?.owner;
    return (c.fromType === 'Channel' ? a.channels : a.campaigns).find(x => x.name === c.from)?.owner;
}

/** SPEC §8: a child's share of its parent's goals (and of the parent's budget). */
function shareOfParent(doc: DocumentFormat, out: DocumentOut): void {
    const { analysis: a, text: t } = doc;
    const parent = a.tree?.parent;
    if (a.contributesTo.length === 0 && !parent) return;
    const playbooks = [...new Set(a.contributesTo.map(c => c.playbook ?? c.file))];
    if (parent && !playbooks.includes(parent.name)) playbooks.unshift(parent.name);
    out.heading(2, t.shareOfParentHeading);
    out.paragraph(t.shareOfParentIntro(doc.list(playbooks)));
    if (a.contributesTo.length > 0) {
        const rows = a.contributesTo.map(c => [
            join([
                bold(doc.named(c.goal, c.goalTitle)),
                t.paren(c.playbook !== undefined ? `${c.playbook}${t.listSeparator}${c.file}` : c.file)
            ]),
            c.target !== undefined ? `${c.bound === 'at most' ? '≤' : '≥'} ${doc.qty(c.target, c.unit)}` : undefined,
            `${c.fromType === 'Goal' ? t.goalWord : c.fromType === 'Channel' ? t.channelWord : t.campaignWord} ${c.from}`,
            doc.amount(c.amount, c.unit),
            c.share !== undefined ? doc.pct(c.share) : undefined
        ]);
        out.table([t.parentGoalColumn, t.parentTargetColumn, t.fromThisPlaybookColumn, t.amountColumn, t.shareOfGoalColumn], rows, [
            L,
            R,
            L,
            R,
            R
        ]);
    }
    if (parent && a.tree?.shareOfParentBudget !== undefined && a.budget !== undefined) {
        out.paragraph(t.budgetShareLine(doc.money(a.budget), doc.pct(a.tree.shareOfParentBudget), parent.name));
    }
}

/** A goal's milestones, one per line: `20,000 by 2027-07-31` (the amount in the goal's unit). */
function milestonesCell(doc: DocumentFormat, goal: GoalFigures): Cell {
    const unit = doc.goalUnit(goal);
    const lines = goal.milestones.map(m =>
        doc.text.milestoneBy(m.amount !== undefined ? doc.amount(m.amount, unit) : '?', m.date ? formatDate(m.date) : '?')
    );
    return lines.length > 0 ? join(lines, LINE_BREAK) : undefined;
}

function deliveriesCell(doc: DocumentFormat, deliveries: readonly DeliveryFigures[]): Cell {
    const parts = deliveries
        .filter(d => d.amount !== undefined)
        .map(d => {
            const share = d.shareOfGoal !== undefined ? doc.text.paren(doc.pct(d.shareOfGoal)) : '';
            return `${doc.qty(d.amount as NonNullable<typeof d.amount>, doc.unitOf(d.metric))} → ${d.goal ?? '?'}${share}`;
        });
    return parts.length === 0 ? undefined : join(parts, LINE_BREAK);
}

function costCell(doc: DocumentFormat, owner: ChannelFigures | CampaignFigures): string | undefined {
    if (owner.impliedCostPerUnit === undefined || owner.unitMetric === undefined) return undefined;
    return doc.text.perUnit(doc.cost(owner.impliedCostPerUnit), owner.unitMetric);
}

function channelsAndCampaigns(doc: DocumentFormat, out: DocumentOut): void {
    const { analysis: a, text: t } = doc;
    out.heading(2, t.channelsCampaignsHeading);
    out.heading(3, t.channelsHeading);
    if (a.channels.length === 0) {
        out.paragraph(t.noChannels);
    } else {
        const rows = a.channels.map(c => {
            const limit = c.cpaLimit !== undefined ? doc.cost(c.cpaLimit) : undefined;
            const assumption = c.assumption
                ? t.assumption(
                      doc.qty(c.assumption.volume, doc.unitOf(c.assumption.metric)),
                      doc.points(c.assumption.rate),
                      doc.qty(c.assumption.derived, doc.unitOf(c.assumption.nextMetric), true)
                  )
                : undefined;
            return [
                bold(doc.named(c.name, c.title)),
                c.kind !== undefined ? t.channelKind(c.kind) : undefined,
                doc.person(c.owner),
                deliveriesCell(doc, c.deliveries),
                c.budget !== undefined ? doc.money(c.budget) : undefined,
                costCell(doc, c),
                limit,
                assumption
            ];
        });
        out.table(
            [
                t.channelColumn,
                t.kindColumn,
                t.ownerColumn,
                t.deliversColumn,
                t.budgetColumn,
                t.costPerUnitColumn,
                t.cpaLimitColumn,
                t.assumptionColumn
            ],
            rows,
            [L, L, L, L, R, R, R, L]
        );
    }
    out.heading(3, t.campaignsHeading);
    if (a.campaigns.length === 0) {
        out.paragraph(t.noCampaigns);
        return;
    }
    const rows = a.campaigns.map(c => [
        bold(doc.named(c.name, c.title)),
        c.type !== undefined ? t.campaignType(c.type) : undefined,
        c.window ? doc.range(c.window) : undefined,
        c.binding !== undefined ? join([t.binding(c.binding), c.region !== undefined ? t.paren(c.region) : undefined]) : c.region,
        c.via,
        doc.person(c.owner),
        deliveriesCell(doc, c.deliveries),
        c.serves.length > 0 ? doc.list(c.serves) : undefined,
        c.budget !== undefined ? doc.money(c.budget) : undefined,
        costCell(doc, c)
    ]);
    out.table(
        [
            t.campaignColumn,
            t.typeColumn,
            t.windowColumn,
            t.bindingColumn,
            t.viaColumn,
            t.ownerColumn,
            t.deliversColumn,
            t.servesColumn,
            t.budgetColumn,
            t.costPerUnitColumn
        ],
        rows,
        [L, L, L, L, L, L, L, L, R, R]
    );
    out.paragraph(italic(t.costNote));
}

/** SPEC §8: a child's section per parent up the chain that sets mandatory campaigns, "Mandatory campaigns from 全国Q3". */
function mandatoryCampaigns(doc: DocumentFormat, out: DocumentOut): void {
    const { analysis: a, text: t } = doc;
    const tree = a.tree;
    if (!tree?.parent) return;
    const setters = [...new Set(tree.mandatoryCampaigns.map(c => c.playbook))];
    if (setters.length === 0) {
        out.heading(2, t.mandatoryFromHeading(tree.parent.name));
        out.paragraph(t.noMandatoryFrom(tree.parent.name, tree.region));
        return;
    }
    for (const setter of setters) {
        out.heading(2, t.mandatoryFromHeading(setter));
        out.paragraph(t.mandatoryIntro(setter, tree.region));
        const rows = tree.mandatoryCampaigns
            .filter(c => c.playbook === setter)
            .map(c => [
                bold(doc.named(c.name, c.title)),
                c.type !== undefined ? t.campaignType(c.type) : undefined,
                c.window ? doc.range(c.window) : undefined,
                c.region ?? t.allRegions,
                doc.person(c.owner),
                c.budget !== undefined ? doc.moneyIn(c.budget, c.currency) : undefined
            ]);
        out.table([t.campaignColumn, t.typeColumn, t.windowColumn, t.regionColumn, t.ownerColumn, t.budgetColumn], rows, [
            L,
            L,
            L,
            L,
            L,
            R
        ]);
    }
}

/** An amount's share of the playbook budget, as the budget tables print it. */
function shareOfBudget(doc: DocumentFormat, amount: Decimal): string | undefined {
    const total = doc.analysis.budgetTotals.total;
    return total !== undefined && total.sign() > 0 ? doc.pct(amount.divide(total, 12)) : undefined;
}

/** The closing rows of both budget tables (the plan's budget and the roll-up across playbooks): allocated, left or over, and the budget. */
function budgetClosingRows(doc: DocumentFormat): Cell[][] {
    const { analysis: a, text: t } = doc;
    const totals = a.budgetTotals;
    const rows: Cell[][] = [
        [bold(t.allocatedTotal), undefined, strongFigure(doc.money(totals.allocated)), shareOfBudget(doc, totals.allocated)]
    ];
    if (totals.remaining !== undefined) {
        rows.push([
            bold(totals.remaining.sign() >= 0 ? t.unallocated : t.overrun),
            undefined,
            doc.money(totals.remaining.abs()),
            shareOfBudget(doc, totals.remaining.abs())
        ]);
    }
    if (totals.total !== undefined) {
        rows.push([
            bold(t.playbookBudget),
            undefined,
            strongFigure(doc.money(totals.total)),
            totals.total.sign() > 0 ? doc.pct(1) : undefined
        ]);
    }
    return rows;
}

function budget(doc: DocumentFormat, out: DocumentOut): void {
    const { analysis: a, text: t } = doc;
    const totals = a.budgetTotals;
    out.heading(2, t.budgetHeading);
    if (totals.items.length === 0 && totals.total === undefined) {
        out.paragraph(t.noBudget);
        return;
    }
    const share = (amount: Decimal) => shareOfBudget(doc, amount);
    const rows: Cell[][] = totals.items.map(i => [
        i.name,
        i.type === 'Channel' ? t.channelWord : i.type === 'Playbook' ? t.childPlaybookWord : t.campaignWord,
        doc.money(i.amount),
        i.share !== undefined ? doc.pct(i.share) : share(i.amount)
    ]);
    rows.push([bold(t.channelsTotal), undefined, strongFigure(doc.money(totals.channels)), share(totals.channels)]);
    rows.push([bold(t.campaignsTotal), undefined, strongFigure(doc.money(totals.campaigns)), share(totals.campaigns)]);
    if ((a.tree?.children.length ?? 0) > 0)
        rows.push([bold(t.childPlaybooksTotal), undefined, strongFigure(doc.money(totals.childPlaybooks)), share(totals.childPlaybooks)]);
    rows.push(...budgetClosingRows(doc));
    out.table([t.itemColumn, t.typeColumn, t.budgetColumn, t.shareOfBudgetColumn], rows, [L, L, R, R]);
    const pie = budgetPieModel(doc);
    if (pie) out.diagram({ mermaid: () => budgetPieMermaid(pie), svg: () => budgetPieSvg(pie) });
}

function timeline(doc: DocumentFormat, out: DocumentOut): void {
    const { text: t } = doc;
    out.heading(2, t.timelineHeading);
    const gantt = timelineModel(doc);
    if (!gantt) {
        out.paragraph(t.noPeriod);
        return;
    }
    out.diagram({ mermaid: () => timelineMermaid(gantt), svg: () => timelineSvg(gantt) });
    out.paragraph(italic(doc.analysis.goals.some(g => g.milestones.some(m => m.date)) ? t.timelineLegendWithMilestones : t.timelineLegend));
}

function raci(doc: DocumentFormat, out: DocumentOut): void {
    const { analysis: a, text: t } = doc;
    if (!out.section(t.raciHeading, a.workstreams, t.noWorkstreams)) return;
    const named = new Set<string>();
    const note = (name: string | undefined) => {
        if (name !== undefined) named.add(name);
    };
    for (const w of a.workstreams) {
        for (const r of w.responsible) note(r.person);
        note(w.accountable);
        for (const p of w.consulted) note(p);
        for (const p of w.informed) note(p);
    }
    // Columns in the order people are declared; anyone not declared (an unresolved name) last.
    const declared = new Set(a.people.map(p => p.name));
    const involved = [...a.people.map(p => p.name).filter(n => named.has(n)), ...[...named].filter(n => !declared.has(n))];
    const rows = a.workstreams.map(w => {
        const cells: Cell[] = [bold(doc.named(w.name, w.title)), w.serves.length > 0 ? doc.list(w.serves) : undefined];
        // A cell per workstream and person (most of them empty): the letters joined as they are found.
        for (const person of involved) {
            const responsible = w.responsible.find(r => r.person === person);
            let letters = responsible ? `R ${doc.points(responsible.share)}` : '';
            if (w.accountable === person) letters = letters === '' ? 'A' : `${letters}, A`;
            if (w.consulted.includes(person)) letters = letters === '' ? 'C' : `${letters}, C`;
            if (w.informed.includes(person)) letters = letters === '' ? 'I' : `${letters}, I`;
            cells.push(letters === '' ? BLANK : letters);
        }
        return cells;
    });
    out.table([t.workstreamColumn, t.servesColumn, ...involved.map(p => doc.person(p) as string)], rows);
    out.paragraph(italic(t.raciLegend));
}

function people(doc: DocumentFormat, out: DocumentOut): void {
    const { analysis: a, text: t } = doc;
    if (!out.section(t.peopleHeading, a.people, t.noPeople)) return;
    // SPEC §8: the load across the workspace beside the load here, when someone works in other playbooks.
    const across = a.people.some(p => p.elsewhere().length > 0);
    const rows = a.people.map(p => {
        const load = t.loadOf(doc.points(p.load), doc.points(p.capacity));
        const flag = p.loadRatio !== undefined && p.loadRatio > 1 ? ` ⚠ ${t.overloaded}` : '';
        const assignments = p.assignments.map(
            x => `${t.assignment(x.role, x.type, x.name)}${x.share !== undefined ? t.paren(doc.points(x.share)) : ''}`
        );
        const row: Cell[] = [bold(doc.person(p.name) as string), p.role, p.team, `${load}${flag}`];
        if (across) row.push(workspaceLoadCell(doc, p));
        row.push(
            assignments.length > 0 ? join(assignments, LINE_BREAK) : undefined,
            p.assessedOn.length > 0 ? doc.list(p.assessedOn) : undefined
        );
        return row;
    });
    const columns = [
        t.personColumn,
        t.roleColumn,
        t.teamColumn,
        t.loadColumn,
        ...(across ? [t.workspaceLoadColumn] : []),
        t.assignmentsColumn,
        t.assessedOnColumn
    ];
    out.table(columns, rows, across ? [L, L, L, R, L, L, L] : [L, L, L, R, L, L]);
    out.paragraph(italic(t.loadNote));
    if (across) out.paragraph(italic(t.workspaceLoadNote));
}

/** `90% / 100% ⚠` with its parts: `30% 本手册 + 30% 华东Q3 + 30% 华南Q3`. */
function workspaceLoadCell(doc: DocumentFormat, p: PlaybookAnalysis['people'][number]): Cell {
    const t = doc.text;
    if (p.elsewhere().length === 0) return BLANK;
    const ratio = p.capacity.sign() > 0 ? p.workspaceLoad.divide(p.capacity, 12).toNumber() : undefined;
    const flag = ratio !== undefined && ratio > 1 ? ` ⚠ ${t.overloaded}` : '';
    const byPlaybook = new Map<string, typeof p.load>();
    for (const line of p.elsewhere()) {
        const key = line.playbook ?? line.file;
        byPlaybook.set(key, (byPlaybook.get(key) ?? p.load.sub(p.load)).add(line.share));
    }
    const parts = [`${doc.points(p.load)} ${t.loadHere}`, ...[...byPlaybook].map(([name, share]) => `${doc.points(share)} ${name}`)];
    return join([t.loadOf(doc.points(p.workspaceLoad), doc.points(p.capacity)), flag, LINE_BREAK, parts.join(' + ')]);
}

function assessments(doc: DocumentFormat, out: DocumentOut): void {
    const { analysis: a, text: t } = doc;
    if (!out.section(t.assessmentsHeading, a.assessments, t.noAssessments)) return;
    const goalsByName = new Map(a.goals.map(g => [g.name, g]));
    const channelsByName = new Map(a.channels.map(c => [c.name, c]));
    const rows: Cell[][] = [];
    for (const assessment of a.assessments) {
        assessment.kpis.forEach((kpi, i) => {
            let measure: string | undefined;
            if (kpi.subjectType === 'Goal' && kpi.subject !== undefined) {
                const goal = goalsByName.get(kpi.subject);
                const target = goal?.target !== undefined ? `${t.colon}${doc.target(goal)}` : '';
                const deadline = goal?.deadline ? ` ${t.by} ${formatDate(goal.deadline)}` : '';
                measure = `${t.goalWord} ${kpi.subject}${target}${deadline}`;
            } else if (kpi.subjectType === 'Channel' && kpi.subject !== undefined) {
                const channel = channelsByName.get(kpi.subject);
                const delivered = channel?.deliveries
                    .filter(d => d.amount !== undefined)
                    .map(d => doc.qty(d.amount as NonNullable<typeof d.amount>, doc.unitOf(d.metric)));
                measure = `${t.channelWord} ${kpi.subject}${delivered && delivered.length > 0 ? `${t.colon}${doc.list(delivered)}` : ''}`;
            } else if (kpi.label !== undefined) {
                measure =
                    kpi.target !== undefined
                        ? `${kpi.label}${t.colon}${t.perPeriod(doc.num(kpi.target), t.every(kpi.per ?? ''))}`
                        : kpi.label;
            }
            rows.push([
                i === 0 ? bold(doc.person(assessment.person) ?? '?') : BLANK,
                measure,
                doc.points(kpi.weight),
                i === 0 ? join([doc.points(assessment.totalWeight), assessment.totalWeight.eq(100) ? undefined : ' ⚠']) : BLANK
            ]);
        });
    }
    out.table([t.personColumn, t.kpiColumn, t.weightColumn, t.totalWeightColumn], rows, [L, L, R, R]);
}

function forecasts(doc: DocumentFormat, out: DocumentOut): void {
    const { analysis: a, text: t } = doc;
    if (!out.section(t.forecastsHeading, a.forecasts, t.noForecasts)) return;
    const rows = a.forecasts.map(f => {
        const unit = f.unit ?? doc.unitOf(a.goals.find(g => g.name === f.goal)?.metric?.name);
        const figure = (d: typeof f.sales) => (d !== undefined ? doc.amount(d, unit) : undefined);
        const checks: string[] = [];
        if (f.decisionInside === false) checks.push(`⚠ ${t.decisionOutside}`);
        if (f.matchesGoal === false) checks.push(`⚠ ${t.targetDiffers(f.goalTarget !== undefined ? doc.amount(f.goalTarget, unit) : '?')}`);
        if (checks.length === 0 && f.decided !== undefined) checks.push(t.consistent);
        return [
            bold(f.name),
            f.goal,
            figure(f.sales),
            figure(f.finance),
            figure(f.market),
            f.spread !== undefined ? doc.pct(f.spread) : undefined,
            figure(f.decided),
            doc.person(f.decider),
            checks.join(t.clauseSeparator)
        ];
    });
    out.table(
        [
            t.forecastColumn,
            t.goalColumn,
            t.salesColumn,
            t.financeColumn,
            t.marketColumn,
            t.spreadColumn,
            t.decidedColumn,
            t.decidedByColumn,
            t.checkColumn
        ],
        rows,
        [L, L, R, R, R, R, R, L, L]
    );
    out.paragraph(italic(t.spreadNote));
}

function monitoring(doc: DocumentFormat, out: DocumentOut): void {
    const { analysis: a, text: t } = doc;
    out.heading(2, t.monitoringHeading);
    // The goals on each metric, in goal order, indexed once (a search per monitor was quadratic).
    const goalsByMetric = new Map<string, string[]>();
    for (const g of a.goals) {
        if (!g.metric) continue;
        const names = goalsByMetric.get(g.metric.name);
        if (names) names.push(g.name);
        else goalsByMetric.set(g.metric.name, [g.name]);
    }
    const rows: Cell[][] = a.monitors.map(m => {
        const info = m.metric !== undefined ? a.metrics.get(m.metric) : undefined;
        const goalsOn = (m.metric !== undefined ? goalsByMetric.get(m.metric) : undefined) ?? [];
        const alert = m.alert
            ? t.alert(m.alert.direction, doc.num(m.alert.threshold), m.alert.per !== undefined ? t.every(m.alert.per) : undefined)
            : undefined;
        return [
            bold(doc.named(m.metric ?? '?', info?.title)),
            m.every !== undefined ? t.frequency(m.every) : undefined,
            m.byChannel ? t.yes : t.no,
            m.source,
            alert,
            goalsOn.length > 0 ? doc.list(goalsOn) : undefined,
            info && info.deliveredByChannels.length > 0 ? doc.list(info.deliveredByChannels) : undefined
        ];
    });
    const watched = new Set(a.monitors.map(m => m.metric));
    for (const goal of a.goals) {
        const metric = goal.metric;
        if (!metric || watched.has(metric.name)) continue;
        watched.add(metric.name);
        const goalsOn = goalsByMetric.get(metric.name) ?? [];
        rows.push([
            bold(doc.named(metric.name, metric.title)),
            `⚠ ${t.notMonitored}`,
            undefined,
            undefined,
            undefined,
            doc.list(goalsOn),
            undefined
        ]);
    }
    if (rows.length === 0) {
        out.paragraph(t.noMonitors);
        return;
    }
    out.table([t.metricColumn, t.everyColumn, t.byChannelColumn, t.sourceColumn, t.alertColumn, t.goalsColumn, t.deliveredByColumn], rows);
}

function reviewCalendar(doc: DocumentFormat, out: DocumentOut): void {
    const { analysis: a, text: t } = doc;
    if (!out.section(t.reviewCalendarHeading, a.reviews, t.noReviews)) return;
    const rows = a.reviews.map(r => {
        const schedule = r.schedules
            .map(s => (s.date ? t.onDate(formatDate(s.date)) : t.schedule(s.every ?? '', s.weekday)))
            .join(t.listSeparator);
        const dates = a.period ? reviewDates(r, a.period) : [];
        const asks = r.asks.length > 0 ? join(r.asks, LINE_BREAK) : undefined;
        return [
            bold(doc.named(r.name, r.title)),
            doc.person(r.owner),
            schedule,
            dates.length > 0 ? `${doc.list(dates.map(formatDate))}${t.paren(String(dates.length))}` : undefined,
            r.covers.length > 0 ? doc.list(r.covers) : undefined,
            asks
        ];
    });
    out.table([t.reviewColumn, t.ownerColumn, t.scheduleColumn, t.datesColumn, t.coversColumn, t.questionsColumn], rows);
}

function findings(doc: DocumentFormat, out: DocumentOut, list: readonly DocumentFinding[]): void {
    const { text: t } = doc;
    if (!out.section(t.findingsHeading, list, t.noFindings)) return;
    out.paragraph(t.findingsIntro(list.length));
    out.table(
        [t.whereColumn, t.severityColumn, t.ruleColumn, t.messageColumn],
        list.map(f => [code(`${f.file}:${f.line}:${f.column}`), t.severity(f.severity), code(f.rule), f.message])
    );
}
