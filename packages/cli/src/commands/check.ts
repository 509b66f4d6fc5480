import type { Command } from 'commander';
import { Option } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applySafeFixes, type CliText, cliText, diagnosticMessage, renderMessage, RULES } from 'opsbook-language';
import { CliError } from '../cli-error.js';
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
import { localeOption, nonNegativeInteger, type OutputStreams } from '../options.js';
import { configProblemsToError } from '../config-problems.js';
import { followFiles } from '../cli-locale.js';
import { writeFileSafely } from '../safe-write.js';
import { readStdin } from '../stdin.js';
import { withExamples } from '../help.js';
import { watchLoop } from '../watch.js';
import { loadWorkspace, type LoadedWorkspace, STDIN_ARGUMENT, type UnreadableFile } from '../workspace-loader.js';

/** `--fix` applies the safe fixes of a file, builds again and repeats while overlapping fixes were left (ESLint: 10 passes). */
const FIX_PASSES = 10;

export interface CheckOptions {
    format: 'text' | 'json' | 'sarif' | 'github' | 'junit';
    maxWarnings?: number;
    quiet?: boolean;
    locale?: 'en' | 'zh-CN';
    watch?: boolean;
    fix?: boolean;
}

/** What a run read, for `--watch`: every file loaded (imports included), as absolute paths. */
export type OnRead = (files: string[]) => void;

/**
 * Runs `opsbook check` and returns its exit code: 0 clean, 1 errors (or too many warnings), 2 when a
 * path given does not exist — after the report on the files that do. A file that cannot be read or is
 * not UTF-8 is an `unreadable-file` diagnostic; the other files are still checked.
 */
export async function runCheck(
    paths: string[],
    options: CheckOptions,
    io: OutputStreams,
    t: CliText = cliText('en'),
    onRead?: OnRead
): Promise<number> {
    const fromStdin = paths.includes(STDIN_ARGUMENT);
    if (fromStdin && paths.length > 1) throw new CliError(t.stdinAlone);
    const { files, problems } = fromStdin ? { files: [STDIN_ARGUMENT], problems: [] as string[] } : discoverOpsFilesAndProblems(paths);
    if (files.length === 0) {
        for (const problem of problems.slice(0, -1)) io.stderr.write(`opsbook: ${escapeControls(problem)}\n`);
        throw new CliError(problems.at(-1) ?? t.noOpsFiles(paths));
    }
    const load = async () => {
        const progress = new Progress(io.stderr, io.progress ?? false);
        const loaded = await loadWorkspace(files, {
            overrides: options.locale ? { locale: options.locale } : {},
            onProgress: (done, total) => progress.update(t.checking, done, total),
            unreadable: 'collect',
            ...(fromStdin ? { stdin: await readStdin(io.stdin ?? process.stdin) } : {})
        });
        progress.done();
        return loaded;
    };
    let workspace = await load();
    // SPEC §10: without --locale, the tally speaks the language of the files' messages (their opsbook.json).
    const first = workspace.files[0]?.document.uri ?? workspace.unreadable[0]?.uri;
    if (first && !options.locale) {
        const locale = workspace.services.config.ConfigProvider.messageLocale(first);
        followFiles(locale);
        t = cliText(locale);
        io.text = t;
    }
    if (options.fix) workspace = await fixSafely(workspace, load, io, t);
    onRead?.(workspace.shared.workspace.LangiumDocuments.all.map(document => document.uri.fsPath).toArray());
    const shownFiles = files.map(file =>
        file === STDIN_ARGUMENT ? (workspace.files[0]?.shown ?? workspace.unreadable[0]?.shown ?? file) : file
    );
    configProblemsToError(workspace.services, [...workspace.files.map(f => f.document.uri), ...workspace.unreadable.map(f => f.uri)]);
    const byFile = new Map<string, CliDiagnostic[]>();
    for (const file of workspace.files) {
        byFile.set(file.shown, (file.document.diagnostics ?? []).map(d => toCliDiagnostic(file.shown, d)).sort(compareDiagnostics));
    }
    for (const file of workspace.unreadable) {
        const diagnostic = unreadableDiagnostic(workspace, file);
        byFile.set(file.shown, diagnostic ? [diagnostic] : []);
    }
    let diagnostics: CliDiagnostic[] = shownFiles.flatMap(file => byFile.get(file) ?? []);
    const summary = summarize(files.length, diagnostics);
    if (options.quiet) diagnostics = diagnostics.filter(d => d.severity === 'error');
    if (options.format === 'json') {
        io.stdout.write(formatJson(diagnostics, summary));
    } else if (options.format === 'sarif') {
        io.stdout.write(formatSarif(diagnostics, VERSION));
    } else if (options.format === 'github') {
        io.stdout.write(formatGithub(diagnostics, summary, t));
    } else if (options.format === 'junit') {
        io.stdout.write(formatJunit(shownFiles, diagnostics));
    } else {
        io.stdout.write(formatText(diagnostics, summary, io.colour, t));
    }
    if (problems.length > 0) {
        // The report above stays whole (one JSON object); the missing paths follow on stderr, exit 2.
        for (const problem of problems.slice(0, -1)) io.stderr.write(`opsbook: ${escapeControls(problem)}\n`);
        throw new CliError(problems.at(-1)!);
    }
    if (summary.errors > 0) return 1;
    if (options.maxWarnings !== undefined && summary.warnings > options.maxWarnings) {
        if (options.format === 'text' || options.format === 'github')
            io.stderr.write(`${t.tooManyWarnings(summary.warnings, options.maxWarnings)}\n`);
        return 1;
    }
    return 0;
}

/**
 * `--fix`: the safe quick fixes of each file given or found (never of a file only imported), written
 * whole or not at all (a BOM is kept); then everything is built again, until no fix is left or after
 * FIX_PASSES passes. Each fixed file is named on stderr with the number of problems fixed; the report
 * that follows is on the fixed files.
 */
async function fixSafely(
    workspace: LoadedWorkspace,
    load: () => Promise<LoadedWorkspace>,
    io: OutputStreams,
    t: CliText
): Promise<LoadedWorkspace> {
    const fixedPerFile = new Map<string, number>();
    for (let pass = 0; pass < FIX_PASSES; pass++) {
        let more = false;
        let wrote = false;
        for (const file of workspace.files) {
            const result = applySafeFixes(workspace.services, file.document);
            if (result.fixed === 0) continue;
            const absolute = file.document.uri.fsPath;
            const bom = fs
                .readFileSync(absolute)
                .subarray(0, 3)
                .equals(Buffer.from([0xef, 0xbb, 0xbf]))
                ? '\uFEFF'
                : '';
            writeFileSafely(path.relative(process.cwd(), absolute) || absolute, bom + result.text);
            fixedPerFile.set(file.shown, (fixedPerFile.get(file.shown) ?? 0) + result.fixed);
            wrote = true;
            more ||= result.more;
        }
        if (!wrote) break;
        workspace = await load();
        if (!more) break;
    }
    for (const [file, fixed] of fixedPerFile) io.stderr.write(`${t.fixed(fixed, escapeControls(file))}\n`);
    return workspace;
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
    const text = renderMessage(
        config.messageLocale(file.uri),
        diagnosticMessage('unreadableFile', byte !== undefined ? { byte } : { code: code ?? 'error' })
    );
    return {
        file: file.shown,
        line,
        column,
        endLine: line,
        endColumn: byte !== undefined ? column + 1 : column,
        severity,
        rule: 'unreadable-file',
        message: text
    };
}

export function registerCheck(program: Command, io: OutputStreams, setExit: (code: number) => void, t: CliText): void {
    const command = program
        .command('check')
        .description(t.commands.check.description)
        .argument('[paths...]', t.options.checkPaths)
        .addOption(new Option('--format <format>', t.options.format).choices(['text', 'json', 'sarif', 'github', 'junit']).default('text'))
        .option('--max-warnings <n>', t.options.maxWarnings, nonNegativeInteger(t))
        .option('--quiet', t.options.quiet)
        .option('--fix', t.options.fix)
        .option('--watch', t.options.watch)
        .addOption(localeOption(t))
        .action(async (paths: string[], options: CheckOptions) => {
            if (paths.includes(STDIN_ARGUMENT) && (options.watch || options.fix))
                throw new CliError(t.stdinNotWith(options.watch ? '--watch' : '--fix'));
            if (!options.watch) {
                setExit(await runCheck(paths, options, io, t));
                return;
            }
            let read: string[] = [];
            setExit(
                await watchLoop({
                    given: paths,
                    io,
                    t,
                    clear: io.clearScreen ?? false,
                    run: async () => {
                        read = [];
                        await runCheck(paths, options, io, t, files => (read = files));
                        return read;
                    },
                    ...(io.signal ? { signal: io.signal } : {})
                })
            );
        });
    withExamples(command, t, 'check');
}
