import { RULE_DEFINITIONS, type RuleId } from '../rules/index.js';
import type { RuleSeverity } from '../rules/rule.js';

export type { RuleId, RuleSeverity };
export type ConfiguredSeverity = RuleSeverity | 'off';

/**
 * Every rule with its default severity, derived from the rule registry (rules/index.ts): SPEC §5 plus
 * those this implementation adds (documented in docs/rules.md as extensions): `unknown-value`,
 * `number-too-large`, `invalid-config`, `unreadable-file` (CLI only) and `unused-suppression`. The rule
 * id is each diagnostic's LSP `code`; `opsbook.json` may change the severity or turn a rule off.
 */
export const RULES: Readonly<Record<RuleId, RuleSeverity>> = Object.fromEntries(
    RULE_DEFINITIONS.map(rule => [rule.id, rule.severity])
) as Record<RuleId, RuleSeverity>;

export const RULE_IDS: RuleId[] = RULE_DEFINITIONS.map(rule => rule.id);

export function isRuleId(value: unknown): value is RuleId {
    return typeof value === 'string' && Object.hasOwn(RULES, value);
}

/** Where each rule is explained (docs/rules.md in the repository); diagnostics link here. */
export const RULES_DOC_URL = 'https://github.com/opsbook/opsbook/blob/main/docs/rules.md';

export function ruleDocumentationUrl(rule: RuleId): string {
    return `${RULES_DOC_URL}#${rule}`;
}
