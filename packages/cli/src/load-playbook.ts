import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Document, OpsbookSettings, PlaybookAnalysis, generate } from 'opsbook-language';
import { CliError } from './cli-error.js';
import { configProblemsToError } from './config-problems.js';
import { compareDiagnostics, type CliDiagnostic, toCliDiagnostic } from './output/cli-diagnostic.js';
import type { OutputStreams } from './options.js';
import { escapeControls } from './output/escape.js';
import { loadWorkspace, type LoadedWorkspace } from './workspace-loader.js';

export interface LoadedPlaybook {
    workspace: LoadedWorkspace;
    analysis: PlaybookAnalysis;
    settings: OpsbookSettings;
    /** The warnings and infos that remain, named relative to the playbook's folder. */
    findings: generate.DocumentFinding[];
    /** The playbook file's name as documents show it (its base name). */
    source: string;
}

/**
 * Loads one playbook (and what it imports) for `plan`, `review` and `export`. A file with errors, in
 * itself or in a file it imports, stops here with the errors on stderr and exit code 1: documents are
 * generated from checked playbooks only. A library file without `playbook` is bad usage (exit 2).
 */
export async function loadPlaybook(file: string, io: OutputStreams, locale: 'en' | 'zh-CN' | undefined): Promise<LoadedPlaybook> {
    const workspace = await loadWorkspace([file], { overrides: locale ? { locale } : {} });
    const loaded = workspace.files[0];
    if (!loaded) throw new CliError(`${file}: no such file`);
    const folder = path.dirname(loaded.document.uri.fsPath);
    // The playbook and what it imports: the files loaded only because they add to its figures (SPEC §8)
    // have their own findings, and their errors do not stop this playbook's documents.
    const documents = withImports(workspace, loaded.document);
    configProblemsToError(workspace.services, documents.map(d => d.uri));

    const errors: CliDiagnostic[] = [];
    const findings: generate.DocumentFinding[] = [];
    for (const document of documents) {
        const relative = path.relative(folder, document.uri.fsPath).split(path.sep).join('/');
        const shown = document === loaded.document ? file : path.relative(process.cwd(), document.uri.fsPath);
        for (const diagnostic of document.diagnostics ?? []) {
            if (diagnostic.severity === 1) {
                errors.push(toCliDiagnostic(shown, diagnostic));
            } else {
                findings.push({ ...toCliDiagnostic(relative, diagnostic) });
            }
        }
    }
    if (errors.length > 0) {
        errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : compareDiagnostics(a, b)));
        for (const e of errors) io.stderr.write(`${escapeControls(e.file)}:${e.line}:${e.column} error ${e.rule} ${escapeControls(e.message.replace(/\r?\n/g, ' '))}\n`);
        throw new CliError(`${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}; fix ${errors.length === 1 ? 'it' : 'them'} before generating documents (see opsbook check)`, 1);
    }
    const analysis = workspace.services.analysis.PlaybookAnalyzer.analyze(loaded.document);
    if (!analysis.playbook) {
        throw new CliError(`${file}: declares no playbook (it is a library such as team.ops); give the file that declares \`playbook\``);
    }
    findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : compareDiagnostics(a as CliDiagnostic, b as CliDiagnostic)));
    const settings = workspace.services.config.ConfigProvider.forUri(loaded.document.uri).settings;
    return { workspace, analysis, settings, findings, source: path.basename(file) };
}

/** The document and every document it imports, directly or through others, in load order. */
function withImports(workspace: LoadedWorkspace, document: LangiumDocument<Document>): LangiumDocument<Document>[] {
    const resolver = workspace.services.references.ImportResolver;
    const result = [document];
    const seen = new Set([document.uri.toString()]);
    for (let i = 0; i < result.length; i++) {
        for (const imported of resolver.importedDocuments(result[i] as LangiumDocument<Document>)) {
            if (seen.has(imported.uri.toString())) continue;
            seen.add(imported.uri.toString());
            result.push(imported);
        }
    }
    const order = workspace.shared.workspace.LangiumDocuments.all.toArray();
    return result.sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
