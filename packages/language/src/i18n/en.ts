// The English catalogue: all English text but the rules' own. Diagnostic messages that belong to no
// single rule (related information, the actuals CSV) plus every rule's English messages gathered from
// the rule registry (rules/*.ts); the text of the generated documents; the text of the editor. Shared
// words and punctuation are in words.ts. Every message says what is wrong, with the numbers, and what
// would fix it.

import { ruleMessages } from '../rules/index.js';
import type { MessageCatalogue } from './message.js';
import type { DocumentText } from './document-text.js';
import type { LspText } from './editor-text.js';
import type { CliText, WrittenThing } from './cli-text.js';
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
                return `unexpected column '${problem.column}' in the header: expected date,metric,channel,value`;
            case 'date':
                return problem.reason;
            case 'unknown-metric':
                return `unknown metric '${problem.metric}': expected one of ${problem.expected.join(', ')}`;
            case 'unknown-channel':
                return `unknown channel '${problem.channel}': leave it empty or write one of ${problem.expected.join(', ') || '(no channels or campaigns)'}`;
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

    relatedDelivery: ({ from, amount, unit }) => `${from} delivers ${f.qty(amount, unit)}`,
    relatedSubGoal: ({ goal, amount, unit }) => `sub-goal ${goal} targets ${f.qty(amount, unit)}`,
    relatedBudget: ({ name, amount, currency }) => `${name}: budget ${f.money(amount, currency)}`,
    relatedResponsibility: ({ person, workstream, share }) => `${person} is responsible for ${f.points(share)} in ${workstream}`,
    relatedKpi: ({ subject, weight }) => `${subject}: weight ${f.points(weight)}`,
    relatedForecastFigure: ({ who, amount, unit }) => `${who} forecast: ${f.amount(amount, unit)}`,
    relatedPartOf: ({ goal, parent }) => `${goal} is part of ${parent}`,
    relatedParentPeriod: ({ parent, period }) => `the period of ${parent}: ${period}`,
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
    role: { owner: 'owns', responsible: 'responsible for', accountable: 'accountable for', consulted: 'consulted on', informed: 'informed of', decider: 'decides', lead: 'leads' },
    raci: { responsible: 'Responsible', accountable: 'Accountable', consulted: 'Consulted', informed: 'Informed' },
    assessedOn: 'Assessed on',
    kind: 'Kind',
    usedIn: 'Used in',
    notUsed: 'Not used by any element yet.',
    monitored: how => `Monitored ${how}`,
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
    hintShareOfGoal: (share, goal) => `${share} of ${goal}`,
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
    removeSuppressionComment: 'Remove this opsbook-ignore comment',
    removeSuppressionName: rule => `Remove '${rule}' from opsbook-ignore`
};

// ---- the command-line tool (packages/cli): i18n/cli-text.ts ------------------------------------

const WRITTEN_EN: Record<WrittenThing, string> = { plan: 'plan', review: 'review', export: 'export', file: 'file' };

export const CLI_TEXT_EN: CliText = {
    unknownOption: flag => `error: unknown option '${flag}'`,
    unknownCommand: name => `error: unknown command '${name}'`,
    missingArgument: name => `error: missing required argument '${name}'`,
    optionMissingArgument: flags => `error: option '${flags}' argument missing`,
    invalidOptionValue: (flags, value, reason) => `error: option '${flags}' argument '${value}' is invalid. ${reason}`,
    invalidArgumentValue: (name, value, reason) => `error: command-argument value '${value}' is invalid for argument '${name}'. ${reason}`,
    allowedChoices: choices => `Allowed choices are ${choices.join(', ')}.`,
    tooManyArguments: (command, expected, got) => `error: too many arguments${command ? ` for '${command}'` : ''}. Expected ${expected} argument${expected === 1 ? '' : 's'} but got ${got}.`,
    didYouMean: candidates => (candidates.length === 1 ? `(Did you mean ${candidates[0]}?)` : `(Did you mean one of ${candidates.join(', ')}?)`),
    wholeNumber: 'expected a whole number, 0 or more',
    seeHelp: command => `(run ${command} --help for the usage)`,
    internalError: message => `internal error: ${message} (please report this with the file that caused it)`,

    noOpsFiles: paths => `no .ops files found in ${paths.length > 0 ? paths.join(', ') : 'the current folder'}`,
    noSuchFileOrFolder: path => `${path}: no such file or folder`,
    notRegularFileOrFolder: path => `${path}: not a regular file or folder`,
    cannotReadFolder: (path, code) => `${path}: cannot read folder (${code})`,
    noSuchFile: path => `${path}: no such file`,
    isFolder: path => `${path}: is a folder, not a file`,
    permissionDenied: path => `${path}: permission denied`,
    cannotRead: (path, code) => `${path}: cannot be read (${code})`,
    notUtf8: where => `${where}: not valid UTF-8 text (save the file as UTF-8)`,
    noPlaybook: file => `${file}: declares no playbook (it is a library such as team.ops); give the file that declares \`playbook\``,
    errorsBeforeDocuments: (file, errors) => `${file}: ${errors} error${errors === 1 ? '' : 's'}; fix ${errors === 1 ? 'it' : 'them'} before generating documents (see opsbook check)`,

    cannotWrite: (path, code) => `${path}: cannot be written (${code})`,
    symlinkToMissing: path => `${path}: is a symbolic link to a missing file; not writing through it`,
    symlinkElsewhere: (path, real) => `${path}: is a symbolic link to ${real}, in another folder; not writing through it (remove the link or choose another output file)`,
    notRegularFile: path => `${path}: is not a regular file; not writing to it`,
    cannotReadBeforeOverwrite: (path, code) => `${path}: cannot be read to check it before overwriting (${code})`,
    editedSinceGenerated: (path, what) => `${path}: this ${WRITTEN_EN[what]} was edited since opsbook generated it; not overwriting it (use --force to replace it, or write to another file with -o)`,
    notGenerated: path => `${path}: exists and was not generated by opsbook; not overwriting it (use --force to replace it, or choose another file with -o)`,
    readOnly: path => `${path}: is read-only; not writing to it (make it writable, e.g. chmod u+w, to let opsbook change it)`,
    folderMissing: (path, folder) => `${path}: folder ${folder} does not exist`,
    writeFailed: (path, reason) =>
        `${path}: cannot be written (${reason === 'permission' ? 'permission denied' : reason === 'no-space' ? 'no space left on the device' : reason}); the previous content, if any, is unchanged`,
    wrote: path => `wrote ${path}`,

    tally: (files, errors, warnings, infos) => {
        const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
        return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${infos ? `, ${plural(infos, 'info')}` : ''}`;
    },
    tooManyWarnings: (warnings, allowed) => `too many warnings: ${warnings} (at most ${allowed} allowed by --max-warnings)`,

    leftUnchanged: '(file left unchanged)',
    notFormatted: files => `${files} file${files === 1 ? '' : 's'} not formatted (run opsbook fmt to format ${files === 1 ? 'it' : 'them'})`,

    reviewWindowNeeded: 'review needs exactly one of --on DATE (e.g. --on 2027-02-01) or --period PERIOD (2027-W05, 2027-01, 2027-Q1)',
    windowOption: (flag, _value, problem) => `${flag} ${problem}`,
    windowBeforePeriod: (flag, window, period) => `${flag} ${window} ends before the playbook period starts (${period})`,
    noSuchReview: (name, file, reviews) => `--review ${name}: no such review in ${file}${reviews.length > 0 ? `; reviews: ${reviews.join(', ')}` : ''}`,

    templatesMissing: 'the init templates are missing from this installation of opsbook',
    focusUnsuited: (focus, stage, suited) => `focus ${focus} does not suit stage ${stage}: choose ${suited.join(', ')}`,
    alreadyExist: paths => `${paths.join(', ')} already exist${paths.length === 1 ? 's' : ''}; init writes nothing (move ${paths.length === 1 ? 'it' : 'them'} away or choose another folder)`,
    cannotCreateFolder: (folder, code) => `${folder}: cannot create the folder (${code})`,
    next: command => `next: ${command}`,
    periodOption: (_value, problem) => `--period ${problem}`,
    starterCpaComment: 'budget ÷ what the channel delivers may not exceed this',
    help: {},
    helpWords: {
        'Usage: ': 'Usage: ', 'Options:': 'Options:', 'Commands:': 'Commands:', 'Arguments:': 'Arguments:', ' (': ' (', 'choices: ': 'choices: ', ', default: ': ', default: ', 'default: ': 'default: ', ')': ')'
    }
};
