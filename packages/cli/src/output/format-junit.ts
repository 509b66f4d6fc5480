import type { CliDiagnostic } from './cli-diagnostic.js';
import { escapeControls } from './escape.js';

/** XML text and attribute values: the five entities; controls and bidi characters as inert `\uXXXX` first. */
function xml(text: string): string {
    return escapeControls(text).replace(/[&<>"']/g, char => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[char]};`);
}

const SEVERITY_WORD = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

/**
 * JUnit XML for `opsbook check --format junit` (GitLab's `artifacts:reports:junit`, Jenkins' JUnit
 * plugin), in the shape of ESLint's junit formatter: one `<testsuite>` per file checked, one
 * `<testcase>` per diagnostic named `opsbook.RULE` (a clean file: one passing test case named after
 * it). An error is a `<failure>`; a warning or info is a passing test case with its text in
 * `<system-out>`, so the report fails exactly when `opsbook check` exits 1 for errors.
 */
export function formatJunit(files: readonly string[], diagnostics: readonly CliDiagnostic[]): string {
    const byFile = new Map<string, CliDiagnostic[]>(files.map(file => [file, []]));
    for (const d of diagnostics) byFile.get(d.file)?.push(d) ?? byFile.set(d.file, [d]);
    const suites: string[] = [];
    let tests = 0;
    let failures = 0;
    for (const [file, found] of byFile) {
        const name = xml(file);
        const cases = found.map(d => {
            const text = xml(`${d.file}:${d.line}:${d.column} ${SEVERITY_WORD[d.severity]} - ${d.message} (${d.rule})`);
            const open = `<testcase time="0" name="opsbook.${xml(d.rule)}" classname="${name}">`;
            if (d.severity === 'error') return `${open}<failure type="error" message="${xml(d.message)}">${text}</failure></testcase>`;
            return `${open}<system-out>${text}</system-out></testcase>`;
        });
        if (cases.length === 0) cases.push(`<testcase time="0" name="${name}" classname="${name}" />`);
        const suiteFailures = found.filter(d => d.severity === 'error').length;
        tests += cases.length;
        failures += suiteFailures;
        suites.push(
            `<testsuite package="opsbook" time="0" tests="${cases.length}" failures="${suiteFailures}" errors="0" name="${name}">\n${cases.map(c => `  ${c}`).join('\n')}\n</testsuite>`
        );
    }
    return `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="opsbook" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
