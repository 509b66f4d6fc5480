// The rule registry: every rule Opsbook reports, one file each (see rule.ts and ARCHITECTURE.md
// "Adding a rule"). The rule catalogue (validation/rule-catalog.ts), both message catalogues, the
// hover explanations and — through `npm run rules:sync` — the rule list of schemas/opsbook.schema.json
// and the index of docs/rules.md come from this list; tests/rules/rule-definitions.test.ts holds them
// to it. The order is the order of SPEC §5 followed by the extensions, as in docs/rules.md.

import type { Locale } from '../values/format.js';
import { assumptionMismatch } from './assumption-mismatch.js';
import { budgetOverrun } from './budget-overrun.js';
import { capacityOverload } from './capacity-overload.js';
import { channelUnattributed } from './channel-unattributed.js';
import { cpaExceeded } from './cpa-exceeded.js';
import { dateOutsidePeriod } from './date-outside-period.js';
import { duplicateName } from './duplicate-name.js';
import { duplicateProperty } from './duplicate-property.js';
import { forecastDecisionOutside } from './forecast-decision-outside.js';
import { forecastSpread } from './forecast-spread.js';
import { funnelOrder } from './funnel-order.js';
import { goalCycle } from './goal-cycle.js';
import { goalForecastMismatch } from './goal-forecast-mismatch.js';
import { goalOvercommitted } from './goal-overcommitted.js';
import { goalUndercovered } from './goal-undercovered.js';
import { goalUnplanned } from './goal-unplanned.js';
import { importUnresolved } from './import-unresolved.js';
import { invalidConfig } from './invalid-config.js';
import { invalidDate } from './invalid-date.js';
import { kpiWeights } from './kpi-weights.js';
import { lateContribution } from './late-contribution.js';
import { mandatoryUnscheduled } from './mandatory-unscheduled.js';
import { milestoneOrder } from './milestone-order.js';
import { metricUnmonitored } from './metric-unmonitored.js';
import { noReview } from './no-review.js';
import { numberTooLarge } from './number-too-large.js';
import { ownerMissing } from './owner-missing.js';
import { ownerNotAssessed } from './owner-not-assessed.js';
import { percentRange } from './percent-range.js';
import { playbookCycle } from './playbook-cycle.js';
import { rangeReversed } from './range-reversed.js';
import { stageFocus } from './stage-focus.js';
import { syntaxError } from './syntax-error.js';
import { unitMismatch } from './unit-mismatch.js';
import { unknownValue } from './unknown-value.js';
import { unreadableFile } from './unreadable-file.js';
import { unresolvedReference } from './unresolved-reference.js';
import { unusedSuppression } from './unused-suppression.js';
import type { RuleDefinition } from './rule.js';

export const RULE_DEFINITIONS = [
    syntaxError,
    duplicateProperty,
    unresolvedReference,
    duplicateName,
    importUnresolved,
    invalidDate,
    rangeReversed,
    percentRange,
    unitMismatch,
    unknownValue,
    numberTooLarge,
    goalUndercovered,
    goalOvercommitted,
    goalUnplanned,
    goalCycle,
    playbookCycle,
    budgetOverrun,
    cpaExceeded,
    assumptionMismatch,
    funnelOrder,
    dateOutsidePeriod,
    lateContribution,
    milestoneOrder,
    ownerMissing,
    capacityOverload,
    kpiWeights,
    ownerNotAssessed,
    forecastSpread,
    forecastDecisionOutside,
    goalForecastMismatch,
    stageFocus,
    metricUnmonitored,
    channelUnattributed,
    noReview,
    mandatoryUnscheduled,
    invalidConfig,
    unreadableFile,
    unusedSuppression
] as const satisfies readonly RuleDefinition[];

export type RuleDefinitionOf = (typeof RULE_DEFINITIONS)[number];
export type RuleId = RuleDefinitionOf['id'];

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Every rule's messages in one type: the rule part of the message catalogue. */
export type RuleMessageCatalogue = UnionToIntersection<RuleDefinitionOf['messages']['en']>;

// `message('budgetOverrun', …)` is typed against the rule files: their messages join the catalogue's shape.
declare module '../i18n/message.js' {
    interface MessageCatalogue extends RuleMessageCatalogue {}
}

/** Every rule's messages in one locale (each message key belongs to one rule; a test checks it). */
export function ruleMessages(locale: Locale): RuleMessageCatalogue {
    return Object.assign({}, ...RULE_DEFINITIONS.map(rule => rule.messages[locale])) as RuleMessageCatalogue;
}

const BY_ID: ReadonlyMap<string, RuleDefinitionOf> = new Map(RULE_DEFINITIONS.map(rule => [rule.id, rule]));

/** The definition of a rule id. */
export function ruleDefinition(id: RuleId): RuleDefinitionOf {
    return BY_ID.get(id) as RuleDefinitionOf;
}
