// The catalogue of every diagnostic message, in English and Simplified Chinese. A message travels as
// a descriptor `{ key, args }` (args keep exact Decimals), and is rendered for a locale only when it
// is shown, so the analysis can be computed once and read in either language.

import type { Decimal } from '../values/decimal.js';
import type { Locale } from '../values/format.js';
import type { RuleMessageCatalogue } from '../rules/index.js';
import { EN } from './en.js';
import type { Message } from './message.js';
import type { UnitText } from './text.js';
import { ZH_CN } from './zh-cn.js';

export type ElementType = string;

/** Where a goal's planned amount comes from, for "channels deliver …" / "sub-goals add up to …". */
export type ContributionSource = 'channels' | 'campaigns' | 'channels-campaigns' | 'sub-goals' | 'deliveries-sub-goals' | 'none';

/** How a syntax error names what was found. */
export type FoundToken = { kind: 'eof' } | { kind: 'text'; image: string } | { kind: 'token'; image: string };

/** A word the parser expected: a token type (`DATE`, `NUMBER`, `ID`, …) or a keyword (`by`, `}`). */
export type ExpectedToken = { terminal: string } | { keyword: string };

/** The messages that belong to no single rule; each rule's own are in its file (rules/*.ts). */
export interface CoreMessageCatalogue {
    /** A warning about an actuals CSV (`opsbook review --actuals`): this row repeats the date, metric and channel of `line`. */
    actualsDuplicateRow(a: { line: number; date: string; metric: string; channel: string; level: boolean }): string;

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
}

/** Every message: the core ones and those of every rule in the registry. */
export interface MessageCatalogue extends CoreMessageCatalogue, RuleMessageCatalogue {}

export { message, type Message, type MessageKey } from './message.js';

const CATALOGUES: Readonly<Record<Locale, MessageCatalogue>> = { en: EN, 'zh-CN': ZH_CN };

export function catalogueFor(locale: Locale): MessageCatalogue {
    return CATALOGUES[locale] ?? EN;
}

/** The message in `locale` (English when the locale has no catalogue). */
export function render(locale: Locale, msg: Message): string {
    const build = catalogueFor(locale)[msg.key] as (args: unknown) => string;
    return build(msg.args);
}
