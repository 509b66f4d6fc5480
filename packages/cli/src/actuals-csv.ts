import { ActualsCsvError, type ActualRow, type PlaybookAnalysis, readActualsCsv, renderMessage } from 'opsbook-language';
import { CliError } from './cli-error.js';
import { messagesLocale } from './cli-locale.js';
import { escapeControls } from './output/escape.js';
import { readOpsFile } from './workspace-loader.js';

/**
 * Reads `--actuals FILE.csv` (SPEC §6) and checks it against the playbook with the language package's
 * parser (the language server uses the same one for `actualsCsv`). The first bad row stops everything
 * with one line naming file:line:column (exit 2): nothing is written. Warnings (a row repeating the
 * date, metric and channel of an earlier one) go to stderr as `file:line:column warning message`, in
 * the style of `opsbook check`, and the review goes on.
 */
export function readActuals(
    file: string,
    analysis: PlaybookAnalysis,
    stderr?: NodeJS.WritableStream,
    locale: 'en' | 'zh-CN' = 'en'
): ActualRow[] {
    const text = readOpsFile(file, file);
    let actuals: ReturnType<typeof readActualsCsv>;
    try {
        actuals = readActualsCsv(text, analysis);
    } catch (error) {
        throw csvError(file, error);
    }
    for (const warning of actuals.warnings) {
        stderr?.write(
            `${escapeControls(file)}:${warning.line}:${warning.column} warning ${escapeControls(renderMessage(locale, warning.message))}\n`
        );
    }
    return actuals.rows;
}

/** A bad row of the actuals CSV as the CLI's one line (`file:line:column: problem`, exit 2), in its language; other errors as they are. */
export function csvError(file: string, error: unknown): unknown {
    if (!(error instanceof ActualsCsvError)) return error;
    const locale = messagesLocale();
    return new CliError(`${file}:${error.line}:${error.column}${locale === 'zh-CN' ? '：' : ': '}${renderMessage(locale, error.detail)}`);
}
