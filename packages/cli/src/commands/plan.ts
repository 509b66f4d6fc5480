import { type Command, Option } from 'commander';
import { type CliText, usecases } from 'opsbook-language';
import { CliError } from '../cli-error.js';
import { withExamples } from '../help.js';
import { loadPlaybook } from '../load-playbook.js';
import { localeOption, type OutputStreams } from '../options.js';
import { classifyDocument, writeOutput } from '../output-target.js';
import { watchLoop } from '../watch.js';
import { STDIN_ARGUMENT } from '../workspace-loader.js';

interface PlanOptions {
    output?: string;
    locale?: 'en' | 'zh-CN';
    force?: boolean;
    watch?: boolean;
    format?: 'markdown' | 'html';
}

/** `opsbook plan FILE`: the execution plan (SPEC §6) as Markdown, or one HTML page (`--format html`). `onRead` gets the files loaded (for --watch). */
export async function runPlan(file: string, options: PlanOptions, io: OutputStreams, onRead?: (files: string[]) => void): Promise<number> {
    const loaded = await loadPlaybook(file, io, options.locale, onRead);
    const text = usecases.renderPlan(loaded, { locale: options.locale, format: options.format });
    writeOutput(text, options, io, classifyDocument('plan'), 'plan');
    return 0;
}

export function registerPlan(program: Command, io: OutputStreams, setExit: (code: number) => void, t: CliText): void {
    const command = program
        .command('plan')
        .description(t.commands.plan.description)
        .argument('<file>', t.options.playbookFile)
        .option('-o, --output <file>', t.options.output)
        .addOption(localeOption(t))
        .addOption(new Option('--format <format>', t.options.planFormat).choices(['markdown', 'html']).default('markdown'))
        .option('--force', t.options.forcePlan)
        .option('--watch', t.options.watch)
        .action(async (file: string, options: PlanOptions) => {
            if (!options.watch) {
                setExit(await runPlan(file, options, io));
                return;
            }
            if (file === STDIN_ARGUMENT) throw new CliError(t.stdinNotWith('--watch'));
            setExit(await watchLoop({
                given: [file],
                io,
                t,
                clear: (io.clearScreen ?? false) && options.output === undefined,
                run: async () => {
                    let read: string[] = [];
                    await runPlan(file, options, io, files => (read = files));
                    return read;
                },
                ...(io.signal ? { signal: io.signal } : {})
            }));
        });
    withExamples(command, t, 'plan');
}
