import * as path from 'node:path';
import { usecases } from 'opsbook-language';
import { CliError } from './cli-error.js';
import { followFiles, t } from './cli-locale.js';
import { configProblemsToError } from './config-problems.js';
import { compareDiagnostics, type CliDiagnostic, toCliDiagnostic } from './output/cli-diagnostic.js';
import type { OutputStreams } from './options.js';
import { escapeControls } from './output/escape.js';
import { loadWorkspace, type LoadedWorkspace } from './workspace-loader.js';

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
export async function loadPlaybook(file: string, io: OutputStreams, locale: 'en' | 'zh-CN' | undefined): Promise<LoadedPlaybook> {
    const workspace = await loadWorkspace([file], { overrides: locale ? { locale } : {} });
    const loaded = workspace.files[0];
    if (!loaded) throw new CliError(t().noSuchFile(file));
    // The errors and refusals below speak the language of the file's messages (SPEC §10).
    followFiles(workspace.services.config.ConfigProvider.messageLocale(loaded.document.uri));
    const load = usecases.loadCheckedPlaybook(workspace.services, loaded.document);
    configProblemsToError(workspace.services, (load.ok ? load.playbook.closure : load.closure).map(d => d.uri));
    if (load.ok) return { ...load.playbook, workspace };
    if (load.refusal.kind === 'no-playbook') {
        throw new CliError(t().noPlaybook(file));
    }
    const errors: CliDiagnostic[] = load.refusal.errors.map(({ document, diagnostic }) =>
        toCliDiagnostic(document === loaded.document ? file : path.relative(process.cwd(), document.uri.fsPath), diagnostic)
    );
    errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : compareDiagnostics(a, b)));
    for (const e of errors) io.stderr.write(`${escapeControls(e.file)}:${e.line}:${e.column} error ${e.rule} ${escapeControls(e.message.replace(/\r?\n/g, ' '))}\n`);
    throw new CliError(t().errorsBeforeDocuments(file, errors.length), 1);
}

