import { type CliText, cliText } from 'opsbook-language';
import type { CheckSummary, CliDiagnostic } from './cli-diagnostic.js';
import { escapeControls } from './escape.js';

const COMMAND: Record<CliDiagnostic['severity'], string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Escapes a workflow command's message (GitHub's rules: `%`, CR and LF), after every other control and
 * bidi character was made visible (`\u001b`): the log shows the text, a runner never reads a command
 * in it. CR and LF stay GitHub's `%0D`/`%0A`, so a multi-line message keeps its lines in the annotation.
 */
export function escapeData(text: string): string {
    return escapeControls(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Escapes a workflow command's property value: also `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions workflow commands, one per diagnostic, so that findings show as annotations on the
 * pull request: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=RULE::message`. The summary
 * ends the output as a plain line for the log.
 */
export function formatGithub(diagnostics: readonly CliDiagnostic[], summary: CheckSummary, t: CliText = cliText('en')): string {
    const lines = diagnostics.map(d => {
        const properties = [
            `file=${escapeProperty(d.file.replace(/\\/g, '/'))}`,
            `line=${d.line}`,
            `col=${d.column}`,
            `endLine=${d.endLine}`,
            `endColumn=${d.endColumn}`,
            `title=${escapeProperty(d.rule)}`
        ];
        return `::${COMMAND[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`;
    });
    lines.push(t.tally(summary.files, summary.errors, summary.warnings, summary.infos));
    return `${lines.join('\n')}\n`;
}
