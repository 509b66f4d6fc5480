import type { CheckSummary, CliDiagnostic } from './cli-diagnostic.js';
import { escapeJsonControls } from './escape.js';

/** One JSON object, SPEC §7's shape, keys in a fixed order; control and bidi characters as `\uXXXX`. */
export function formatJson(diagnostics: CliDiagnostic[], summary: CheckSummary): string {
    const ordered = diagnostics.map(d => ({
        file: d.file,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        severity: d.severity,
        rule: d.rule,
        message: d.message
    }));
    return (
        escapeJsonControls(
            JSON.stringify(
                {
                    diagnostics: ordered,
                    summary: { files: summary.files, errors: summary.errors, warnings: summary.warnings, infos: summary.infos }
                },
                null,
                2
            )
        ) + '\n'
    );
}
