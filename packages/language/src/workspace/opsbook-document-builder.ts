import type { AstNode, LangiumDocument, LangiumSharedCoreServices, MaybePromise } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { DefaultDocumentBuilder, DocumentState, isOperationCancelled, URI } from 'langium';
import type { Document, Import } from '../generated/ast.js';
import type { OpsbookCoreServices } from '../core-services.js';

/**
 * Langium's builder, shared by the CLI and the language server (a core service: it uses no LSP
 * service), with these additions:
 * - (editor) before a request waits for a document state, edits still waiting for their build start
 *   now (the language server's OpsbookDocumentUpdateHandler registers them), so completion and hover
 *   never read a tree older than the text;
 * - a document that imports a changed file is relinked and revalidated even when none of its
 *   references point into that file (a new name there can clash with one here: `duplicate-name`);
 * - a failure while building one document (parse, index, scopes, link, validate) fails that document
 *   only: it is logged, the document skips its remaining phases (their waiters still wake up) and is
 *   published with one `internal-error` diagnostic, and the other documents build as usual. Langium
 *   lets the exception end the whole build, after which no request waiting for a state was answered.
 */
export class OpsbookDocumentBuilder extends DefaultDocumentBuilder {
    private flushPendingEdits: (() => Promise<void>) | undefined;
    private hasPendingEdits: ((uri: string) => boolean) | undefined;
    private readonly services: LangiumSharedCoreServices;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.services = services;
    }

    setPendingEditsFlush(flush: () => Promise<void>, hasPendingEdits?: (uri: string) => boolean): void {
        this.flushPendingEdits = flush;
        this.hasPendingEdits = hasPendingEdits;
    }

    override waitUntil(state: DocumentState, cancelToken?: CancellationToken): Promise<void>;
    override waitUntil(state: DocumentState, uri?: URI, cancelToken?: CancellationToken): Promise<URI>;
    override waitUntil(state: DocumentState, uriOrToken?: URI | CancellationToken, cancelToken?: CancellationToken): Promise<unknown> {
        const wait = (): Promise<unknown> => super.waitUntil(state, uriOrToken as URI, cancelToken);
        const uri = uriOrToken && 'path' in uriOrToken ? uriOrToken : undefined;
        if (!this.flushPendingEdits || (uri && !this.waitsForPendingEdits(uri))) return wait();
        return this.flushPendingEdits().then(wait);
    }

    /**
     * Whether a request about `uri` must wait for the edits still pending: edits of that document, of a
     * file it imports (directly or not), or of a file importing it. A hover on a small file does not wait for the rebuild of a huge
     * one it does not import (that rebuild is cancelled and restarted by each edit; waiting for it to be
     * taken in starved every other document for seconds: RELIABILITY.md, "a 5 MB file").
     */
    private waitsForPendingEdits(uri: URI): boolean {
        const pending = this.hasPendingEdits;
        if (!pending) return true;
        if (pending(uri.toString())) return true;
        const document = this.langiumDocuments.getDocument(uri);
        if (!document || document.state < DocumentState.Parsed) return true;
        const resolver = (this.services.ServiceRegistry.getServices(uri) as Partial<OpsbookCoreServices>).references?.ImportResolver;
        if (!resolver) return true;
        if (resolver.importClosure([document as LangiumDocument<Document>]).some(imported => pending(imported.uri.toString()))) return true;
        // SPEC §8: a file's figures also count what the files importing it contribute.
        const key = uri.toString();
        return this.langiumDocuments.all.some(other => pending(other.uri.toString()) && other.state >= DocumentState.Parsed
            && resolver.importedDocuments(other as LangiumDocument<Document>).some(imported => imported.uri.toString() === key));
    }

    /** Why a document failed its build, until it is reset for the next one. */
    private readonly failures = new WeakMap<LangiumDocument, Diagnostic[]>();

    protected override async runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: CancellationToken, callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, async document => {
            const failure = this.failures.get(document);
            if (failure) {
                // Skips the phases after the one that failed; at the end it shows why.
                if (targetState === DocumentState.Validated) {
                    document.diagnostics = failure;
                    this.markAsCompleted(document);
                }
                return;
            }
            try {
                await callback(document);
            } catch (error) {
                if (isOperationCancelled(error)) throw error;
                this.failures.set(document, this.failure(document, targetState, error));
                if (targetState === DocumentState.Validated) {
                    document.diagnostics = this.failures.get(document);
                    this.markAsCompleted(document);
                }
            }
        });
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (state < DocumentState.Validated) this.failures.delete(document);
        super.resetToState(document, state);
    }

    private failure(document: LangiumDocument, phase: DocumentState, error: unknown): Diagnostic[] {
        const code = (error as { code?: unknown } | undefined)?.code;
        // Closed before its build reached it and not on disk: the close removes it (OpsbookDocumentUpdateHandler).
        if (code === 'ENOENT' && !this.textDocuments?.get(document.uri.toString())) return [];
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        console.error(`Opsbook: building ${document.uri.toString()} failed (${DocumentState[phase]}); the other documents are not affected: ${text}`);
        const message = error instanceof Error ? error.message : String(error);
        return [
            {
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                severity: 1,
                source: 'opsbook',
                code: 'internal-error',
                message: `Opsbook could not check this file (${DocumentState[phase]} failed: ${message}); please report this with the file. Other files are checked as usual.`
            }
        ];
    }

    /**
     * SPEC §8: a file's figures add up across the workspace, so a change also revalidates (without
     * relinking) the files whose figures it reaches: the files it imports, before and after the edit (a
     * region's sub-goals and deliveries count in the national file), and, when it gives people shares,
     * every file importing the same files (a person's load sums over the playbooks that see them).
     */
    override async update(changed: URI[], deleted: URI[], cancelToken?: CancellationToken): Promise<void> {
        try {
            for (const document of this.reachedBy([...changed, ...deleted])) this.resetToState(document, DocumentState.IndexedReferences);
        } catch (error) {
            // Never let this stop the build of the changed documents themselves.
            console.error(`Opsbook: cannot tell which files an edit reaches: ${error instanceof Error ? error.message : String(error)}`);
        }
        return super.update(changed, deleted, cancelToken);
    }

    private reachedBy(changed: URI[]): LangiumDocument[] {
        const reached = new Map<string, LangiumDocument>();
        const shared = new Set<string>();
        for (const uri of changed) {
            if (!this.services.ServiceRegistry.hasServices(uri)) continue;
            const resolver = (this.services.ServiceRegistry.getServices(uri) as Partial<OpsbookCoreServices>).references?.ImportResolver;
            if (!resolver) continue;
            const before = this.langiumDocuments.getDocument(uri) as LangiumDocument<Document> | undefined;
            const targets = new Set<string>();
            let oldText: string | undefined;
            if (before && before.state >= DocumentState.Parsed) {
                for (const imported of resolver.importedDocuments(before)) targets.add(imported.uri.toString());
                oldText = before.textDocument.getText();
            }
            const text = this.textDocuments?.get(uri.toString())?.getText();
            if (text !== undefined) {
                for (const match of text.matchAll(/^[ \t\uFEFF]*import[ \t]+"([^"\r\n]*)"/gm)) {
                    const resolution = resolver.computeForPath(uri, match[1] ?? '');
                    if (resolution.kind === 'resolved') targets.add(resolution.uri.toString());
                }
            }
            const givesShares = changesShares(oldText, text);
            for (const target of targets) {
                const document = this.langiumDocuments.getDocument(URI.parse(target));
                if (document) reached.set(target, document);
                if (givesShares) shared.add(target);
            }
        }
        if (shared.size > 0) {
            for (const document of this.langiumDocuments.all) {
                if (document.state < DocumentState.Parsed || reached.has(document.uri.toString())) continue;
                const resolver = (this.services.ServiceRegistry.getServices(document.uri) as Partial<OpsbookCoreServices>).references?.ImportResolver;
                if (resolver?.importedDocuments(document as LangiumDocument<Document>).some(d => shared.has(d.uri.toString()))) reached.set(document.uri.toString(), document);
            }
        }
        for (const uri of changed) reached.delete(uri.toString());
        return [...reached.values()].filter(document => document.state > DocumentState.IndexedReferences);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        try {
            return super.shouldRelink(document, changedUris) || this.importsAnyOf(document, changedUris);
        } catch (error) {
            // A document the build cannot make sense of must not stop the build of the others.
            console.error(`Opsbook: cannot tell whether ${document.uri.toString()} needs relinking: ${error instanceof Error ? error.message : String(error)}`);
            return false;
        }
    }

    private importsAnyOf(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (document.state < DocumentState.Parsed) return false;
        const services = this.services.ServiceRegistry.getServices(document.uri) as Partial<OpsbookCoreServices>;
        const resolver = services.references?.ImportResolver;
        if (!resolver) return false;
        for (const element of (document.parseResult.value as Document).elements ?? []) {
            if (element.$type !== 'Import') continue;
            const resolution = resolver.resolve(document, element as Import);
            if (resolution.kind === 'resolved' && changedUris.has(resolution.uri.toString())) return true;
        }
        return false;
    }
}

/**
 * Whether an edit can change what people's loads look like in other files: a `responsible` line before
 * or after it, and some line about shares, workstreams, playbooks or periods differs (typing elsewhere in
 * a region does not revalidate every file that shares its people).
 */
function changesShares(before: string | undefined, after: string | undefined): boolean {
    const responsible = /\bresponsible\b/;
    if (!(before !== undefined && responsible.test(before)) && !(after !== undefined && responsible.test(after))) return false;
    if (before === undefined || after === undefined) return true;
    const lines = (text: string) => text.split(/\r\n|\r|\n/).filter(line => /\b(responsible|period|workstream|playbook|import)\b/.test(line)).join('\n');
    return lines(before) !== lines(after);
}
