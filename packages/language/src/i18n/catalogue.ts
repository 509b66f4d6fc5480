// One catalogue of every diagnostic message, in English and Simplified Chinese. A message travels as
// a descriptor `{ key, args }` (args keep exact Decimals), and is rendered for a locale only when it
// is shown, so the analysis can be computed once and read in either language.

import type { Decimal } from '../values/decimal.js';
import type { Locale } from '../values/format.js';
import { EN } from './en.js';
import type { UnitText } from './text.js';
import { ZH_CN } from './zh-cn.js';

export type ElementType = string;

/** Where a goal's planned amount comes from, for "channels deliver …" / "sub-goals add up to …". */
export type ContributionSource = 'channels' | 'campaigns' | 'channels-campaigns' | 'sub-goals' | 'deliveries-sub-goals' | 'none';

/** One contribution to a goal as a message lists it; `file` when it is written in another file. */
export interface ContributionPart {
    name: string;
    amount: Decimal;
    file?: string;
}

/** How a syntax error names what was found. */
export type FoundToken = { kind: 'eof' } | { kind: 'text'; image: string } | { kind: 'token'; image: string };

/** A word the parser expected: a token type (`DATE`, `NUMBER`, `ID`, …) or a keyword (`by`, `}`). */
export type ExpectedToken = { terminal: string } | { keyword: string };

export interface MessageCatalogue {
    // ---- values (analysis/value-resolution.ts) -----------------------------------------------
    dateMalformed(a: { text: string; example: string }): string;
    dateNotOnCalendar(a: { text: string; reason: 'year-zero' | 'month-range' | 'day-start' | 'month-days'; year: number; month: number; days: number }): string;
    periodInvalid(a: { text: string; expected: 'quarter' | 'month' | 'month-range' | 'year-zero' | 'any'; example?: string }): string;
    rangeReversed(a: { what: 'period' | 'window'; start: string; end: string }): string;
    percentRange(a: { text: string; what: 'capacity' | 'share' | 'other' }): string;
    numberTooLarge(a: { text: string }): string;
    /** A warning about an actuals CSV (`opsbook review --actuals`): this row repeats the date, metric and channel of `line`. */
    actualsDuplicateRow(a: { line: number; date: string; metric: string; channel: string; level: boolean }): string;
    unknownValue(a: { what: string; word: string; expected: readonly string[]; suggestion?: string }): string;
    metricKindUnknown(a: { metric: string; word: string; suggestion?: string }): string;
    quantityWantsNumber(a: { metric: string; kind: string; text: string }): string;
    quantityWantsPercent(a: { metric: string; text: string }): string;
    currencyOnCount(a: { metric: string; kind: string; currency: string; value: string }): string;
    currencyNotIso(a: { code: string; suggestion?: string }): string;
    currencyNoFx(a: { code: string; base: string }): string;
    deliveryMetricMismatch(a: { from: string; metric: string; goal: string; goalMetric: string }): string;
    funnelStepNotCount(a: { funnel: string; metric: string; kind: string }): string;
    amountWrongUnit(a: { goal: string; metric: string; kind: string; text: string }): string;

    // ---- SPEC §5 rules -----------------------------------------------------------------------
    /** `parts`: every contribution, largest first after this file's own, when some come from other files (SPEC §8). */
    goalUndercovered(a: { goal: string; source: ContributionSource; planned: Decimal; target: Decimal; unit: UnitText; coverage: Decimal; shortfall: Decimal; parts?: readonly ContributionPart[] }): string;
    goalOvercommitted(a: { goal: string; source: ContributionSource; planned: Decimal; target: Decimal; unit: UnitText; coverage: Decimal; limit: number; excess: Decimal; parts?: readonly ContributionPart[] }): string;
    goalUnplanned(a: { goal: string }): string;
    goalCycle(a: { goal: string; chain: readonly string[] }): string;
    budgetOverrun(a: { allocated: Decimal; channels: Decimal; campaigns: Decimal; total: Decimal; over: Decimal; currency: string }): string;
    cpaExceeded(a: { channel: string; cost: Decimal; budget: Decimal; units: Decimal; metric: string; limit: Decimal; currency: string; unitsNeeded: Decimal; budgetAllowed: Decimal }): string;
    assumptionMismatch(a: { channel: string; volume: Decimal; metric: string; rate: Decimal; derived: Decimal; nextMetric: string; delivered: Decimal; tolerance: number }): string;
    funnelOrder(a: { goal: string; target: Decimal; metric: string; earlierGoal: string; earlierTarget: Decimal; earlierMetric: string; funnel: string }): string;
    dateOutsidePeriod(a: { what: 'deadline' | 'window' | 'review'; name: string; text: string; period: string }): string;
    lateContribution(a: { campaign: string; start: string; goal: string; deadline: string }): string;
    ownerMissing(a: { type: ElementType; name: string; accountable: boolean }): string;
    /** `where`: the playbook (else the file) of a share written in another file (SPEC §8). */
    capacityOverload(a: { person: string; load: Decimal; capacity: Decimal; parts: readonly { workstream: string; share: Decimal; where?: string }[]; over: Decimal }): string;
    kpiWeights(a: { person: string; total: Decimal; parts: readonly Decimal[] }): string;
    kpiWeightsEmpty(a: { person: string }): string;
    ownerNotAssessed(a: { person: string; goal: string; hasAssessment: boolean }): string;
    forecastSpread(a: { forecast: string; goal?: string; min: Decimal; max: Decimal; median: Decimal; spread: number; threshold: number; unit?: UnitText }): string;
    forecastDecisionOutside(a: { forecast: string; decided: Decimal; min: Decimal; max: Decimal; unit?: UnitText }): string;
    goalForecastMismatch(a: { goal: string; target: Decimal; decided: Decimal; forecast: string; unit?: UnitText }): string;
    stageFocus(a: { strategy: string; focus: string; stage: string; suited: readonly string[] }): string;
    metricUnmonitored(a: { metric: string; goals: readonly string[] }): string;
    channelUnattributed(a: { metric: string; channels: readonly string[] }): string;
    noReview(a: { playbook: string }): string;
    mandatoryUnscheduled(a: { campaign: string; missing: readonly ('window' | 'owner')[] }): string;
    invalidConfig(a: { file: string; line: number; column: number; problem: string }): string;
    /** `unused-suppression`: an `// opsbook-ignore` name that is not a rule id (`known: false`), or a rule that did not report on the next line. */
    unusedSuppression(a: { rule: string; known: boolean; suggestion?: string }): string;
    /** `unreadable-file` (CLI): `byte` is the first invalid byte in hex (`FF`), `code` the error code of a failed read. */
    unreadableFile(a: { byte?: string; code?: string }): string;

    // ---- relatedInformation: the lines that add up to a figure ---------------------------------
    relatedDelivery(a: { from: string; amount: Decimal; unit?: UnitText }): string;
    relatedSubGoal(a: { goal: string; amount: Decimal; unit?: UnitText }): string;
    relatedBudget(a: { name: string; amount: Decimal; currency: string }): string;
    relatedResponsibility(a: { person: string; workstream: string; share: Decimal }): string;
    relatedKpi(a: { subject: string; weight: Decimal }): string;
    relatedForecastFigure(a: { who: 'sales' | 'finance' | 'market'; amount: Decimal; unit?: UnitText }): string;
    relatedPartOf(a: { goal: string; parent: string }): string;
    relatedGoal(a: { goal: string }): string;
    relatedMonitor(a: { metric: string }): string;

    // ---- structure (validation/structure-checks.ts) -----------------------------------------
    duplicateProperty(a: { phrase: string; elementType: ElementType; firstLine: number }): string;
    importMissing(a: { path: string }): string;
    importNotOps(a: { path: string }): string;
    importOutsideRoot(a: { path: string; root: string }): string;
    duplicateNameLocal(a: { name: string; type: ElementType; line: number }): string;
    duplicateNameImported(a: { name: string; type: ElementType; file: string }): string;
    duplicateNameTwoImports(a: { name: string; first: string; second: string }): string;
    duplicateAssessment(a: { person: string; line: number }): string;

    // ---- references (validation/opsbook-document-validator.ts) ------------------------------
    unresolvedWrongType(a: { name: string; actualType: ElementType; wantedType: ElementType }): string;
    unresolvedSuggest(a: { name: string; wantedType: ElementType; suggestion: string }): string;
    unresolvedUnknown(a: { name: string; wantedType: ElementType; noneVisible: boolean }): string;

    // ---- syntax (parser/opsbook-parser-errors.ts, parser/opsbook-lexer-errors.ts) ------------
    syntaxNotAProperty(a: { word: string; elementType: ElementType; expected: readonly string[] }): string;
    syntaxExpected(a: { expected: readonly ExpectedToken[]; previous?: string; found: FoundToken; atLeastOne?: boolean }): string;
    syntaxNotAllInput(a: { found: FoundToken }): string;
    lexFullWidth(a: { char: string; replacement: string }): string;
    lexUnterminated(a: Record<string, never>): string;
    lexPercentSpace(a: Record<string, never>): string;
    lexNul(a: Record<string, never>): string;
    lexUnexpected(a: { shown: string }): string;
}

export type MessageKey = keyof MessageCatalogue;

/** A message not yet rendered: its key and arguments. */
export type Message = { [K in MessageKey]: { key: K; args: Parameters<MessageCatalogue[K]>[0] } }[MessageKey];

export function message<K extends MessageKey>(key: K, args: Parameters<MessageCatalogue[K]>[0]): Message {
    return { key, args } as Message;
}

const CATALOGUES: Readonly<Record<Locale, MessageCatalogue>> = { en: EN, 'zh-CN': ZH_CN };

export function catalogueFor(locale: Locale): MessageCatalogue {
    return CATALOGUES[locale] ?? EN;
}

/** The message in `locale` (English when the locale has no catalogue). */
export function render(locale: Locale, msg: Message): string {
    const build = catalogueFor(locale)[msg.key] as (args: unknown) => string;
    return build(msg.args);
}
