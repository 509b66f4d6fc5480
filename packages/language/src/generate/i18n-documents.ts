// Fixed text of the generated documents (plan and review) in English and Simplified Chinese. The
// functions receive figures already formatted for the locale and names as written; the Markdown
// builder escapes everything that comes out of here together with the user text inside it.

import type { Locale } from '../values/format.js';
import { DOCUMENT_TEXT_ZH_CN } from './i18n-documents-zh.js';

export type CoverageWord = 'not-additive' | 'unplanned' | 'undercovered' | 'covered' | 'overcommitted' | 'no-target';
export type KeptReason = 'no-actuals' | 'no-spend' | 'alone';

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
    /** `owns goal SeedUsers`, `负责目标 SeedUsers`. */
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
    viaColumn: string;
    servesColumn: string;
    perUnit(cost: string, metric: string): string;
    assumption(volume: string, rate: string, derived: string): string;
    costNote: string;

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
    /** The review's column: when the campaign runs relative to the reviewed window. */
    runsColumn: string;
    campaignRuns(state: 'before' | 'during' | 'after'): string;
    carriedOutColumn: string;

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
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const EVERY_EN: Record<string, string> = { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly' };
const PER_EN: Record<string, string> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter' };

export const DOCUMENT_TEXT_EN: DocumentText = {
    listSeparator: ', ',
    colon: ': ',
    paren: text => ` (${text})`,
    clauseSeparator: '; ',
    yes: 'yes',
    no: 'no',
    by: 'by',
    plan: 'Plan',
    level: 'level',

    strategyWord: 'Strategy',
    goalWord: 'goal',
    channelWord: 'channel',
    campaignWord: 'campaign',
    reviewWord: 'Review',
    partOf: 'part of',
    serves: 'serves',
    elementType: type => ({ Goal: 'goal', Channel: 'channel', Campaign: 'campaign', Workstream: 'workstream', Forecast: 'forecast', Team: 'team', Review: 'review' })[type] ?? type.toLowerCase(),

    stage: word => word,
    focus: word => word,
    channelKind: word => word,
    campaignType: word => (word === 'pr' ? 'PR' : word),
    binding: word => word,
    every: word => PER_EN[word] ?? word,
    frequency: word => EVERY_EN[word] ?? word,
    assignment(role, type, name) {
        return `${this.assignmentRole(role)} ${this.elementType(type)} ${name}`;
    },
    pointsDifference: signed => `${signed} pp`,
    schedule: (every, weekday) => `${EVERY_EN[every] ?? every}${weekday ? ` on ${capitalize(weekday)}` : ''}`,
    onDate: date => `on ${date}`,
    coverageStatus: status =>
        ({ 'not-additive': 'level target', unplanned: 'unplanned', undercovered: 'under-covered', covered: 'covered', overcommitted: 'over-committed', 'no-target': 'no target' })[status],
    reviewStatus: status => ({ 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track' })[status],
    assignmentRole: role =>
        ({ owner: 'owns', responsible: 'responsible for', accountable: 'accountable for', consulted: 'consulted on', informed: 'informed of', decider: 'decides', lead: 'leads' })[role] ?? role,
    severity: severity => severity,
    alert: (direction, threshold, per) => `${direction} ${threshold}${per ? ` per ${per}` : ''}`,
    kept: reason => ({ 'no-actuals': 'kept: no actuals', 'no-spend': 'kept: no spend recorded', alone: 'kept: only channel of its unit' })[reason],

    planTitle: 'Execution plan',
    planIntro: source => `Generated by opsbook from ${source}. Change the playbook and generate again instead of editing this file.`,
    overviewHeading: 'Overview',
    itemColumn: 'Item',
    valueColumn: 'Value',
    playbookLabel: 'Playbook',
    productLabel: 'Product',
    stageLabel: 'Stage',
    periodLabel: 'Period',
    days: n => plural(n, 'day', 'days'),
    currencyLabel: 'Currency',
    budgetLabel: 'Budget',
    allocatedOf: (amount, share) => `${amount} allocated (${share})`,
    allocatedNoTotal: amount => `${amount} allocated to channels and campaigns (no playbook budget set)`,
    remainingAmount: amount => `${amount} unallocated`,
    overrunAmount: amount => `${amount} over budget`,
    contentsLabel: 'Contents',
    countGoals: n => plural(n, 'goal', 'goals'),
    countChannels: n => plural(n, 'channel', 'channels'),
    countCampaigns: n => plural(n, 'campaign', 'campaigns'),
    countWorkstreams: n => plural(n, 'workstream', 'workstreams'),
    strategiesHeading: 'Strategy',
    focusLabel: 'focus',
    goalsLabel: 'goals',
    rationaleLabel: 'Why',
    competitionLabel: 'Competition',

    goalTreeHeading: 'Goal tree',
    goalTreeLegend: 'Strategies lead to goals; sub-goals hang under the goal they are part of; channels (boxes) and campaigns (rounded) deliver the amounts on the arrows; dotted arrows: a campaign serves a goal without a number.',

    goalsHeading: 'Goals',
    noGoals: 'The playbook sets no goals.',
    goalColumn: 'Goal',
    targetColumn: 'Target',
    deadlineColumn: 'Deadline',
    plannedColumn: 'Planned',
    coverageColumn: 'Coverage',
    statusColumn: 'Status',
    ownerColumn: 'Owner',
    contextColumn: 'Part of / strategy',
    short: amount => `${amount} short`,
    goalsNote: 'Planned = what channels and campaigns deliver to the goal plus the targets of its sub-goals (same metric); coverage = planned ÷ target. Percent and number goals are levels: nothing adds up to them.',

    channelsCampaignsHeading: 'Channels and campaigns',
    channelsHeading: 'Channels',
    campaignsHeading: 'Campaigns',
    noChannels: 'No channels.',
    noCampaigns: 'No campaigns.',
    channelColumn: 'Channel',
    campaignColumn: 'Campaign',
    kindColumn: 'Kind',
    typeColumn: 'Type',
    deliversColumn: 'Delivers → goal (share of goal)',
    budgetColumn: 'Budget',
    costPerUnitColumn: 'Implied cost per unit',
    cpaLimitColumn: 'CPA limit',
    assumptionColumn: 'Assumption',
    windowColumn: 'Window',
    bindingColumn: 'Binding (region)',
    partOfLabel: 'Part of',
    shareOfParentBudget: parent => `Share of ${parent}'s budget`,
    regionLabel: 'Region',
    regionColumn: 'Region',
    childPlaybookWord: 'child playbook',
    mandatoryFromHeading: parent => `Mandatory campaigns from ${parent}`,
    mandatoryIntro: (parent, region) => `${parent} sets these campaigns as mandatory${region !== undefined ? ` for region ${region}` : ''}: this playbook runs them as planned there, in its own channels and with its own people.`,
    noMandatoryFrom: (parent, region) => `None of the mandatory campaigns of ${parent} applies to this playbook${region !== undefined ? ` (region ${region})` : ''}.`,
    allRegions: 'all regions',
    runsColumn: 'In this window',
    campaignRuns: state => ({ before: 'not started', during: 'running', after: 'ended' })[state],
    carriedOutColumn: 'Carried out as planned?',
    viaColumn: 'Via',
    servesColumn: 'Serves',
    perUnit: (cost, metric) => `${cost} per unit of ${metric}`,
    assumption: (volume, rate, derived) => `${volume} at ${rate} = ${derived}`,
    costNote: 'Implied cost per unit = budget ÷ what the channel or campaign delivers of its first count metric.',

    budgetHeading: 'Budget',
    noBudget: 'No budgets are set.',
    shareOfBudgetColumn: 'Share of playbook budget',
    channelsTotal: 'Channels',
    campaignsTotal: 'Campaigns',
    allocatedTotal: 'Allocated',
    unallocated: 'Unallocated',
    overrun: 'Over budget',
    playbookBudget: 'Playbook budget',
    budgetPieTitle: currency => `Budget (${currency})`,

    timelineHeading: 'Timeline',
    timelineTitle: 'Timeline',
    timelineLegend: 'Bars: the playbook period, campaign windows (mandatory campaigns in red) and recurring reviews from first to last meeting; diamonds: goal deadlines and one-off reviews.',
    noPeriod: 'The playbook has no period, so there is no timeline.',
    playbookPeriod: 'Playbook',
    goalDeadlines: 'Goal deadlines',
    reviewsHeading: 'Reviews',
    timesHeld: n => `${n}×`,

    raciHeading: 'Responsibilities (RACI)',
    noWorkstreams: 'No workstreams.',
    workstreamColumn: 'Workstream',
    raciLegend: 'R = responsible (share of capacity), A = accountable, C = consulted, I = informed.',

    peopleHeading: 'People: assignments and load',
    noPeople: 'No people are visible from this playbook.',
    personColumn: 'Person',
    roleColumn: 'Role',
    teamColumn: 'Team',
    loadColumn: 'Load',
    assignmentsColumn: 'Assignments',
    assessedOnColumn: 'Assessed on',
    loadOf: (load, capacity) => `${load} of ${capacity}`,
    overloaded: 'overloaded',
    loadNote: 'Load = the sum of the person’s responsible shares in this playbook’s workstreams, against their capacity.',

    assessmentsHeading: 'Assessments',
    noAssessments: 'No assessments.',
    kpiColumn: 'KPI',
    weightColumn: 'Weight',
    totalWeightColumn: 'Total',
    perPeriod: (amount, period) => `${amount} per ${period}`,

    forecastsHeading: 'Forecasts',
    noForecasts: 'No forecasts.',
    forecastColumn: 'Forecast',
    salesColumn: 'Sales',
    financeColumn: 'Finance',
    marketColumn: 'Market',
    spreadColumn: 'Spread',
    decidedColumn: 'Decided',
    decidedByColumn: 'By',
    checkColumn: 'Check',
    decisionOutside: 'decision outside the three forecasts',
    targetDiffers: target => `the goal's target is ${target}`,
    consistent: 'consistent',
    spreadNote: 'Spread = (highest − lowest) ÷ median of the sales, finance and market forecasts.',

    monitoringHeading: 'Monitoring plan',
    noMonitors: 'Nothing is monitored.',
    metricColumn: 'Metric',
    everyColumn: 'Every',
    byChannelColumn: 'By channel',
    sourceColumn: 'Source',
    alertColumn: 'Alert',
    goalsColumn: 'Goals',
    deliveredByColumn: 'Delivered by',
    notMonitored: 'not monitored',

    reviewCalendarHeading: 'Review calendar',
    noReviews: 'No reviews are scheduled.',
    reviewColumn: 'Review',
    scheduleColumn: 'Schedule',
    datesColumn: 'Dates in the period',
    coversColumn: 'Covers',
    questionsColumn: 'Questions',

    findingsHeading: 'Open findings',
    noFindings: 'None: opsbook check reports no warnings for this playbook.',
    findingsIntro: n => `${plural(n, 'finding', 'findings')} that opsbook check still reports (warnings do not stop the plan, but each deserves a decision):`,
    whereColumn: 'Where',
    severityColumn: 'Severity',
    ruleColumn: 'Rule',
    messageColumn: 'Message',

    reviewIntro: (title, source) => `${title}. Review template generated by opsbook from ${source}: fill in the empty cells and the answers. Once edited, opsbook will not overwrite this file without --force.`,
    summaryHeading: 'Summary',
    reviewedPeriodLabel: 'Reviewed period',
    figuresToLabel: 'Figures to',
    figuresTo: (date, day, days, share) => `${date}, day ${day} of ${days} of the playbook period (${share})`,
    reviewsLabel: 'Reviews held',
    noReviewInWindow: 'none scheduled in this period',
    actualsLabel: 'Actuals',
    rowsCounted: n => `${plural(n, 'row', 'rows')} counted`,
    noActuals: 'none given: fill in the Actual column (or run opsbook review with --actuals FILE.csv)',
    statusBandsLabel: 'Status',
    statusBands: (onTrack, atRisk) => `on track at ${onTrack} or more of the target to date, at risk at ${atRisk} or more, off track below`,
    elapsedColumn: 'Elapsed',
    targetToDateColumn: 'Target to date',
    actualColumn: 'Actual',
    varianceColumn: 'Variance',
    goalsReviewNote: 'Target to date = target × elapsed share of the time from the period start to the deadline (a campaign’s: of its window). Percent and number targets are levels and are not pro-rated. Variance = actual − target to date (in brackets: actual as a share of it).',
    channelOrCampaignColumn: 'Channel / campaign',
    proRatedOverColumn: 'Pro-rated over',
    costHeading: 'Cost per unit',
    unitColumn: 'Unit',
    spendToDateColumn: 'Spend to date',
    unitsToDateColumn: 'Units to date',
    actualCostColumn: 'Actual cost per unit',
    plannedCostColumn: 'Planned cost per unit',
    budgetProRated: 'budget pro-rated',
    reallocationHeading: 'Proposed budget re-allocation for the next cycle',
    noReallocation: 'No channel has both a budget and a unit to compare: nothing to re-allocate.',
    reallocationMethod: 'Budgets move only between channels measured in the same unit, and each group keeps its total. Each channel moves half way from its budget toward a split proportional to the units its budget buys at its actual cost per unit (budget ÷ actual cost per unit); amounts are rounded to whole currency units, the remainder going to the cheapest channel. A half step keeps one cycle’s noise from swinging the whole budget.',
    unitGroup: (metric, total) => `Channels measured in ${metric} (${total} in all)`,
    proposedColumn: 'Proposed',
    changeColumn: 'Change',
    funnelHeading: 'Funnel',
    stepColumn: 'Step',
    actualToDateColumn: 'Actual to date',
    conversionColumn: 'Conversion from previous step',
    plannedConversionColumn: 'Planned conversion',
    questionsHeading: 'Questions',
    playbookQuestionsHeading: 'From the playbook',
    standingQuestionsHeading: 'Standing questions',
    trafficQualityQuestion: 'Traffic quality per channel: who came, and who stayed?',
    cameColumn: 'Came (volume)',
    stayedColumn: 'Stayed / converted',
    verdictColumn: 'Keep, fix or stop?',
    funnelLossQuestion: 'Where does the funnel lose people, and why?',
    nextCycleQuestion: 'What do we change in the next cycle, backed by which data?',
    answerPrompt: 'Answer:',
    decisionsHeading: 'Decisions and owners',
    decisionColumn: 'Decision',
    dueColumn: 'Due'
};

export function documentText(locale: Locale): DocumentText {
    return locale === 'zh-CN' ? DOCUMENT_TEXT_ZH_CN : DOCUMENT_TEXT_EN;
}
