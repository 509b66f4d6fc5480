import type { AstNode, LangiumDocument } from 'langium';
import type {
    Assessment,
    Campaign,
    Channel,
    Delivery,
    Document,
    Forecast,
    Funnel,
    Goal,
    Kpi,
    Metric,
    Milestone,
    Monitor,
    Person,
    Playbook,
    Responsibility,
    Review,
    Strategy,
    Workstream
} from '../generated/ast.js';
import type { CalendarDate } from '../values/date.js';
import type { Decimal } from '../values/decimal.js';
import type { Locale } from '../values/format.js';
import type { Message } from '../i18n/message.js';
import type { FxTable } from '../values/money.js';
import type { DateRange } from '../values/period.js';

/**
 * The one model of a playbook's figures (SPEC §5 "planned", coverage, budgets, costs, loads, forecasts,
 * funnel, monitoring). It is computed once per document build by `PlaybookAnalyzer` and read by the
 * validators, hover, inlay hints, code lenses and the generators alike: nothing else sums.
 *
 * Amounts are exact `Decimal`s. Money is always converted to the playbook currency (`currency`);
 * percentages are percentage points (35% → 35). Lists keep the file's order, so output is deterministic.
 */
export interface PlaybookAnalysis {
    document: LangiumDocument<Document>;
    /** The playbook of this file; undefined for a library file such as team.ops. */
    playbook?: Playbook;
    name?: string;
    title?: string;
    product?: string;
    stage?: string;
    /** The playbook currency (ISO code), `CNY` when none is declared. */
    currency: string;
    fx: FxTable;
    /** The locale of generated documents: the CLI/editor override, else the playbook's, else opsbook.json's, else en. */
    locale: Locale;
    period?: DateRange;
    budget?: Decimal;
    strategies: StrategyFigures[];
    /** Metrics visible in this file (own and imported), by name. */
    metrics: Map<string, MetricInfo>;
    /** Goals declared in this file, in file order. */
    goals: GoalFigures[];
    channels: ChannelFigures[];
    campaigns: CampaignFigures[];
    budgetTotals: BudgetTotals;
    workstreams: WorkstreamInfo[];
    /** People visible in this file (own and imported), in order of first appearance, with their load here. */
    people: PersonFigures[];
    assessments: AssessmentFigures[];
    forecasts: ForecastFigures[];
    funnels: FunnelInfo[];
    monitors: MonitorInfo[];
    reviews: ReviewInfo[];
    /** A review in this file (SPEC §5 `no-review`). */
    hasReview: boolean;
    /** Values that could not be resolved (wrong unit, unknown currency, missing fx rate, invalid date...). */
    valueIssues: ValueIssue[];
    /** SPEC §8: this playbook's place among the workspace's playbooks (`part of`, `region`); undefined without a playbook. */
    tree?: PlaybookTree;
    /** SPEC §8: what this file adds to goals of other files (its parent playbooks'), in file order. */
    contributesTo: UpwardContribution[];
    /** SPEC §8: the channels and campaigns of the other files that contribute to this file's goals, by file. */
    workspaceChannels: WorkspaceChannel[];
}

/** A playbook elsewhere in the workspace, as the tree names it. */
export interface PlaybookRef {
    node: Playbook;
    name: string;
    title?: string;
    region?: string;
    /** The playbook's file. */
    uri: string;
}

/**
 * SPEC §8 "Parent playbooks": the parent chain of this playbook, its children (found through the
 * index's references to it from `part of`), their budgets in this playbook's currency, and the
 * mandatory campaigns that reach it from its parents.
 */
export interface PlaybookTree {
    region?: string;
    /** The playbook this one is `part of`, when it resolves. */
    parent?: PlaybookRef;
    /** The parent chain, nearest first (the parent, its parent, …), stopping before a loop. */
    ancestors: PlaybookRef[];
    /** This playbook's budget ÷ the parent's, in the parent's currency (when both are known and convertible). */
    shareOfParentBudget?: number;
    /** The parent's period, when both periods are known and this one is not inside it. */
    periodOutsideParent?: DateRange;
    /** The `part of` loop through this playbook (names, from this playbook back to it), if any. */
    cycle?: string[];
    /** Playbooks that are `part of` this one, in file order (by path). Empty on a loop. */
    children: ChildPlaybook[];
    /** Mandatory campaigns of the parent chain that reach this playbook (SPEC §8), nearest parent first. */
    mandatoryCampaigns: InheritedCampaign[];
}

export interface ChildPlaybook extends PlaybookRef {
    period?: DateRange;
    /** The child's budget as written, in the child's currency. */
    ownBudget?: { amount: Decimal; currency: string };
    /** The child's budget in this playbook's currency (through this playbook's `fx`); undefined without a rate. */
    budget?: Decimal;
    /** budget ÷ this playbook's budget. */
    budgetShare?: number;
}

/** A parent's `binding mandatory` campaign as a child sees it. */
export interface InheritedCampaign {
    node: Campaign;
    name: string;
    title?: string;
    /** The playbook that sets it (the parent or a playbook further up). */
    playbook: string;
    uri: string;
    type?: string;
    window?: DateRange;
    region?: string;
    owner?: string;
    /** In the setting playbook's currency. */
    budget?: Decimal;
    currency: string;
}

export type MetricKind = 'count' | 'money' | 'percent' | 'number';

export interface MetricInfo {
    node: Metric;
    name: string;
    title?: string;
    /** undefined when the kind word is not one of SPEC §3's (reported as unit-mismatch). */
    kind?: MetricKind;
    /** Some visible monitor watches this metric. */
    monitored: boolean;
    /** Some visible monitor of this metric is `by channel`. */
    monitoredByChannel: boolean;
    /** Channels of this file that deliver this metric, in file order. */
    deliveredByChannels: string[];
}

export interface StrategyFigures {
    node: Strategy;
    name: string;
    title?: string;
    focus?: string;
    rationale?: string;
    competition?: string;
    /** Does the focus suit the playbook stage (DOMAIN.md table)? undefined when either is unknown. */
    suitsStage?: boolean;
    goals: string[];
}

/** Something that adds to a goal's "planned": a delivery or a `part of` sub-goal's target. */
export interface Contribution {
    kind: 'delivery' | 'sub-goal';
    /** The channel, campaign or sub-goal that contributes. */
    from: string;
    fromType: 'Channel' | 'Campaign' | 'Goal';
    /** The node to point at (a Delivery or the sub-goal's Target), for relatedInformation and links. */
    node: AstNode;
    /** In the goal's unit (money converted to the playbook currency). */
    amount: Decimal;
    /** amount ÷ the goal's target, when the target is known and non-zero. */
    shareOfTarget?: number;
    /** Written in another file of the workspace (SPEC §8): that file, relative to the goal's folder. */
    file?: string;
    /** The playbook of that file, if it declares one. */
    playbook?: string;
    /** That playbook's `region`, if any. */
    region?: string;
    /** The owner of the contributing channel, campaign or sub-goal. */
    owner?: string;
    /**
     * From another file: the channels and campaigns of that file whose actual rows count for this
     * contribution (the delivering one; for a sub-goal, those delivering to it or its sub-goals there).
     */
    channels?: string[];
    /**
     * SPEC §9 with §8: how much of it is due by a date, as the review of the playbook writing it paces it
     * (a sub-goal along its own schedule, a campaign over its window, a channel like this goal), in this
     * goal's unit (milestones.ts contributionPacing); undefined without a period to pace from.
     */
    pacing?: PacingSchedule;
    /**
     * SPEC §8 down the tree: a sub-goal of another playbook split further by other files (a region's
     * goal by its cities), in this goal's unit, each with its own. Not counted again: the sub-goal's
     * target holds them (reviews show them as rows under their playbook).
     */
    nested?: Contribution[];
}

/** A cumulative amount's checkpoints from a start day (nothing due before it), the last one the whole amount. */
export interface PacingSchedule {
    start: CalendarDate;
    checkpoints: { date: CalendarDate; amount: Decimal }[];
}

/** SPEC §8: a channel or campaign of another file that contributes to this file's goals (actuals CSV rows may name it). */
export interface WorkspaceChannel {
    name: string;
    type: 'Channel' | 'Campaign';
    /** Its playbook, if its file declares one. */
    playbook?: string;
    /** Its file, relative to this file's folder. */
    file: string;
}

/**
 * SPEC §8: what this file adds to a goal of another file (a parent playbook's goal): a sub-goal's
 * target or a delivery, in that goal's unit (money through the other playbook's `fx`).
 */
export interface UpwardContribution {
    /** The goal of the other file. */
    goal: string;
    goalTitle?: string;
    /** Its file, relative to this file's folder, and its playbook. */
    file: string;
    playbook?: string;
    target?: Decimal;
    bound: 'at least' | 'at most';
    /** The other goal's unit (money in the other playbook's currency). */
    unit?: Unit;
    /** This file's sub-goal, channel or campaign. */
    from: string;
    fromType: 'Channel' | 'Campaign' | 'Goal';
    amount: Decimal;
    /** amount ÷ the other goal's target. */
    share?: number;
    /**
     * SPEC §9, a channel's delivery: paced like the other goal (its milestones, from its playbook's period
     * start to its deadline), in this file's unit, as the other playbook's review paces it.
     */
    pacing?: PacingSchedule;
}

/** A goal's unit: its metric and, for money, the playbook currency. */
export interface Unit {
    metric: string;
    kind: MetricKind;
    /** The playbook currency, for money metrics. */
    currency?: string;
}

export type CoverageStatus = 'not-additive' | 'unplanned' | 'undercovered' | 'covered' | 'overcommitted' | 'no-target';

export interface GoalFigures {
    node: Goal;
    name: string;
    title?: string;
    metric?: MetricInfo;
    /** 'at least' unless the target says `at most`. */
    bound: 'at least' | 'at most';
    /** The target in the metric's unit (money in the playbook currency, percent in points). */
    target?: Decimal;
    deadline?: CalendarDate;
    owner?: string;
    strategy?: string;
    parent?: string;
    subGoals: string[];
    /** Count or money, at least: the goals whose contributions add up (SPEC §5). */
    additive: boolean;
    contributions: Contribution[];
    /** Sum of the contributions. */
    planned: Decimal;
    /** planned ÷ target, when both are known and target > 0. */
    coverage?: number;
    /** target − planned when positive. */
    shortfall?: Decimal;
    /** planned − target when positive (goal-overcommitted and the hover say it of an overcommitted goal). */
    excess?: Decimal;
    /** Campaigns and workstreams that `serve` it without a number. */
    servedBy: string[];
    /** Something delivers to it, serves it, or decomposes it. */
    hasPlan: boolean;
    status: CoverageStatus;
    /** The forecast deciding this goal's target, if any. */
    forecast?: string;
    /** Whether the owner's assessment names this goal (undefined without an owner). */
    ownerAssessed?: boolean;
    /** Whether some monitor watches this goal's metric. */
    monitored: boolean;
    /** The goal's unit, when its metric is known. */
    unit?: Unit;
    /**
     * Contributions aimed at this goal whose amount could not be resolved (unknown metric, bad currency,
     * number out of range...): the planned sum is then incomplete and the coverage rules stay silent.
     */
    unresolvedContributions: number;
    /** Deliveries aimed at this goal in another metric (reported as unit-mismatch, never counted). */
    mismatchedDeliveries: number;
    /** The `part of` loop this goal is on (names, starting and ending with this goal), if any. */
    cycle?: string[];
    /** SPEC §9: the goal's `milestone` lines, in file order. */
    milestones: MilestoneFigures[];
    /** What `milestone-order` reports: milestones out of order, after the deadline or above the target. */
    milestoneIssues: MilestoneIssue[];
    /**
     * The checkpoints reviews pace the target by (analysis/pacing.ts): the milestones that resolve and
     * keep the order (dates and amounts increasing, after the period start, not after the deadline, not
     * above an `at least` target), in date order. Empty: the target is paced linearly.
     */
    pacing: MilestoneFigures[];
}

/** SPEC §9: a cumulative checkpoint on the way to a goal's target (`milestone 3000万 CNY 销售额 by 2027-07-31`). */
export interface MilestoneFigures {
    node: Milestone;
    /** In the goal's unit (money in the playbook currency); undefined when the quantity does not resolve or is in another metric. */
    amount?: Decimal;
    date?: CalendarDate;
    /** amount ÷ the goal's target, when both are known and the target is above zero. */
    shareOfTarget?: number;
}

/** Why a milestone breaks the order (rule `milestone-order`). */
export type MilestoneIssue =
    | { kind: 'date-order'; milestone: MilestoneFigures; previous: MilestoneFigures }
    /** `rises`: the goal's milestones go up toward its target (they go down for an `at most` level). */
    | { kind: 'amount-order'; milestone: MilestoneFigures; previous: MilestoneFigures; rises: boolean }
    | { kind: 'after-deadline'; milestone: MilestoneFigures }
    | { kind: 'above-target'; milestone: MilestoneFigures }
    | { kind: 'below-target'; milestone: MilestoneFigures };

export interface DeliveryFigures {
    node: Delivery;
    goal?: string;
    metric?: string;
    /** In the metric's unit, money converted to the playbook currency; undefined when unresolvable. */
    amount?: Decimal;
    /** False when the delivery's metric differs from the goal's (reported once, not counted). */
    counts: boolean;
    shareOfGoal?: number;
    /** The channel or campaign delivering. */
    from: string;
    fromType: 'Channel' | 'Campaign';
    /**
     * SPEC §9: how this playbook's review paces the delivery (milestones.ts paceOwnContributions): a
     * campaign over its window, a channel like the goal of this file it delivers to, else linear over
     * the period. A channel delivering to another playbook's goal is paced by `UpwardContribution.pacing`.
     */
    pacing?: PacingSchedule;
}

export interface AssumptionFigures {
    volume: Decimal;
    metric?: string;
    /** Percentage points. */
    rate: Decimal;
    /** volume × rate ÷ 100. */
    derived: Decimal;
    /** The funnel step after `metric`, if a funnel has one. */
    nextMetric?: string;
    /** What the channel delivers of nextMetric. */
    delivered?: Decimal;
    /** |delivered − derived| ÷ derived (undefined when derived is 0). */
    deviation?: number;
    /** The funnel that gives nextMetric. */
    funnel?: string;
}

export interface ChannelFigures {
    node: Channel;
    name: string;
    title?: string;
    kind?: string;
    owner?: string;
    /** In the playbook currency. */
    budget?: Decimal;
    budgetShare?: number;
    deliveries: DeliveryFigures[];
    /** The first count metric the channel delivers and how much of it (basis of its cost per unit). */
    unitMetric?: string;
    unitsDelivered?: Decimal;
    /** budget ÷ unitsDelivered. */
    impliedCostPerUnit?: Decimal;
    /** `cpa at most`, in the playbook currency. */
    cpaLimit?: Decimal;
    assumption?: AssumptionFigures;
    campaigns: string[];
    monitoredByChannel: boolean;
}

export interface CampaignFigures {
    node: Campaign;
    name: string;
    title?: string;
    type?: string;
    window?: DateRange;
    binding?: 'mandatory' | 'advisory';
    region?: string;
    via?: string;
    owner?: string;
    budget?: Decimal;
    budgetShare?: number;
    deliveries: DeliveryFigures[];
    serves: string[];
    /**
     * The plan's "implied cost per unit" column, filled like ChannelFigures' (analyzeBudgets, budgets.ts):
     * the first count metric the campaign delivers, how much of it, and budget ÷ that amount.
     */
    unitMetric?: string;
    unitsDelivered?: Decimal;
    impliedCostPerUnit?: Decimal;
}

export interface BudgetItem {
    name: string;
    type: 'Channel' | 'Campaign' | 'Playbook';
    amount: Decimal;
    share?: number;
    /** The Money node of the budget line. */
    node: AstNode;
}

export interface BudgetTotals {
    /** The playbook budget, in the playbook currency. */
    total?: Decimal;
    channels: Decimal;
    campaigns: Decimal;
    /** The budgets of child playbooks (SPEC §8), converted to the playbook currency; part of `allocated`. */
    childPlaybooks: Decimal;
    allocated: Decimal;
    /** total − allocated. */
    remaining?: Decimal;
    items: BudgetItem[];
    /** Budgets written but not resolvable (bad currency, missing fx rate): the sums are then incomplete. */
    unresolved: number;
}

export interface WorkstreamInfo {
    node: Workstream;
    name: string;
    title?: string;
    responsible: { person: string; share: Decimal; node: Responsibility }[];
    accountable?: string;
    consulted: string[];
    informed: string[];
    serves: string[];
}

export interface Assignment {
    role: 'owner' | 'responsible' | 'accountable' | 'consulted' | 'informed' | 'decider' | 'lead';
    type: string;
    name: string;
    share?: Decimal;
}

/** A `responsible` line for a person in another file of the workspace. */
export interface ElsewhereLine {
    workstream: string;
    share: Decimal;
    node: Responsibility;
    file: string;
    playbook?: string;
}

export interface PersonFigures {
    node: Person;
    name: string;
    title?: string;
    role?: string;
    team?: string;
    /** Percentage points; 100 by default. */
    capacity: Decimal;
    /** Sum of `responsible` shares in this file's workstreams, percentage points. */
    load: Decimal;
    /** load ÷ capacity. */
    loadRatio?: number;
    assignments: readonly Assignment[];
    /** Goals owned by this person in this file. */
    ownedGoals: readonly string[];
    /** Names that this person's assessment names as KPIs. */
    assessedOn: readonly string[];
    /** The person has an assessment (visible in this file). */
    hasAssessment: boolean;
    /** False when the written capacity could not be resolved (then `capacity` is the default and loads are not judged). */
    capacityKnown: boolean;
    /** This file's `responsible` lines for the person, in file order. */
    responsibilities: readonly { workstream: string; share?: Decimal; node: Responsibility }[];
    /**
     * SPEC §8: `responsible` lines for the person in other files of the workspace whose playbook period
     * overlaps this one's (a file without a playbook always counts), by file then file order. A function:
     * the list is made when read (an overloaded person's diagnostic, hover), not for every person of every
     * file of a large workspace (issue 19).
     */
    elsewhere: () => readonly ElsewhereLine[];
    /** load plus the shares `elsewhere`: what capacity-overload judges. */
    workspaceLoad: Decimal;
}

export interface KpiFigures {
    node: Kpi;
    subject?: string;
    subjectType?: 'Goal' | 'Channel';
    label?: string;
    target?: Decimal;
    per?: string;
    /** Percentage points (0 when the written weight is out of range; see AssessmentFigures.complete). */
    weight: Decimal;
}

export interface AssessmentFigures {
    node: Assessment;
    person?: string;
    kpis: KpiFigures[];
    totalWeight: Decimal;
    /** False when a weight could not be resolved: totalWeight is then incomplete. */
    complete: boolean;
}

export interface ForecastFigures {
    node: Forecast;
    name: string;
    goal?: string;
    sales?: Decimal;
    finance?: Decimal;
    market?: Decimal;
    decided?: Decimal;
    decider?: string;
    min?: Decimal;
    max?: Decimal;
    median?: Decimal;
    /** (max − min) ÷ median, with all three present and median > 0. */
    spread?: number;
    decisionInside?: boolean;
    /** The goal's target equals the decided figure. */
    matchesGoal?: boolean;
    /** The goal's target, in the same unit as the figures. */
    goalTarget?: Decimal;
    unit?: Unit;
}

export interface FunnelInfo {
    node: Funnel;
    name: string;
    steps: string[];
    /** Per step: the largest target of this file's count goals on that metric (undefined when none). */
    stepTargets: (Decimal | undefined)[];
    /** Goals whose target exceeds the target of an earlier step (SPEC §5 `funnel-order`). */
    orderIssues: FunnelOrderIssue[];
}

export interface FunnelOrderIssue {
    goal: string;
    goalNode: Goal;
    metric: string;
    target: Decimal;
    /** The earlier step it exceeds and the goal setting that step's target. */
    earlierMetric: string;
    earlierGoal: string;
    earlierTarget: Decimal;
}

export interface MonitorInfo {
    node: Monitor;
    metric?: string;
    byChannel: boolean;
    every?: string;
    source?: string;
    alert?: { direction: 'below' | 'above'; threshold: Decimal; per?: string };
}

export interface ReviewInfo {
    node: Review;
    name: string;
    title?: string;
    owner?: string;
    schedules: { every?: string; weekday?: string; date?: CalendarDate; node: AstNode }[];
    covers: string[];
    asks: string[];
}

/** A value the analysis could not resolve; validation reports it under `rule`. */
export interface ValueIssue {
    rule: 'unit-mismatch' | 'invalid-date' | 'range-reversed' | 'percent-range' | 'unknown-value' | 'number-too-large';
    node: AstNode;
    property?: string;
    index?: number;
    /** The message in English; `detail` renders it in any locale (i18n/catalogue.ts). */
    message: string;
    detail: Message;
    data?: Record<string, unknown>;
}
