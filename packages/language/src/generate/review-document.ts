// The review template (SPEC §6): renders a ReviewAnalysis (analysis/review-analysis.ts computes every
// figure) as a Markdown document the team fills in during the review meeting.

import type { PeriodFigures, ReviewAnalysis, ReviewStatus, TrackedFigure } from '../analysis/review-analysis.js';
import type { Decimal } from '../values/decimal.js';
import type { Unit } from '../analysis/model.js';
import { compareDates, formatDate } from '../values/date.js';
import type { Locale } from '../values/format.js';
import { lengthInDays } from '../values/period.js';
import { DocumentFormat } from './document-format.js';
import { withFingerprint } from './fingerprint.js';
import { type Align, BLANK, bold, type Cell, code, italic, join, LINE_BREAK, MarkdownDocument, trusted } from './markdown-builder.js';

export interface ReviewDocumentOptions {
    locale?: Locale;
    /** The playbook file as named in the document (`growth.ops`). */
    source: string;
    /** The actuals file as named in the document, when one was given. */
    actualsSource?: string;
    /** SPEC §9 `--previous`: the open decisions of an earlier review (usecases/previous-review.ts reads them). */
    followUps?: FollowUps;
}

/** The decisions carried from an earlier review. */
export interface FollowUps {
    /** The earlier review's file as the document names it. */
    source: string;
    /** Decisions in its tables (open and done). */
    total: number;
    open: readonly CarriedDecision[];
}

export interface CarriedDecision {
    decision: string;
    owner?: string;
    due?: string;
    /** The due date is before the day the figures are to. */
    overdue: boolean;
}

const R: Align = 'right';
const L: Align = 'left';
const DECISION_ROWS = 3;

/** The review as Markdown, with its fingerprint line (hand edits are then detected before overwriting). */
export function generateReview(review: ReviewAnalysis, options: ReviewDocumentOptions): string {
    const doc = new DocumentFormat(review.analysis, options.locale ?? review.analysis.locale);
    const t = doc.text;
    const a = review.analysis;
    const out = new MarkdownDocument();
    const titles = review.reviews.map(r => r.title ?? r.name);
    out.heading(1, `${titles.length > 0 ? doc.list(titles) : t.reviewWord}${t.colon}${review.window.label}`);
    out.paragraph(italic(t.reviewIntro(a.title ?? a.name ?? options.source, options.source)));
    summary(review, doc, out, options);
    if (options.followUps) followUps(options.followUps, doc, out);
    goals(review, doc, out);
    deliveries(review, doc, out);
    mandatoryCampaigns(review, doc, out);
    if (review.hasActuals) {
        periodOverPeriod(review, doc, out);
        costs(review, doc, out);
        reallocation(review, doc, out);
    }
    funnels(review, doc, out);
    questions(review, doc, out);
    decisions(doc, out);
    return withFingerprint('review', out.toString());
}

function summary(review: ReviewAnalysis, doc: DocumentFormat, out: MarkdownDocument, options: ReviewDocumentOptions): void {
    const { text: t, analysis: a } = doc;
    out.heading(2, t.summaryHeading);
    const rows: Cell[][] = [[t.reviewedPeriodLabel, `${review.window.label}${t.colon}${doc.range(review.window.range)}`]];
    if (a.period && review.periodElapsed !== undefined) {
        const day = Math.max(0, Math.min(lengthInDays(a.period), lengthInDays({ start: a.period.start, end: review.asOf })));
        rows.push([t.figuresToLabel, t.figuresTo(formatDate(review.asOf), day, lengthInDays(a.period), doc.pct(review.periodElapsed))]);
    } else {
        rows.push([t.figuresToLabel, formatDate(review.asOf)]);
    }
    const held = review.reviews.map(r => {
        const dates = review.reviewDates.filter(d => d.review === r.name).map(d => formatDate(d.date));
        return `${r.title ?? r.name}${r.owner !== undefined ? `${t.listSeparator}${doc.person(r.owner)}` : ''}${dates.length > 0 ? `${t.colon}${doc.list(dates)}` : ''}`;
    });
    rows.push([t.reviewsLabel, held.length > 0 ? join(held, LINE_BREAK) : t.noReviewInWindow]);
    rows.push([
        t.actualsLabel,
        review.hasActuals ? join([code(options.actualsSource ?? 'CSV'), `${t.colon}${t.rowsCounted(review.actualRowsUsed)}`]) : t.noActuals
    ]);
    rows.push([t.statusBandsLabel, t.statusBands(doc.pct(review.thresholds.onTrack), doc.pct(review.thresholds.atRisk))]);
    out.table([t.itemColumn, t.valueColumn], rows);
}

/** SPEC §8: the parents' mandatory campaigns that reach this playbook, and where each stands in the reviewed window. */
function mandatoryCampaigns(review: ReviewAnalysis, doc: DocumentFormat, out: MarkdownDocument): void {
    const { text: t } = doc;
    const inherited = review.analysis.tree?.mandatoryCampaigns ?? [];
    const { start, end } = review.window.range;
    for (const setter of [...new Set(inherited.map(c => c.playbook))]) {
        out.heading(2, t.mandatoryFromHeading(setter));
        const rows = inherited
            .filter(c => c.playbook === setter)
            .map(c => {
                const state = !c.window
                    ? undefined
                    : compareDates(c.window.end, start) < 0
                      ? 'after'
                      : compareDates(c.window.start, end) > 0
                        ? 'before'
                        : 'during';
                return [
                    bold(doc.named(c.name, c.title)),
                    c.window ? doc.range(c.window) : undefined,
                    c.region ?? t.allRegions,
                    doc.person(c.owner),
                    state ? t.campaignRuns(state) : undefined,
                    BLANK
                ];
            });
        out.table([t.campaignColumn, t.windowColumn, t.regionColumn, t.ownerColumn, t.runsColumn, t.carriedOutColumn], rows, [
            L,
            L,
            L,
            L,
            L,
            L
        ]);
    }
}

function trackedCells(doc: DocumentFormat, figure: TrackedFigure, unit: Unit | undefined): Cell[] {
    const t = doc.text;
    const variance =
        figure.variance !== undefined
            ? `${doc.signed(figure.variance, unit, true)}${figure.attainment !== undefined ? t.paren(doc.pct(figure.attainment)) : ''}`
            : undefined;
    return [
        figure.elapsed !== undefined ? doc.pct(figure.elapsed) : t.level,
        figure.targetToDate !== undefined ? doc.proRated(figure.targetToDate, unit) : undefined,
        figure.actual !== undefined ? doc.amount(figure.actual, unit) : BLANK,
        variance ?? BLANK,
        figure.status !== undefined ? statusCell(doc, figure.status) : BLANK
    ];
}

function statusCell(doc: DocumentFormat, status: ReviewStatus): Cell {
    const mark = status === 'on-track' ? '🟢' : status === 'at-risk' ? '🟡' : '🔴';
    return `${mark} ${doc.text.reviewStatus(status)}`;
}

function goals(review: ReviewAnalysis, doc: DocumentFormat, out: MarkdownDocument): void {
    const t = doc.text;
    if (!out.section(t.goalsHeading, review.goals, t.noGoals)) return;
    const rows: Cell[][] = [];
    for (const g of review.goals) {
        const unit = doc.goalUnit(g.goal);
        rows.push([
            join([bold(g.goal.name), g.goal.title !== undefined ? ` — ${g.goal.title}` : undefined]),
            doc.target(g.goal),
            g.goal.deadline ? formatDate(g.goal.deadline) : undefined,
            ...trackedCells(doc, g, unit),
            doc.person(g.goal.owner)
        ]);
        // SPEC §8: one row per contributing playbook.
        for (const part of g.parts ?? []) {
            const label = part.own ? t.paren(t.thisPlaybook) : part.region !== undefined ? t.paren(part.region) : '';
            rows.push([
                `↳ ${(part.path ?? [part.playbook]).join(' › ')}${label}`,
                part.target !== undefined ? doc.amount(part.target, unit) : undefined,
                undefined,
                ...trackedCells(doc, part, unit),
                undefined
            ]);
        }
    }
    out.table(
        [
            t.goalColumn,
            t.targetColumn,
            t.deadlineColumn,
            t.elapsedColumn,
            t.targetToDateColumn,
            t.actualColumn,
            t.varianceColumn,
            t.statusColumn,
            t.ownerColumn
        ],
        rows,
        [L, R, L, R, R, R, R, L, L]
    );
    out.paragraph(italic(t.goalsReviewNote));
    if (review.goals.some(g => g.parts !== undefined)) out.paragraph(italic(t.goalPartsNote));
    if (review.goals.some(g => g.parts?.some(part => part.path !== undefined))) out.paragraph(italic(t.goalPartsNestedNote));
    if (review.goals.some(g => g.goal.pacing.length > 0)) out.paragraph(italic(t.milestonePacingNote));
}

/** SPEC §9: each goal and delivery in the reviewed period, the previous one, the change and the figure to date. */
function periodOverPeriod(review: ReviewAnalysis, doc: DocumentFormat, out: MarkdownDocument): void {
    const t = doc.text;
    const comparison = review.periodOverPeriod;
    if (!comparison) return;
    out.heading(2, t.periodOverPeriodHeading);
    const current = `${comparison.current.label}${t.paren(doc.range(comparison.current.range))}`;
    const previous = `${comparison.previous.label}${t.paren(doc.range(comparison.previous.range))}`;
    if (comparison.datedRows === 0) {
        out.paragraph(t.noDatedActuals(current, previous));
        return;
    }
    out.paragraph(t.periodOverPeriodIntro(current, previous));
    const cells = (periods: PeriodFigures | undefined, actual: Decimal | undefined, unit: Unit | undefined): Cell[] => [
        periods?.current !== undefined ? doc.amount(periods.current, unit) : BLANK,
        periods?.previous !== undefined ? doc.amount(periods.previous, unit) : BLANK,
        periods?.change !== undefined
            ? `${doc.signed(periods.change, unit)}${periods.changeRatio !== undefined ? t.paren(`${periods.changeRatio > 0 ? '+' : ''}${doc.pct(periods.changeRatio)}`) : ''}`
            : BLANK,
        actual !== undefined ? doc.amount(actual, unit) : BLANK
    ];
    const rows: Cell[][] = [
        ...review.goals.map(g => [join([bold(g.goal.name), t.paren(t.goalWord)]), ...cells(g.periods, g.actual, doc.goalUnit(g.goal))]),
        ...review.deliveries.map(d => [
            join([bold(d.from), t.paren(d.fromType === 'Channel' ? t.channelWord : t.campaignWord), ` → ${d.delivery.goal ?? '?'}`]),
            ...cells(d.periods, d.actual, doc.unitOf(d.delivery.metric))
        ])
    ];
    out.table([t.itemColumn, t.thisPeriodColumn, t.previousPeriodColumn, t.changeColumn, t.toDateColumn], rows, [L, R, R, R, R]);
}

/** SPEC §9 `--previous`: the open decisions of the last review, to mark done or carry on. */
function followUps(carried: FollowUps, doc: DocumentFormat, out: MarkdownDocument): void {
    const t = doc.text;
    out.heading(2, t.followUpsHeading);
    if (carried.open.length === 0) {
        out.paragraph(t.noOpenFollowUps(carried.total));
        return;
    }
    out.paragraph(join([t.followUpsFrom, code(carried.source), t.followUpsAfter(carried.open.length, carried.total)]));
    const rows = carried.open.map((d, i) => [
        String(i + 1),
        d.decision,
        d.owner ?? BLANK,
        d.due !== undefined ? `${d.due}${d.overdue ? t.paren(t.overdue) : ''}` : BLANK,
        BLANK
    ]);
    out.table([trusted('#', '#'), t.decisionColumn, t.ownerColumn, t.dueColumn, t.doneColumn], rows);
}

function deliveries(review: ReviewAnalysis, doc: DocumentFormat, out: MarkdownDocument): void {
    const t = doc.text;
    if (!out.section(t.channelsCampaignsHeading, review.deliveries, t.noChannels)) return;
    const rows = review.deliveries.map(d => {
        const unit = doc.unitOf(d.delivery.metric);
        return [
            join([bold(d.from), t.paren(d.fromType === 'Channel' ? t.channelWord : t.campaignWord)]),
            `${doc.qty(d.delivery.amount as NonNullable<typeof d.delivery.amount>, unit)} → ${d.delivery.goal ?? '?'}`,
            d.range ? doc.range(d.range) : undefined,
            ...trackedCells(doc, d, unit),
            doc.person(d.owner)
        ];
    });
    out.table(
        [
            t.channelOrCampaignColumn,
            t.deliversColumn,
            t.proRatedOverColumn,
            t.elapsedColumn,
            t.targetToDateColumn,
            t.actualColumn,
            t.varianceColumn,
            t.statusColumn,
            t.ownerColumn
        ],
        rows,
        [L, L, L, R, R, R, R, L, L]
    );
}

function costs(review: ReviewAnalysis, doc: DocumentFormat, out: MarkdownDocument): void {
    const t = doc.text;
    out.heading(2, t.costHeading);
    const rows = review.costs
        .filter(c => c.budget !== undefined || c.spendSource === 'actual')
        .map(c => [
            join([bold(c.name), t.paren(c.type === 'Channel' ? t.channelWord : t.campaignWord)]),
            c.unitMetric,
            c.budget !== undefined ? doc.money(c.budget) : undefined,
            c.spend !== undefined
                ? `${doc.money(c.spend.round(0))}${c.spendSource === 'budget' ? t.paren(t.budgetProRated) : ''}`
                : undefined,
            c.units !== undefined ? doc.num(c.units) : undefined,
            c.actualCostPerUnit !== undefined ? doc.cost(c.actualCostPerUnit) : undefined,
            c.plannedCostPerUnit !== undefined ? doc.cost(c.plannedCostPerUnit) : undefined
        ]);
    if (rows.length === 0) {
        out.paragraph(t.noBudget);
        return;
    }
    out.table(
        [
            t.channelOrCampaignColumn,
            t.unitColumn,
            t.budgetColumn,
            t.spendToDateColumn,
            t.unitsToDateColumn,
            t.actualCostColumn,
            t.plannedCostColumn
        ],
        rows,
        [L, L, R, R, R, R, R]
    );
}

function reallocation(review: ReviewAnalysis, doc: DocumentFormat, out: MarkdownDocument): void {
    const t = doc.text;
    out.heading(2, t.reallocationHeading);
    const plan = review.reallocation;
    if (!plan || (plan.groups.length === 0 && plan.playbooks.length === 0)) {
        out.paragraph(t.noReallocation);
        return;
    }
    if (plan.groups.length > 0) out.paragraph(t.reallocationMethod);
    for (const group of plan.groups) {
        out.heading(3, t.unitGroup(group.unitMetric, doc.money(group.total)));
        const rows = group.rows.map(r => [
            bold(r.channel),
            doc.money(r.budget),
            r.actualCostPerUnit !== undefined ? doc.cost(r.actualCostPerUnit) : undefined,
            doc.money(r.proposed),
            r.kept !== undefined ? t.kept(r.kept) : doc.signed(r.change, { metric: '', kind: 'money', currency: doc.currency })
        ]);
        out.table([t.channelColumn, t.budgetColumn, t.actualCostColumn, t.proposedColumn, t.changeColumn], rows, [L, R, R, R, R]);
    }
    // SPEC §8: between child playbooks.
    if (plan.playbooks.length > 0) out.paragraph(t.childReallocationMethod);
    for (const group of plan.playbooks) {
        out.heading(3, t.childReallocationHeading(group.unitMetric, doc.money(group.total)));
        const rows = group.rows.map(r => [
            bold(r.channel),
            doc.money(r.budget),
            r.actualCostPerUnit !== undefined ? doc.num(r.actualCostPerUnit, 4) : undefined,
            doc.money(r.proposed),
            r.kept !== undefined ? t.kept(r.kept) : doc.signed(r.change, { metric: '', kind: 'money', currency: doc.currency })
        ]);
        out.table([t.playbookColumn, t.budgetColumn, t.actualCostColumn, t.proposedColumn, t.changeColumn], rows, [L, R, R, R, R]);
    }
}

function funnels(review: ReviewAnalysis, doc: DocumentFormat, out: MarkdownDocument): void {
    const t = doc.text;
    if (review.funnels.length === 0) return;
    out.heading(2, t.funnelHeading);
    for (const funnel of review.funnels) {
        out.heading(3, funnel.name);
        const rows = funnel.steps.map((s, i) => [
            bold(doc.named(s.metric, doc.analysis.metrics.get(s.metric)?.title)),
            s.actual !== undefined ? doc.num(s.actual) : BLANK,
            i === 0 ? '' : s.conversion !== undefined ? doc.pct(s.conversion) : BLANK,
            i === 0 ? '' : s.plannedConversion !== undefined ? doc.pct(s.plannedConversion) : undefined
        ]);
        out.table([t.stepColumn, t.actualToDateColumn, t.conversionColumn, t.plannedConversionColumn], rows, [L, R, R, R]);
    }
}

function questions(review: ReviewAnalysis, doc: DocumentFormat, out: MarkdownDocument): void {
    const t = doc.text;
    out.heading(2, t.questionsHeading);
    if (review.questions.length > 0) {
        out.heading(3, t.playbookQuestionsHeading);
        out.numbered(review.questions.map(q => join([q.text, italic(t.paren(q.review)), LINE_BREAK, italic(t.answerPrompt)])));
    }
    out.heading(3, t.standingQuestionsHeading);
    out.heading(4, t.trafficQualityQuestion);
    const channels = doc.analysis.channels;
    if (channels.length > 0) {
        out.table(
            [t.channelColumn, t.ownerColumn, t.cameColumn, t.stayedColumn, t.verdictColumn],
            channels.map(c => [bold(c.name), doc.person(c.owner), BLANK, BLANK, BLANK])
        );
    }
    out.heading(4, t.funnelLossQuestion);
    out.paragraph(italic(t.answerPrompt));
    out.heading(4, t.nextCycleQuestion);
    out.paragraph(italic(t.answerPrompt));
}

function decisions(doc: DocumentFormat, out: MarkdownDocument): void {
    const t = doc.text;
    out.heading(2, t.decisionsHeading);
    const rows: Cell[][] = [];
    for (let i = 1; i <= DECISION_ROWS; i++) rows.push([String(i), BLANK, BLANK, BLANK, BLANK]);
    out.table([trusted('#', '#'), t.decisionColumn, t.ownerColumn, t.dueColumn, t.doneColumn], rows);
}
