// The language server in a web worker: the playground's and the VS Code extension's `browser` entry
// (bundled to a worker script with esbuild, platform browser). The same services as server-main.ts;
// files come from an in-memory file system that the client fills through `initializationOptions.files`
// ({ uri: text }, e.g. the playground's examples, so imports resolve), else only what the editor opens.
// No Node built-in may be reached from here (tests/architecture/node-builtins.test.ts).

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startOpsbookLanguageServer } from '../lsp/server/start-server.js';
import { MemoryFileSystemProvider } from './memory-file-system.js';

/** What the worker's client may add to `initializationOptions` besides the server's own options. */
export interface WorkerInitializationOptions {
    /** Files the server can read (imports, opsbook.json), by URI. */
    files?: Record<string, string>;
}

/** The worker's global scope, as much of it as is used here (the package compiles without the DOM library). */
interface WorkerScope {
    addEventListener(type: 'error' | 'unhandledrejection', listener: (event: { message?: string; reason?: unknown }) => void): void;
}
type MessagePortLike = ConstructorParameters<typeof BrowserMessageReader>[0];

const scope = globalThis as unknown as WorkerScope;
const port = scope as unknown as MessagePortLike;
const memory = new MemoryFileSystemProvider();
const connection = createConnection(new BrowserMessageReader(port), new BrowserMessageWriter(port));
scope.addEventListener('error', event => connection.console.error(`Opsbook language server: uncaught ${event.message}`));
scope.addEventListener('unhandledrejection', event => {
    const reason = event.reason;
    connection.console.error(
        `Opsbook language server: unhandled ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`
    );
});

const { shared } = startOpsbookLanguageServer(connection, { fileSystemProvider: () => memory });
shared.lsp.LanguageServer.onInitialize(params => {
    const files = (params.initializationOptions as WorkerInitializationOptions | undefined)?.files;
    if (files && typeof files === 'object') memory.write(files);
});
