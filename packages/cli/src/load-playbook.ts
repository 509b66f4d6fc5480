import * as path from 'node:path';
import { type CliText, cliText, usecases } from 'opsbook-language';
import { CliError } from './cli-error.js';
import { configProblemsToError } from './config-problems.js';
import { followFiles } from './cli-locale.js';
import { compareDiagnostics, type CliDiagnostic, toCliDiagnostic } from './output/cli-diagnostic.js';
import type { OutputStreams } from './options.js';
import { escapeControls } from './output/escape.js';
import { readStdin } from './stdin.js';
import { loadWorkspace, type LoadedWorkspace, STDIN_ARGUMENT } from './workspace-loader.js';

export interface LoadedPlaybook extends usecases.CheckedPlaybook {
    workspace: LoadedWorkspace;
}

/**
 * Loads one playbook (and what it imports) from disk for `plan`, `review` and `export`, and checks it
 * with the use case the language server's requests share (usecases/checked-playbook.ts). A file with
 * errors, in itself or in a file it imports, stops here with the errors on stderr and exit code 1:
 * documents are generated from checked playbooks only. A library file without `playbook` is bad usage
 * (exit 2).
 */
export async function loadPlaybook(
    file: string,
    io: OutputStreams,
    locale: 'en' | 'zh-CN' | undefined,
    onRead?: (files: string[]) => void
): Promise<LoadedPlaybook> {
    const fromStdin = file === STDIN_ARGUMENT;
    const workspace = await loadWorkspace([file], {
        overrides: locale ? { locale } : {},
        ...(fromStdin ? { stdin: await readStdin(io.stdin ?? process.stdin) } : {})
    });
    onRead?.(workspace.shared.workspace.LangiumDocuments.all.map(document => document.uri.fsPath).toArray());
    const loaded = workspace.files[0];
    let t = io.text ?? cliText('en');
    if (!loaded) throw new CliError(t.noSuchFile(file));
    // SPEC §10: without --locale, the refusals below speak the language of the file's messages.
    if (!locale) {
        const messages = workspace.services.config.ConfigProvider.messageLocale(loaded.document.uri);
        followFiles(messages);
        t = cliText(messages);
        io.text = t;
    }
    if (fromStdin) file = loaded.shown;
    const load = usecases.loadCheckedPlaybook(workspace.services, loaded.document);
    configProblemsToError(
        workspace.services,
        (load.ok ? load.playbook.closure : load.closure).map(d => d.uri)
    );
    if (load.ok) return { ...load.playbook, workspace };
    if (load.refusal.kind === 'no-playbook') {
        throw new CliError(t.noPlaybook(file));
    }
    return reportErrors(load.refusal.errors, { document: loaded.document, shown: file }, io, file);
}

/** The errors that stop generation, one line each on stderr, then exit 1 (also `plan DIR`, SPEC §8). */
export function reportErrors(
    found: readonly usecases.FileDiagnostic[],
    given: { document: unknown; shown: string } | undefined,
    io: OutputStreams,
    what: string
): never {
    const errors: CliDiagnostic[] = found.map(({ document, diagnostic }) =>
        toCliDiagnostic(document === given?.document ? given.shown : path.relative(process.cwd(), document.uri.fsPath), diagnostic)
    );
    return stopOnErrors(errors, io.text ?? cliText('en'), io, what);
}

/** Writes `errors` one line each on stderr, by file and position, then stops with exit 1 naming `what`. */
export function stopOnErrors(errors: CliDiagnostic[], t: CliText, io: OutputStreams, what: string): never {
    errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : compareDiagnostics(a, b)));
    for (const e of errors)
        io.stderr.write(
            `${escapeControls(e.file)}:${e.line}:${e.column} error ${e.rule} ${escapeControls(e.message.replace(/\r?\n/g, ' '))}\n`
        );
    throw new CliError(t.blockingErrors(what, errors.length), 1);
}
