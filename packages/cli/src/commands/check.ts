import type { Command } from 'commander';
import { Option } from 'commander';
import { CliError } from '../cli-error.js';
import { discoverOpsFiles } from '../discovery.js';
import { compareDiagnostics, summarize, toCliDiagnostic, type CliDiagnostic } from '../output/cli-diagnostic.js';
import { formatJson } from '../output/format-json.js';
import { formatGithub } from '../output/format-github.js';
import { formatSarif } from '../output/format-sarif.js';
import { formatText } from '../output/format-text.js';
import { Progress } from '../progress.js';
import { VERSION } from '../version.js';
import { localeOption, parseNonNegativeInteger, type OutputStreams } from '../options.js';
import { configProblemsToError } from '../config-problems.js';
import { loadWorkspace } from '../workspace-loader.js';

export interface CheckOptions {
    format: 'text' | 'json' | 'sarif' | 'github';
    maxWarnings?: number;
    quiet?: boolean;
    locale?: 'en' | 'zh-CN';
}

/** Runs `opsbook check` and returns its exit code: 0 clean, 1 errors (or too many warnings). */
export async function runCheck(paths: string[], options: CheckOptions, io: OutputStreams): Promise<number> {
    const files = discoverOpsFiles(paths);
    if (files.length === 0) {
        throw new CliError(`no .ops files found in ${paths.length > 0 ? paths.join(', ') : 'the current folder'}`);
    }
    const progress = new Progress(io.stderr, io.progress ?? false);
    const workspace = await loadWorkspace(files, {
        overrides: options.locale ? { locale: options.locale } : {},
        onProgress: (done, total) => progress.update('checking', done, total)
    });
    progress.done();
    configProblemsToError(workspace.services, workspace.files.map(f => f.document.uri));
    let diagnostics: CliDiagnostic[] = [];
    for (const file of workspace.files) {
        const own = (file.document.diagnostics ?? []).map(d => toCliDiagnostic(file.shown, d)).sort(compareDiagnostics);
        diagnostics.push(...own);
    }
    const summary = summarize(files.length, diagnostics);
    if (options.quiet) diagnostics = diagnostics.filter(d => d.severity === 'error');
    if (options.format === 'json') {
        io.stdout.write(formatJson(diagnostics, summary));
    } else if (options.format === 'sarif') {
        io.stdout.write(formatSarif(diagnostics, VERSION));
    } else if (options.format === 'github') {
        io.stdout.write(formatGithub(diagnostics, summary));
    } else {
        io.stdout.write(formatText(diagnostics, summary, io.colour));
    }
    if (summary.errors > 0) return 1;
    if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
        if (options.format === 'text' || options.format === 'github') io.stderr.write(`too many warnings: ${summary.warnings} (at most ${options.maxWarnings} allowed by --max-warnings)\n`);
        return 1;
    }
    return 0;
}

export function registerCheck(program: Command, io: OutputStreams, setExit: (code: number) => void): void {
    program
        .command('check')
        .description('check playbooks: syntax, references and whether the numbers add up')
        .argument('[paths...]', 'files or folders to check (default: the current folder)')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif', 'github']).default('text'))
        .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseNonNegativeInteger)
        .option('--quiet', 'report errors only')
        .addOption(localeOption())
        .action(async (paths: string[], options: CheckOptions) => {
            setExit(await runCheck(paths, options, io));
        });
}
