// The shape of the fixed text of the generated documents (plan and review); the text itself is in
// the catalogue of each locale (en.ts, zh-cn.ts). The functions receive figures already formatted for
// the locale and names as written; the Markdown builder escapes everything that comes out of them
// together with the user text inside it.

export type CoverageWord = 'not-additive' | 'unplanned' | 'undercovered' | 'covered' | 'overcommitted' | 'no-target';
export type KeptReason = 'no-actuals' | 'no-spend' | 'alone' | 'alone-playbook';

export interface DocumentText {
    listSeparator: string;
    /** `: ` or the full-width `：`, between a label and its value. */
    colon: string;
    /** ` (text)` or the full-width `（text）`. */
    paren(text: string): string;
    clauseSeparator: string;
    yes: string;
    no: string;
    by: string;
    plan: string;
    level: string;

    // words for elements
    strategyWord: string;
    goalWord: string;
    channelWord: string;
    campaignWord: string;
    reviewWord: string;
    partOf: string;
    serves: string;
    elementType(type: string): string;

    // enumerations
    stage(word: string): string;
    focus(word: string): string;
    channelKind(word: string): string;
    campaignType(word: string): string;
    binding(word: string): string;
    every(word: string): string;
    /** How often: `daily`, `每天`. */
    frequency(word: string): string;
    /** `owns goal SeedUsers`, `负责：目标「SeedUsers」`. */
    assignment(role: string, type: string, name: string): string;
    /** A difference of percentage points, already signed: `-8 pp`. */
    pointsDifference(signed: string): string;
    schedule(every: string, weekday: string | undefined): string;
    onDate(date: string): string;
    coverageStatus(status: CoverageWord): string;
    reviewStatus(status: 'on-track' | 'at-risk' | 'off-track'): string;
    assignmentRole(role: string): string;
    severity(severity: 'error' | 'warning' | 'info'): string;
    alert(direction: 'below' | 'above', threshold: string, per: string | undefined): string;
    kept(reason: KeptReason): string;

    // plan
    planTitle: string;
    planIntro(source: string): string;
    overviewHeading: string;
    itemColumn: string;
    valueColumn: string;
    playbookLabel: string;
    productLabel: string;
    stageLabel: string;
    periodLabel: string;
    days(n: number): string;
    currencyLabel: string;
    budgetLabel: string;
    allocatedOf(amount: string, share: string): string;
    allocatedNoTotal(amount: string): string;
    remainingAmount(amount: string): string;
    overrunAmount(amount: string): string;
    contentsLabel: string;
    countGoals(n: number): string;
    countChannels(n: number): string;
    countCampaigns(n: number): string;
    countWorkstreams(n: number): string;
    strategiesHeading: string;
    focusLabel: string;
    goalsLabel: string;
    rationaleLabel: string;
    competitionLabel: string;

    goalTreeHeading: string;
    goalTreeLegend: string;

    goalsHeading: string;
    noGoals: string;
    goalColumn: string;
    targetColumn: string;
    deadlineColumn: string;
    plannedColumn: string;
    coverageColumn: string;
    statusColumn: string;
    ownerColumn: string;
    contextColumn: string;
    short(amount: string): string;
    goalsNote: string;

    channelsCampaignsHeading: string;
    channelsHeading: string;
    campaignsHeading: string;
    noChannels: string;
    noCampaigns: string;
    channelColumn: string;
    campaignColumn: string;
    kindColumn: string;
    typeColumn: string;
    deliversColumn: string;
    budgetColumn: string;
    costPerUnitColumn: string;
    cpaLimitColumn: string;
    assumptionColumn: string;
    windowColumn: string;
    bindingColumn: string;
    // SPEC §8: a child playbook's place in the tree and the mandatory campaigns of its parents
    partOfLabel: string;
    shareOfParentBudget(parent: string): string;
    regionLabel: string;
    regionColumn: string;
    childPlaybookWord: string;
    mandatoryFromHeading(parent: string): string;
    mandatoryIntro(parent: string, region: string | undefined): string;
    noMandatoryFrom(parent: string, region: string | undefined): string;
    allRegions: string;
    // SPEC §8: the parent's breakdown across playbooks, the child's share of its parent's goals
    breakdownHeading: string;
    breakdownIntro(playbook: string): string;
    goalsByPlaybookHeading: string;
    playbookColumn: string;
    contributionColumn: string;
    amountColumn: string;
    shareOfGoalColumn: string;
    thisPlaybook: string;
    noPlaybook: string;
    plannedInTotal: string;
    playbookTreeHeading: string;
    playbookTreeLegend: string;
    budgetRollupHeading: string;
    ownAllocation: string;
    childPlaybooksTotal: string;
    shareOfParentHeading: string;
    shareOfParentIntro(parents: string): string;
    parentGoalColumn: string;
    parentTargetColumn: string;
    fromThisPlaybookColumn: string;
    budgetShareLine(budget: string, share: string, parent: string): string;
    workspaceLoadColumn: string;
    loadHere: string;
    workspaceLoadNote: string;
    // `opsbook plan DIR -o OUTDIR`: index.md
    indexTitle(folder: string): string;
    indexIntro(folder: string, count: number): string;
    indexTreeHeading: string;
    indexGoalsHeading: string;
    indexGoalsNote: string;
    indexTotals(playbooks: number, budgets: string): string;
    // SPEC §8: a parent's review rolled up per child playbook
    goalPartsNote: string;
    /** Under the goals table when a child playbook's row is split further by its own children (SPEC §8). */
    goalPartsNestedNote: string;
    childReallocationHeading(metric: string, total: string): string;
    childReallocationMethod: string;
    /** The review's column: when the campaign runs relative to the reviewed window. */
    runsColumn: string;
    campaignRuns(state: 'before' | 'during' | 'after'): string;
    carriedOutColumn: string;
    viaColumn: string;
    servesColumn: string;
    perUnit(cost: string, metric: string): string;
    assumption(volume: string, rate: string, derived: string): string;
    costNote: string;

    budgetHeading: string;
    noBudget: string;
    shareOfBudgetColumn: string;
    channelsTotal: string;
    campaignsTotal: string;
    allocatedTotal: string;
    unallocated: string;
    overrun: string;
    playbookBudget: string;
    budgetPieTitle(currency: string): string;

    timelineHeading: string;
    timelineTitle: string;
    timelineLegend: string;
    noPeriod: string;
    playbookPeriod: string;
    goalDeadlines: string;
    reviewsHeading: string;
    timesHeld(n: number): string;

    raciHeading: string;
    noWorkstreams: string;
    workstreamColumn: string;
    raciLegend: string;

    peopleHeading: string;
    noPeople: string;
    personColumn: string;
    roleColumn: string;
    teamColumn: string;
    loadColumn: string;
    assignmentsColumn: string;
    assessedOnColumn: string;
    loadOf(load: string, capacity: string): string;
    overloaded: string;
    loadNote: string;

    assessmentsHeading: string;
    noAssessments: string;
    kpiColumn: string;
    weightColumn: string;
    totalWeightColumn: string;
    perPeriod(amount: string, period: string): string;

    forecastsHeading: string;
    noForecasts: string;
    forecastColumn: string;
    salesColumn: string;
    financeColumn: string;
    marketColumn: string;
    spreadColumn: string;
    decidedColumn: string;
    decidedByColumn: string;
    checkColumn: string;
    decisionOutside: string;
    targetDiffers(target: string): string;
    consistent: string;
    spreadNote: string;

    monitoringHeading: string;
    noMonitors: string;
    metricColumn: string;
    everyColumn: string;
    byChannelColumn: string;
    sourceColumn: string;
    alertColumn: string;
    goalsColumn: string;
    deliveredByColumn: string;
    notMonitored: string;

    reviewCalendarHeading: string;
    noReviews: string;
    reviewColumn: string;
    scheduleColumn: string;
    datesColumn: string;
    coversColumn: string;
    questionsColumn: string;

    findingsHeading: string;
    noFindings: string;
    findingsIntro(n: number): string;
    whereColumn: string;
    severityColumn: string;
    ruleColumn: string;
    messageColumn: string;

    // review
    reviewIntro(title: string, source: string): string;
    summaryHeading: string;
    reviewedPeriodLabel: string;
    figuresToLabel: string;
    figuresTo(date: string, day: number, days: number, share: string): string;
    reviewsLabel: string;
    noReviewInWindow: string;
    actualsLabel: string;
    rowsCounted(n: number): string;
    noActuals: string;
    statusBandsLabel: string;
    statusBands(onTrack: string, atRisk: string): string;
    elapsedColumn: string;
    targetToDateColumn: string;
    actualColumn: string;
    varianceColumn: string;
    goalsReviewNote: string;
    channelOrCampaignColumn: string;
    proRatedOverColumn: string;
    costHeading: string;
    unitColumn: string;
    spendToDateColumn: string;
    unitsToDateColumn: string;
    actualCostColumn: string;
    plannedCostColumn: string;
    budgetProRated: string;
    reallocationHeading: string;
    noReallocation: string;
    reallocationMethod: string;
    unitGroup(metric: string, total: string): string;
    proposedColumn: string;
    changeColumn: string;
    funnelHeading: string;
    stepColumn: string;
    actualToDateColumn: string;
    conversionColumn: string;
    plannedConversionColumn: string;
    questionsHeading: string;
    playbookQuestionsHeading: string;
    standingQuestionsHeading: string;
    trafficQualityQuestion: string;
    cameColumn: string;
    stayedColumn: string;
    verdictColumn: string;
    funnelLossQuestion: string;
    nextCycleQuestion: string;
    answerPrompt: string;
    decisionsHeading: string;
    decisionColumn: string;
    dueColumn: string;
    /** The decisions table's column that marks a decision done (SPEC §9: `--previous` carries the others). */
    doneColumn: string;

    // ---- SPEC §9: time ------------------------------------------------------------------------
    /** Plan: the goals table's milestones column (only when a goal has milestones). */
    milestonesColumn: string;
    /** A milestone in a table cell: the amount due by the date. */
    milestoneBy(amount: string, date: string): string;
    /** Plan: the timeline's section of milestones. */
    goalMilestones: string;
    /** Plan: the timeline's legend when it shows milestones. */
    timelineLegendWithMilestones: string;
    /** Review: how goals with milestones are paced (shown when a reviewed goal has milestones). */
    milestonePacingNote: string;
    /** Review: the period-over-period section. */
    periodOverPeriodHeading: string;
    periodOverPeriodIntro(current: string, previous: string): string;
    /** The actuals have no row dated in the reviewed period or the one before (the stated fallback). */
    noDatedActuals(current: string, previous: string): string;
    thisPeriodColumn: string;
    previousPeriodColumn: string;
    toDateColumn: string;
    /** Review: the open decisions carried from an earlier review (`--previous`). */
    followUpsHeading: string;
    followUpsFrom: string;
    followUpsAfter(open: number, total: number): string;
    noOpenFollowUps(total: number): string;
    overdue: string;
}
