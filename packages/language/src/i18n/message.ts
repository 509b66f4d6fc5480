// The shape of every diagnostic message, and a message not yet rendered: its key and arguments. A leaf
// module (types only besides `message`), so the analysis and the rule files (rules/*.ts) build messages
// without importing the catalogues that render them (catalogue.ts).

import type { Decimal } from '../values/decimal.js';
import type { DateRange } from '../values/period.js';
import type { UnitText } from './text.js';

export type ElementType = string;

/** Where a goal's planned amount comes from, for "channels deliver …" / "sub-goals add up to …". */
export type ContributionSource = 'channels' | 'campaigns' | 'channels-campaigns' | 'sub-goals' | 'deliveries-sub-goals' | 'none';

/** One contribution to a goal as a message lists it; `file` when it is written in another file (SPEC §8). */
export interface ContributionPart {
    name: string;
    amount: Decimal;
    file?: string;
}

/** What goal-undercovered and goal-overcommitted say of a goal (the analysis's figures: coverage.ts). */
export interface CoverageMessageFigures {
    goal: string;
    source: ContributionSource;
    planned: Decimal;
    target: Decimal;
    unit: UnitText;
    /** planned ÷ target (`GoalFigures.coverage`). */
    coverage: number;
    parts?: readonly ContributionPart[];
}

/** How a syntax error names what was found. */
export type FoundToken = { kind: 'eof' } | { kind: 'text'; image: string } | { kind: 'token'; image: string };

/** A word the parser expected: a token type (`DATE`, `NUMBER`, `ID`, …) or a keyword (`by`, `}`). */
export type ExpectedToken = { terminal: string } | { keyword: string };

/** What is wrong with an actuals CSV (`opsbook review --actuals`), without the file name. */
export type ActualsProblem =
    | { kind: 'empty' }
    | { kind: 'field-count'; fields?: number }
    | { kind: 'quote-not-closed' }
    | { kind: 'quote-inside' }
    | { kind: 'not-csv'; detail: string }
    | { kind: 'no-column'; column: string }
    | { kind: 'extra-column'; column: string }
    | { kind: 'date'; text: string; reason: string }
    | { kind: 'unknown-metric'; metric: string; expected: readonly string[] }
    | { kind: 'unknown-channel'; channel: string; expected: readonly string[] }
    | { kind: 'channel-elsewhere'; channel: string; playbook: string; where: readonly string[] }
    | { kind: 'channel-ambiguous'; channel: string; playbooks: readonly string[] }
    | { kind: 'unknown-playbook'; playbook: string; expected: readonly string[] }
    | { kind: 'not-a-number'; written: string }
    | { kind: 'too-large'; shown: string };

/** What is wrong with opsbook.json (SPEC §7), without the file name. */
export type ConfigProblemDetail =
    | { kind: 'empty' }
    | { kind: 'trailing-comma'; next: string }
    | { kind: 'json'; code: number; detail: string }
    | { kind: 'unknown-setting'; name: string; suggestion?: string; expected: readonly string[] }
    | { kind: 'not-object' }
    | { kind: 'unknown-rule'; rule: string; suggestion?: string }
    | { kind: 'rules-not-object' }
    | { kind: 'severity'; rule: string }
    | { kind: 'unknown-threshold'; name: string; suggestion?: string; expected: readonly string[] }
    | { kind: 'thresholds-not-object' }
    | { kind: 'overcommit-ratio' }
    | { kind: 'share-threshold'; name: string }
    | { kind: 'threshold-negative'; name: string }
    | { kind: 'at-risk-above-on-track'; atRisk: number; onTrack: number }
    | { kind: 'locale' }
    | { kind: 'ignore-not-list' }
    | { kind: 'ignore-pattern' }
    | { kind: 'schema-ref' }
    | { kind: 'other'; pointer: string; detail: string };

/**
 * Every message, by key. Here: the messages that belong to no single rule. Each rule's own are in its
 * file (rules/*.ts); rules/index.ts adds them to this interface (a module augmentation), so this file
 * imports no rule and a rule file may import it.
 */
export interface MessageCatalogue {
    /** A warning about an actuals CSV (`opsbook review --actuals`): this row repeats the date, metric and channel of `line`. */
    actualsDuplicateRow(a: { line: number; date: string; metric: string; channel: string; level: boolean }): string;
    /** The first problem of an actuals CSV, which stops the review. */
    actualsProblem(a: ActualsProblem): string;
    /** A problem of opsbook.json. */
    configProblem(a: ConfigProblemDetail): string;
    /** SPEC §9: `opsbook review --on/--period` (or the editor's review request) outside the playbook period; `option` as the caller names it. */
    reviewOutsidePeriod(a: { option: string; label: string; period: DateRange }): string;
    /** SPEC §9: `--previous FILE` names a file without a decisions table. */
    previousReviewNoDecisions(a: { file: string }): string;

    // ---- relatedInformation: the lines that add up to a figure ---------------------------------
    relatedDelivery(a: { from: string; amount: Decimal; unit?: UnitText }): string;
    relatedSubGoal(a: { goal: string; amount: Decimal; unit?: UnitText }): string;
    relatedBudget(a: { name: string; amount: Decimal; currency: string }): string;
    relatedResponsibility(a: { person: string; workstream: string; share: Decimal }): string;
    relatedKpi(a: { subject: string; weight: Decimal }): string;
    relatedForecastFigure(a: { who: 'sales' | 'finance' | 'market'; amount: Decimal; unit?: UnitText }): string;
    relatedPartOf(a: { goal: string; parent: string }): string;
    relatedParentPeriod(a: { parent: string; period: DateRange }): string;
    relatedGoal(a: { goal: string }): string;
    relatedMonitor(a: { metric: string }): string;
}

export type MessageKey = keyof MessageCatalogue;

/** A message not yet rendered: its key and arguments. */
export type Message = { [K in MessageKey]: { key: K; args: Parameters<MessageCatalogue[K]>[0] } }[MessageKey];

export function message<K extends MessageKey>(key: K, args: Parameters<MessageCatalogue[K]>[0]): Message {
    return { key, args } as Message;
}
