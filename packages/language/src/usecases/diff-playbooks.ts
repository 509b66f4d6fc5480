// SPEC §9 "Change review": `opsbook diff` and the server's `opsbook/diffPlaybooks` compare two versions
// of a workspace by their analysed figures. The callers load each version with its own services (the
// CLI from two folders, two files or two git revisions; the server from the open document and the text
// of another version) and hand the built documents here: each file's one analysis and its diagnostics
// become a snapshot (analysis/playbook-diff.ts), the snapshots are compared, and the result rendered as
// Markdown for a pull-request comment or as JSON (generate/diff-document.ts). No I/O.

import type { LangiumDocument } from 'langium';
import {
    type DiffFinding,
    diffSnapshots,
    type PlaybookDiff,
    snapshotWorkspace,
    type WorkspaceSnapshot
} from '../analysis/playbook-diff.js';
import type { Document } from '../generated/ast.js';
import { diffJson, diffMarkdown } from '../generate/diff-document.js';
import type { Locale } from '../values/format.js';
import { diagnosticText, type UseCaseServices } from './checked-playbook.js';

export type { PlaybookDiff, WorkspaceSnapshot } from '../analysis/playbook-diff.js';

/** A built (and validated) file of one version, under the path both versions share. */
export interface DiffSideFile {
    file: string;
    document: LangiumDocument<Document>;
}

/**
 * The snapshot of one version: every given file's analysis and findings (errors included: a pull
 * request that breaks a playbook shows the error appearing). `personFile` names the file declaring a
 * person as the snapshot keys it (a path relative to the compared folder).
 */
export function snapshotVersion(
    services: UseCaseServices,
    files: readonly DiffSideFile[],
    personFile: (document: LangiumDocument | undefined) => string
): WorkspaceSnapshot {
    return snapshotWorkspace(
        files.map(({ file, document }) => ({
            file,
            analysis: services.analysis.PlaybookAnalyzer.analyze(document),
            findings: findingsOf(document),
            personFile: person => personFile(person.node.$document)
        }))
    );
}

function findingsOf(document: LangiumDocument): DiffFinding[] {
    const findings: DiffFinding[] = [];
    for (const diagnostic of document.diagnostics ?? []) {
        const severity =
            diagnostic.severity === 1 ? 'error' : diagnostic.severity === 2 ? 'warning' : diagnostic.severity === 3 ? 'info' : undefined;
        if (!severity) continue;
        findings.push({
            severity,
            rule: String(diagnostic.code ?? 'syntax-error'),
            message: diagnosticText(diagnostic).replace(/\s*\r?\n\s*/g, ' '),
            line: diagnostic.range.start.line + 1
        });
    }
    return findings;
}

export type DiffFormat = 'markdown' | 'json';

export interface DiffPlaybooksOptions {
    format: DiffFormat;
    oldLabel: string;
    newLabel: string;
    locale?: Locale;
}

/** What changed between two snapshots, rendered. */
export function diffPlaybooks(
    before: WorkspaceSnapshot,
    after: WorkspaceSnapshot,
    options: DiffPlaybooksOptions
): { text: string; diff: PlaybookDiff } {
    const diff = diffSnapshots(before, after);
    const document = { oldLabel: options.oldLabel, newLabel: options.newLabel, ...(options.locale ? { locale: options.locale } : {}) };
    return { text: options.format === 'json' ? diffJson(diff, document) : diffMarkdown(diff, document), diff };
}
