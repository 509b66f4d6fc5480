import type { URI } from 'langium';
import type { OpsbookCoreServices } from 'opsbook-language';
import * as path from 'node:path';
import { CliError } from './cli-error.js';

/** A broken opsbook.json stops the CLI with one line naming the file, line and column (exit 2). */
export function configProblemsToError(services: OpsbookCoreServices, uris: URI[]): void {
    for (const uri of uris) {
        const loaded = services.config.ConfigProvider.forUri(uri);
        const problem = loaded.problems[0];
        if (problem) {
            throw new CliError(`${path.relative(process.cwd(), problem.file) || problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
        }
    }
}
