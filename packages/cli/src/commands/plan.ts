import { type Command, Option } from 'commander';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { type CliText, cliText, type Document, generate, usecases } from 'opsbook-language';
import { CliError } from '../cli-error.js';
import { configProblemsToError } from '../config-problems.js';
import { discoverOpsFiles } from '../discovery.js';
import { withExamples } from '../help.js';
import { loadPlaybook, reportErrors } from '../load-playbook.js';
import { localeOption, type OutputStreams } from '../options.js';
import { escapeControls } from '../output/escape.js';
import { classifyDocument, writeOutput } from '../output-target.js';
import { refuseUnlessGenerated, writeFileSafely } from '../safe-write.js';
import { watchLoop } from '../watch.js';
import { loadWorkspace, STDIN_ARGUMENT } from '../workspace-loader.js';

interface PlanOptions {
    output?: string;
    locale?: 'en' | 'zh-CN';
    force?: boolean;
    watch?: boolean;
    format?: 'markdown' | 'html';
}

/**
 * `opsbook plan FILE`: the execution plan (SPEC §6) as Markdown, or one HTML page (`--format html`);
 * `opsbook plan DIR -o OUTDIR`: every playbook's, with index.md (SPEC §8; Markdown only). `onRead` gets the
 * files loaded (for --watch).
 */
export async function runPlan(file: string, options: PlanOptions, io: OutputStreams, onRead?: (files: string[]) => void): Promise<number> {
    if (file !== STDIN_ARGUMENT && isFolder(file)) {
        if (options.format === 'html') throw new CliError((io.text ?? cliText('en')).planFolderHtml(file));
        return runPlanFolder(file, options, io, onRead);
    }
    const loaded = await loadPlaybook(file, io, options.locale, onRead);
    const text = usecases.renderPlan(loaded, { locale: options.locale, format: options.format });
    writeOutput(text, options, io, classifyDocument('plan'), 'plan');
    return 0;
}

function isFolder(file: string): boolean {
    try {
        return fs.statSync(file).isDirectory();
    } catch {
        return false;
    }
}

/**
 * `opsbook plan DIR -o OUTDIR` (SPEC §8): the plan of every playbook under DIR to OUTDIR/<path without
 * .ops>.md, and OUTDIR/index.md (the playbook tree with links, the top-level goals). All or nothing:
 * an error in any playbook (or what it imports), or an existing file edited by hand or not generated
 * by opsbook (without --force), stops everything before the first file is written.
 */
async function runPlanFolder(folder: string, options: PlanOptions, io: OutputStreams, onRead?: (files: string[]) => void): Promise<number> {
    const t = io.text ?? cliText('en');
    if (options.output === undefined || options.output === '-') throw new CliError(t.planFolderNeedsOutput(folder));
    const outdir = options.output;
    if (fs.existsSync(outdir) && !isFolder(outdir)) throw new CliError(t.planOutputNotFolder(outdir));
    const files = discoverOpsFiles([folder]);
    const workspace = await loadWorkspace(files, { overrides: options.locale ? { locale: options.locale } : {} });
    onRead?.(workspace.shared.workspace.LangiumDocuments.all.map(document => document.uri.fsPath).toArray());
    const checked: usecases.CheckedPlaybook[] = [];
    const errors: usecases.FileDiagnostic[] = [];
    const seen = new Set<LangiumDocument<Document>>();
    for (const loaded of workspace.files) {
        if (!declaresPlaybook(loaded.document)) continue;
        const load = usecases.loadCheckedPlaybook(workspace.services, loaded.document);
        configProblemsToError(
            workspace.services,
            (load.ok ? load.playbook.closure : load.closure).map(d => d.uri)
        );
        if (load.ok) checked.push(load.playbook);
        else if (load.refusal.kind === 'errors') {
            for (const error of load.refusal.errors) {
                if (seen.has(error.document)) continue;
                errors.push(...load.refusal.errors.filter(e => e.document === error.document));
                seen.add(error.document);
            }
        }
    }
    if (errors.length > 0) reportErrors(errors, undefined, io, `${folder}`);
    if (checked.length === 0) throw new CliError(t.planFolderNoPlaybook(folder));
    const root = path.resolve(folder);
    const targets = checked.map(playbook => {
        const relative = path.relative(root, playbook.document.uri.fsPath).replace(/\.ops$/, '.md');
        return { playbook, relative: relative.split(path.sep).join('/'), target: path.join(outdir, relative) };
    });
    const index = path.join(outdir, 'index.md');
    const clash = targets.find(t => path.resolve(t.target) === path.resolve(index));
    if (clash) throw new CliError(t.planIndexClash(path.join(folder, clash.relative.replace(/\.md$/, '.ops')), index));
    // Refuse before writing anything: a hand-edited or foreign file among the targets stops them all.
    if (!options.force) {
        for (const [target, kind] of [...targets.map(t => [t.target, 'plan'] as const), [index, 'index'] as const]) {
            let existing: string;
            try {
                existing = fs.readFileSync(target, 'utf8');
            } catch {
                continue;
            }
            refuseUnlessGenerated(target, classifyDocument(kind)(existing), kind);
        }
    }
    const locale =
        options.locale ?? checked.find(p => p.analysis.tree?.parent === undefined)?.analysis.locale ?? checked[0]?.analysis.locale ?? 'en';
    const written: string[] = [];
    for (const { playbook, target } of targets) {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        writeFileSafely(target, usecases.renderPlan(playbook, { locale: options.locale }), {
            force: options.force ?? false,
            classify: classifyDocument('plan'),
            what: 'plan'
        });
        written.push(target);
    }
    const entries = targets.map(t => ({ analysis: t.playbook.analysis, plan: t.relative }));
    fs.mkdirSync(outdir, { recursive: true });
    writeFileSafely(index, generate.generateIndex(entries, { folder: path.basename(root), locale }), {
        force: options.force ?? false,
        classify: classifyDocument('index'),
        what: 'index'
    });
    written.push(index);
    for (const file of written) io.stderr.write(`${t.wrote(escapeControls(file))}\n`);
    return 0;
}

function declaresPlaybook(document: LangiumDocument<Document>): boolean {
    return (document.parseResult.value.elements ?? []).some(element => element.$type === 'Playbook');
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
            setExit(
                await watchLoop({
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
                })
            );
        });
    withExamples(command, t, 'plan');
}
