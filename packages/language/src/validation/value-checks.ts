import { AnalysisChecks, type RuleContext } from './analysis-check.js';

/**
 * invalid-date, range-reversed, percent-range, unit-mismatch, unknown-value, number-too-large: the
 * values the analysis could not resolve. Each is resolved (and so reported) exactly once there.
 */
export class ValueChecks extends AnalysisChecks {
    protected readonly family = 'values';
    protected override readonly runsWithSyntaxErrors = true;

    protected run(context: RuleContext): void {
        for (const issue of context.analysis.valueIssues) {
            const options: Parameters<RuleContext['report']>[2] = { node: issue.node };
            if (issue.property !== undefined) options.property = issue.property as never;
            if (issue.index !== undefined) options.index = issue.index;
            if (issue.data) options.data = issue.data;
            context.report(issue.rule, issue.detail, options);
        }
    }
}
