import * as path from 'node:path';
import type { Command } from 'commander';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookCoreServices, diagnosticMessage, formatText, renderMessage } from 'opsbook-language';
import { CliError } from '../cli-error.js';
import { cliLocale, t } from '../cli-locale.js';
import { discoverOpsFiles } from '../discovery.js';
import { escapeControls } from '../output/escape.js';
import type { OutputStreams } from '../options.js';
import { writeFileSafely } from '../safe-write.js';
import { tryReadOpsFile } from '../workspace-loader.js';

interface FmtOptions {
    check?: boolean;
}

/**
 * `opsbook fmt [PATHS…] [--check]` (SPEC §7): rewrites each file in its canonical layout and names
 * the files it changed; with --check changes nothing, names the files that would change and exits 1
 * if any. A file that does not parse, cannot be read or is not UTF-8 is left untouched, with its first
 * syntax error or its `unreadable-file` line, and the others are formatted (exit 1).
 */
export async function runFmt(paths: string[], options: FmtOptions, io: OutputStreams): Promise<number> {
    const files = discoverOpsFiles(paths);
    if (files.length === 0) throw new CliError(t().noOpsFiles(paths));
    const { Opsbook } = createOpsbookCoreServices({ ...NodeFileSystem });
    let failed = false;
    let changed = 0;
    for (const file of files) {
        const absolute = path.resolve(file);
        const read = tryReadOpsFile(absolute);
        if ('problem' in read) {
            // Like a syntax error: this file is left alone, the others are still formatted (exit 1).
            const { line, column, byte, code } = read.problem;
            const text = renderMessage(cliLocale(), diagnosticMessage('unreadableFile', byte !== undefined ? { byte } : { code: code ?? 'error' }));
            io.stderr.write(`${escapeControls(file)}:${line}:${column} error unreadable-file ${text} ${t().leftUnchanged}\n`);
            failed = true;
            continue;
        }
        const text = read.text;
        const result = await formatText(Opsbook, text, URI.file(absolute).toString());
        if (!result.ok) {
            const { line, column, message } = result.problem;
            io.stderr.write(`${escapeControls(file)}:${line}:${column} error syntax-error ${escapeControls(message.replace(/\r?\n/g, ' '))} ${t().leftUnchanged}\n`);
            failed = true;
            continue;
        }
        if (!result.changed) continue;
        changed++;
        if (!options.check) writeFileSafely(file, result.text);
        io.stdout.write(`${escapeControls(file)}\n`);
    }
    if (options.check && changed > 0) {
        io.stderr.write(`${t().notFormatted(changed)}\n`);
    }
    return failed || (options.check && changed > 0) ? 1 : 0;
}

export function registerFmt(program: Command, io: OutputStreams, setExit: (code: number) => void): void {
    program
        .command('fmt')
        .description('format playbooks in their canonical layout (in place)')
        .argument('[paths...]', 'files or folders to format (default: the current folder)')
        .option('--check', 'change nothing; list the files that would change and exit 1 if any')
        .action(async (paths: string[], options: FmtOptions) => {
            setExit(await runFmt(paths, options, io));
        });
}
