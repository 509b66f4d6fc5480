import 'opsbook-language/polyfill';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startupSnapshot } from 'node:v8';
import { URI } from 'langium';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { cliText } from './i18n/cli-text-for.js';
import { localeOfEnvironment } from './i18n/locale.js';
import { createOpsbookServices, prepareServices } from './lsp/lsp-services.js';
import { startOpsbookLanguageServer } from './lsp/server/start-server.js';
import { OpsbookNodeFileSystem } from './node/node-file-system.js';

/** How vscode-languageserver's `createConnection()` learns its transport from the command line. */
const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe='];

/** The language server over stdio (`opsbook-language-server --stdio`) or node IPC (the VS Code client). */
function startServer(): void {
    const args = process.argv.slice(2);
    const transport = args.some(arg => TRANSPORTS.some(t => (t.endsWith('=') ? arg.startsWith(t) : arg === t)));
    if (!transport || args.includes('--help')) {
        // Started by hand: one line saying how, not the library's "Connection input stream is not set" trace.
        process.stderr.write(`${cliText(localeOfEnvironment(process.env) ?? 'en').serverUsage}\n`);
        process.exitCode = args.includes('--help') ? 0 : 2;
        return;
    }
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

/**
 * Building the server's V8 startup snapshot (packages/cli/bin/snapshot.cjs; ARCHITECTURE.md "Start-up"):
 * the functions a build runs compiled, by building the playbooks of `warmUpFolder` (the starter files of
 * `opsbook init`, written by the snapshot's builder) with a service set of their own, which is dropped;
 * then the server's service set made without a connection, its lexer and parser built. The bin
 * (packages/cli/bin/opsbook-language-server.cjs), started from the snapshot, calls `startServer`,
 * which reads the process's arguments and streams as a plain start does.
 */
async function buildingSnapshot(warmUpFolder: string | undefined): Promise<void> {
    if (warmUpFolder) {
        const { shared } = createOpsbookServices({ ...OpsbookNodeFileSystem });
        const documents = await Promise.all(
            fs
                .readdirSync(warmUpFolder)
                .filter(name => name.endsWith('.ops'))
                .map(name => shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(path.join(warmUpFolder, name))))
        );
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    }
    prepareServices();
    (globalThis as Record<symbol, unknown>)[Symbol.for('opsbook.snapshot.server')] = startServer;
}

if (startupSnapshot.isBuildingSnapshot()) void buildingSnapshot(process.argv[3]);
else startServer();
