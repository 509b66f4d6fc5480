import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import type { ReportOptions } from '../rules/rule.js';
import { RULES, ruleDocumentationUrl, type RuleId } from './rule-catalog.js';

export type { ReportOptions };

/**
 * Reports a rule with its default severity; the document validator then applies `opsbook.json`
 * overrides and `// opsbook-ignore` comments in one place.
 */
export function report<N extends AstNode>(accept: ValidationAcceptor, rule: RuleId, message: string, options: ReportOptions<N>): void {
    const info: DiagnosticInfo<N> = {
        node: options.node,
        code: rule,
        codeDescription: { href: ruleDocumentationUrl(rule) },
        data: { code: rule, ...options.data }
    };
    if (options.property !== undefined) info.property = options.property;
    if (options.index !== undefined) info.index = options.index;
    if (options.range !== undefined) info.range = options.range;
    if (options.related !== undefined && options.related.length > 0) info.relatedInformation = options.related;
    accept(RULES[rule], message, info);
}
