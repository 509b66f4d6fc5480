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
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
    return documents.getDocument(uri) as LangiumDocument<Document>;
}

/** Runs `action` under the workspace's read lock, before pending builds. */
export function readNow<R>(shared: LangiumSharedServices, action: () => R): Promise<R> {
    return shared.workspace.WorkspaceLock.read(action, ReadPriority.Immediate);
}
