import * as path from 'node:path';
import type { Command } from 'commander';
import { createTwoFilesPatch } from 'diff';
import { URI } from 'langium';
import { OpsbookNodeFileSystem } from 'opsbook-language/node';
import { type CliText, cliText, createOpsbookCoreServices, diagnosticMessage, formatText, renderMessage } from 'opsbook-language';
import { CliError } from '../cli-error.js';
import { discoverOpsFiles } from '../discovery.js';
import { withExamples } from '../help.js';
import { escapeControls, escapeDiffLine } from '../output/escape.js';
import type { OutputStreams } from '../options.js';
import { writeFileSafely } from '../safe-write.js';
import { readStdin } from '../stdin.js';
import { STDIN_ARGUMENT, STDIN_SHOWN, tryReadOpsFile, type UnreadableProblem } from '../workspace-loader.js';

interface FmtOptions {
    check?: boolean;
    diff?: boolean;
}

/**
 * `opsbook fmt [PATHS…] [--check | --diff]` (SPEC §7): rewrites each file in its canonical layout and
 * names the files it changed; with --check changes nothing, names the files that would change and
 * exits 1 if any; with --diff changes nothing, prints a unified diff of each file that would change
 * (`--- a/FILE`, `+++ b/FILE`, as git does: `patch -p1` or `git apply` applies it) and exits 1 if any.
 * A file that does not parse, cannot be read or is not UTF-8 is left untouched, with its first syntax
 * error or its `unreadable-file` line, and the others are formatted (exit 1). `-` formats standard
 * input to standard output (with --check or --diff: as for a file, named `<stdin>`).
 */
export async function runFmt(paths: string[], options: FmtOptions, io: OutputStreams, t: CliText = cliText('en')): Promise<number> {
    const fromStdin = paths.includes(STDIN_ARGUMENT);
    if (fromStdin && paths.length > 1) throw new CliError(t.stdinAlone);
    const files = fromStdin ? [STDIN_ARGUMENT] : discoverOpsFiles(paths);
    if (files.length === 0) throw new CliError(t.noOpsFiles(paths));
    const { Opsbook } = createOpsbookCoreServices({ ...OpsbookNodeFileSystem });
    const dryRun = options.check || options.diff;
    let failed = false;
    let changed = 0;
    for (const given of files) {
        const file = given === STDIN_ARGUMENT ? STDIN_SHOWN : given;
        const absolute = path.resolve(given === STDIN_ARGUMENT ? `${STDIN_SHOWN}.ops` : file);
        const read = given === STDIN_ARGUMENT ? await readStdin(io.stdin ?? process.stdin) : tryReadOpsFile(absolute);
        if ('problem' in read) {
            // Like a syntax error: this file is left alone, the others are still formatted (exit 1).
            io.stderr.write(`${escapeControls(file)}:${unreadableLine(read.problem)} ${t.fileLeftUnchanged}\n`);
            failed = true;
            continue;
        }
        const text = read.text;
        const result = await formatText(Opsbook, text, URI.file(absolute).toString());
        if (!result.ok) {
            const { line, column, message } = result.problem;
            io.stderr.write(
                `${escapeControls(file)}:${line}:${column} error syntax-error ${escapeControls(message.replace(/\r?\n/g, ' '))} ${t.fileLeftUnchanged}\n`
            );
            failed = true;
            continue;
        }
        if (given === STDIN_ARGUMENT && !dryRun) {
            io.stdout.write(result.text);
            continue;
        }
        if (!result.changed) continue;
        changed++;
        if (options.diff) {
            io.stdout.write(unifiedDiff(file, text, result.text));
            continue;
        }
        if (!options.check) writeFileSafely(file, result.text);
        io.stdout.write(`${escapeControls(file)}\n`);
    }
    if (dryRun && changed > 0) io.stderr.write(`${t.notFormatted(changed)}\n`);
    return failed || (dryRun && changed > 0) ? 1 : 0;
}

function unreadableLine(problem: UnreadableProblem): string {
    const { line, column, byte, code } = problem;
    const text = renderMessage('en', diagnosticMessage('unreadableFile', byte !== undefined ? { byte } : { code: code ?? 'error' }));
    return `${line}:${column} error unreadable-file ${text}`;
}

/** A unified diff with 3 lines of context, file names as git writes them; user text made inert line by line. */
export function unifiedDiff(file: string, before: string, after: string): string {
    const name = file.split(path.sep).join('/');
    const patch = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, { context: 3 });
    const lines = patch.split('\n');
    if (lines[0]?.startsWith('====')) lines.shift();
    return lines.map(escapeDiffLine).join('\n');
}

export function registerFmt(program: Command, io: OutputStreams, setExit: (code: number) => void, t: CliText): void {
    const command = program
        .command('fmt')
        .description(t.commands.fmt.description)
        .argument('[paths...]', t.options.fmtPaths)
        .option('--check', t.options.fmtCheck)
        .option('--diff', t.options.diff)
        .action(async (paths: string[], options: FmtOptions) => {
            setExit(await runFmt(paths, options, io, t));
        });
    withExamples(command, t, 'fmt');
}
