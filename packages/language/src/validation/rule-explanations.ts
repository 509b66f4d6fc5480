import { ruleDefinition } from '../rules/index.js';
import type { RuleId } from './rule-catalog.js';
import type { Locale } from '../values/format.js';

/**
 * What each rule checks and how to satisfy it, shown when hovering a diagnostic and as SARIF rule
 * descriptions: the `docs` of the rule's definition (rules/<rule-id>.ts). The full text with examples is
 * docs/rules.md, linked from the hover.
 */
export function ruleExplanation(rule: RuleId, locale: Locale): string {
    return ruleDefinition(rule).docs[locale === 'zh-CN' ? 'zh-CN' : 'en'];
}
