import * as path from 'node:path';
import { message, render } from '../i18n/catalogue.js';
import { AnalysisChecks, type RuleContext } from './analysis-check.js';

/**
 * invalid-config: a broken opsbook.json is shown in the editor at 1:1 of every file of its workspace
 * root (the CLI stops with exit 2 and the file:line:col instead). The defaults apply meanwhile.
 */
export class ConfigChecks extends AnalysisChecks {
    protected readonly family = 'config';
    protected override readonly runsWithSyntaxErrors = true;

    protected run(context: RuleContext): void {
        const config = this.services.config.ConfigProvider;
        const loaded = config.forUri(context.document.uri);
        // The problem in the language of the file's messages, like the diagnostic around it.
        const locale = config.messageLocale(context.document.uri);
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        for (const problem of loaded.problems) {
            context.report('invalid-config', message('invalidConfig', { file: path.basename(problem.file), line: problem.line, column: problem.column, problem: render(locale, problem.detail) }), {
                node: context.document.parseResult.value, range, data: { file: problem.file, line: problem.line, column: problem.column }
            });
        }
    }
}
