import { ActualsCsvError, type ActualRow, type PlaybookAnalysis, parseActualsCsv } from 'opsbook-language';
import { CliError } from './cli-error.js';
import { readOpsFile } from './workspace-loader.js';

/**
 * Reads `--actuals FILE.csv` (SPEC §6) and checks it against the playbook with the language package's
 * parser (the language server uses the same one for `actualsCsv`). The first bad row stops everything
 * with one line naming file:line (exit 2): nothing is written.
 */
export function readActuals(file: string, analysis: PlaybookAnalysis): ActualRow[] {
    const text = readOpsFile(file, file);
    try {
        return parseActualsCsv(text, analysis);
    } catch (error) {
        if (error instanceof ActualsCsvError) throw new CliError(`${file}:${error.line}: ${error.problem}`);
        throw error;
    }
}
