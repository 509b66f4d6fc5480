// The figures of a review (SPEC §6 "Review template"): targets pro-rated to the review date, actuals
// summed to date, variance, status, actual cost per unit, and a proposed budget re-allocation. Pure
// functions over the PlaybookAnalysis and the actual rows (parsed from CSV text by actuals-csv.ts); the generator
// only renders what these return.
//
// Methods, as docs/cli.md documents them:
// - Target to date (SPEC §9 "Pacing", milestones.ts `targetDue`): a goal's target paced linearly from
//   zero at the period start through each milestone to the target at its deadline (without milestones:
//   target × proRatedFraction(period start, goal deadline, as-of date)); a channel's delivery the same
//   way (its share of each milestone); a campaign's delivery linearly over its window. Percent and
//   number goals are levels (a retention rate is not earned day by day): their target to date is the
//   level of the next milestone, else the target itself.
//   The schedules are the analysis's (milestones.ts contributionPacing: `Contribution.pacing`,
//   `DeliveryFigures.pacing`, `UpwardContribution.pacing`); the review only reads them (`dueAlong`).
// - Actual to date: count and money metrics sum the rows dated from the period start to the as-of date;
//   percent and number metrics take the latest such row. A goal sums every row of its metric, except a
//   `part of` sub-goal sharing its parent's metric, which sums the rows of the channels and campaigns
//   that deliver to it (or to its own sub-goals). A delivery sums the rows of its channel or campaign.
// - Status: attainment = actual ÷ target to date (`at most`: target ÷ actual, 100% when actual ≤ target);
//   on track at ≥ thresholds.onTrack, at risk at ≥ thresholds.atRisk, off track below.
// - Period over period (SPEC §9): with actuals, each goal and delivery in the reviewed period and in the
//   previous period of the same kind (previousWindow), summed or latest as above, and the change; the
//   rows dated in either are counted, so that none gives the documents' stated fallback.
// - Spend: `spend` rows of a channel or campaign; without any, its budget pro-rated to date stands in.
// - Re-allocation: among channels measured in the same unit, with a budget and actual results, each
//   channel's budget moves half way toward a split proportional to the units its budget buys at its
//   actual cost per unit (budget ÷ actual cost per unit). Whole currency units; the rounding remainder
//   goes to the cheapest channel, so each group, and therefore the total, stays exactly the same.

import type { CalendarDate } from '../values/date.js';
import {
    addDays,
    compareDates,
    dayNumber,
    daysInMonth,
    formatDate,
    fromDayNumber,
    weekdayIndex,
    weekdayOfDayNumber
} from '../values/date.js';
import { Decimal } from '../values/decimal.js';
import { type DateRange, periodContaining, proRatedFraction } from '../values/period.js';
import { dueAlong, proRatedAmount, targetDue } from './milestones.js';

export { proRatedAmount } from './milestones.js';
import type {
    CampaignFigures,
    ChannelFigures,
    Contribution,
    DeliveryFigures,
    GoalFigures,
    MetricKind,
    PlaybookAnalysis,
    ReviewInfo
} from './model.js';

/** The metric name of actual rows that give spend, in the playbook currency. */
export const SPEND_METRIC = 'spend';

export interface ActualRow {
    date: CalendarDate;
    metric: string;
    /** A channel or campaign name; undefined for a total that no channel claims. */
    channel?: string;
    /** SPEC §8: the other playbook of the workspace whose channel or campaign this is; undefined for this playbook's own. */
    playbook?: string;
    value: Decimal;
    /** 1-based line in the CSV, for messages. */
    line: number;
}

export interface ReviewWindow {
    /** `2027-W05`, `2027-01`, `2027-Q1`, `2027` or the `--on` date. */
    label: string;
    kind: 'day' | 'week' | 'month' | 'quarter' | 'year';
    /** The reviewed period; for `--on DATE` the single day. */
    range: DateRange;
}

export interface ReviewThresholds {
    onTrack: number;
    atRisk: number;
}

export interface ReviewOptions {
    window: ReviewWindow;
    thresholds: ReviewThresholds;
    actuals?: readonly ActualRow[];
    /** Review only this `review` element (its covered goals and questions). */
    review?: string;
}

export type ReviewStatus = 'on-track' | 'at-risk' | 'off-track';

/** Target to date, actual, variance and status of one line of the review. */
export interface TrackedFigure {
    target?: Decimal;
    /** Share of the pro-rating range elapsed at the as-of date; undefined for a level target. */
    elapsed?: number;
    targetToDate?: Decimal;
    actual?: Decimal;
    /** actual − target to date. */
    variance?: Decimal;
    /** How much of the target to date is achieved (see the status method above). */
    attainment?: number;
    status?: ReviewStatus;
}

export interface GoalReview extends TrackedFigure {
    goal: GoalFigures;
    /** Percent and number goals: the target is a level, not pro-rated. */
    level: boolean;
    /** SPEC §9: this period, the previous one and the change (with actuals). */
    periods?: PeriodFigures;
    /**
     * SPEC §8: a goal with contributions from other playbooks, one line per playbook (this one first):
     * its contributions' amounts as the target, their channels' rows as the actual.
     */
    parts?: GoalPartReview[];
}

/**
 * SPEC §9 "Period over period": one line's figure in the reviewed period and in the previous period of
 * the same length (sums for counts and money, the latest row for levels), and the change.
 */
export interface PeriodFigures {
    current?: Decimal;
    previous?: Decimal;
    /** current − previous (a missing side counts as zero for sums; levels need both). */
    change?: Decimal;
    /** change ÷ previous, for sums with a previous figure above zero. */
    changeRatio?: number;
}

/** The reviewed period and the one before it, with how many actual rows are dated in either. */
export interface PeriodComparison {
    current: { label: string; range: DateRange };
    previous: { label: string; range: DateRange };
    /** Actual rows (any metric) dated in the current or the previous period: 0 gives the stated fallback. */
    datedRows: number;
}

export interface GoalPartReview extends TrackedFigure {
    /** The contributing playbook (this one's name for its own contributions), or the file without a playbook. */
    playbook: string;
    own: boolean;
    file?: string;
    region?: string;
    /**
     * A row under a child playbook (SPEC §8 down the tree): the playbooks from this one's child down to
     * this row's (`['华东Q3', '上海Q3']`); its actual is part of each row above it.
     */
    path?: string[];
}

export interface DeliveryReview extends TrackedFigure {
    delivery: DeliveryFigures;
    from: string;
    fromType: 'Channel' | 'Campaign';
    owner?: string;
    metricKind?: MetricKind;
    /** The range the delivery is pro-rated over: period start to goal deadline, or the campaign window. */
    range?: DateRange;
    /** SPEC §9: this period, the previous one and the change (with actuals). */
    periods?: PeriodFigures;
}

export interface CostReview {
    name: string;
    type: 'Channel' | 'Campaign';
    unitMetric?: string;
    budget?: Decimal;
    /** Spend to date, and where it comes from. */
    spend?: Decimal;
    spendSource?: 'actual' | 'budget';
    /** Units of unitMetric to date; undefined without actuals for it. */
    units?: Decimal;
    actualCostPerUnit?: Decimal;
    plannedCostPerUnit?: Decimal;
}

export interface ReallocationRow {
    channel: string;
    budget: Decimal;
    actualCostPerUnit?: Decimal;
    proposed: Decimal;
    change: Decimal;
    /** Why the channel keeps its budget, when it does not take part. */
    /** `alone-playbook`: the only child playbook of its metric with actual results (SPEC §8). */
    kept?: 'no-actuals' | 'no-spend' | 'alone' | 'alone-playbook';
}

export interface ReallocationGroup {
    unitMetric: string;
    total: Decimal;
    rows: ReallocationRow[];
}

export interface Reallocation {
    groups: ReallocationGroup[];
    total: Decimal;
    /**
     * SPEC §8: between the child playbooks of this one, by the actual cost per unit of what each adds to
     * this playbook's goals (`channel` is then the child playbook's name); one group per metric.
     */
    playbooks: ReallocationGroup[];
}

export interface FunnelStepReview {
    metric: string;
    actual?: Decimal;
    /** actual ÷ the previous step's actual. */
    conversion?: number;
    /** The step's target ÷ the previous step's target (FunnelInfo.stepTargets). */
    plannedConversion?: number;
}

export interface FunnelReview {
    name: string;
    steps: FunnelStepReview[];
}

export interface ReviewAnalysis {
    analysis: PlaybookAnalysis;
    window: ReviewWindow;
    /** Figures are to the end of this day. */
    asOf: CalendarDate;
    /** Share of the playbook period elapsed at asOf. */
    periodElapsed?: number;
    thresholds: ReviewThresholds;
    /** The reviews held in the window (or the one asked for). */
    reviews: ReviewInfo[];
    /** Their dates inside the window. */
    reviewDates: { review: string; date: CalendarDate }[];
    goals: GoalReview[];
    deliveries: DeliveryReview[];
    costs: CostReview[];
    reallocation?: Reallocation;
    funnels: FunnelReview[];
    hasActuals: boolean;
    /** Actual rows counted (dated from the period start to asOf). */
    actualRowsUsed: number;
    /** SPEC §9: the periods compared, with actuals. */
    periodOverPeriod?: PeriodComparison;
    questions: { review: string; text: string }[];
}

// ---- review dates ------------------------------------------------------------------------------

/**
 * The dates a review is held within `range`: `at DATE` as written; `every day` each day; `every week`
 * on the given weekday (Monday without one); `every month` on the first given weekday of each month,
 * else on the month's last day; `every quarter` on the last day of each quarter. Sorted, no duplicates.
 */
export function reviewDates(review: ReviewInfo, range: DateRange): readonly CalendarDate[] {
    // The plan asks twice per review (timeline, review calendar), the export once: computed once per review and range.
    const key = `${dayNumber(range.start)}..${dayNumber(range.end)}`;
    let byRange = reviewDatesMemo.get(review);
    const known = byRange?.get(key);
    if (known) return known;
    const dates = computeReviewDates(review, range);
    if (!byRange) reviewDatesMemo.set(review, (byRange = new Map()));
    byRange.set(key, dates);
    return dates;
}

const reviewDatesMemo = new WeakMap<ReviewInfo, Map<string, readonly CalendarDate[]>>();

function computeReviewDates(review: ReviewInfo, range: DateRange): readonly CalendarDate[] {
    const first = dayNumber(range.start);
    const last = dayNumber(range.end);
    const days = new Set<number>();
    const add = (n: number) => {
        if (first <= n && n <= last) days.add(n);
    };
    /** Each month touching the range, as its first day's number and its length. */
    const months = (): { start: number; length: number; month: number }[] => {
        const found: { start: number; length: number; month: number }[] = [];
        let { year, month } = range.start;
        while (year < range.end.year || (year === range.end.year && month <= range.end.month)) {
            found.push({ start: dayNumber({ year, month, day: 1 }), length: daysInMonth(year, month), month });
            month++;
            if (month > 12) {
                month = 1;
                year++;
            }
        }
        return found;
    };
    for (const schedule of review.schedules) {
        if (schedule.date) add(dayNumber(schedule.date));
        const target = schedule.weekday !== undefined ? weekdayIndex(schedule.weekday) : undefined;
        switch (schedule.every) {
            case 'day':
                for (let n = first; n <= last; n++) if (target === undefined || weekdayOfDayNumber(n) === target) add(n);
                break;
            case 'week':
                for (let n = first + (((((target ?? 0) - weekdayOfDayNumber(first)) % 7) + 7) % 7); n <= last; n += 7) add(n);
                break;
            case 'month':
                // The month's last day; with a weekday, the first such weekday of the month.
                for (const m of months())
                    add(target === undefined ? m.start + m.length - 1 : m.start + ((((target - weekdayOfDayNumber(m.start)) % 7) + 7) % 7));
                break;
            case 'quarter':
                for (const m of months()) if (m.month % 3 === 0) add(m.start + m.length - 1);
                break;
        }
    }
    return [...days].sort((a, b) => a - b).map(fromDayNumber);
}

// ---- the review -------------------------------------------------------------------------------

function isLevel(kind: MetricKind | undefined): boolean {
    return kind === 'percent' || kind === 'number';
}

function ratio(a: Decimal, b: Decimal): number | undefined {
    return b.isZero() ? undefined : a.divide(b, 12).toNumber();
}

/** Rows of one metric up to asOf (and from the period start), optionally of some channels only. */
class ActualIndex {
    private readonly rows: readonly ActualRow[];

    constructor(rows: readonly ActualRow[], from: CalendarDate | undefined, asOf: CalendarDate) {
        this.rows = rows.filter(r => compareDates(r.date, asOf) <= 0 && (!from || compareDates(from, r.date) <= 0));
    }

    get used(): number {
        return this.rows.length;
    }

    /** SPEC §8: the `spend` rows of every channel and campaign of another playbook. */
    spendOf(playbook: string): Decimal | undefined {
        const rows = this.rows.filter(r => r.metric === SPEND_METRIC && r.playbook === playbook);
        return rows.length === 0 ? undefined : Decimal.sum(rows.map(r => r.value));
    }

    /**
     * Sum (count, money) or latest value (percent, number); undefined when no row matches. With
     * `channels`, only the rows of those channels of `playbook` (undefined: this playbook's own).
     */
    value(metric: string, kind: MetricKind | undefined, channels?: ReadonlySet<string>, playbook?: string): Decimal | undefined {
        const rows = this.rows.filter(
            r => r.metric === metric && (!channels || (r.channel !== undefined && r.playbook === playbook && channels.has(r.channel)))
        );
        if (rows.length === 0) return undefined;
        if (!isLevel(kind)) return Decimal.sum(rows.map(r => r.value));
        let latest = rows[0] as ActualRow;
        for (const row of rows) if (compareDates(row.date, latest.date) >= 0) latest = row;
        return latest.value;
    }
}

/** The period before `window`, of the same kind: the previous day, ISO week, month, quarter or year. */
export function previousWindow(window: ReviewWindow): { label: string; range: DateRange } {
    const dayBefore = addDays(window.range.start, -1);
    switch (window.kind) {
        case 'day':
            return { label: formatDate(dayBefore), range: { start: dayBefore, end: dayBefore } };
        case 'year': {
            const year = window.range.start.year - 1;
            return {
                label: String(year).padStart(4, '0'),
                range: { start: { year, month: 1, day: 1 }, end: { year, month: 12, day: 31 } }
            };
        }
        default: {
            const period = periodContaining(dayBefore, window.kind);
            return { label: period.label, range: period.range };
        }
    }
}

/** A line's figures in the reviewed and the previous period (`rows` in any date order). */
function periodFigures(
    rows: readonly ActualRow[],
    comparison: PeriodComparison,
    metric: string,
    kind: MetricKind | undefined,
    channels?: ReadonlySet<string>
): PeriodFigures | undefined {
    const current = new ActualIndex(rows, comparison.current.range.start, comparison.current.range.end).value(metric, kind, channels);
    const previous = new ActualIndex(rows, comparison.previous.range.start, comparison.previous.range.end).value(metric, kind, channels);
    if (current === undefined && previous === undefined) return undefined;
    const figures: PeriodFigures = {};
    if (current !== undefined) figures.current = current;
    if (previous !== undefined) figures.previous = previous;
    if (!isLevel(kind)) {
        figures.change = (current ?? Decimal.ZERO).sub(previous ?? Decimal.ZERO);
        if (previous !== undefined && previous.sign() > 0) figures.changeRatio = figures.change.divide(previous, 12).toNumber();
    } else if (current !== undefined && previous !== undefined) {
        figures.change = current.sub(previous);
    }
    return figures;
}

function track(figure: TrackedFigure, bound: 'at least' | 'at most', thresholds: ReviewThresholds): void {
    const { targetToDate, actual } = figure;
    if (targetToDate === undefined || actual === undefined) return;
    figure.variance = actual.sub(targetToDate);
    let attainment: number | undefined;
    if (bound === 'at most') attainment = actual.lte(targetToDate) ? 1 : ratio(targetToDate, actual);
    else attainment = targetToDate.isZero() ? (actual.sign() >= 0 ? 1 : 0) : ratio(actual, targetToDate);
    if (attainment === undefined) return;
    figure.attainment = attainment;
    figure.status = attainment >= thresholds.onTrack ? 'on-track' : attainment >= thresholds.atRisk ? 'at-risk' : 'off-track';
}

function selectReviews(
    analysis: PlaybookAnalysis,
    window: ReviewWindow,
    only: string | undefined
): { reviews: ReviewInfo[]; dates: { review: string; date: CalendarDate }[] } {
    const dates: { review: string; date: CalendarDate }[] = [];
    const reviews = analysis.reviews.filter(review => {
        if (only !== undefined) return review.name === only;
        const held = reviewDates(review, window.range);
        // A recurring review covers every window; a one-off review only the window holding its date.
        return held.length > 0 || review.schedules.some(s => s.every !== undefined);
    });
    for (const review of reviews) {
        for (const date of reviewDates(review, window.range)) dates.push({ review: review.name, date });
    }
    dates.sort((a, b) => compareDates(a.date, b.date));
    return { reviews, dates };
}

/** Channels and campaigns whose rows count for a sub-goal: those delivering to it or its sub-goals. */
function contributorsOf(goal: GoalFigures, goals: ReadonlyMap<string, GoalFigures>, seen = new Set<string>()): Set<string> {
    const names = new Set<string>();
    if (seen.has(goal.name)) return names;
    seen.add(goal.name);
    for (const c of goal.contributions) {
        // Another file's channels have no rows in this playbook's actuals (reviews roll up later: SPEC §8).
        if (c.file !== undefined) continue;
        if (c.kind === 'delivery') names.add(c.from);
        const sub = c.kind === 'sub-goal' ? goals.get(c.from) : undefined;
        if (sub) for (const n of contributorsOf(sub, goals, seen)) names.add(n);
    }
    return names;
}

/**
 * SPEC §8: a goal's contributions by playbook, each tracked like the goal (undefined when all are this
 * file's); a child playbook's row is followed by rows for what its own children contribute through it
 * (`path`), whose actuals its row includes.
 */
function goalParts(
    analysis: PlaybookAnalysis,
    goal: GoalFigures,
    goals: ReadonlyMap<string, GoalFigures>,
    asOf: CalendarDate,
    actuals: ActualIndex | undefined,
    thresholds: ReviewThresholds
): GoalPartReview[] | undefined {
    if (!goal.additive || !goal.contributions.some(c => c.file !== undefined)) return undefined;
    const self = analysis.name ?? '';
    type Entry = { part: GoalPartReview; amounts: Decimal[]; toDate: Decimal[]; actual: Decimal[]; children: string[] };
    const parts = new Map<string, Entry>();
    const top: string[] = [];
    /** The actual rows of a contribution's channels and of everything nested under it. */
    const actualOf = (c: Contribution, own: boolean): Decimal[] => {
        if (!actuals || !goal.metric) return [];
        const channels = own
            ? c.kind === 'delivery'
                ? new Set([c.from])
                : contributorsOf(goals.get(c.from) as GoalFigures, goals)
            : new Set(c.channels ?? []);
        const value = actuals.value(goal.metric.name, goal.metric.kind, channels, own ? undefined : c.playbook);
        return [...(value !== undefined ? [value] : []), ...(c.nested ?? []).flatMap(n => actualOf(n, false))];
    };
    const add = (c: Contribution, parent: string[] | undefined) => {
        const own = c.file === undefined;
        const name = own ? self : (c.playbook ?? (c.file as string));
        const path = parent ? [...parent, name] : [name];
        const key = path.join('\u0000');
        let entry = parts.get(key);
        if (!entry) {
            const part: GoalPartReview = { playbook: name, own };
            if (parent) part.path = path;
            if (c.file !== undefined) part.file = c.file;
            const region = own ? analysis.tree?.region : c.region;
            if (region !== undefined) part.region = region;
            entry = { part, amounts: [], toDate: [], actual: [], children: [] };
            parts.set(key, entry);
            if (parent) parts.get(parent.join('\u0000'))?.children.push(key);
            else top.push(key);
        }
        entry.amounts.push(c.amount);
        // SPEC §9 with §8: as the review of the playbook writing it paces it (the analysis's schedule).
        if (c.pacing) entry.toDate.push(dueAlong(c.pacing, asOf));
        entry.actual.push(...actualOf(c, own));
        for (const nested of c.nested ?? []) add(nested, path);
    };
    for (const c of goal.contributions) add(c, undefined);
    const ordered: Entry[] = [];
    const visit = (key: string) => {
        const entry = parts.get(key) as Entry;
        ordered.push(entry);
        for (const child of entry.children) visit(child);
    };
    for (const key of top) visit(key);
    return ordered.map(({ part, amounts, toDate, actual }) => {
        part.target = Decimal.sum(amounts);
        if (toDate.length === amounts.length) {
            part.targetToDate = Decimal.sum(toDate);
            if (!part.target.isZero()) part.elapsed = part.targetToDate.divide(part.target, 12).toNumber();
        }
        if (actual.length > 0) part.actual = Decimal.sum(actual);
        track(part, goal.bound, thresholds);
        return part;
    });
}

/** The whole review; `options.actuals` absent gives the template (targets to date only). */
export function analyzeReview(analysis: PlaybookAnalysis, options: ReviewOptions): ReviewAnalysis {
    const asOf = options.window.range.end;
    const period = analysis.period;
    const actuals = options.actuals ? new ActualIndex(options.actuals, period?.start, asOf) : undefined;
    const { reviews, dates } = selectReviews(analysis, options.window, options.review);
    const comparison = options.actuals ? comparePeriods(options.actuals, options.window) : undefined;
    const rows = options.actuals ?? [];
    const covered = new Set(reviews.flatMap(r => r.covers));
    const goalsByName = new Map(analysis.goals.map(g => [g.name, g]));
    const kindOf = (metric: string | undefined) => (metric === undefined ? undefined : analysis.metrics.get(metric)?.kind);

    const goalList = covered.size > 0 ? analysis.goals.filter(g => covered.has(g.name)) : analysis.goals;
    const goals = goalList.map(goal => {
        const kind = goal.metric?.kind;
        const level = isLevel(kind);
        const review: GoalReview = { goal, level };
        if (goal.target !== undefined) {
            review.target = goal.target;
            if (!level && period) review.elapsed = proRatedFraction(period.start, goal.deadline ?? period.end, asOf);
            const due = targetDue(goal, period, asOf);
            if (due !== undefined) review.targetToDate = due;
        }
        if (actuals && goal.metric) {
            const parent = goal.parent !== undefined ? goalsByName.get(goal.parent) : undefined;
            const sharesParentMetric = parent?.metric !== undefined && parent.metric.name === goal.metric.name;
            const channels = sharesParentMetric ? contributorsOf(goal, goalsByName) : undefined;
            const value = actuals.value(goal.metric.name, kind, channels);
            if (value !== undefined) review.actual = value;
            const periods = comparison && periodFigures(rows, comparison, goal.metric.name, kind, channels);
            if (periods) review.periods = periods;
        }
        track(review, goal.bound, options.thresholds);
        const parts = goalParts(analysis, goal, goalsByName, asOf, actuals, options.thresholds);
        if (parts) review.parts = parts;
        return review;
    });

    const deliveries: DeliveryReview[] = [];
    const addDeliveries = (owner: ChannelFigures | CampaignFigures, type: 'Channel' | 'Campaign') => {
        for (const delivery of owner.deliveries) {
            if (delivery.amount === undefined) continue;
            const goal = delivery.goal !== undefined ? goalsByName.get(delivery.goal) : undefined;
            // SPEC §9: paced as the analysis says (a campaign over its window, a channel like the goal it
            // delivers to); SPEC §8: a channel delivering to another playbook's goal like that goal, as that
            // playbook's review paces it.
            const upward =
                type === 'Channel' && !goal
                    ? analysis.contributesTo.find(u => u.fromType === 'Channel' && u.from === owner.name && u.goal === delivery.goal)
                          ?.pacing
                    : undefined;
            const schedule = upward ?? delivery.pacing;
            const last = schedule?.checkpoints[schedule.checkpoints.length - 1];
            const range = schedule && last && { start: schedule.start, end: last.date };
            const row: DeliveryReview = { delivery, from: owner.name, fromType: type, target: delivery.amount };
            if (schedule && range) {
                row.elapsed = proRatedFraction(range.start, range.end, asOf);
                row.targetToDate = dueAlong(schedule, asOf);
            }
            const metricKind = kindOf(delivery.metric);
            if (metricKind) row.metricKind = metricKind;
            if (isLevel(metricKind)) {
                row.targetToDate = delivery.amount;
                delete row.elapsed;
            }
            if (range) row.range = range;
            if (owner.owner !== undefined) row.owner = owner.owner;
            if (actuals && delivery.metric !== undefined) {
                const value = actuals.value(delivery.metric, metricKind, new Set([owner.name]));
                if (value !== undefined) row.actual = value;
                const periods = comparison && periodFigures(rows, comparison, delivery.metric, metricKind, new Set([owner.name]));
                if (periods) row.periods = periods;
            }
            track(row, goal?.bound ?? 'at least', options.thresholds);
            deliveries.push(row);
        }
    };
    for (const channel of analysis.channels) addDeliveries(channel, 'Channel');
    for (const campaign of analysis.campaigns) addDeliveries(campaign, 'Campaign');

    const costs = actuals ? costReviews(analysis, actuals, asOf) : [];
    const review: ReviewAnalysis = {
        analysis,
        window: options.window,
        asOf,
        thresholds: options.thresholds,
        reviews,
        reviewDates: dates,
        goals,
        deliveries,
        costs,
        funnels: analysis.funnels.map(f => funnelReview(f.name, f.steps, f.stepTargets, actuals, kindOf)),
        hasActuals: actuals !== undefined,
        actualRowsUsed: actuals?.used ?? 0,
        questions: reviews.flatMap(r => r.asks.map(text => ({ review: r.name, text })))
    };
    if (period) review.periodElapsed = proRatedFraction(period.start, period.end, asOf);
    if (comparison) review.periodOverPeriod = comparison;
    if (actuals) {
        review.reallocation = proposeReallocation(analysis.channels, costs);
        review.reallocation.playbooks = childReallocation(analysis, actuals, asOf);
    }
    return review;
}

function comparePeriods(rows: readonly ActualRow[], window: ReviewWindow): PeriodComparison {
    const current = { label: window.label, range: window.range };
    const previous = previousWindow(window);
    const inside = (range: DateRange, row: ActualRow) => compareDates(range.start, row.date) <= 0 && compareDates(row.date, range.end) <= 0;
    return { current, previous, datedRows: rows.filter(row => inside(current.range, row) || inside(previous.range, row)).length };
}

function costReviews(analysis: PlaybookAnalysis, actuals: ActualIndex, asOf: CalendarDate): CostReview[] {
    const period = analysis.period;
    const cost = (owner: ChannelFigures | CampaignFigures, type: 'Channel' | 'Campaign', range: DateRange | undefined): CostReview => {
        const row: CostReview = { name: owner.name, type };
        if (owner.unitMetric !== undefined) row.unitMetric = owner.unitMetric;
        if (owner.budget !== undefined) row.budget = owner.budget;
        if (owner.impliedCostPerUnit !== undefined) row.plannedCostPerUnit = owner.impliedCostPerUnit;
        const spent = actuals.value(SPEND_METRIC, 'money', new Set([owner.name]));
        if (spent !== undefined) {
            row.spend = spent;
            row.spendSource = 'actual';
        } else if (owner.budget !== undefined && range) {
            row.spend = proRatedAmount(owner.budget, range, asOf);
            row.spendSource = 'budget';
        }
        if (owner.unitMetric !== undefined) {
            const units = actuals.value(owner.unitMetric, 'count', new Set([owner.name]));
            if (units !== undefined) row.units = units;
            if (units !== undefined && units.sign() > 0 && row.spend !== undefined) row.actualCostPerUnit = row.spend.divide(units, 12);
        }
        return row;
    };
    return [...analysis.channels.map(c => cost(c, 'Channel', period)), ...analysis.campaigns.map(c => cost(c, 'Campaign', c.window))];
}

/** A budget that may move, with what it bought to date. */
interface Movable {
    name: string;
    budget: Decimal;
    spend?: Decimal;
    units?: Decimal;
    actualCostPerUnit?: Decimal;
}

/** See the method at the top of this file. */
export function proposeReallocation(channels: readonly ChannelFigures[], costs: readonly CostReview[]): Reallocation {
    const costOf = new Map(costs.filter(c => c.type === 'Channel').map(c => [c.name, c]));
    const groups = new Map<string, Movable[]>();
    for (const channel of channels) {
        if (channel.unitMetric === undefined || channel.budget === undefined || channel.budget.sign() <= 0) continue;
        const cost = costOf.get(channel.name);
        const member: Movable = { name: channel.name, budget: channel.budget };
        if (cost?.spend !== undefined) member.spend = cost.spend;
        if (cost?.units !== undefined) member.units = cost.units;
        if (cost?.actualCostPerUnit !== undefined) member.actualCostPerUnit = cost.actualCostPerUnit;
        groups.set(channel.unitMetric, [...(groups.get(channel.unitMetric) ?? []), member]);
    }
    const result = [...groups].map(([unitMetric, members]) => reallocateGroup(unitMetric, members));
    return { groups: result, total: Decimal.sum(result.map(g => g.total)), playbooks: [] };
}

function reallocateGroup(unitMetric: string, members: readonly Movable[]): ReallocationGroup {
    const rows: ReallocationRow[] = members.map(member => {
        const row: ReallocationRow = { channel: member.name, budget: member.budget, proposed: member.budget, change: Decimal.ZERO };
        if (member.actualCostPerUnit !== undefined) row.actualCostPerUnit = member.actualCostPerUnit;
        if (member.units === undefined) row.kept = 'no-actuals';
        else if (member.spend === undefined || member.spend.isZero()) row.kept = 'no-spend';
        return row;
    });
    const byName = new Map(members.map(m => [m.name, m]));
    const movable = rows.filter(r => r.kept === undefined);
    if (movable.length < 2) {
        for (const r of movable) r.kept = 'alone';
    } else {
        // Units each budget buys at its actual cost: budget × units ÷ spend (0 when nothing came).
        const yields = movable.map(r => {
            const member = byName.get(r.channel) as Movable;
            return r.budget.mul(member.units as Decimal).divide(member.spend as Decimal, 12);
        });
        const groupTotal = Decimal.sum(movable.map(r => r.budget));
        const yieldTotal = Decimal.sum(yields);
        if (yieldTotal.sign() > 0) {
            movable.forEach((r, i) => {
                const proportional = groupTotal.mul(yields[i] as Decimal).divide(yieldTotal, 12);
                r.proposed = r.budget.add(proportional.sub(r.budget).divide(2, 12)).round(0);
            });
            const remainder = groupTotal.sub(Decimal.sum(movable.map(r => r.proposed)));
            const cheapest = [...movable].sort((a, b) => compareCost(a.actualCostPerUnit, b.actualCostPerUnit))[0] as ReallocationRow;
            cheapest.proposed = cheapest.proposed.add(remainder);
            for (const r of movable) r.change = r.proposed.sub(r.budget);
        }
    }
    return { unitMetric, total: Decimal.sum(rows.map(r => r.budget)), rows };
}

/**
 * SPEC §8: budget between child playbooks. Each child is measured in the metric of the goal it adds
 * most to; its units are the actual rows of that metric of its contributing channels, its spend the
 * `spend` rows of its channels and campaigns (else its budget pro-rated over its period). Children in
 * another currency than this playbook's keep their budget (their spend is in their own currency).
 */
function childReallocation(analysis: PlaybookAnalysis, actuals: ActualIndex, asOf: CalendarDate): ReallocationGroup[] {
    const children = analysis.tree?.children ?? [];
    if (children.length < 2) return [];
    const groups = new Map<string, Movable[]>();
    for (const child of children) {
        if (child.budget === undefined || child.budget.sign() <= 0) continue;
        let best: { goal: GoalFigures; amount: Decimal; channels: Set<string> } | undefined;
        for (const goal of analysis.goals) {
            if (!goal.additive || !goal.metric) continue;
            const mine = goal.contributions.filter(c => c.file !== undefined && c.playbook === child.name);
            if (mine.length === 0) continue;
            const amount = Decimal.sum(mine.map(c => c.amount));
            if (!best || amount.gt(best.amount)) best = { goal, amount, channels: new Set(mine.flatMap(c => c.channels ?? [])) };
        }
        if (!best?.goal.metric) continue;
        const member: Movable = { name: child.name, budget: child.budget };
        if (child.ownBudget?.currency === analysis.currency) {
            const units = actuals.value(best.goal.metric.name, best.goal.metric.kind, best.channels, child.name);
            if (units !== undefined) member.units = units;
            const spent = actuals.spendOf(child.name);
            if (spent !== undefined) member.spend = spent;
            else if (child.period) member.spend = proRatedAmount(child.budget, child.period, asOf);
            if (member.units !== undefined && member.units.sign() > 0 && member.spend !== undefined)
                member.actualCostPerUnit = member.spend.divide(member.units, 12);
        }
        const metric = best.goal.metric.name;
        groups.set(metric, [...(groups.get(metric) ?? []), member]);
    }
    return [...groups].map(([metric, members]) => {
        const group = reallocateGroup(metric, members);
        for (const row of group.rows) if (row.kept === 'alone') row.kept = 'alone-playbook';
        return group;
    });
}

function compareCost(a: Decimal | undefined, b: Decimal | undefined): number {
    if (a === undefined) return b === undefined ? 0 : 1;
    if (b === undefined) return -1;
    return a.cmp(b);
}

function funnelReview(
    name: string,
    steps: readonly string[],
    targets: readonly (Decimal | undefined)[],
    actuals: ActualIndex | undefined,
    kindOf: (metric: string) => MetricKind | undefined
): FunnelReview {
    const result: FunnelStepReview[] = steps.map((metric, i) => {
        const step: FunnelStepReview = { metric };
        const actual = actuals?.value(metric, kindOf(metric));
        if (actual !== undefined) step.actual = actual;
        const target = targets[i];
        const previousTarget = i > 0 ? targets[i - 1] : undefined;
        if (target !== undefined && previousTarget !== undefined) {
            const planned = ratio(target, previousTarget);
            if (planned !== undefined) step.plannedConversion = planned;
        }
        return step;
    });
    result.forEach((step, i) => {
        const previous = result[i - 1]?.actual;
        if (i > 0 && step.actual !== undefined && previous !== undefined) {
            const conversion = ratio(step.actual, previous);
            if (conversion !== undefined) step.conversion = conversion;
        }
    });
    return { name, steps: result };
}
