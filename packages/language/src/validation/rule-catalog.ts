/**
 * Every rule of SPEC §5 with its default severity, plus those this implementation adds (documented in
 * docs/rules.md as extensions): `unknown-value`, `number-too-large`, `invalid-config`, `unreadable-file` (CLI only)
 * and `unused-suppression`; `playbook-cycle` is SPEC §8's. The rule id is each diagnostic's LSP `code`;
 * `opsbook.json` may change the severity or turn a rule off.
 */
export const RULES = {
    'syntax-error': 'error',
    'duplicate-property': 'error',
    'unresolved-reference': 'error',
    'duplicate-name': 'error',
    'import-unresolved': 'error',
    'invalid-date': 'error',
    'range-reversed': 'error',
    'percent-range': 'error',
    'unit-mismatch': 'error',
    'unknown-value': 'error',
    'number-too-large': 'error',
    'goal-undercovered': 'error',
    'goal-overcommitted': 'warning',
    'goal-unplanned': 'warning',
    'goal-cycle': 'error',
    'playbook-cycle': 'error',
    'budget-overrun': 'error',
    'cpa-exceeded': 'warning',
    'assumption-mismatch': 'warning',
    'funnel-order': 'warning',
    'date-outside-period': 'warning',
    'late-contribution': 'warning',
    'owner-missing': 'error',
    'capacity-overload': 'error',
    'kpi-weights': 'error',
    'owner-not-assessed': 'warning',
    'forecast-spread': 'warning',
    'forecast-decision-outside': 'warning',
    'goal-forecast-mismatch': 'warning',
    'stage-focus': 'warning',
    'metric-unmonitored': 'warning',
    'channel-unattributed': 'warning',
    'no-review': 'warning',
    'mandatory-unscheduled': 'error',
    'invalid-config': 'error',
    'unreadable-file': 'error',
    'unused-suppression': 'warning'
} as const satisfies Record<string, RuleSeverity>;

export type RuleId = keyof typeof RULES;
export type RuleSeverity = 'error' | 'warning' | 'info';
export type ConfiguredSeverity = RuleSeverity | 'off';

export const RULE_IDS = Object.keys(RULES) as RuleId[];

export function isRuleId(value: unknown): value is RuleId {
    return typeof value === 'string' && Object.hasOwn(RULES, value);
}

/** Where each rule is explained (docs/rules.md in the repository); diagnostics link here. */
export const RULES_DOC_URL = 'https://github.com/opsbook/opsbook/blob/main/docs/rules.md';

export function ruleDocumentationUrl(rule: RuleId): string {
    return `${RULES_DOC_URL}#${rule}`;
}
