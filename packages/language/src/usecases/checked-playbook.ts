// Load the checked workspace: the first step of every document the CLI writes and the language server
// renders (plan, review, export; later next and diff). A document is generated from a playbook whose
// file, and every file it imports, has no error; the warnings and infos that remain are listed in it.

import * as path from 'pathe';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { PlaybookAnalysis } from '../analysis/model.js';
import type { PlaybookAnalyzer } from '../analysis/playbook-analyzer.js';
import type { OpsbookConfigProvider, OpsbookSettings } from '../config/opsbook-config.js';
import type { Document } from '../generated/ast.js';
import type { DocumentFinding } from '../generate/findings.js';
import type { ImportResolver } from '../scope/import-resolver.js';

/** The services the use cases read: the language core's, none of the editor's. */
export interface UseCaseServices {
    references: { ImportResolver: ImportResolver };
    config: { ConfigProvider: OpsbookConfigProvider };
    analysis: { PlaybookAnalyzer: PlaybookAnalyzer };
}

/** A diagnostic and the file it is in. */
export interface FileDiagnostic {
    document: LangiumDocument<Document>;
    diagnostic: Diagnostic;
}

/** A playbook file without errors, in itself or in what it imports, with its one analysis. */
export interface CheckedPlaybook {
    document: LangiumDocument<Document>;
    /** The file and everything it imports, transitively (ImportResolver.importClosure). */
    closure: LangiumDocument<Document>[];
    analysis: PlaybookAnalysis;
    /** opsbook.json's settings for the file (with the caller's overrides). */
    settings: OpsbookSettings;
    /** The warnings and infos of the closure, named relative to the playbook's folder, in report order. */
    findings: DocumentFinding[];
    /** The file's name as documents show it (its base name). */
    source: string;
}

/** Why no document can be generated from a file. */
export type PlaybookRefusal =
    /** Errors in the file or in a file it imports, in closure order (the file's own first). */
    | { kind: 'errors'; errors: FileDiagnostic[] }
    /** A library such as team.ops: it declares no `playbook`. */
    | { kind: 'no-playbook' };

export type PlaybookLoad =
    | { ok: true; playbook: CheckedPlaybook }
    | { ok: false; refusal: PlaybookRefusal; closure: LangiumDocument<Document>[] };

/**
 * Checks a built and validated document for generation: collects the errors of its import closure
 * (none may remain), then analyses it (it must declare a playbook). The callers word the refusal:
 * the CLI as lines on stderr and an exit code, the language server as an error reply.
 */
export function loadCheckedPlaybook(services: UseCaseServices, document: LangiumDocument<Document>): PlaybookLoad {
    const closure = services.references.ImportResolver.importClosure([document]);
    const errors = closure.flatMap(file => (file.diagnostics ?? []).filter(isError).map(diagnostic => ({ document: file, diagnostic })));
    if (errors.length > 0) return { ok: false, refusal: { kind: 'errors', errors }, closure };
    const analysis = services.analysis.PlaybookAnalyzer.analyze(document);
    if (!analysis.playbook) return { ok: false, refusal: { kind: 'no-playbook' }, closure };
    const settings = services.config.ConfigProvider.forUri(document.uri).settings;
    return {
        ok: true,
        playbook: { document, closure, analysis, settings, findings: findingsOf(document, closure), source: basename(document) }
    };
}

/** An error blocks generation; the rest (warnings, infos, hints) are findings. */
function isError(diagnostic: Diagnostic): boolean {
    return diagnostic.severity === 1;
}

/** Warnings and infos, named relative to the playbook's folder (so a document does not depend on the working folder). */
function findingsOf(document: LangiumDocument<Document>, closure: readonly LangiumDocument<Document>[]): DocumentFinding[] {
    const folder = path.dirname(document.uri.path);
    const findings: DocumentFinding[] = [];
    for (const source of closure) {
        const file = path.relative(folder, source.uri.path);
        for (const diagnostic of source.diagnostics ?? []) {
            if (isError(diagnostic)) continue;
            findings.push({
                file,
                line: diagnostic.range.start.line + 1,
                column: diagnostic.range.start.character + 1,
                severity: diagnostic.severity === 2 ? 'warning' : 'info',
                rule: String(diagnostic.code ?? 'syntax-error'),
                message: diagnosticText(diagnostic)
            });
        }
    }
    return findings.sort(compareFindings);
}

/** By file, position, rule and message: the order `opsbook check` reports in, whatever the build order. */
export function compareFindings(a: DocumentFinding, b: DocumentFinding): number {
    return (
        compareText(a.file, b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        compareText(a.rule, b.rule) ||
        compareText(a.message, b.message)
    );
}

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** A diagnostic's message as text (LSP allows Markdown content). */
export function diagnosticText(diagnostic: Diagnostic): string {
    const message = diagnostic.message as string | { value: string };
    return typeof message === 'string' ? message : message.value;
}

/** The file's base name, as documents name it (`growth.ops`). */
export function basename(document: LangiumDocument): string {
    return path.basename(document.uri.path);
}
