import type { Command } from 'commander';
import { Option } from 'commander';
import { diagnosticMessage, renderMessage, RULES } from 'opsbook-language';
import { CliError } from '../cli-error.js';
import { followFiles, t } from '../cli-locale.js';
import { discoverOpsFilesAndProblems } from '../discovery.js';
import { escapeControls } from '../output/escape.js';
import { compareDiagnostics, summarize, toCliDiagnostic, type CliDiagnostic } from '../output/cli-diagnostic.js';
import { formatJson } from '../output/format-json.js';
import { formatGithub } from '../output/format-github.js';
import { formatJunit } from '../output/format-junit.js';
import { formatSarif } from '../output/format-sarif.js';
import { formatText } from '../output/format-text.js';
import { Progress } from '../progress.js';
import { VERSION } from '../version.js';
import { localeOption, parseNonNegativeInteger, type OutputStreams } from '../options.js';
import { configProblemsToError } from '../config-problems.js';
import { loadWorkspace, type LoadedWorkspace, type UnreadableFile } from '../workspace-loader.js';

export interface CheckOptions {
    format: 'text' | 'json' | 'sarif' | 'github' | 'junit';
    maxWarnings?: number;
    quiet?: boolean;
    locale?: 'en' | 'zh-CN';
}

/**
 * Runs `opsbook check` and returns its exit code: 0 clean, 1 errors (or too many warnings), 2 when a
 * path given does not exist — after the report on the files that do. A file that cannot be read or is
 * not UTF-8 is an `unreadable-file` diagnostic; the other files are still checked.
 */
export async function runCheck(paths: string[], options: CheckOptions, io: OutputStreams): Promise<number> {
    const { files, problems } = discoverOpsFilesAndProblems(paths);
    if (files.length === 0) {
        for (const problem of problems.slice(0, -1)) io.stderr.write(`opsbook: ${escapeControls(problem)}\n`);
        throw new CliError(problems.at(-1) ?? t().noOpsFiles(paths));
    }
    const progress = new Progress(io.stderr, io.progress ?? false);
    const workspace = await loadWorkspace(files, {
        overrides: options.locale ? { locale: options.locale } : {},
        onProgress: (done, total) => progress.update('checking', done, total),
        unreadable: 'collect'
    });
    progress.done();
    // The tally and the errors below speak the language of the files' messages (SPEC §10).
    const first = workspace.files[0]?.document.uri ?? workspace.unreadable[0]?.uri;
    if (first) followFiles(workspace.services.config.ConfigProvider.messageLocale(first));
    configProblemsToError(workspace.services, [...workspace.files.map(f => f.document.uri), ...workspace.unreadable.map(f => f.uri)]);
    const byFile = new Map<string, CliDiagnostic[]>();
    for (const file of workspace.files) {
        byFile.set(file.shown, (file.document.diagnostics ?? []).map(d => toCliDiagnostic(file.shown, d)).sort(compareDiagnostics));
    }
    for (const file of workspace.unreadable) {
        const diagnostic = unreadableDiagnostic(workspace, file);
        byFile.set(file.shown, diagnostic ? [diagnostic] : []);
    }
    let diagnostics: CliDiagnostic[] = files.flatMap(file => byFile.get(file) ?? []);
    const summary = summarize(files.length, diagnostics);
    if (options.quiet) diagnostics = diagnostics.filter(d => d.severity === 'error');
    if (options.format === 'json') {
        io.stdout.write(formatJson(diagnostics, summary));
    } else if (options.format === 'sarif') {
        io.stdout.write(formatSarif(diagnostics, VERSION));
    } else if (options.format === 'github') {
        io.stdout.write(formatGithub(diagnostics, summary));
    } else if (options.format === 'junit') {
        io.stdout.write(formatJunit(files, diagnostics));
    } else {
        io.stdout.write(formatText(diagnostics, summary, io.colour));
    }
    if (problems.length > 0) {
        // The report above stays whole (one JSON object); the missing paths follow on stderr, exit 2.
        for (const problem of problems.slice(0, -1)) io.stderr.write(`opsbook: ${escapeControls(problem)}\n`);
        throw new CliError(problems.at(-1)!);
    }
    if (summary.errors > 0) return 1;
    if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
        if (options.format === 'text' || options.format === 'github') io.stderr.write(`${t().tooManyWarnings(summary.warnings, options.maxWarnings)}\n`);
        return 1;
    }
    return 0;
}

/**
 * `unreadable-file` at the first bad byte (one column wide) or, when the file cannot be read at all,
 * at 1:1; severity from opsbook.json (`off`: no diagnostic), message in the file's message locale.
 */
function unreadableDiagnostic(workspace: LoadedWorkspace, file: UnreadableFile): CliDiagnostic | undefined {
    const config = workspace.services.config.ConfigProvider;
    const severity = config.forUri(file.uri).settings.rules['unreadable-file'] ?? RULES['unreadable-file'];
    if (severity === 'off') return undefined;
    const { line, column, byte, code } = file.problem;
    const text = renderMessage(config.messageLocale(file.uri), diagnosticMessage('unreadableFile', byte !== undefined ? { byte } : { code: code ?? 'error' }));
    return { file: file.shown, line, column, endLine: line, endColumn: byte !== undefined ? column + 1 : column, severity, rule: 'unreadable-file', message: text };
}

export function registerCheck(program: Command, io: OutputStreams, setExit: (code: number) => void): void {
    program
        .command('check')
        .description('check playbooks: syntax, references and whether the numbers add up')
        .argument('[paths...]', 'files or folders to check (default: the current folder)')
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif', 'github', 'junit']).default('text'))
        .option('--max-warnings <n>', 'exit 1 when there are more than n warnings', parseNonNegativeInteger)
        .option('--quiet', 'report errors only')
        .addOption(localeOption())
        .action(async (paths: string[], options: CheckOptions) => {
            setExit(await runCheck(paths, options, io));
        });
}
