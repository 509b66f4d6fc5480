// A diagnostic as a language server publishes it, in the shape of one entry of
// `opsbook check --format json` (SPEC §7). Written independently of the CLI's own conversion
// (packages/cli/src/output/cli-diagnostic.ts) on purpose: the tests that use it compare what the
// server publishes with what the CLI prints, and a shared conversion would hide a mistake in either.
// Plain JavaScript so that both vitest and the e2e scripts run by node can import it.

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'info' };

/**
 * @param {string} file the file as the CLI names it
 * @param {{ range: { start: { line: number, character: number }, end: { line: number, character: number } }, severity?: number, code?: string | number, message: string }} diagnostic
 */
export function publishedAsCli(file, diagnostic) {
    return {
        file,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        severity: SEVERITY[diagnostic.severity ?? 1],
        rule: diagnostic.code,
        message: diagnostic.message
    };
}
