import type { LangiumDocument, LangiumSharedCoreServices, URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { DefaultDocumentBuilder, DocumentState } from 'langium';
import type { Document, Import } from '../../generated/ast.js';
import type { OpsbookServices } from '../../opsbook-module.js';

/**
 * Langium's builder with two additions for the editor:
 * - before a request waits for a document state, edits still waiting for their build start now
 *   (see OpsbookDocumentUpdateHandler), so completion and hover never read a tree older than the text;
 * - a document that imports a changed file is relinked and revalidated even when none of its
 *   references point into that file (a new name there can clash with one here: `duplicate-name`).
 */
export class OpsbookDocumentBuilder extends DefaultDocumentBuilder {
    private flushPendingEdits: (() => Promise<void>) | undefined;
    private readonly services: LangiumSharedCoreServices;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.services = services;
    }

    setPendingEditsFlush(flush: () => Promise<void>): void {
        this.flushPendingEdits = flush;
    }

    override waitUntil(state: DocumentState, cancelToken?: CancellationToken): Promise<void>;
    override waitUntil(state: DocumentState, uri?: URI, cancelToken?: CancellationToken): Promise<URI>;
    override waitUntil(state: DocumentState, uriOrToken?: URI | CancellationToken, cancelToken?: CancellationToken): Promise<unknown> {
        const wait = (): Promise<unknown> => super.waitUntil(state, uriOrToken as URI, cancelToken);
        return this.flushPendingEdits ? this.flushPendingEdits().then(wait) : wait();
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return super.shouldRelink(document, changedUris) || this.importsAnyOf(document, changedUris);
    }

    private importsAnyOf(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (document.state < DocumentState.Parsed) return false;
        const services = this.services.ServiceRegistry.getServices(document.uri) as Partial<OpsbookServices>;
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
