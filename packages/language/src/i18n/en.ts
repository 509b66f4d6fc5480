// The English catalogue: all English text but the rules' own. Diagnostic messages that belong to no
// single rule (related information, the actuals CSV) plus every rule's English messages gathered from
// the rule registry (rules/*.ts); the text of the generated documents; the text of the editor. Shared
// words and punctuation are in words.ts. Every message says what is wrong, with the numbers, and what
// would fix it.

import { ruleMessages } from '../rules/index.js';
import { formatRange } from '../values/period.js';
import type { MessageCatalogue } from './message.js';
import type { DocumentText } from './document-text.js';
import type { LspText } from './editor-text.js';
import type { ChangeField, CycleText } from './cycle-text.js';
import type { CliText } from './cli-text.js';
import type { CliMessages } from './cli-messages.js';
import { en, PUNCTUATION } from './words.js';

const { f } = en;

export const EN: MessageCatalogue = {
    ...ruleMessages('en'),

    actualsDuplicateRow: ({ line, date, metric, channel, level }) =>
        `the same date, metric and channel as line ${line} (${date}, ${metric}, ${channel === '' ? 'no channel' : channel}): ${level ? 'the later line is used' : 'both values are added up'}; delete one if the row was exported twice`,

    actualsProblem: problem => {
        switch (problem.kind) {
            case 'empty':
                return 'empty file: expected a header line date,metric,channel,value';
            case 'field-count':
                return `this row has ${problem.fields !== undefined ? `${problem.fields} fields` : 'a different number of fields'}; every row needs one per header column (date,metric,channel,value)`;
            case 'quote-not-closed':
                return 'a quoted field is never closed';
            case 'quote-inside':
                return 'a quote in the middle of a field: quote the whole field and double the quotes inside ("")';
            case 'not-csv':
                return `not valid CSV (${problem.detail})`;
            case 'no-column':
                return `the header has no '${problem.column}' column: expected date,metric,channel,value`;
            case 'extra-column':
                return `unexpected column '${problem.column}' in the header: expected date,metric,channel,value and optionally playbook`;
            case 'date':
                return problem.reason;
            case 'unknown-metric':
                return `unknown metric '${problem.metric}': expected one of ${problem.expected.join(', ')}`;
            case 'unknown-channel':
                return `unknown channel '${problem.channel}': leave it empty or write one of ${problem.expected.join(', ') || '(no channels or campaigns)'}`;
            case 'channel-elsewhere':
                return `channel '${problem.channel}' is not in playbook '${problem.playbook}': it is in ${problem.where.join(', ')}`;
            case 'channel-ambiguous':
                return `channel '${problem.channel}' is in several playbooks: ${problem.playbooks.join(', ')}; add a playbook column (date,metric,channel,value,playbook) and name one of them`;
            case 'unknown-playbook':
                return `unknown playbook '${problem.playbook}': leave it empty or write one of ${problem.expected.join(', ')}`;
            case 'not-a-number':
                return `value '${problem.written}' is not a number: write a decimal such as 1234.5 or, quoted, "1,234.5"`;
            case 'too-large':
                return `value ${problem.shown} is too large: figures must be below 1,000,000,000,000,000`;
        }
    },

    configProblem: problem => {
        switch (problem.kind) {
            case 'empty':
                return 'opsbook.json is not valid JSON: the file is empty (write {} for the defaults)';
            case 'trailing-comma':
                return `opsbook.json is not valid JSON: a comma before '${problem.next}' (remove it: JSON allows no trailing comma)`;
            case 'json':
                return `opsbook.json is not valid JSON: ${JSON_ERRORS_EN[problem.code] ?? problem.detail}`;
            case 'unknown-setting':
                return `unknown setting '${problem.name}' in opsbook.json: ${problem.suggestion ? `did you mean '${problem.suggestion}'?` : `expected ${f.list(problem.expected, 'or')}`}`;
            case 'not-object':
                return 'opsbook.json must hold one JSON object';
            case 'unknown-rule':
                return `unknown rule '${problem.rule}' in opsbook.json: ${problem.suggestion ? `did you mean '${problem.suggestion}'?` : 'the rules are listed in docs/rules.md and in the JSON Schema'}`;
            case 'rules-not-object':
                return '"rules" must be an object mapping rule ids to error, warning, info or off';
            case 'severity':
                return `rule '${problem.rule}' in opsbook.json: severity must be error, warning, info or off`;
            case 'unknown-threshold':
                return `unknown threshold '${problem.name}' in opsbook.json: ${problem.suggestion ? `did you mean '${problem.suggestion}'?` : `thresholds are ${problem.expected.join(', ')}`}`;
            case 'thresholds-not-object':
                return '"thresholds" must be an object';
            case 'overcommit-ratio':
                return "threshold 'overcommitRatio' in opsbook.json must be at least 1 (1.5 means 150% of the target)";
            case 'share-threshold':
                return `threshold '${problem.name}' in opsbook.json is a share of the target to date: write it between 0 and 1 (0.95 means 95%)`;
            case 'threshold-negative':
                return `threshold '${problem.name}' in opsbook.json must be a non-negative number`;
            case 'at-risk-above-on-track':
                return `threshold 'atRisk' (${problem.atRisk}) in opsbook.json must not be above 'onTrack' (${problem.onTrack})`;
            case 'locale':
                return '"locale" in opsbook.json must be "en" or "zh-CN"';
            case 'ignore-not-list':
                return '"ignore" in opsbook.json must be a list of .gitignore patterns, like ["drafts/", "**/*.draft.ops"]';
            case 'ignore-pattern':
                return 'each pattern in "ignore" in opsbook.json must be a non-empty string';
            case 'schema-ref':
                return '"$schema" in opsbook.json must be a string (the path or URL of the JSON Schema)';
            case 'other':
                return `${problem.pointer} in opsbook.json ${problem.detail}`;
        }
    },
    reviewOutsidePeriod: ({ option, label, period }) =>
        `${option} ${label} lies outside the playbook period ${formatRange(period)}: review a date or period within it`,
    previousReviewNoDecisions: ({ file }) =>
        `${file} has no decisions table (a table headed | # | Decision | Owner | Due |): --previous needs a review written by opsbook review`,

    relatedDelivery: ({ from, amount, unit }) => `${from} delivers ${f.qty(amount, unit)}`,
    relatedSubGoal: ({ goal, amount, unit }) => `sub-goal ${goal} targets ${f.qty(amount, unit)}`,
    relatedBudget: ({ name, amount, currency }) => `${name}: budget ${f.money(amount, currency)}`,
    relatedResponsibility: ({ person, workstream, share }) => `${person} is responsible for ${f.points(share)} in ${workstream}`,
    relatedKpi: ({ subject, weight }) => `${subject}: weight ${f.points(weight)}`,
    relatedForecastFigure: ({ who, amount, unit }) => `${who} forecast: ${f.amount(amount, unit)}`,
    relatedPartOf: ({ goal, parent }) => `${goal} is part of ${parent}`,
    relatedParentPeriod: ({ parent, period }) => `the period of ${parent}: ${formatRange(period)}`,
    relatedGoal: ({ goal }) => `goal ${goal}`,
    relatedMonitor: ({ metric }) => `monitor ${metric}, not by channel`
};

/** jsonc-parser's error codes in words. */
const JSON_ERRORS_EN: Partial<Record<number, string>> = {
    1: 'unexpected character',
    2: 'not a number',
    3: 'a property name in double quotes was expected',
    4: 'a value was expected',
    5: "':' was expected",
    6: "',' was expected",
    7: "'}' was expected",
    8: "']' was expected",
    9: 'the file should end here',
    10: 'a comment starts here but is not a comment',
    11: "a comment is not closed with '*/'",
    12: 'a string is not closed',
    13: 'a number ends too early',
    14: 'an invalid \\u escape',
    15: 'an invalid escape character',
    16: 'a character that must be escaped'
};

// ---- generated documents (plan, review): generate/i18n-documents.ts -------------------------

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

const EVERY_EN: Record<string, string> = { day: 'daily', week: 'weekly', month: 'monthly', quarter: 'quarterly' };
const PER_EN: Record<string, string> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter' };
/** A recurring review: `weekly on Monday`; the plan's calendar and the hover say it alike. */
const scheduleEn = (every: string, weekday: string | undefined): string =>
    `${EVERY_EN[every] ?? every}${weekday ? ` on ${capitalize(weekday)}` : ''}`;

export const DOCUMENT_TEXT_EN: DocumentText = {
    listSeparator: PUNCTUATION.en.listSeparator,
    colon: PUNCTUATION.en.colon,
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
    elementType: type =>
        ({
            Goal: 'goal',
            Channel: 'channel',
            Campaign: 'campaign',
            Workstream: 'workstream',
            Forecast: 'forecast',
            Team: 'team',
            Review: 'review'
        })[type] ?? type.toLowerCase(),

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
    schedule: scheduleEn,
    onDate: date => `on ${date}`,
    coverageStatus: status =>
        ({
            'not-additive': 'level target',
            unplanned: 'unplanned',
            undercovered: 'under-covered',
            covered: 'covered',
            overcommitted: 'over-committed',
            'no-target': 'no target'
        })[status],
    reviewStatus: status => ({ 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track' })[status],
    assignmentRole: role =>
        ({
            owner: 'owns',
            responsible: 'responsible for',
            accountable: 'accountable for',
            consulted: 'consulted on',
            informed: 'informed of',
            decider: 'decides',
            lead: 'leads'
        })[role] ?? role,
    severity: severity => severity,
    alert: (direction, threshold, per) => `${direction} ${threshold}${per ? ` per ${per}` : ''}`,
    kept: reason =>
        ({
            'no-actuals': 'kept: no actuals',
            'no-spend': 'kept: no spend recorded',
            alone: 'kept: only channel of its unit',
            'alone-playbook': 'kept: only child playbook with actuals'
        })[reason],

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
    goalTreeLegend:
        'Strategies lead to goals; sub-goals hang under the goal they are part of; channels (boxes) and campaigns (rounded) deliver the amounts on the arrows; dotted arrows: a campaign serves a goal without a number.',

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
    goalsNote:
        'Planned = what channels and campaigns deliver to the goal plus the targets of its sub-goals (same metric); coverage = planned ÷ target. Percent and number goals are levels: nothing adds up to them.',

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
    mandatoryIntro: (parent, region) =>
        `${parent} sets these campaigns as mandatory${region !== undefined ? ` for region ${region}` : ''}: this playbook runs them as planned there, in its own channels and with its own people.`,
    noMandatoryFrom: (parent, region) =>
        `None of the mandatory campaigns of ${parent} applies to this playbook${region !== undefined ? ` (region ${region})` : ''}.`,
    allRegions: 'all regions',
    breakdownHeading: 'Breakdown across playbooks',
    breakdownIntro: playbook =>
        `How the goals and the budget of ${playbook} are broken down across the playbooks of the workspace. Each figure is written, and kept up to date, in the playbook named beside it.`,
    goalsByPlaybookHeading: 'Goals by playbook',
    playbookColumn: 'Playbook',
    contributionColumn: 'Contribution',
    amountColumn: 'Amount',
    shareOfGoalColumn: 'Share of goal',
    thisPlaybook: 'this playbook',
    noPlaybook: 'no playbook',
    plannedInTotal: 'Planned in total',
    playbookTreeHeading: 'Playbook tree',
    playbookTreeLegend:
        'This playbook and the playbooks that are part of it, with their regions and budgets; the arrows carry what each adds to this playbook’s goals.',
    budgetRollupHeading: 'Budget roll-up',
    ownAllocation: 'own channels and campaigns',
    childPlaybooksTotal: 'Child playbooks total',
    shareOfParentHeading: 'Share of the parent goals',
    shareOfParentIntro: parents => `What this playbook adds to the goals of ${parents}: the parent counts these figures in its own plan.`,
    parentGoalColumn: 'Parent goal',
    parentTargetColumn: 'Parent target',
    fromThisPlaybookColumn: 'From this playbook',
    budgetShareLine: (budget, share, parent) => `Budget: ${budget}, ${share} of the budget of ${parent}.`,
    workspaceLoadColumn: 'Load across playbooks',
    loadHere: 'here',
    workspaceLoadNote:
        'Load across playbooks = the load here plus the person’s responsible shares in every other playbook of the workspace whose period overlaps this one.',
    indexTitle: folder => `Playbooks: ${folder}`,
    indexIntro: (folder, count) =>
        `Generated by opsbook from the ${count} playbook${count === 1 ? '' : 's'} under ${folder}. Edit the playbooks and regenerate rather than editing these files.`,
    indexTreeHeading: 'Playbook tree',
    indexGoalsHeading: 'Top-level goals',
    indexGoalsNote:
        'Goals that are not part of another goal, by playbook; planned counts the contributions of every playbook of the workspace.',
    indexTotals: (playbooks, budgets) =>
        `${playbooks} playbook${playbooks === 1 ? '' : 's'}; budget of the top-level playbooks: ${budgets}.`,
    goalPartsNote:
        'Rows marked ↳ split a goal by the playbook that contributes to it: the target is what that playbook plans for the goal, the actual the rows of its channels in the actuals (a playbook column names the playbook where a channel name is in several).',
    goalPartsNestedNote:
        'A row A › B is what B, a playbook under A, contributes through A; it is included in the row of A, its actual too.',
    childReallocationHeading: (metric, total) => `Between child playbooks, measured in ${metric} (${total} in all)`,
    childReallocationMethod:
        'Child playbooks are compared by what their budget buys of the goal they add most to: spend (the spend rows of their channels and campaigns, else their budget pro-rated) ÷ the actual of that goal’s metric from their channels. Budgets move by the same half step as between channels, and the total of the child playbooks stays the same.',
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
    timelineLegend:
        'Bars: the playbook period, campaign windows (mandatory campaigns in red) and recurring reviews from first to last meeting; diamonds: goal deadlines and one-off reviews.',
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
    findingsIntro: n =>
        `${plural(n, 'finding', 'findings')} that opsbook check still reports (warnings do not stop the plan, but each deserves a decision):`,
    whereColumn: 'Where',
    severityColumn: 'Severity',
    ruleColumn: 'Rule',
    messageColumn: 'Message',

    reviewIntro: (title, source) =>
        `${title}. Review template generated by opsbook from ${source}: fill in the empty cells and the answers. Once edited, opsbook will not overwrite this file without --force.`,
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
    goalsReviewNote:
        'Target to date = target × elapsed share of the time from the period start to the deadline (a campaign’s: of its window). Percent and number targets are levels and are not pro-rated. Variance = actual − target to date (in brackets: actual as a share of it).',
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
    reallocationMethod:
        'Budgets move only between channels measured in the same unit, and each group keeps its total. Each channel moves half way from its budget toward a split proportional to the units its budget buys at its actual cost per unit (budget ÷ actual cost per unit); amounts are rounded to whole currency units, the remainder going to the cheapest channel. A half step keeps one cycle’s noise from swinging the whole budget.',
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
    dueColumn: 'Due',
    doneColumn: 'Done',
    milestonesColumn: 'Milestones',
    milestoneBy: (amount, date) => `${amount} by ${date}`,
    goalMilestones: 'Goal milestones',
    timelineLegendWithMilestones:
        'Bars: the playbook period, campaign windows (mandatory campaigns in red) and recurring reviews from first to last meeting; diamonds: goal milestones, goal deadlines and one-off reviews.',
    milestonePacingNote:
        'Goals with milestones are paced by them: the target to date rises linearly from zero at the period start to each milestone in turn, then to the target at the deadline, and the channels delivering to such a goal follow the same pace. A level target (percent, number) is the level of the next milestone.',
    periodOverPeriodHeading: 'Period over period',
    periodOverPeriodIntro: (current, previous) =>
        `This period: ${current}; the previous period of the same length: ${previous}. Counts and money add up the rows dated in each period; percent and number metrics take the period’s latest row. Change = this period − previous period (in brackets: relative to the previous period).`,
    noDatedActuals: (current, previous) =>
        `No actual row is dated in ${current} or in the previous period ${previous}, so there are no period-over-period figures: the figures above are cumulative to date.`,
    thisPeriodColumn: 'This period',
    previousPeriodColumn: 'Previous period',
    toDateColumn: 'To date',
    followUpsHeading: 'Follow-ups from the last review',
    followUpsFrom: 'Open decisions of ',
    followUpsAfter: (open, total) =>
        ` (${open} of ${plural(total, 'decision', 'decisions')} not marked done). Mark each one done in the Done column, or carry it on.`,
    noOpenFollowUps: total =>
        total === 0
            ? 'The last review recorded no decisions.'
            : `Every decision of the last review (${plural(total, 'decision', 'decisions')}) is marked done.`,
    overdue: 'overdue'
};

// ---- editor: hovers, inlay hints, code lenses, quick-fix titles (lsp/lsp-text.ts) -----------

export const EDITOR_TEXT_EN: LspText = {
    ...PUNCTUATION.en,
    valueAlias: (property, written, english, alias) =>
        written === english
            ? `**${property}** \`${english}\` — its Chinese alias \`${alias}\` means the same`
            : `**${property}** \`${alias}\` — the Chinese alias of \`${english}\`: both mean the same`,
    target: 'Target',
    bound: { 'at least': 'at least', 'at most': 'at most' },
    planned: 'Planned',
    deadline: 'by',
    owner: 'Owner',
    strategy: 'Strategy',
    partOf: 'Part of',
    contributions: 'Contributions',
    servedBy: 'Served by',
    serves: 'Serves',
    status: {
        covered: 'covered',
        undercovered: 'undercovered',
        overcommitted: 'overcommitted',
        unplanned: 'nothing planned yet',
        'not-additive': 'not additive (percent, number or "at most" targets are not summed)',
        'no-target': 'no target'
    },
    short: amount => `${amount} short`,
    over: amount => `${amount} over`,
    budget: 'Budget',
    ofPlaybookBudget: share => `${share} of the playbook budget`,
    delivers: 'Delivers',
    deliveryLine: (amount, goal, share) => `${amount} to ${goal}${share ? ` (${share} of its target)` : ''}`,
    impliedCost: (cost, metric) => `Implied cost: ${cost} per unit of ${metric}`,
    cpaLimit: limit => `limit ${limit}`,
    assumption: (volume, metric, rate, derived) => `Assumes ${volume} ${metric} at ${rate} = ${derived}`,
    assumptionCompared: (nextMetric, delivered) => `delivers ${delivered} ${nextMetric}`,
    load: 'Load',
    loadLine: (load, capacity, ratio) => `${load} of ${capacity} capacity${ratio ? ` (${ratio} used)` : ''}`,
    workspaceLoad: 'Across playbooks',
    loadIn: playbook => `in ${playbook}`,
    assignments: 'Assignments',
    role: {
        owner: 'owns',
        responsible: 'responsible for',
        accountable: 'accountable for',
        consulted: 'consulted on',
        informed: 'informed of',
        decider: 'decides',
        lead: 'leads'
    },
    raci: { responsible: 'Responsible', accountable: 'Accountable', consulted: 'Consulted', informed: 'Informed' },
    assessedOn: 'Assessed on',
    kind: 'Kind',
    usedIn: 'Used in',
    notUsed: 'Not used by any element yet.',
    monitored: how => `Monitored ${how}`,
    focusLine: focus => `focus ${focus}`,
    reviewEvery: scheduleEn,
    monitorHow: (every, byChannel, source) =>
        [every !== undefined ? `every ${every}` : undefined, byChannel ? 'by channel' : undefined, source]
            .filter(part => part !== undefined && part !== '')
            .join(PUNCTUATION.en.listSeparator),
    monitorAlert: (direction, threshold, per) => `alert ${direction} ${threshold}${per !== undefined ? ` per ${per}` : ''}`,
    notMonitored: 'Not monitored.',
    window: 'Window',
    via: 'Via',
    binding: 'Binding',
    forecasts: 'Forecasts',
    spread: spread => `spread ${spread}`,
    decided: (amount, by) => `decided ${amount} by ${by}`,
    weights: total => `KPI weights add up to ${total}`,
    allocated: (allocated, total, share) => `Allocated ${allocated} of ${total} (${share})`,
    remaining: amount => `${amount} remaining`,
    goalsCount: count => `${count} goal${count === 1 ? '' : 's'}`,
    region: 'Region',
    childPlaybooks: 'Child playbooks',
    mandatoryFrom: parent => `Mandatory from ${parent}`,
    schedule: 'Schedule',
    covers: 'Covers',
    team: 'Team',
    capacity: 'Capacity',
    lead: 'Lead',
    members: 'Members',
    rule: 'Rule',
    ruleLink: "the rule's documentation",
    milestones: 'Milestones',
    milestoneItem: (amount, date, share) => `${amount} by ${date}${share !== undefined ? ` (${share} of the target)` : ''}`,
    hintShareOfGoal: (share, goal) => `${share} of ${goal}`,
    hintShareOfTarget: share => `${share} of the target`,
    hintShareOfBudget: share => `${share} of budget`,
    hintShareOfParentBudget: (share, parent) => `${share} of ${parent}'s budget`,
    hintPlanned: (planned, share) => `planned ${planned}${share ? ` (${share})` : ''}`,
    hintDerived: (derived, metric) => `= ${derived} ${metric}`,
    lensGoal: (planned, target, share) => `planned ${planned} / ${target}${share ? ` (${share})` : ''}`,
    lensGoalUnplanned: 'nothing planned yet',
    previewPlan: 'Preview plan',
    generateReview: 'Generate review',
    replaceWith: name => `Replace with '${name}'`,
    create: (type, name, file) => `Create ${type} '${name}'${file ? ` in ${file}` : ''}`,
    importFrom: (name, file) => `Import '${name}' from "${file}"`,
    addMonitor: metric => `Add a monitor for '${metric}'`,
    rescaleWeights: 'Rescale the KPI weights to 100%',
    addOwner: person => `Add owner ${person}`,
    addAccountable: person => `Make ${person} accountable`,
    addKpi: (goal, person, weight) => `Add 'kpi ${goal} weight ${weight}' to the assessment of ${person}`,
    addAssessment: (person, goal) => `Add 'assessment ${person} { kpi ${goal} weight 100% }'`,
    removeSuppressionComment: 'Remove this opsbook-ignore comment',
    removeSuppressionName: rule => `Remove '${rule}' from opsbook-ignore`,
    suppressRule: rule => `Suppress ${rule} on this line`
};

// ---- the command-line tool (packages/cli): i18n/cli-text.ts ------------------------------------

export const CLI_MESSAGES_EN: CliMessages = {
    unknownOption: flag => `error: unknown option '${flag}'`,
    unknownCommand: name => `error: unknown command '${name}'`,
    missingArgument: name => `error: missing required argument '${name}'`,
    optionMissingArgument: flags => `error: option '${flags}' argument missing`,
    missingMandatoryOption: flags => `error: required option '${flags}' not specified`,
    conflictingOptions: (flags, other) => `error: option '${flags}' cannot be used with option '${other}'`,
    invalidOptionValue: (flags, value, reason) => `error: option '${flags}' argument '${value}' is invalid. ${reason}`,
    invalidArgumentValue: (name, value, reason) => `error: command-argument value '${value}' is invalid for argument '${name}'. ${reason}`,
    allowedChoices: choices => `Allowed choices are ${choices.join(', ')}.`,
    tooManyArguments: (command, expected, got) =>
        `error: too many arguments${command ? ` for '${command}'` : ''}. Expected ${expected} argument${expected === 1 ? '' : 's'} but got ${got}.`,
    didYouMean: candidates =>
        candidates.length === 1 ? `(Did you mean ${candidates[0]}?)` : `(Did you mean one of ${candidates.join(', ')}?)`,

    windowOption: (flag, _value, problem) => `${flag} ${problem}`,

    templatesMissing: 'the init templates are missing from this installation of opsbook',
    periodOption: (_value, problem) => `--period ${problem}`,
    starterCpaComment: 'budget ÷ what the channel delivers may not exceed this'
};

// ---- the next cycle and the change review (SPEC §9): usecases/next-cycle.ts, usecases/diff-playbooks.ts ----

const FIELD_EN: Record<ChangeField, string> = {
    title: 'title',
    period: 'period',
    budget: 'budget',
    allocated: 'allocated',
    remaining: 'unallocated',
    currency: 'currency',
    parent: 'part of',
    region: 'region',
    stage: 'stage',
    target: 'target',
    bound: 'bound',
    deadline: 'deadline',
    milestones: 'milestones',
    owner: 'owner',
    planned: 'planned',
    coverage: 'coverage',
    status: 'status',
    strategy: 'strategy',
    partOf: 'part of',
    kind: 'kind',
    type: 'type',
    window: 'window',
    binding: 'binding',
    via: 'via',
    share: 'share of budget',
    deliveries: 'delivers',
    costPerUnit: 'implied cost per unit',
    capacity: 'capacity',
    load: 'load across the workspace'
};

export const CYCLE_TEXT_EN: CycleText = {
    nextHeader: ({ playbook, period, source, actuals }) =>
        `Next cycle of ${playbook}, ${period}: written by opsbook next from ${source} and ${actuals}.`,
    finishedCycle: ({ period }) => `The finished cycle, ${period}:`,
    goalResult: ({ goal, actual, target, attainment, status }) =>
        actual === undefined
            ? `${goal}: no actuals${target !== undefined ? ` (target ${target})` : ''}`
            : `${goal}: ${actual}${target !== undefined ? ` of ${target}` : ''}${attainment !== undefined ? ` (${attainment})` : ''}${status !== undefined ? `, ${status}` : ''}`,
    costsHeading: 'Actual cost per unit:',
    channelCost: ({ channel, actual, planned, metric }) =>
        `${channel}: ${actual !== undefined ? `${actual} per ${metric}` : `no actuals for ${metric}`}${planned !== undefined ? ` (planned ${planned})` : ''}`,
    reallocationHeading: 'Channel budgets re-allocated by actual cost per unit (the review proposal):',
    reallocationNone: 'Channel budgets kept: no channel had actuals to compare.',
    reallocationRow: ({ channel, from, to, change }) => `${channel}: ${from} → ${to} (${change})`,
    droppedCampaigns: ({ campaigns }) =>
        `Campaigns of the finished cycle left out: ${campaigns.map(c => (c.window ? `${c.name} (${c.window})` : c.name)).join(PUNCTUATION.en.listSeparator)}.`,
    replaceCampaigns: ({ campaigns }) => `delivered by ${campaigns.join(PUNCTUATION.en.listSeparator)} last cycle: plan what replaces them`,
    statusWord: status => ({ 'on-track': 'on track', 'at-risk': 'at risk', 'off-track': 'off track' })[status],

    diffTitle: a => `Opsbook changes: ${a.old} → ${a.new}`,
    noChanges: 'No change in the analysed figures.',
    diffSummary: ({ changes, appeared, gone }) =>
        `${plural(changes, 'change', 'changes')} in the figures; ${plural(appeared, 'finding', 'findings')} appeared, ${gone} gone.`,
    playbookHeading: ({ playbook, file }) => (playbook === '' ? file : `${playbook} (${file})`),
    fileAdded: 'New file.',
    fileRemoved: 'File removed.',
    peopleHeading: "People's load",
    columnElement: 'Element',
    columnChange: 'Change',
    columnBefore: 'Before',
    columnAfter: 'After',
    section: section =>
        ({ playbook: 'playbook', goal: 'goal', channel: 'channel', campaign: 'campaign', person: 'person', file: 'file' })[section],
    kind: kind => ({ added: 'added', removed: 'removed', changed: 'changed' })[kind],
    field: field => FIELD_EN[field],
    findingsAppeared: 'Findings that appeared',
    findingsGone: 'Findings that went away',
    none: '—',
    workingTree: 'working tree',

    nextNoPeriod: ({ file }) => `${file}: the playbook has no period; give the next cycle's with --period (e.g. --period 2027-Q2)`,
    nextBadPeriod: ({ period, problem }) => `--period ${period}: ${problem}`,
    nextPeriodNotAfter: ({ period, current }) =>
        `--period ${period} does not start after the playbook's period (${current}); the next cycle follows the finished one`,
    nextExists: ({ file }) => `${file}: already exists; not overwriting it (use --force to replace it)`,
    nextOutputNeeded: 'next of a folder needs -o OUTDIR: the folder to write the next playbooks to',
    nextNoPlaybooks: ({ folder }) => `${folder}: no .ops file here declares a playbook`,
    nextAmbiguousChannel: ({ channel, line, files }) =>
        `line ${line}: channel '${channel}' is in more than one playbook (${files}); give each playbook's actuals separately`,
    nextNotFormatted: ({ problem }) => `the next playbook could not be formatted (${problem}); please report this with the file`,
    diffNeedsTwo: 'diff needs two versions: OLD NEW (files or folders), or --rev A[..B] [PATHS…]',
    diffMissing: ({ file, side }) => `${file}: no such file or folder (the ${side} side)`,
    diffKindsDiffer: a => `${a.old} and ${a.new}: compare a file with a file or a folder with a folder`,
    diffNotGit: ({ folder }) => `--rev: ${folder} is not inside a git repository`,
    diffUnknownRevision: ({ revision }) => `--rev: unknown revision '${revision}'`,
    diffNotInRevision: ({ file, revision }) => `${file}: not in revision ${revision}`,
    diffOutsideRepository: ({ file }) => `${file}: outside the git repository`
};

// ---- command line: help, tallies, watch mode, fixes (packages/cli) --------------------------------

export const CLI_TEXT_EN: CliText = {
    programDescription: 'Opsbook: operations playbooks as checked text files',
    examplesHeading: 'Examples:',
    help: {
        headings: {
            'Usage:': 'Usage:',
            'Arguments:': 'Arguments:',
            'Options:': 'Options:',
            'Global Options:': 'Global Options:',
            'Commands:': 'Commands:'
        },
        optionsPlaceholder: '[options]',
        commandPlaceholder: '[command]',
        // Exactly as commander writes them (lib/help.js).
        notes: ({ choices, defaultValue, defaultDescription, preset, env }) => {
            const notes = [
                choices && `choices: ${choices.map(choice => JSON.stringify(choice)).join(', ')}`,
                defaultValue !== undefined && `default: ${defaultDescription || JSON.stringify(defaultValue)}`,
                preset !== undefined && `preset: ${JSON.stringify(preset)}`,
                env !== undefined && `env: ${env}`
            ].filter(note => typeof note === 'string');
            return notes.length > 0 ? `(${notes.join(', ')})` : '';
        }
    },
    commands: {
        check: {
            description: 'check playbooks: syntax, references and whether the numbers add up',
            examples: [
                ['opsbook check', 'every playbook below the current folder'],
                ['opsbook check plans --format github --max-warnings 0', 'annotations on a pull request; any warning fails'],
                ['opsbook check plans --watch', 'check again whenever a playbook is saved'],
                ['opsbook check --fix', 'apply the quick fixes that are safe without a person, then report the rest'],
                ['cat q1.ops | opsbook check -', 'check standard input (reported as <stdin>)']
            ]
        },
        plan: {
            description:
                "write the execution plan of a playbook as Markdown; of a folder, with -o OUTDIR: every playbook's plan and index.md",
            examples: [
                ['opsbook plan plans/q1.ops -o plan.md', 'write the plan to plan.md'],
                ['opsbook plan plans/q1.ops -o plan.md --watch', 'write it again whenever the playbook is saved'],
                ['opsbook plan plans/q1.ops --locale zh-CN', 'the plan in Chinese, on standard output'],
                [
                    'opsbook plan examples/org -o plans/',
                    "every playbook's plan under examples/org, and plans/index.md with the playbook tree"
                ]
            ]
        },
        review: {
            description: 'write a review template: targets to date, actuals, variance, questions, decisions',
            examples: [
                ['opsbook review plans/q1.ops --period 2027-02 -o review.md', 'the template of February'],
                ['opsbook review plans/q1.ops --on 2027-02-15 --actuals actuals.csv', 'as of 15 February, with actual figures filled in']
            ]
        },
        export: {
            description: 'export the resolved playbook with its computed figures as JSON or CSV',
            examples: [
                ['opsbook export plans/q1.ops -o q1.json', 'the model with every computed figure'],
                ['opsbook export plans/q1.ops --format csv -o q1.csv', 'one flat table for spreadsheets']
            ]
        },
        fmt: {
            description: 'format playbooks in their canonical layout (in place)',
            examples: [
                ['opsbook fmt', 'format every playbook below the current folder'],
                ['opsbook fmt --check', 'in CI: list the files that are not formatted, exit 1'],
                ['opsbook fmt --diff plans', 'show what would change as a unified diff, exit 1'],
                ['cat q1.ops | opsbook fmt -', 'format standard input to standard output']
            ]
        },
        init: {
            description: 'write a starter playbook.ops, team.ops and opsbook.json that check clean (never overwrites)',
            examples: [
                ['opsbook init plans', 'the starter files in plans/'],
                ['opsbook init plans --stage seed --focus activation --period 2027-Q1', 'a seed-stage playbook about activation']
            ]
        },
        next: {
            description: "write the next cycle's playbook: period moved on, budgets re-allocated by actual cost per unit",
            examples: [
                ['opsbook next plans/q1.ops --actuals q1.csv -o plans/q2.ops', 'the next quarter, from the finished one and its actuals'],
                ['opsbook next plans/2027-Q3 --actuals q3.csv -o plans/2027-Q4', 'every playbook of an organisation, together'],
                ['opsbook next plans/q1.ops --actuals q1.csv --period 2027-Q3', 'another period than the one following']
            ]
        },
        diff: {
            description: 'what changed in the analysed figures between two versions: files, folders or git revisions',
            examples: [
                ['opsbook diff --rev origin/main', 'this branch against main, for a pull-request comment'],
                ['opsbook diff --rev v1..v2 plans --format json', 'two tags, as JSON'],
                ['opsbook diff plans/q1.ops plans/q2.ops', 'two files']
            ]
        },
        completion: {
            description: 'print the shell completion script for bash, zsh or fish',
            examples: [
                ['opsbook completion bash > ~/.local/share/bash-completion/completions/opsbook', 'bash (bash-completion 2)'],
                ['opsbook completion zsh > "${fpath[1]}/_opsbook"', 'zsh (then restart the shell)'],
                ['opsbook completion fish > ~/.config/fish/completions/opsbook.fish', 'fish']
            ]
        }
    },
    options: {
        watch: 'run again whenever a playbook, a file it imports or opsbook.json changes (Ctrl+C stops)',
        fix: 'apply the quick fixes that are safe without a person (docs/cli.md lists them), then report what is left',
        diff: 'change nothing; print a unified diff of what would change and exit 1 if anything would',
        completionShell: 'the shell: bash, zsh or fish',
        color: 'colour the text report even when it is not written to a terminal',
        noColor: 'never colour the text report (also: NO_COLOR=1)',
        help: 'display help for command',
        version: 'output the version number',
        helpCommand: 'display help for command',
        locale: 'language of messages and documents',
        checkPaths: 'files or folders to check (default: the current folder; - reads standard input)',
        format: 'output format',
        maxWarnings: 'exit 1 when there are more than n warnings',
        quiet: 'report errors only',
        playbookFile: 'the .ops file that declares the playbook (- reads standard input)',
        output: 'write to this file instead of standard output',
        planFormat: 'markdown, or html: one self-contained page with the diagrams drawn, no script',
        forcePlan: 'overwrite the output file even if it was edited or not generated by opsbook',
        forceReview: 'overwrite the output file even if it was edited by hand or not generated by opsbook',
        forceExport: 'overwrite the output file even if it is not an earlier opsbook export',
        reviewOn: 'review as of this date (YYYY-MM-DD)',
        reviewPeriod: 'review this week, month, quarter or year: 2027-W05, 2027-01, 2027-Q1, 2027',
        actuals: 'actual figures: a CSV with columns date,metric,channel,value',
        previousReview: 'carry the open decisions of an earlier review (its decisions table) into this one',
        reviewName: "only this review's covered goals and questions (default: every review held in the period)",
        fmtPaths: 'files or folders to format (default: the current folder; - formats standard input to standard output)',
        fmtCheck: 'change nothing; list the files that would change and exit 1 if any',
        initDir: 'folder to write into (default: the current folder)',
        stage: 'lifecycle stage of the product',
        focus: 'focus of the strategy (default: one that suits the stage)',
        nextTarget: 'the .ops file that declares the playbook, or a folder to roll every playbook in it forward',
        nextActuals: 'the finished cycle: a CSV with columns date,metric,channel,value',
        nextPeriod: 'the next period (default: the one following, of the same length): 2027-Q2, 2027-04, 2027 or 2027-04-01..2027-06-30',
        nextOutput: 'write to this file (a folder for a folder) instead of standard output',
        forceNext: 'overwrite existing files',
        diffPaths: 'OLD NEW (two files or two folders); with --rev, the files or folders to compare (default: the current folder)',
        diffRev: 'compare git revisions: A..B, or A against the working tree',
        diffFormat: 'markdown (a pull-request comment) or json',
        initPeriod: 'the playbook period: 2027-Q1, 2027-03 or 2027 (default: the current quarter)'
    },

    notWholeNumber: 'expected a whole number, 0 or more',

    wrote: file => `wrote ${file}`,
    noSuchFile: file => `${file}: no such file`,
    noPlaybook: file => `${file}: declares no playbook (it is a library such as team.ops); give the file that declares \`playbook\``,
    planFolderHtml: folder =>
        `${folder}: is a folder; --format html writes the plan of one playbook file (the plans of a folder are Markdown, with index.md)`,
    planFolderNeedsOutput: folder => `${folder}: is a folder; give -o OUTDIR to write the plan of every playbook under it, with index.md`,
    planOutputNotFolder: output => `${output}: is not a folder; with a folder to plan, -o names the folder to write the plans into`,
    planFolderNoPlaybook: folder => `${folder}: no .ops file under it declares a playbook`,
    planIndexClash: (file, index) => `${file}: its plan would be ${index}, the index of the plans; rename the file`,
    blockingErrors: (file, n) =>
        `${file}: ${plural(n, 'error', 'errors')}; fix ${n === 1 ? 'it' : 'them'} before generating documents (see opsbook check)`,
    reviewWindowNeeded: 'review needs exactly one of --on DATE (e.g. --on 2027-02-01) or --period PERIOD (2027-W05, 2027-01, 2027-Q1)',
    noSuchReview: (name, file, reviews) =>
        `--review ${name}: no such review in ${file}${reviews.length > 0 ? `; reviews: ${reviews.join(', ')}` : ''}`,
    initNext: command => `next: ${command}`,
    initFocusUnsuited: (focus, stage, suited) => `focus ${focus} does not suit stage ${stage}: choose ${suited.join(', ')}`,
    initExists: files =>
        `${files.join(', ')} already exist${files.length === 1 ? 's' : ''}; init writes nothing (move ${files.length === 1 ? 'it' : 'them'} away or choose another folder)`,
    cannotCreateFolder: (folder, code) => `${folder}: cannot create the folder (${code})`,

    files: {
        noSuchPath: path => `${path}: no such file or folder`,
        notFileOrFolder: path => `${path}: not a regular file or folder`,
        cannotReadFolder: (path, code) => `${path}: cannot read folder (${code})`,
        notUtf8: (file, line, column) => `${file}:${line}:${column}: not valid UTF-8 text (save the file as UTF-8)`,
        cannotRead: (file, code) =>
            `${file}: ${code === 'EISDIR' ? 'is a folder, not a file' : code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot be read (${code})`}`,
        cannotWrite: (file, code) => `${file}: cannot be written (${code})`,
        linkToMissing: file => `${file}: is a symbolic link to a missing file; not writing through it`,
        linkElsewhere: (file, real) =>
            `${file}: is a symbolic link to ${real}, in another folder; not writing through it (remove the link or choose another output file)`,
        isFolder: file => `${file}: is a folder, not a file`,
        notRegular: file => `${file}: is not a regular file; not writing to it`,
        cannotReadBeforeOverwrite: (file, code) => `${file}: cannot be read to check it before overwriting (${code})`,
        edited: (file, what) =>
            `${file}: this ${what} was edited since opsbook generated it; not overwriting it (use --force to replace it, or write to another file with -o)`,
        foreign: file =>
            `${file}: exists and was not generated by opsbook; not overwriting it (use --force to replace it, or choose another file with -o)`,
        readOnly: file => `${file}: is read-only; not writing to it (make it writable, e.g. chmod u+w, to let opsbook change it)`,
        folderMissing: (file, folder) => `${file}: folder ${folder} does not exist`,
        writeFailed: (file, code) =>
            `${file}: cannot be written (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOSPC' ? 'no space left on the device' : code}); the previous content, if any, is unchanged`
    },
    internalError: message => `internal error: ${message} (please report this with the file that caused it)`,

    tally: (files, errors, warnings, infos) =>
        `${plural(files, 'file', 'files')} checked: ${plural(errors, 'error', 'errors')}, ${plural(warnings, 'warning', 'warnings')}${infos ? `, ${plural(infos, 'info', 'infos')}` : ''}`,
    tooManyWarnings: (warnings, max) => `too many warnings: ${warnings} (at most ${max} allowed by --max-warnings)`,
    fixed: (n, file) => `${file}: fixed ${plural(n, 'problem', 'problems')}`,
    checking: 'checking',

    notFormatted: n => `${plural(n, 'file', 'files')} not formatted (run opsbook fmt to format ${n === 1 ? 'it' : 'them'})`,
    fileLeftUnchanged: '(file left unchanged)',

    completionComment: shell =>
        shell === 'bash'
            ? [
                  'opsbook completion for bash. Install: opsbook completion bash > ~/.local/share/bash-completion/completions/opsbook',
                  '(or add to ~/.bashrc: source <(opsbook completion bash))'
              ]
            : shell === 'zsh'
              ? ['opsbook completion for zsh. Install: opsbook completion zsh > "${fpath[1]}/_opsbook", then start a new shell.']
              : ['opsbook completion for fish. Install: opsbook completion fish > ~/.config/fish/completions/opsbook.fish'],
    completionCommands: 'opsbook command',
    watching: paths => `watching ${paths} for changes (Ctrl+C to stop)`,
    rerun: file => `${file} changed: running again`,

    stdinAlone: '- (standard input) cannot be given with other paths',
    stdinNotWith: option => `- (standard input) cannot be used with ${option}`,
    noOpsFiles: paths => `no .ops files found in ${paths.length > 0 ? paths.join(', ') : 'the current folder'}`,
    serverUsage:
        'opsbook-language-server speaks the Language Server Protocol to an editor: start it with --stdio (or --node-ipc, --socket=PORT, --pipe=NAME); `opsbook` is the command line'
};
