import type { TextDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { DidChangeWatchedFilesParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import type { OpsbookServices } from '../opsbook-services.js';
import type { OpsbookDocumentBuilder } from '../../workspace/opsbook-document-builder.js';
import type { OpsbookDocumentFactory } from '../../workspace/opsbook-document-factory.js';

/** Edits closer together than this (ms) are built once; see `diagnosticsDelay` in docs/language-server.md. */
export const DEFAULT_DIAGNOSTICS_DELAY = 10;

/**
 * Diagnostics as you type, with rapid edits merged. Langium 4.4 rebuilds on every `didChange` and has no
 * delay option; what it does have is cancellation: each build runs under `WorkspaceLock.write`, and a
 * new write cancels the running one at its next `interruptAndCheck` (every 10 ms of work). On top of that:
 * - an edit cancels the running build at once (a newer text is coming, validating the old one is waste);
 * - edits are collected and built together once the text has been quiet for `delay` ms;
 * - a request (completion, hover, ...) never waits for that timer and never reads a stale tree: the
 *   document builder flushes the pending edits before it answers `waitUntil` (see OpsbookDocumentBuilder);
 * - a file just opened is built at once;
 * - a change to opsbook.json re-reads the configuration and re-validates every document (so does a change
 *   of the editor's rule settings: see lsp/server/editor-settings.ts).
 */
export class OpsbookDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    /** Quiet time in ms before pending edits are built; 0 builds on the next turn of the event loop. */
    delay = DEFAULT_DIAGNOSTICS_DELAY;
    private readonly pending = new Set<string>();
    private readonly justOpened = new Set<string>();
    private timer: ReturnType<typeof setTimeout> | undefined;
    private readonly shared: LangiumSharedServices;
    /** The last text seen of each open document (below EDIT_TRACKING_LIMIT), to find where an edit was. */
    private readonly texts = new Map<string, string>();
    private readonly editLines = new Map<string, number>();

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
        (this.documentBuilder as Partial<OpsbookDocumentBuilder>).setPendingEditsFlush?.(
            () => this.flush(),
            uri => this.pending.has(uri)
        );
    }

    didOpenDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        this.justOpened.add(event.document.uri);
        const text = event.document.getText();
        if (text.length <= EDIT_TRACKING_LIMIT) this.texts.set(event.document.uri, text);
    }

    /**
     * The line (0-based) where the last edit of an open document began: the first character that
     * changed. Read after a build, to mark what was just edited (lsp/server/edited-budget-marks.ts).
     */
    lastEditLine(uri: string): number | undefined {
        return this.editLines.get(uri);
    }

    /** Remembers the text and where the edit began; returns how many characters it changed (undefined: not compared). */
    private trackEdit(document: TextDocument): number | undefined {
        const uri = document.uri;
        const text = document.getText();
        const before = this.texts.get(uri);
        if (text.length > EDIT_TRACKING_LIMIT) {
            this.texts.delete(uri);
            this.editLines.delete(uri);
            return undefined;
        }
        this.texts.set(uri, text);
        if (before === undefined) return undefined;
        if (before === text) return 0;
        let offset = 0;
        const shorter = Math.min(before.length, text.length);
        while (offset < shorter && before.charCodeAt(offset) === text.charCodeAt(offset)) offset++;
        this.editLines.set(uri, document.positionAt(offset).line);
        let tail = 0;
        while (tail < shorter - offset && before.charCodeAt(before.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
        return Math.max(before.length, text.length) - offset - tail;
    }

    /**
     * A closed document falls back to what is on disk. One that is not a file of the workspace (an
     * `untitled:` buffer, a `file:` never saved, a file of another extension opened as `opsbook`) is
     * removed from the workspace and its diagnostics cleared: left behind, it could be neither read
     * nor given services, and every later build failed on it (RELIABILITY.md, "closing an untitled
     * document"). Its edits still waiting are dropped, so no build reads a file that is not there.
     */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = event.document.uri;
        this.pending.delete(uri);
        this.justOpened.delete(uri);
        this.texts.delete(uri);
        this.editLines.delete(uri);
        const parsed = URI.parse(uri);
        // Once closed, the registry knows the document by its extension only (no languageId).
        const workspaceFile = parsed.scheme === 'file' && this.serviceRegistry.hasServices(parsed);
        const onDisk = workspaceFile
            ? this.shared.workspace.FileSystemProvider.stat(parsed).then(
                  stat => stat.isFile,
                  () => false
              )
            : Promise.resolve(false);
        void onDisk.then(exists => {
            // Reopened meanwhile: the editor's text rules again, and its edits rebuild it.
            if (this.shared.workspace.TextDocuments.get(uri)) return;
            if (!exists && !this.shared.workspace.LangiumDocuments.hasDocument(parsed)) return;
            return exists ? this.startUpdate([parsed], []) : this.startUpdate([], [parsed]);
        });
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        const uri = change.document.uri;
        const changed = this.trackEdit(change.document);
        this.pending.add(uri);
        this.workspaceLock.cancelWrite();
        if (this.timer !== undefined) clearTimeout(this.timer);
        const length = change.document.getText().length;
        const wait = this.justOpened.delete(uri) ? 0 : quietTime(this.delay, length, changed, this.likelyIncremental(uri));
        this.lastQuietTime = wait;
        this.timer = setTimeout(() => {
            this.flush();
        }, wait);
    }

    /** The quiet time (ms) the last edit was given (tests/lsp/document-updates.test.ts reads it). */
    lastQuietTime: number | undefined;

    /** Whether the document factory will likely re-parse only the elements the next edit of `uri` touches. */
    private likelyIncremental(uri: string): boolean {
        const factory = this.shared.workspace.LangiumDocumentFactory as Partial<OpsbookDocumentFactory>;
        const document = this.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
        return document !== undefined && document.state >= DocumentState.Parsed && factory.likelyIncremental?.(document) === true;
    }

    /** True while an edit of `uri` (or of any document) waits for its build. */
    hasPendingEdits(uri?: string): boolean {
        return uri === undefined ? this.pending.size > 0 : this.pending.has(uri);
    }

    /**
     * Starts the build of the pending edits now. Resolves once the builder has taken them in (their
     * documents are reset, so waiting for a build state waits for the new text), or at once if none.
     */
    flush(): Promise<void> {
        if (this.timer !== undefined) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
        if (this.pending.size === 0) return Promise.resolve();
        const changed = [...this.pending].map(uri => URI.parse(uri));
        this.pending.clear();
        return this.startUpdate(changed, []);
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const configChanged = params.changes.some(change => /(^|\/)opsbook\.json$/.test(change.uri));
        if (!configChanged) {
            super.didChangeWatchedFiles(params);
            return;
        }
        this.onWatchedFilesChangeEmitter.fire(params);
        for (const services of this.serviceRegistry.all) {
            (services as Partial<OpsbookServices>).config?.ConfigProvider.invalidate();
        }
        void this.rebuildAll();
    }

    /** Re-checks every document of the workspace: severities or thresholds may have changed for all of them. */
    rebuildAll(): Promise<void> {
        const all = this.shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
        return this.startUpdate(all, []);
    }

    private startUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        const wanted = new Set([...changed, ...deleted].map(uri => uri.toString()));
        return new Promise<void>(resolve => {
            const listener = this.documentBuilder.onUpdate((updated, removed) => {
                if ([...updated, ...removed].some(uri => wanted.has(uri.toString()))) done();
            });
            const done = () => {
                listener.dispose();
                resolve();
            };
            this.workspaceManager.ready
                .then(() => this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token)))
                .then(done, error => {
                    done();
                    console.error(`Opsbook: the build after an edit failed: ${describeError(error)}`);
                });
        });
    }
}

/** Documents longer than this (characters) are not compared after an edit: no "just edited" mark. */
export const EDIT_TRACKING_LIMIT = 1_000_000;

/** Extra quiet time per megabyte of text before an edit is built, and its ceiling (ms). */
export const QUIET_MS_PER_MB = 200;
export const MAX_QUIET_MS = 2000;

/**
 * How long the text must be quiet before an edit is built: the diagnostics delay, longer for a large
 * document (about 1 s for 5 MB). Its parse cannot be interrupted (one synchronous chevrotain run, 1.5–3 s
 * for 5 MB), so starting it after every keystroke kept the server busy for the whole time the user
 * typed and requests on other files waited seconds (RELIABILITY.md, "a 5 MB file"). A request on the
 * document itself still builds it at once (the builder flushes the pending edits).
 */
export function quietTime(delay: number, length: number, changed?: number, incremental = false): number {
    // A small edit of a document up to SMALL_EDIT_DOCUMENT_LIMIT that the editor will likely re-parse incrementally
    // (only the elements it touched, parser/incremental-parse.ts; a few ms: `incremental`, from the document factory),
    // and the rest of the build yields every 10 ms. Not while the document has had a syntax error since it was
    // opened (no parse without one to start from), nor after an edit inside one element too large for it.
    if (incremental && changed !== undefined && changed <= SMALL_EDIT && length <= SMALL_EDIT_DOCUMENT_LIMIT) return delay;
    return Math.max(delay, Math.min(MAX_QUIET_MS, Math.round((length / 1_000_000) * QUIET_MS_PER_MB)));
}

/** An edit changing at most this many characters (typing, a retyped word or title, a pasted line) is built after `delay` alone. */
export const SMALL_EDIT = 256;
/** … in a document of at most this many characters (its quiet time would be ≤ 100 ms; beyond, typing keeps the quiet time). */
export const SMALL_EDIT_DOCUMENT_LIMIT = 512 * 1024;

export function describeError(error: unknown): string {
    if (error instanceof Error) return error.stack ?? error.message;
    return String(error);
}
