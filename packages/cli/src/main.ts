import 'opsbook-language/polyfill';
import { Command, CommanderError } from 'commander';
import { CliError } from './cli-error.js';
import { startCliLocale, t } from './cli-locale.js';
import { translateUsageError } from './usage-errors.js';
import { localiseHelp } from './help-text.js';
import { registerCommands } from './commands/register.js';
import { escapeControls } from './output/escape.js';
import { colourWanted, type OutputStreams } from './options.js';
import { Progress } from './progress.js';
import { VERSION } from './version.js';

/** Runs the CLI with the given arguments; resolves to the process exit code. Never throws. */
export async function main(argv: string[], io: OutputStreams): Promise<number> {
    let exitCode = 0;
    // SPEC §10: one language for the run's own messages: --locale, opsbook.json, the environment, English.
    startCliLocale(argv, process.cwd(), process.env);
    const program = new Command('opsbook')
        .description('Opsbook: operations playbooks as checked text files')
        .version(VERSION)
        .exitOverride()
        .configureOutput({
            writeOut: text => io.stdout.write(text),
            // Usage errors quote the arguments: escaped line by line like every other output.
            writeErr: text => io.stderr.write(text.split('\n').map(escapeControls).join('\n')),
            // Commander's usage errors, in the CLI's language.
            outputError: (text, write) => write(translateUsageError(text))
        })
        .showSuggestionAfterError(true)
        .option('--color', 'colour the text report even when it is not written to a terminal')
        .option('--no-color', 'never colour the text report (also: NO_COLOR=1)')
        .hook('preAction', command => {
            const colour = command.opts<{ color?: boolean }>().color;
            if (colour !== undefined) io.colour = colour;
        });
    localiseHelp(program);
    registerCommands(program, io, code => {
        exitCode = code;
    });
    try {
        await program.parseAsync(argv, { from: 'user' });
        return exitCode;
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version exit 0; usage errors were already printed by commander.
            return error.exitCode === 0 ? 0 : 2;
        }
        if (error instanceof CliError) {
            // File names in the message: escaped like every report line (output/escape.ts).
            io.stderr.write(`opsbook: ${escapeControls(error.message)}\n`);
            return error.exitCode;
        }
        const message = error instanceof Error ? error.message : String(error);
        io.stderr.write(`opsbook: ${escapeControls(t().internalError(message))}\n`);
        return 2;
    }
}

// Started as a program (the bundle in bin/): run with the process's arguments.
if (process.env.OPSBOOK_CLI_NO_AUTORUN !== '1') {
    const io: OutputStreams = {
        stdout: process.stdout,
        stderr: process.stderr,
        colour: colourWanted(process.env, Boolean(process.stdout.isTTY)),
        progress: Progress.wanted(process.stderr)
    };
    main(process.argv.slice(2), io).then(code => {
        process.exitCode = code;
    });
}
