import 'opsbook-language/polyfill';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startOpsbookLanguageServer } from './lsp/server/start-server.js';
import { OpsbookNodeFileSystem } from './node/node-file-system.js';

// The language server over stdio (`opsbook-language-server --stdio`) or node IPC (the VS Code client).
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
