import 'opsbook-language/polyfill';
import { startupSnapshot } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { prepareServices } from './lsp/lsp-services.js';
import { startOpsbookLanguageServer } from './lsp/server/start-server.js';
import { OpsbookNodeFileSystem } from './node/node-file-system.js';

/** The language server over stdio (`opsbook-language-server --stdio`) or node IPC (the VS Code client). */
function startServer(): void {
    const connection = createConnection(ProposedFeatures.all);

    // A bug in one handler must not take the editor's diagnostics down with it: log it and keep serving.
    // (Request handlers already answer errors with an error reply; this catches what escapes elsewhere.)
    process.on('uncaughtException', error => {
        connection.console.error(`Opsbook language server: uncaught ${error.stack ?? error.message}`);
    });
    process.on('unhandledRejection', reason => {
        connection.console.error(
            `Opsbook language server: unhandled ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`
        );
    });

    startOpsbookLanguageServer(connection, OpsbookNodeFileSystem);
}

if (startupSnapshot.isBuildingSnapshot()) {
    // Building the server's V8 startup snapshot (packages/cli/bin/snapshot.cjs; ARCHITECTURE.md
    // "Start-up"): the bundle initialised and the service set made, without a connection; the bin
    // (packages/cli/bin/opsbook-language-server.cjs), started from it, calls `startServer`.
    prepareServices(OpsbookNodeFileSystem);
    (globalThis as Record<symbol, unknown>)[Symbol.for('opsbook.snapshot.server')] = startServer;
} else {
    startServer();
}
