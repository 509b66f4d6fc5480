import { type CliText, cliText } from 'opsbook-language';
import pc from 'picocolors';
import type { CheckSummary, CliDiagnostic } from './cli-diagnostic.js';
import { escapeControls } from './escape.js';

/**
 * `path:line:col severity rule-id message`, coloured only when writing to a terminal. File names and
 * messages carry user text: control and bidi characters are escaped (`\u001b`), so each diagnostic is
 * one line and nothing reaches the terminal as a command.
 */
export function formatText(diagnostics: CliDiagnostic[], summary: CheckSummary, colour: boolean, t: CliText = cliText('en')): string {
    const c = pc.createColors(colour);
    const lines = diagnostics.map(d => {
        const severity = d.severity === 'error' ? c.red(d.severity) : d.severity === 'warning' ? c.yellow(d.severity) : c.blue(d.severity);
        return `${c.bold(`${escapeControls(d.file)}:${d.line}:${d.column}`)} ${severity} ${c.dim(escapeControls(d.rule))} ${escapeControls(d.message.replace(/\r?\n/g, ' '))}`;
    });
    const tally = t.tally(summary.files, summary.errors, summary.warnings, summary.infos);
    lines.push(summary.errors > 0 ? c.red(tally) : summary.warnings > 0 ? c.yellow(tally) : c.green(tally));
    return lines.join('\n') + '\n';
}
