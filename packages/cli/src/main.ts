import 'opsbook-language/polyfill';
import { startupSnapshot } from 'node:v8';
import { CommanderError } from 'commander';
import { cliText } from 'opsbook-language';
import { cliLocale, startMessages } from './cli-locale.js';
import { OpsbookCommand } from './commander-locale.js';
import { useWords } from './words.js';
import { CliError } from './cli-error.js';
import { registerCommands } from './commands/register.js';
import { escapeControls } from './output/escape.js';
import { colourWanted, type OutputStreams } from './options.js';
import { Progress } from './progress.js';
import { VERSION } from './version.js';
import { buildingSnapshot } from './startup-snapshot.js';

/** Runs the CLI with the given arguments; resolves to the process exit code. Never throws. */
export async function main(argv: string[], io: OutputStreams): Promise<number> {
    let exitCode = 0;
    const locale = cliLocale(argv, process.cwd());
    startMessages(argv, locale);
    const t = cliText(locale);
    io.text ??= t;
    useWords(t);
    const program = new OpsbookCommand('opsbook', t)
        .description(t.programDescription)
        .version(VERSION, '-V, --version', t.options.version)
        .helpOption('-h, --help', t.options.help)
        .helpCommand('help [command]', t.options.helpCommand)
        .exitOverride()
        .configureOutput({
            writeOut: text => io.stdout.write(text),
            // Usage errors quote the arguments: escaped line by line like every other output.
            // Commander's usage errors are in the CLI's language already (commander-locale.ts).
            writeErr: text => io.stderr.write(text.split('\n').map(escapeControls).join('\n'))
        })
        .showSuggestionAfterError(true)
        .option('--color', t.options.color)
        .option('--no-color', t.options.noColor)
        .hook('preAction', command => {
            const colour = command.opts<{ color?: boolean }>().color;
            if (colour !== undefined) io.colour = colour;
        });
    registerCommands(
        program,
        io,
        code => {
            exitCode = code;
        },
        t
    );
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
        io.stderr.write(`opsbook: ${t.internalError(escapeControls(message))}\n`);
        return 2;
    }
}

/** Runs the CLI as a program: the process's arguments, streams and environment. */
function runProgram(): void {
    // `opsbook --help | head`: the reader left; stop quietly as other command-line tools do, no stack trace.
    for (const stream of [process.stdout, process.stderr]) {
        stream.on('error', (error: NodeJS.ErrnoException) => {
            if (error.code !== 'EPIPE') throw error;
            process.exit(process.exitCode ?? 0);
        });
    }
    const io: OutputStreams = {
        stdout: process.stdout,
        stderr: process.stderr,
        colour: colourWanted(process.env, Boolean(process.stdout.isTTY)),
        progress: Progress.wanted(process.stderr),
        clearScreen: Boolean(process.stdout.isTTY)
    };
    main(process.argv.slice(2), io).then(code => {
        process.exitCode = code;
    });
}

if (startupSnapshot.isBuildingSnapshot()) {
    // Building the V8 startup snapshot (packages/cli/bin/snapshot.cjs, ARCHITECTURE.md "Start-up"): the
    // snapshot holds the initialised bundle and a service set with its lexer and parser built; the bin
    // (packages/cli/bin/opsbook.cjs), started from it by bin/opsbook.sh, finds `runProgram` here. Nothing
    // of the process (arguments, environment, streams, working folder) is read before that.
    void buildingSnapshot(main, runProgram);
} else if (process.env.OPSBOOK_CLI_NO_AUTORUN !== '1') {
    // Started as a program (the bundle in bin/): run with the process's arguments.
    runProgram();
}
