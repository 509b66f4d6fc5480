// What every custom request of the server does first: find the open `.ops` document the client names and
// wait until it is validated; and read the workspace under its lock, ahead of pending builds.
import type { LangiumDocument } from 'langium';
import { DocumentState, ReadPriority, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import type { Document } from '../../generated/ast.js';
import { OpsbookRequestErrors } from '../custom-requests.js';

/** The validated document of `params.uri`; InvalidParams without a URI, RequestFailed for a document the workspace does not hold. */
export async function validatedDocument(
    shared: LangiumSharedServices,
    params: { uri: string } | undefined,
    token?: CancellationToken
): Promise<LangiumDocument<Document>> {
    if (!params || typeof params.uri !== 'string' || params.uri === '') {
        throw new ResponseError(OpsbookRequestErrors.InvalidParams, 'the request needs { uri: string }, the URI of an open .ops document');
    }
    const uri = URI.parse(params.uri);
    await shared.workspace.WorkspaceManager.ready;
    const documents = shared.workspace.LangiumDocuments;
    if (!documents.hasDocument(uri)) {
        throw new ResponseError(
            OpsbookRequestErrors.RequestFailed,
            `${params.uri} is not an .ops document of this workspace: open it in the editor first`
        );
    }
    recentlyAsked(shared).note(uri.toString());
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
    return documents.getDocument(uri) as LangiumDocument<Document>;
}

/**
 * The last few documents the client asked about through a custom request (the plan preview, a review,
 * the status bar), open in the editor or not. After a build the analyzer keeps their figures along with
 * the open documents' (lsp/lsp-services.ts): the preview of a file that is not open (a national file, while
 * a region is edited) reads the analysis its file's validation just made instead of computing it again.
 * At most RECENTLY_ASKED of them, so what is kept does not grow with the workspace.
 */
export class RecentlyAsked {
    private readonly uris: string[] = [];

    note(uri: string): void {
        const at = this.uris.indexOf(uri);
        if (at >= 0) this.uris.splice(at, 1);
        this.uris.push(uri);
        if (this.uris.length > RECENTLY_ASKED) this.uris.shift();
    }

    has(uri: string): boolean {
        return this.uris.includes(uri);
    }
}

export const RECENTLY_ASKED = 4;

const recent = new WeakMap<LangiumSharedServices, RecentlyAsked>();

/** The server's `RecentlyAsked`. */
export function recentlyAsked(shared: LangiumSharedServices): RecentlyAsked {
    let found = recent.get(shared);
    if (!found) {
        found = new RecentlyAsked();
        recent.set(shared, found);
    }
    return found;
}

/** Runs `action` under the workspace's read lock, before pending builds. */
export function readNow<R>(shared: LangiumSharedServices, action: () => R): Promise<R> {
    return shared.workspace.WorkspaceLock.read(action, ReadPriority.Immediate);
}
