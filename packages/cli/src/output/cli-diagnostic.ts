import type { Diagnostic } from 'vscode-languageserver-types';

export type SeverityName = 'error' | 'warning' | 'info';

/** A diagnostic as the CLI reports it: 1-based positions, the file as given or found (SPEC §7). */
export interface CliDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: SeverityName;
    rule: string;
    message: string;
}

export interface CheckSummary {
    files: number;
    errors: number;
    warnings: number;
    infos: number;
}

export function toCliDiagnostic(file: string, diagnostic: Diagnostic): CliDiagnostic {
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : 'info',
        rule: String(diagnostic.code ?? 'syntax-error'),
        message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value
    };
}

/** Sorted by file order, then position, then rule: the same input always prints the same lines. */
export function compareDiagnostics(a: CliDiagnostic, b: CliDiagnostic): number {
    return (
        a.line - b.line ||
        a.column - b.column ||
        (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
        (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
    );
}

export function summarize(files: number, diagnostics: CliDiagnostic[]): CheckSummary {
    return {
        files,
        errors: diagnostics.filter(d => d.severity === 'error').length,
        warnings: diagnostics.filter(d => d.severity === 'warning').length,
        infos: diagnostics.filter(d => d.severity === 'info').length
    };
}
