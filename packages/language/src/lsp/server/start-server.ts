import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { startLanguageServer } from 'langium/lsp';
import type { DefaultSharedModuleContext } from 'langium/lsp';
import type { Connection, InitializeParams } from 'vscode-languageserver';
import { createOpsbookServices } from '../lsp-services.js';
import type { OpsbookServices } from '../opsbook-services.js';
import { OpsbookDocumentUpdateHandler } from '../workspace/opsbook-document-update-handler.js';
import { ConfigDiagnostics } from './config-diagnostics.js';
import { CustomRequestHandlers } from './custom-request-handlers.js';
import { EditedBudgetMarks } from './edited-budget-marks.js';
import { CycleRequestHandlers } from './cycle-requests.js';
import { followEditorSettings } from './editor-settings.js';
import { guardConnection } from './request-guard.js';

/** What a client may pass as `initializationOptions` (all optional). */
export interface OpsbookInitializationOptions {
    /** Quiet time in ms after an edit before diagnostics are recomputed (default 10; 0 = next tick). */
    diagnosticsDelay?: number;
    /** Language of diagnostics, hovers and lenses; the editor's `locale` when left out. */
    locale?: string;
}

/**
 * Creates the services on a connection (files read through `fileSystem`: Node's from server-main.ts,
 * an in-memory one from the browser worker), prepares them for an editor and starts listening:
 * - every handler is guarded: an exception is logged and answered with an error reply (request-guard.ts);
 * - every file of the workspace is validated at start-up and after each edit with all rule categories,
 *   so the editor shows what `opsbook check` reports;
 * - the workspace folders are the fallback roots for imports (when no opsbook.json or .git is found);
 * - messages follow the editor's language (`InitializeParams.locale`) unless the client says otherwise;
 * - the editor's `opsbook.rules` settings override opsbook.json's severities (editor-settings.ts);
 * - the problems of opsbook.json are published on opsbook.json itself (config-diagnostics.ts);
 * - budget-overrun also marks the budget just edited (edited-budget-marks.ts).
 */
export function startOpsbookLanguageServer(
    rawConnection: Connection,
    fileSystem: Pick<DefaultSharedModuleContext, 'fileSystemProvider'>
): { shared: LangiumSharedServices; Opsbook: OpsbookServices } {
    const connection = guardConnection(rawConnection);
    const { shared, Opsbook } = createOpsbookServices({ connection, ...fileSystem });
    shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    shared.lsp.LanguageServer.onInitialize(params => configure(shared, Opsbook, params));
    refreshFiguresAfterBuilds(shared, connection);
    new CustomRequestHandlers(shared, Opsbook).register(connection);
    new ConfigDiagnostics(shared, Opsbook, connection).register();
    new CycleRequestHandlers(shared, Opsbook).register(connection);
    followEditorSettings(shared, Opsbook, message => connection.console.warn(message));
    startLanguageServer(shared);
    // After Langium's own listener has published each document's diagnostics.
    const updates = shared.lsp.DocumentUpdateHandler;
    if (updates instanceof OpsbookDocumentUpdateHandler) new EditedBudgetMarks(shared, updates, connection).register();
    return { shared, Opsbook };
}

/**
 * SPEC §8: an edit in one file changes the figures of the files it reaches (a region's sub-goal in the
 * national file), which the editor may show beside it without editing them: after a build that
 * validated more than the edited file, clients that support it are asked to re-request inlay hints and
 * code lenses (diagnostics are pushed anyway).
 */
function refreshFiguresAfterBuilds(shared: LangiumSharedServices, connection: Connection): void {
    let inlayHints = false;
    let codeLenses = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        inlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
        codeLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        if (documents.length < 2) return;
        const ignore = () => undefined;
        if (inlayHints) connection.sendRequest('workspace/inlayHint/refresh').catch(ignore);
        if (codeLenses) connection.sendRequest('workspace/codeLens/refresh').catch(ignore);
    });
}

function configure(shared: LangiumSharedServices, Opsbook: OpsbookServices, params: InitializeParams): void {
    const options = (params.initializationOptions ?? {}) as OpsbookInitializationOptions;
    Opsbook.config.ConfigProvider.setClientLocale(typeof options.locale === 'string' ? options.locale : params.locale);
    const folders = (params.workspaceFolders ?? []).map(folder => folder.uri);
    if (folders.length === 0 && params.rootUri) folders.push(params.rootUri);
    const paths = folders
        .map(folder => URI.parse(folder))
        .filter(uri => uri.scheme === 'file')
        .map(uri => uri.fsPath);
    Opsbook.workspace.WorkspaceRoots.setFallbackRoots(paths);
    const handler = shared.lsp.DocumentUpdateHandler;
    const delay = options.diagnosticsDelay;
    if (handler instanceof OpsbookDocumentUpdateHandler && typeof delay === 'number' && Number.isFinite(delay) && delay >= 0) {
        handler.delay = Math.min(delay, 5000);
    }
}
