import type { URI } from 'langium';
import { type OpsbookCoreServices, renderMessage } from 'opsbook-language';
import * as path from 'node:path';
import { CliError } from './cli-error.js';
import { followFiles } from './cli-locale.js';

/** A broken opsbook.json stops the CLI with one line naming the file, line and column (exit 2). */
export function configProblemsToError(services: OpsbookCoreServices, uris: URI[]): void {
    for (const uri of uris) {
        const config = services.config.ConfigProvider;
        const problem = config.forUri(uri).problems[0];
        if (problem) {
            // In the language of the file's messages (opsbook.json's own locale, if it could be read).
            const locale = config.messageLocale(uri);
            followFiles(locale);
            const where = `${path.relative(process.cwd(), problem.file) || problem.file}:${problem.line}:${problem.column}`;
            throw new CliError(`${where}${locale === 'zh-CN' ? '：' : ': '}${renderMessage(locale, problem.detail)}`);
        }
    }
}
