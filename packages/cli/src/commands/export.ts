import type { Command } from 'commander';
import { Option } from 'commander';
import { type CliText, generate, usecases } from 'opsbook-language';
import { withExamples } from '../help.js';
import { loadPlaybook } from '../load-playbook.js';
import type { OutputStreams } from '../options.js';
import { writeOutput } from '../output-target.js';
import type { ExistingState } from '../safe-write.js';

interface ExportOptions {
    format: 'json' | 'csv';
    output?: string;
    force?: boolean;
}

/** An earlier export may be replaced; anything else needs --force (exports carry no fingerprint). */
function classifyExport(format: 'json' | 'csv'): (existing: string) => ExistingState {
    return existing => {
        if (format === 'csv') return existing.startsWith(`${generate.CSV_COLUMNS.join(',')}\r\n`) ? 'generated' : 'foreign';
        try {
            const parsed = JSON.parse(existing) as { format?: unknown };
            return parsed?.format === generate.EXPORT_FORMAT ? 'generated' : 'foreign';
        } catch {
            return 'foreign';
        }
    };
}

/** `opsbook export FILE --format json|csv`: the resolved model with its computed figures. */
export async function runExport(file: string, options: ExportOptions, io: OutputStreams): Promise<number> {
    const loaded = await loadPlaybook(file, io, undefined);
    const text = usecases.renderExport(loaded, options.format);
    writeOutput(text, options, io, classifyExport(options.format), 'export');
    return 0;
}

export function registerExport(program: Command, io: OutputStreams, setExit: (code: number) => void, t: CliText): void {
    const command = program
        .command('export')
        .description(t.commands.export.description)
        .argument('<file>', t.options.playbookFile)
        .addOption(new Option('--format <format>', t.options.format).choices(['json', 'csv']).default('json'))
        .option('-o, --output <file>', t.options.output)
        .option('--force', t.options.forceExport)
        .action(async (file: string, options: ExportOptions) => {
            setExit(await runExport(file, options, io));
        });
    withExamples(command, t, 'export');
}
