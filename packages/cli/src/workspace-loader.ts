import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookServices, type Document, type Import, type OpsbookServices, type OpsbookSettings } from 'opsbook-language';
import type { LangiumSharedServices } from 'langium/lsp';
import { CliError } from './cli-error.js';

export interface LoadedFile {
    /** The path as the user gave it or as discovery found it. */
    shown: string;
    document: LangiumDocument<Document>;
}

export interface LoadedWorkspace {
    services: OpsbookServices;
    shared: LangiumSharedServices;
    files: LoadedFile[];
}

/** Decodes a file's bytes as UTF-8, refusing binary and mis-encoded input with one clear line. */
export function readOpsFile(shown: string, absolute: string): string {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(absolute);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        const reason = code === 'EISDIR' ? 'is a folder, not a file' : code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'error'})`;
        throw new CliError(`${shown}: ${reason}`);
    }
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        const offset = firstInvalidUtf8(bytes);
        const before = bytes.subarray(0, offset).toString('utf8');
        const line = before.split('\n').length;
        const column = before.length - before.lastIndexOf('\n');
        throw new CliError(`${shown}:${line}:${column}: not valid UTF-8 text (save the file as UTF-8)`);
    }
}

function firstInvalidUtf8(bytes: Buffer): number {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let low = 0;
    let high = bytes.length;
    while (low < high) {
        const mid = Math.floor((low + high + 1) / 2);
        try {
            decoder.decode(bytes.subarray(0, mid), { stream: true });
            low = mid;
        } catch {
            high = mid - 1;
        }
    }
    return low;
}

/**
 * Creates the services, loads the given files and, transitively, the files they import (inside the
 * workspace root), then builds everything once: parse, index, link, validate.
 */
export async function loadWorkspace(
    shownPaths: string[],
    options: { cwd?: string; overrides?: Partial<OpsbookSettings>; validation?: boolean; onProgress?: (validated: number, total: number) => void } = {}
): Promise<LoadedWorkspace> {
    const cwd = options.cwd ?? process.cwd();
    const { shared, Opsbook } = createOpsbookServices({ ...NodeFileSystem });
    // One build, no editor: nobody asks "who refers to this?" (find references, rename, relinking after
    // an edit), so Langium's reference index is skipped — about a tenth of a build (BENCHMARKS.md).
    shared.workspace.IndexManager.updateReferences = async () => {};
    Opsbook.workspace.WorkspaceRoots.setFallbackRoots([cwd]);
    if (options.overrides) Opsbook.config.ConfigProvider.setOverrides(options.overrides);
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;

    const files: LoadedFile[] = [];
    const queue: LangiumDocument<Document>[] = [];
    const add = (shown: string, absolute: string): LangiumDocument<Document> => {
        const uri = URI.file(absolute);
        const existing = langiumDocuments.getDocument(uri);
        if (existing) return existing as LangiumDocument<Document>;
        const text = readOpsFile(shown, absolute);
        const document = factory.fromString<Document>(text, uri);
        langiumDocuments.addDocument(document);
        queue.push(document);
        return document;
    };
    for (const shown of shownPaths) {
        files.push({ shown, document: add(shown, path.resolve(cwd, shown)) });
    }
    // Follow imports so that names from imported files resolve; a missing one is `import-unresolved`.
    const resolver = Opsbook.references.ImportResolver;
    while (queue.length > 0) {
        const document = queue.shift()!;
        for (const element of document.parseResult.value.elements ?? []) {
            if (element.$type !== 'Import') continue;
            const resolution = resolver.computeForPath(document.uri, (element as Import).path ?? '');
            if (resolution.kind !== 'resolved' || langiumDocuments.hasDocument(resolution.uri)) continue;
            try {
                add(path.relative(cwd, resolution.uri.fsPath), resolution.uri.fsPath);
            } catch {
                // Unreadable imports surface as `import-unresolved` on the import itself.
            }
        }
    }
    const all = langiumDocuments.all.toArray();
    const onProgress = options.onProgress;
    let validated = 0;
    const listener = onProgress
        ? shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => onProgress(++validated, all.length))
        : undefined;
    try {
        await shared.workspace.DocumentBuilder.build(all, { validation: options.validation ?? true });
    } finally {
        listener?.dispose();
    }
    return { services: Opsbook, shared, files };
}
