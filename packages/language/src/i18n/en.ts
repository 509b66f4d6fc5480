// English messages. Every message says what is wrong, with the numbers, and what would fix it.

import { describeElementType } from '../util/element-words.js';
import type { Decimal } from '../values/decimal.js';
import type { ContributionPart, ContributionSource, ExpectedToken, FoundToken, MessageCatalogue } from './catalogue.js';
import { TextFormatter, type UnitText } from './text.js';

const f = new TextFormatter('en');
const a = (type: string) => describeElementType(type, true, 'en');
const word = (type: string) => describeElementType(type, false, 'en');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const VALUE_WHAT: Record<string, (word: string) => string> = {
    stage: w => `unknown stage '${w}'`, focus: w => `unknown focus '${w}'`, kind: w => `unknown channel kind '${w}'`,
    type: w => `unknown campaign type '${w}'`, binding: w => `unknown binding '${w}'`, every: w => `unknown frequency '${w}' after 'every'`,
    weekday: w => `unknown weekday '${w}' after 'on'`, per: w => `unknown period '${w}' after 'per'`, locale: w => `unknown locale '${w}'`
};

const SOURCE: Record<ContributionSource, string> = {
    channels: 'channels deliver',
    campaigns: 'campaigns deliver',
    'channels-campaigns': 'channels and campaigns deliver',
    'sub-goals': 'sub-goals add up to',
    'deliveries-sub-goals': 'deliveries and sub-goals add up to',
    none: 'nothing delivers'
};

const TERMINALS: Record<string, string> = {
    DATE: 'a date like 2027-03-31',
    QUARTER: 'a quarter like 2027-Q1',
    MONTH: 'a month like 2027-01',
    NUMBER: 'a number',
    PERCENT: 'a percentage like 35%',
    STRING: 'a quoted text',
    ID: 'a name',
    EOF: 'the end of the file'
};

export const ELEMENT_KEYWORDS = ['import', 'playbook', 'strategy', 'metric', 'funnel', 'goal', 'channel', 'campaign',
    'workstream', 'person', 'team', 'assessment', 'forecast', 'monitor', 'review'];

/** An amount without its currency (the target names it once): `30,000,000`, `35%`. */
function bare(amount: Decimal, unit: UnitText): string {
    return unit.kind === 'percent' ? f.points(amount) : f.num(amount);
}

/** Contributions as `中秋大促 30,000,000; 华东销售额 50,000,000 (华东.ops)`: the file only for another file's. */
function partList(parts: readonly ContributionPart[], unit: UnitText): string {
    return parts.map(p => `${p.name} ${bare(p.amount, unit)}${p.file !== undefined ? ` (${p.file})` : ''}`).join('; ');
}

function expectedWord(token: ExpectedToken): string {
    return 'terminal' in token ? (TERMINALS[token.terminal] ?? `'${token.terminal}'`) : `'${token.keyword}'`;
}

function found(token: FoundToken): string {
    if (token.kind === 'eof') return 'the end of the file';
    if (token.kind === 'text') return `the text ${token.image}`;
    return `'${token.image}'`;
}

/** `Visits'`, `ann's`. */
function poss(name: string): string {
    return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

function diff(value: Decimal): string {
    return f.points(value.abs());
}

export const EN: MessageCatalogue = {
    dateMalformed: ({ text, example }) => `${text} is not a date: write it as YYYY-MM-DD, e.g. ${example}`,
    dateNotOnCalendar: ({ text, reason, year, month, days }) => {
        const not = `${text} is not on the calendar`;
        if (reason === 'year-zero') return `${not}: there is no year 0`;
        if (reason === 'month-range') return `${not}: months run from 01 to 12`;
        if (reason === 'day-start') return `${not}: days start at 01`;
        return `${not}: ${MONTHS[month - 1]} ${year} has ${days} days`;
    },
    periodInvalid: ({ text, expected, example }) => {
        if (expected === 'quarter') return `${text} is not a quarter: write YYYY-Q1 … YYYY-Q4`;
        if (expected === 'month') return `${text} is not a month: write it as YYYY-MM, e.g. ${example}`;
        if (expected === 'month-range') return `${text} is not a month: months run from 01 to 12`;
        if (expected === 'year-zero') return `${text} is not a period: there is no year 0`;
        return `${text} is not a period: write YYYY-MM-DD .. YYYY-MM-DD, YYYY-Qn (2027-Q1), YYYY-MM (2027-01) or YYYY (2027)`;
    },
    rangeReversed: ({ what, start, end }) => `the ${what} ${start} .. ${end} ends before it starts: write the earlier date first (${end} .. ${start})`,
    percentRange: ({ text, what }) => {
        if (what === 'capacity') return `capacity ${text} is above 100%: a person's capacity goes up to 100% (all of their time)`;
        if (what === 'share') return `responsible share ${text} is above 100%: a share of a person's capacity goes up to 100%`;
        return `${text} is outside 0–100%: a percentage runs from 0% to 100%`;
    },
    numberTooLarge: ({ text }) => `${text} is too large: numbers in a playbook must be below 1,000,000,000,000,000 (is a scale suffix wrong?)`,
    actualsDuplicateRow: ({ line, date, metric, channel, level }) =>
        `the same date, metric and channel as line ${line} (${date}, ${metric}, ${channel === '' ? 'no channel' : channel}): ${level ? 'the later line is used' : 'both values are added up'}; delete one if the row was exported twice`,
    unknownValue: ({ what, word: value, expected, suggestion }) =>
        `${VALUE_WHAT[what]?.(value) ?? `unknown ${what} '${value}'`}: ${suggestion ? `did you mean '${suggestion}'? ` : ''}expected ${f.list(expected, 'or')}`,
    metricKindUnknown: ({ metric, word: kind, suggestion }) =>
        `unknown metric kind '${kind}' for ${metric}: ${suggestion ? `did you mean '${suggestion}'? ` : ''}expected count, money, percent or number`,
    quantityWantsNumber: ({ metric, kind, text }) =>
        `${text} is a percentage, but ${metric} is a ${kind} metric: write a number of ${metric}${kind === 'money' ? ' (optionally with a currency)' : ''}, or measure this with a percent metric`,
    quantityWantsPercent: ({ metric, text }) => `${metric} is a percent metric: write a percentage such as ${text}% ${metric}`,
    currencyOnCount: ({ metric, kind, currency, value }) =>
        `${metric} is a ${kind} metric and takes no currency: write ${value} ${metric}, or make ${metric} a money metric (not ${currency})`,
    currencyNotIso: ({ code, suggestion }) =>
        `'${code}' is not an ISO 4217 currency code: ${suggestion ? `did you mean ${suggestion}?` : 'write a three-letter code such as CNY, USD or EUR'}`,
    currencyNoFx: ({ code, base }) => `no exchange rate from ${code} to ${base}: add 'fx ${code} = … ${base}' to the playbook`,
    deliveryMetricMismatch: ({ from, metric, goal, goalMetric }) =>
        `${from} delivers ${metric} to ${goal}, whose target is in ${goalMetric}: deliver ${goalMetric} or aim at a goal measured in ${metric} (this delivery does not count toward ${goal})`,
    funnelStepNotCount: ({ funnel, metric, kind }) =>
        `${metric} is a ${kind} metric: the steps of funnel ${funnel} must be count metrics (the people who reach each step)`,
    amountWrongUnit: ({ goal, metric, kind, text }) =>
        `${text} does not fit ${poss(goal)} metric ${metric} (${kind}): write ${kind === 'percent' ? 'a percentage such as 35%' : kind === 'money' ? 'an amount such as 300k CNY' : 'a number such as 4000'}`,

    goalUndercovered: ({ goal, source, planned, target, unit, coverage, shortfall, parts }) => parts
        ? `${goal}: planned ${bare(planned, unit)} of ${f.qty(target, unit)} (${f.pct(coverage)}), ${bare(shortfall, unit)} short: ${partList(parts, unit)}`
        : source === 'none'
        ? `${goal}: nothing delivers a number to it, 0 of ${f.qty(target, unit)} planned; add 'delivers … to ${goal}' to the channels and campaigns that work on it`
        : `${goal}: ${SOURCE[source]} ${f.amount(planned, unit)} of ${f.qty(target, unit)} (${f.pct(coverage)}), ${f.amount(shortfall, unit)} short; plan ${f.amount(shortfall, unit)} more or lower the target`,
    goalOvercommitted: ({ goal, source, planned, target, unit, coverage, limit, excess, parts }) => parts
        ? `${goal}: planned ${bare(planned, unit)} of ${f.qty(target, unit)} (${f.pct(coverage)}), more than ${f.pct(limit)} of the target, ${bare(excess, unit)} more than needed: ${partList(parts, unit)}`
        : `${goal}: ${SOURCE[source]} ${f.amount(planned, unit)} of ${f.qty(target, unit)} (${f.pct(coverage)}), more than ${f.pct(limit)} of the target; ${f.amount(excess, unit)} more than needed is promised: lower the deliveries or raise the target`,
    goalUnplanned: ({ goal }) =>
        `nothing delivers to, serves or decomposes ${goal}: add 'delivers … to ${goal}' to a channel or campaign, 'serves ${goal}' to a campaign or workstream, or a sub-goal 'part of ${goal}'`,
    goalCycle: ({ chain }) => `'part of' goes round in a loop: ${chain.join(' → ')}; a goal cannot be part of itself`,
    budgetOverrun: ({ allocated, channels, campaigns, total, over, currency }) =>
        `channel and campaign budgets add up to ${f.money(allocated, currency)} (channels ${f.money(channels, currency)}, campaigns ${f.money(campaigns, currency)}), ${f.money(over, currency)} over the playbook budget of ${f.money(total, currency)}: cut budgets or raise the playbook budget`,
    cpaExceeded: ({ channel, cost, budget, units, metric, limit, currency, unitsNeeded, budgetAllowed }) =>
        `${channel} costs ${f.money(cost, currency)} for each of its ${f.num(units)} ${metric} (budget ${f.money(budget, currency)}), above its 'cpa at most' of ${f.money(limit, currency)}: deliver at least ${f.num(unitsNeeded)} ${metric} or cut the budget to ${f.money(budgetAllowed, currency)}`,
    assumptionMismatch: ({ channel, volume, metric, rate, derived, nextMetric, delivered, tolerance }) =>
        `${channel} assumes ${f.num(volume)} ${metric} at ${f.points(rate)} = ${f.num(derived)} ${nextMetric}, but delivers ${delivered.isZero() ? `no ${nextMetric}` : `${f.num(delivered)} ${nextMetric}`}: make the assumption and the deliveries agree (within ${f.pct(tolerance)})`,
    funnelOrder: ({ goal, target, metric, earlierGoal, earlierTarget, earlierMetric, funnel }) =>
        `${goal} targets ${f.num(target)} ${metric}, more than the ${f.num(earlierTarget)} ${earlierMetric} of ${earlierGoal}, an earlier step of funnel ${funnel}: fewer people reach a later step, so lower this target or raise the target of ${earlierGoal}`,
    dateOutsidePeriod: ({ what, name, text, period }) => {
        const subject = what === 'deadline' ? `the deadline of ${name}, ${text},` : what === 'window' ? `the window of ${name}, ${text},` : `review ${name} on ${text}`;
        return `${subject} lies outside the playbook period ${period}: move it into the period or widen the period`;
    },
    lateContribution: ({ campaign, start, goal, deadline }) =>
        `${campaign} starts on ${start}, after the deadline of ${goal}, ${deadline}: what it delivers comes too late; start it earlier or aim at a later goal`,
    ownerMissing: ({ type, name, accountable }) => accountable
        ? `workstream ${name} has no accountable person: add 'accountable PERSON'`
        : `${word(type)} ${name} has no owner: add 'owner PERSON'`,
    capacityOverload: ({ person, load, capacity, parts, over }) =>
        `${person} is responsible for ${f.points(load)} (${parts.map(p => `${p.workstream} ${f.points(p.share)}${p.where !== undefined ? ` (${p.where})` : ''}`).join(' + ')}), ${f.points(over)} more than ${poss(person)} capacity of ${f.points(capacity)}: lower the shares, share the work, or raise the capacity`,
    kpiWeights: ({ person, total, parts }) => {
        const difference = total.sub(100);
        return `${poss(person)} KPI weights add up to ${f.points(total)} (${parts.map(p => f.points(p)).join(' + ')}), not 100%: ${difference.sign() > 0 ? `remove ${diff(difference)}` : `add ${diff(difference)}`}`;
    },
    kpiWeightsEmpty: ({ person }) => `${poss(person)} assessment names no KPI: add 'kpi … weight …%' lines whose weights add up to 100%`,
    ownerNotAssessed: ({ person, goal, hasAssessment }) => hasAssessment
        ? `${person} owns ${goal}, but ${poss(person)} assessment does not name it: add 'kpi ${goal} weight …%' to assessment ${person}`
        : `${person} owns ${goal} but has no assessment: add 'assessment ${person} { kpi ${goal} weight 100% }'`,
    forecastSpread: ({ forecast, min, max, median, spread, threshold, unit }) =>
        `the forecasts of ${forecast} range from ${f.amount(min, unit)} to ${f.amount(max, unit)}, a spread of ${f.pct(spread)} of the median ${f.amount(median, unit)} (more than ${f.pct(threshold)}): look again at the assumptions behind the highest and the lowest`,
    forecastDecisionOutside: ({ forecast, decided, min, max, unit }) =>
        `${forecast} decides ${f.amount(decided, unit)}, outside the forecasts' range ${f.amount(min, unit)} – ${f.amount(max, unit)}: explain the decision or revisit the forecasts`,
    goalForecastMismatch: ({ goal, target, decided, forecast, unit }) =>
        `the target of ${goal}, ${f.amount(target, unit)}, differs from the ${f.amount(decided, unit)} decided by forecast ${forecast}: make the target the decided figure`,
    stageFocus: ({ focus, stage, suited }) =>
        `focus ${focus} does not suit a product in the ${stage} stage: at that stage focus on ${f.list(suited, 'or')}`,
    metricUnmonitored: ({ metric, goals }) =>
        `no monitor watches ${metric}, the metric of ${f.list(goals, 'and')}: add 'monitor ${metric} { every week source "…" }'`,
    channelUnattributed: ({ metric, channels }) =>
        `${channels.length === 1 ? 'channel' : 'channels'} ${f.list(channels, 'and')} ${channels.length === 1 ? 'delivers' : 'deliver'} ${metric}, but no monitor of ${metric} is 'by channel': add 'by channel' to see which channel brings them`,
    noReview: ({ playbook }) =>
        `playbook ${playbook} has no review: add 'review Weekly { every week owner … covers … }' to check the plan against the data`,
    mandatoryUnscheduled: ({ campaign, missing }) =>
        `${campaign} is mandatory but has no ${f.list(missing.map(m => m), 'or')}: a binding plan needs a window and an owner`,
    invalidConfig: ({ file, line, column, problem }) => `${file}:${line}:${column}: ${problem} (the defaults apply until it is fixed)`,
    unusedSuppression: ({ rule, known, suggestion }) =>
        known
            ? `opsbook-ignore ${rule} silences nothing: the next line has no ${rule} problem; remove it`
            : `'${rule}' is not a rule, so this opsbook-ignore silences nothing: ${suggestion ? `did you mean '${suggestion}'?` : 'remove it'}`,
    unreadableFile: ({ byte, code }) =>
        byte !== undefined
            ? `not valid UTF-8 text: byte 0x${byte} here is not part of a UTF-8 character, so the file was not checked; save it as UTF-8`
            : `the file cannot be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (code ?? 'error')}), so it was not checked`,

    relatedDelivery: ({ from, amount, unit }) => `${from} delivers ${f.qty(amount, unit)}`,
    relatedSubGoal: ({ goal, amount, unit }) => `sub-goal ${goal} targets ${f.qty(amount, unit)}`,
    relatedBudget: ({ name, amount, currency }) => `${name}: budget ${f.money(amount, currency)}`,
    relatedResponsibility: ({ person, workstream, share }) => `${person} is responsible for ${f.points(share)} in ${workstream}`,
    relatedKpi: ({ subject, weight }) => `${subject}: weight ${f.points(weight)}`,
    relatedForecastFigure: ({ who, amount, unit }) => `${who} forecast: ${f.amount(amount, unit)}`,
    relatedPartOf: ({ goal, parent }) => `${goal} is part of ${parent}`,
    relatedGoal: ({ goal }) => `goal ${goal}`,
    relatedMonitor: ({ metric }) => `monitor ${metric}, not by channel`,

    duplicateProperty: ({ phrase, elementType, firstLine }) => `'${phrase}' appears twice in ${a(elementType)} (first at line ${firstLine}): keep one`,
    importMissing: ({ path }) => `cannot import "${path}": no such file next to this one`,
    importNotOps: ({ path }) => `cannot import "${path}": only .ops files can be imported`,
    importOutsideRoot: ({ path, root }) => `cannot import "${path}": it lies outside the workspace root ${root}`,
    duplicateNameLocal: ({ name, type, line }) => `'${name}' is already defined as ${a(type)} at line ${line}: each name may be used once in a file and its imports`,
    duplicateNameImported: ({ name, type, file }) => `'${name}' is also defined as ${a(type)} in ${file}, which this file imports: rename one of them`,
    duplicateNameTwoImports: ({ name, first, second }) => `'${name}' is defined in both ${first} and ${second}: a file may import each name once`,
    duplicateAssessment: ({ person, line }) => `${person} already has an assessment at line ${line}: put all of a person's KPIs in one`,

    unresolvedWrongType: ({ name, actualType, wantedType }) => `'${name}' is ${a(actualType)}, not ${a(wantedType)}`,
    unresolvedSuggest: ({ name, wantedType, suggestion }) => `unknown ${word(wantedType)} '${name}': did you mean '${suggestion}'?`,
    unresolvedUnknown: ({ name, wantedType, noneVisible }) =>
        `unknown ${word(wantedType)} '${name}'${noneVisible ? ` (no ${word(wantedType)} is visible here; is an import missing?)` : ''}`,

    syntaxNotAProperty: ({ word: value, elementType, expected }) => `'${value}' is not a property of ${a(elementType)}: expected ${f.list(expected, 'or')}`,
    syntaxExpected: ({ expected, previous, found: actual, atLeastOne }) =>
        `expected ${atLeastOne ? 'at least one ' : ''}${f.list(expected.map(expectedWord), 'or')}${previous ? ` after '${previous}'` : ''}, found ${found(actual)}`,
    syntaxNotAllInput: ({ found: actual }) => `expected an element (${ELEMENT_KEYWORDS.join(', ')}), found ${found(actual)}`,
    lexFullWidth: ({ char, replacement }) => `full-width character '${char}': type the ASCII '${replacement}' instead (switch the input method to half-width)`,
    lexUnterminated: () => 'unterminated text: a quoted text must end with " on the same line',
    lexPercentSpace: () => "a '%' must follow its number directly, as in 4%",
    lexNul: () => 'unexpected NUL character (U+0000): is this a binary file?',
    lexUnexpected: ({ shown }) => `unexpected character ${shown}`
};
