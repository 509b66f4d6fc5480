import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { type ActualRow, type CliText, readActualsCsv, renderMessage, usecases, values } from 'opsbook-language';

const { formatRange } = values;
import { csvError, readActuals } from '../actuals-csv.js';
import { CliError } from '../cli-error.js';
import { cliLocale } from '../cli-locale.js';
import { configProblemsToError } from '../config-problems.js';
import { discoverOpsFiles } from '../discovery.js';
import { withExamples } from '../help.js';
import { loadPlaybook, stopOnErrors } from '../load-playbook.js';
import { type CliDiagnostic, toCliDiagnostic } from '../output/cli-diagnostic.js';
import { escapeControls } from '../output/escape.js';
import { localeOption, type OutputStreams } from '../options.js';
import { reportWritten, writeOutput } from '../output-target.js';
import { writeFileSafely } from '../safe-write.js';
import { words } from '../words.js';
import { loadWorkspace, readOpsFile } from '../workspace-loader.js';

interface NextOptions {
    actuals: string;
    period?: string;
    output?: string;
    locale?: 'en' | 'zh-CN';
    force?: boolean;
}

/**
 * `opsbook next FILE --actuals CSV [--period P] [-o NEXT.ops] [--force]` (SPEC §9): the next cycle's
 * playbook (usecases/next-cycle.ts). `opsbook next DIR --actuals CSV -o OUTDIR` rolls every playbook
 * under DIR forward together: the new files keep their places relative to DIR, import each other
 * instead of the finished ones and so are `part of` the new parents. No existing file is overwritten
 * without `--force`; with a folder, nothing is written when any target exists.
 */
export async function runNext(target: string, options: NextOptions, io: OutputStreams): Promise<number> {
    const t = usecases.cycleText(options.locale ?? cliLocale([], process.cwd()));
    const period = options.period !== undefined ? usecases.parseCyclePeriod(options.period) : undefined;
    if (period && !period.ok) throw new CliError(t.nextBadPeriod({ period: options.period as string, problem: period.message }));
    const isFolder = fs.existsSync(target) && fs.statSync(target).isDirectory();
    return isFolder
        ? runNextFolder(target, options, period?.ok ? period.period : undefined, io)
        : runNextFile(target, options, period?.ok ? period.period : undefined, io);
}

async function runNextFile(
    file: string,
    options: NextOptions,
    period: usecases.CyclePeriod | undefined,
    io: OutputStreams
): Promise<number> {
    const t = usecases.cycleText(options.locale ?? cliLocale([], process.cwd()));
    const output = options.output !== undefined && options.output !== '-' ? options.output : undefined;
    if (output !== undefined && !options.force && fs.existsSync(output)) throw new CliError(t.nextExists({ file: output }));
    const loaded = await loadPlaybook(file, io, options.locale);
    const actuals = readActuals(options.actuals, loaded.analysis, io.stderr, loaded.settings.locale);
    const newFolder = path.resolve(output !== undefined ? path.dirname(output) : path.dirname(file));
    const result = await usecases.nextCycle(loaded.workspace.services, loaded, {
        actuals,
        actualsSource: path.basename(options.actuals),
        ...(period ? { period } : {}),
        importPath: imported => importText(newFolder, imported, path.dirname(loaded.document.uri.fsPath)),
        ...(options.locale ? { locale: options.locale } : {})
    });
    // An existing -o was refused above unless --force.
    writeOutput(nextText(result, file, options, period), { output, force: true }, io);
    return 0;
}

function nextText(result: usecases.NextCycleResult, file: string, options: NextOptions, period: usecases.CyclePeriod | undefined): string {
    const t = usecases.cycleText(options.locale ?? cliLocale([], process.cwd()));
    if (result.ok) return result.next.text;
    if (result.reason === 'no-period') throw new CliError(t.nextNoPeriod({ file }));
    if (result.reason === 'not-after') {
        throw new CliError(
            t.nextPeriodNotAfter({
                period: options.period ?? formatRange(period?.range ?? result.current),
                current: formatRange(result.current)
            })
        );
    }
    throw new CliError(t.nextNotFormatted({ problem: result.problem }));
}

/** How the new file at `newFolder` imports `target`: as written when that still resolves to it, else relative to the new folder. */
function importText(
    newFolder: string,
    target: string,
    oldFolder: string,
    mapped?: (target: string) => string | undefined
): string | undefined {
    const destination = mapped?.(target) ?? target;
    if (path.resolve(newFolder) === path.resolve(oldFolder) && destination === target) return undefined;
    return path.relative(newFolder, destination).split(path.sep).join('/');
}

async function runNextFolder(
    folder: string,
    options: NextOptions,
    period: usecases.CyclePeriod | undefined,
    io: OutputStreams
): Promise<number> {
    const t = usecases.cycleText(options.locale ?? cliLocale([], process.cwd()));
    if (options.output === undefined || options.output === '-') throw new CliError(t.nextOutputNeeded);
    const outdir = options.output;
    const files = discoverOpsFiles([folder]);
    const workspace = await loadWorkspace(files, { overrides: options.locale ? { locale: options.locale } : {} });
    const services = workspace.services;
    configProblemsToError(
        services,
        workspace.files.map(f => f.document.uri)
    );
    const root = path.resolve(folder);
    // Every playbook of the folder, checked; errors anywhere stop everything (exit 1), as for one file.
    const playbooks: { shown: string; playbook: usecases.CheckedPlaybook }[] = [];
    const errors: CliDiagnostic[] = [];
    for (const loaded of workspace.files) {
        const load = usecases.loadCheckedPlaybook(services, loaded.document);
        if (load.ok) playbooks.push({ shown: loaded.shown, playbook: load.playbook });
        else if (load.refusal.kind === 'errors') {
            for (const { document, diagnostic } of load.refusal.errors) {
                if (document === loaded.document) errors.push(toCliDiagnostic(loaded.shown, diagnostic));
            }
        }
    }
    if (errors.length > 0) stopOnErrors(errors, words(), io, folder);
    if (playbooks.length === 0) throw new CliError(t.nextNoPlaybooks({ folder }));
    const outputs = new Map<string, string>();
    for (const { playbook } of playbooks)
        outputs.set(playbook.document.uri.fsPath, path.resolve(outdir, path.relative(root, playbook.document.uri.fsPath)));
    // The libraries under DIR (team.ops) and its opsbook.json come along unchanged: the new folder is a
    // workspace of its own, as the finished one was. Files outside DIR are imported where they are.
    const copies = new Map<string, string>();
    const inside = (file: string) => !path.relative(root, file).startsWith('..');
    for (const loaded of workspace.files) {
        const file = loaded.document.uri.fsPath;
        if (!outputs.has(file) && inside(file))
            copies.set(path.resolve(outdir, path.relative(root, file)), loaded.document.textDocument.getText());
    }
    const config = path.join(root, 'opsbook.json');
    if (fs.existsSync(config)) copies.set(path.resolve(outdir, 'opsbook.json'), readOpsFile(config, config));
    for (const file of copies.keys())
        if (file.endsWith('.ops')) outputs.set(path.resolve(root, path.relative(path.resolve(outdir), file)), file);
    if (!options.force) {
        for (const written of [...outputs.values(), ...copies.keys()])
            if (fs.existsSync(written)) throw new CliError(t.nextExists({ file: path.relative(process.cwd(), written) || written }));
    }
    // One CSV for the organisation: each playbook takes the rows of its metrics and channels.
    const csv = readOpsFile(options.actuals, options.actuals);
    const rowsOf = new Map<usecases.CheckedPlaybook, ActualRow[]>();
    const claimed = new Map<number, string[]>();
    const warned = new Set<string>();
    for (const { shown, playbook } of playbooks) {
        let read: ReturnType<typeof readActualsCsv>;
        try {
            read = readActualsCsv(csv, playbook.analysis, { skipForeign: true });
        } catch (error) {
            throw csvError(options.actuals, error);
        }
        for (const warning of read.warnings) {
            // Every playbook reads the one CSV: each warning once.
            if (warned.has(`${warning.line}:${warning.column}`)) continue;
            warned.add(`${warning.line}:${warning.column}`);
            io.stderr.write(
                `${escapeControls(options.actuals)}:${warning.line}:${warning.column} warning ${escapeControls(renderMessage(playbook.settings.locale ?? 'en', warning.message))}\n`
            );
        }
        for (const row of read.rows) {
            // A row of another playbook's channel (SPEC §8 roll-up) is that playbook's; only own channels claim a row.
            if (row.channel === undefined || row.playbook !== undefined) continue;
            const list = claimed.get(row.line) ?? [];
            list.push(shown);
            claimed.set(row.line, list);
            if (list.length === 2) {
                throw new CliError(
                    `${options.actuals}: ${t.nextAmbiguousChannel({ channel: row.channel, line: row.line, files: list.join(', ') })}`
                );
            }
        }
        rowsOf.set(playbook, read.rows);
    }
    const dropped = new Set<string>();
    for (const { playbook } of playbooks)
        for (const name of usecases.droppedCampaigns(playbook.analysis)) dropped.add(`${playbook.document.uri.toString()}#${name}`);
    const mapped = (imported: string) => outputs.get(imported);
    const texts = new Map<string, string>();
    for (const { shown, playbook } of playbooks) {
        const written = outputs.get(playbook.document.uri.fsPath) as string;
        const result = await usecases.nextCycle(services, playbook, {
            actuals: rowsOf.get(playbook) ?? [],
            actualsSource: path.basename(options.actuals),
            ...(period ? { period } : {}),
            importPath: imported => importText(path.dirname(written), imported, path.dirname(playbook.document.uri.fsPath), mapped),
            droppedElsewhere: (uri, name) => dropped.has(`${uri}#${name}`),
            ...(options.locale ? { locale: options.locale } : {})
        });
        texts.set(written, nextText(result, shown, options, period));
    }
    for (const [file, text] of copies) texts.set(file, text);
    for (const [written, text] of texts) {
        fs.mkdirSync(path.dirname(written), { recursive: true });
        writeFileSafely(written, text, { force: true });
        reportWritten(io, path.relative(process.cwd(), written) || written);
    }
    return 0;
}

export function registerNext(program: Command, io: OutputStreams, setExit: (code: number) => void, t: CliText): void {
    const command = program
        .command('next')
        .description(t.commands.next.description)
        .argument('<path>', t.options.nextTarget)
        .requiredOption('--actuals <csv>', t.options.nextActuals)
        .option('--period <period>', t.options.nextPeriod)
        .option('-o, --output <path>', t.options.nextOutput)
        .addOption(localeOption(t))
        .option('--force', t.options.forceNext)
        .action(async (target: string, options: NextOptions) => {
            setExit(await runNext(target, options, io));
        });
    withExamples(command, t, 'next');
}
