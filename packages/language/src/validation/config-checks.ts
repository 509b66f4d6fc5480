import * as path from 'pathe';
import { message } from '../i18n/catalogue.js';
import { AnalysisChecks, type RuleContext } from './analysis-check.js';

/**
 * invalid-config: a broken opsbook.json is shown in the editor at 1:1 of every file of its workspace
 * root (the CLI stops with exit 2 and the file:line:col instead). The defaults apply meanwhile.
 */
export class ConfigChecks extends AnalysisChecks {
    protected readonly family = 'config';
    protected override readonly runsWithSyntaxErrors = true;

    protected run(context: RuleContext): void {
        const loaded = this.services.config.ConfigProvider.forUri(context.document.uri);
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        for (const problem of loaded.problems) {
            context.report('invalid-config', message('invalidConfig', { file: path.basename(problem.file), line: problem.line, column: problem.column, problem: problem.message }), {
                node: context.document.parseResult.value, range, data: { file: problem.file, line: problem.line, column: problem.column }
            });
        }
    }
}
