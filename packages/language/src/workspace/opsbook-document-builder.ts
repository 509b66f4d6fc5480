import type {
    AstNode,
    AstNodeDescription,
    BuildOptions,
    LangiumDocument,
    LangiumSharedCoreServices,
    MaybePromise,
    Reference
} from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { AstUtils, DefaultDocumentBuilder, DocumentState, isAstNode, isOperationCancelled, URI } from 'langium';
import { type ExportFingerprint, exportFingerprint, keepPositions, mapRange } from './export-fingerprint.js';
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
 *   lets the exception end the whole build, after which no request waiting for a state was answered;
 * - (editor) the files that import a changed file are relinked and revalidated only when what it
 *   exports changed (its `exportFingerprint`: names, figures, the shape of its tree); otherwise their
 *   references are re-pointed to the new nodes and their diagnostics kept (`settleDependants`).
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
        return this.langiumDocuments.all.some(
            other =>
                pending(other.uri.toString()) &&
                other.state >= DocumentState.Parsed &&
                resolver.importedDocuments(other as LangiumDocument<Document>).some(imported => imported.uri.toString() === key)
        );
    }

    /**
     * Files importing a changed file, whose relinking waits until the changed files are parsed again:
     * the changed files' fingerprints before the edit (the first one when edits pile up in cancelled
     * builds: what the dependants were linked against), and the dependants.
     */
    private deferred: { before: Map<string, ExportFingerprint>; dependants: Set<LangiumDocument>; changed: LangiumDocument[] } | undefined;
    /** Set during `update`: the changed files can be compared with their fingerprints (no file added or deleted). */
    private deferring = false;

    /** Why a document failed its build, until it is reset for the next one. */
    private readonly failures = new WeakMap<LangiumDocument, Diagnostic[]>();

    protected override async runCancelable(
        documents: LangiumDocument[],
        targetState: DocumentState,
        cancelToken: CancellationToken,
        callback: (document: LangiumDocument) => MaybePromise<unknown>
    ): Promise<void> {
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

    /**
     * Langium's test, with a shortcut for the editor's builds, which all validate with every category
     * (`{ validation: true }`): a document whose last build completed so has no category missing. Langium
     * works that out for every document of the workspace after every edit (≈ 2 ms a keystroke in 1,000 files).
     */
    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions): boolean {
        const state = this.buildState.get(document.uri.toString());
        if (state?.completed && options?.validation === true && state.options?.validation === true) return false;
        return super.resultsAreIncomplete(document, options);
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        if (state < DocumentState.Validated) this.failures.delete(document);
        if (state < DocumentState.Linked) this.linkingErrors.delete(document);
        super.resetToState(document, state);
    }

    /**
     * Whether a reference of the document is a linking error, remembered from its linking until it is
     * unlinked (a reset below `Linked`): Langium asks it of every document after every edit, which went
     * through every reference of the workspace (≈ 6 ms a keystroke in 1,000 files: bench/NOTES.md,
     * "Round five — server edit latency"). Between the two, a reference's result does not change (the
     * re-pointing of `settleDependants` moves resolved references only).
     */
    private hasLinkingError(document: LangiumDocument): boolean {
        if (document.state < DocumentState.Linked) return document.references.some(reference => reference.error !== undefined);
        let found = this.linkingErrors.get(document);
        if (found === undefined) {
            found = document.references.some(reference => reference.error !== undefined);
            this.linkingErrors.set(document, found);
        }
        return found;
    }

    /** Per linked document: `hasLinkingError`'s answer. */
    private readonly linkingErrors = new WeakMap<LangiumDocument, boolean>();

    private failure(document: LangiumDocument, phase: DocumentState, error: unknown): Diagnostic[] {
        const code = (error as { code?: unknown } | undefined)?.code;
        // Closed before its build reached it and not on disk: the close removes it (OpsbookDocumentUpdateHandler).
        if (code === 'ENOENT' && !this.textDocuments?.get(document.uri.toString())) return [];
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        console.error(
            `Opsbook: building ${document.uri.toString()} failed (${DocumentState[phase]}); the other documents are not affected: ${text}`
        );
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
        this.deferring = this.startDeferring(changed, deleted);
        try {
            return await super.update(changed, deleted, cancelToken);
        } finally {
            this.deferring = false;
        }
    }

    /**
     * Notes the changed files, whose fingerprints are taken (from their parse before the edit) when the
     * first dependant is found; false (and every dependant still waiting is reset for relinking) when an
     * edit adds or deletes a file, or a changed file has no parse to compare with.
     */
    private startDeferring(changed: URI[], deleted: URI[]): boolean {
        const before = this.deferred?.before ?? new Map<string, ExportFingerprint>();
        const changedDocuments: LangiumDocument[] = [];
        let comparable = deleted.length === 0 && changed.length > 0;
        for (const uri of changed) {
            const document = this.langiumDocuments.getDocument(uri);
            if (!document || document.state < DocumentState.Parsed) comparable = false;
            else if (!before.has(uri.toString())) changedDocuments.push(document);
        }
        if (!comparable) {
            this.relinkDeferred();
            return false;
        }
        this.deferred = { before, dependants: this.deferred?.dependants ?? new Set(), changed: changedDocuments };
        return true;
    }

    /** The dependants still waiting are relinked and revalidated as Langium would (by the coming build). */
    private relinkDeferred(): LangiumDocument[] {
        const waiting = [...(this.deferred?.dependants ?? [])].filter(document => this.langiumDocuments.hasDocument(document.uri));
        this.deferred = undefined;
        for (const document of waiting) this.resetToState(document, DocumentState.ComputedScopes);
        return waiting;
    }

    protected override async buildDocuments(
        documents: LangiumDocument[],
        options: BuildOptions,
        cancelToken: CancellationToken
    ): Promise<void> {
        if (this.deferred) {
            // Langium's first two phases, so that the changed files' new fingerprints exist; the build
            // below skips them for these documents (their state is already past them).
            this.prepareBuild(documents, options);
            await this.runCancelable(documents, DocumentState.Parsed, cancelToken, document =>
                this.langiumDocumentFactory.update(document, cancelToken)
            );
            await this.runCancelable(documents, DocumentState.IndexedContent, cancelToken, document =>
                this.indexManager.updateContent(document, cancelToken)
            );
            const building = new Set(documents);
            documents = [...documents, ...this.settleDependants().filter(document => !building.has(document))];
        }
        return super.buildDocuments(documents, options, cancelToken);
    }

    /**
     * Once the changed files are parsed and indexed: if every fingerprint is unchanged, each waiting
     * dependant's references into them are re-pointed to the new nodes (same paths), and it keeps its
     * diagnostics — unless one of them has a related location in a changed file that moved, then it is
     * revalidated (not relinked). If only figures changed (same `links`: a capacity, a target), each is
     * re-pointed the same way and revalidated. Otherwise (a name, the tree's shape) all are relinked and
     * revalidated. Returns the documents this adds to the build.
     */
    private settleDependants(): LangiumDocument[] {
        const deferred = this.deferred;
        if (!deferred) return [];
        if (deferred.dependants.size === 0) {
            this.deferred = undefined;
            return [];
        }
        const after = new Map<string, ExportFingerprint>();
        // Only figures changed (a capacity, a target): the links stay, every dependant is revalidated.
        let figures = false;
        for (const [key, before] of deferred.before) {
            const document = this.langiumDocuments.getDocument(URI.parse(key));
            if (!document || document.state < DocumentState.IndexedContent) return this.relinkDeferred();
            const now = exportFingerprint(document);
            if (now.value !== before.value) {
                if (now.links !== before.links) return this.relinkDeferred();
                figures = true;
            }
            after.set(key, now);
        }
        this.deferred = undefined;
        const descriptions = new Map<string, AstNodeDescription>();
        for (const description of this.indexManager.allElements(undefined, new Set(after.keys()))) {
            descriptions.set(`${description.documentUri.toString()}#${description.path}`, description);
        }
        const more: LangiumDocument[] = [];
        for (const document of deferred.dependants) {
            if (!this.langiumDocuments.hasDocument(document.uri) || document.state < DocumentState.Validated) continue;
            if (!this.repoint(document, deferred.before, after, descriptions)) {
                this.resetToState(document, DocumentState.ComputedScopes);
                more.push(document);
            } else if (figures || !this.relatedStay(document, deferred.before, after)) {
                this.resetToState(document, DocumentState.IndexedReferences);
                more.push(document);
            }
        }
        return more;
    }

    /** Re-points the document's references into the changed files to the new nodes; false if one cannot be. */
    private repoint(
        document: LangiumDocument,
        before: Map<string, ExportFingerprint>,
        after: Map<string, ExportFingerprint>,
        descriptions: Map<string, AstNodeDescription>
    ): boolean {
        const locator = this.serviceRegistry.getServices(document.uri).workspace.AstNodeLocator;
        for (const reference of document.references as Array<Reference & { _ref?: unknown; _nodeDescription?: AstNodeDescription }>) {
            if (!('_ref' in reference)) return false; // a multi-reference: not in Opsbook's grammar
            const target = reference._ref;
            if (!isAstNode(target)) continue; // unresolved: the names it could find are the same
            const root = AstUtils.findRootNode(target);
            const key = root.$document?.uri.toString();
            if (key === undefined || !before.has(key)) continue;
            const now = after.get(key);
            // A node the incremental re-parse kept is already in the new tree (its path there is the same: same fingerprint).
            if (now?.root === root) continue;
            // A node of neither tree: one an incremental re-parse kept whose build was cancelled before this step,
            // replaced by a later one (its root is the tree in between). Its path there is not known: relinked.
            if (!now || before.get(key)?.root !== root) return false;
            const path = locator.getAstNodePath(target);
            const node = locator.getAstNode(now.root, path);
            const description = descriptions.get(`${key}#${path}`);
            if (!node || !description || node.$type !== target.$type) return false;
            reference._ref = node;
            reference._nodeDescription = description;
        }
        return true;
    }

    /** Whether every related location of the document's diagnostics that lies in a changed file is where it was. */
    private relatedStay(document: LangiumDocument, before: Map<string, ExportFingerprint>, after: Map<string, ExportFingerprint>): boolean {
        for (const diagnostic of document.diagnostics ?? []) {
            for (const related of diagnostic.relatedInformation ?? []) {
                const old = before.get(related.location.uri);
                const now = after.get(related.location.uri);
                if (!old || !now) continue;
                const range = mapRange(related.location.range, old, now);
                if (!range || JSON.stringify(range) !== JSON.stringify(related.location.range)) return false;
            }
        }
        return true;
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
                // The text of its parse: an open document's `textDocument` is the editor's, which already has the edit.
                oldText = before.parseResult.value.$cstNode?.root.fullText ?? before.textDocument.getText();
            }
            const text = this.textDocuments?.get(uri.toString())?.getText();
            if (text !== undefined) {
                for (const match of text.matchAll(/^[ \t\uFEFF]*import[ \t]+"([^"\r\n]*)"/gm)) {
                    const resolution = resolver.computeForPath(uri, match[1] ?? '');
                    if (resolution.kind === 'resolved') targets.add(resolution.uri.toString());
                }
            }
            // Compared only when the edited file imports something (the whole text split twice: ≈ 3 ms for 10k lines).
            const givesShares = targets.size > 0 && changesShares(oldText, text);
            for (const target of targets) {
                const document = this.langiumDocuments.getDocument(URI.parse(target));
                if (document) reached.set(target, document);
                if (givesShares) shared.add(target);
            }
        }
        if (shared.size > 0) {
            for (const document of this.langiumDocuments.all) {
                if (document.state < DocumentState.Parsed || reached.has(document.uri.toString())) continue;
                const resolver = (this.services.ServiceRegistry.getServices(document.uri) as Partial<OpsbookCoreServices>).references
                    ?.ImportResolver;
                if (resolver?.importedDocuments(document as LangiumDocument<Document>).some(d => shared.has(d.uri.toString())))
                    reached.set(document.uri.toString(), document);
            }
        }
        for (const uri of changed) reached.delete(uri.toString());
        return [...reached.values()].filter(document => document.state > DocumentState.IndexedReferences);
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        try {
            // Langium's test (a linking error, or a reference into a changed file), its first half remembered.
            const relink =
                this.hasLinkingError(document) ||
                this.indexManager.isAffected(document, changedUris) ||
                this.importsAnyOf(document, changedUris);
            // A fully built dependant waits until the changed files are parsed again (`settleDependants`).
            const deferred = this.deferred;
            if (relink && this.deferring && deferred && document.state === DocumentState.Validated) {
                // The changed files' parse before the edit is still there (Langium resets a changed
                // document's state, not its parse, until it parses it again).
                // Positions copied: the incremental re-parse moves the old tokens after the edit in place.
                for (const changed of deferred.changed)
                    deferred.before.set(changed.uri.toString(), keepPositions(exportFingerprint(changed)));
                deferred.changed = [];
                deferred.dependants.add(document);
                return false;
            }
            return relink;
        } catch (error) {
            // A document the build cannot make sense of must not stop the build of the others.
            console.error(
                `Opsbook: cannot tell whether ${document.uri.toString()} needs relinking: ${error instanceof Error ? error.message : String(error)}`
            );
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
    const lines = (text: string) =>
        text
            .split(/\r\n|\r|\n/)
            .filter(line => /\b(responsible|period|workstream|playbook|import)\b/.test(line))
            .join('\n');
    return lines(before) !== lines(after);
}
