import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection,
    type Diagnostic,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    type InitializeResult,
    InitializeRequest,
    InitializedNotification,
    type ProtocolConnection,
    PublishDiagnosticsNotification,
    type PublishDiagnosticsParams,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter,
    type TextDocumentContentChangeEvent
} from 'vscode-languageserver-protocol/node';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const SERVER_BIN = path.join(REPO, 'packages/cli/bin/opsbook-language-server.cjs');
/** Its POSIX launcher, which starts node from the startup snapshot (ARCHITECTURE.md, "Start-up"). */
export const SERVER_LAUNCHER = path.join(REPO, 'packages/cli/bin/opsbook-language-server.sh');

export function fileUri(file: string): string {
    return pathToFileURL(file).href;
}

/**
 * A real LSP client for tests: spawns the bundled server (`opsbook-language-server --stdio`), speaks
 * JSON-RPC over its stdin/stdout, records every `publishDiagnostics`, and lets a test wait for them.
 */
export class LspTestClient {
    readonly connection: ProtocolConnection;
    readonly diagnostics = new Map<string, Diagnostic[]>();
    /** Every publishDiagnostics in order, with the time it arrived (performance.now()). */
    readonly published: { params: PublishDiagnosticsParams; at: number }[] = [];
    readonly stderr: string[] = [];
    readonly logs: string[] = [];
    /** The editor's settings by section (`opsbook`), answered to `workspace/configuration`; every section asked for is recorded. */
    readonly settings: Record<string, unknown> = {};
    readonly configurationRequests: string[] = [];
    private readonly versions = new Map<string, number>();
    private readonly waiters: { predicate: () => boolean; resolve: () => void }[] = [];
    exitCode: number | null | undefined;

    private constructor(readonly process: ChildProcessWithoutNullStreams) {
        this.connection = createProtocolConnection(new StreamMessageReader(process.stdout), new StreamMessageWriter(process.stdin));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.published.push({ params, at: performance.now() });
            this.wake();
        });
        this.connection.onNotification('window/logMessage', (params: { message: string }) => this.logs.push(params.message));
        this.connection.onRequest('client/registerCapability', () => null);
        this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
            params.items.map(item => {
                this.configurationRequests.push(item.section ?? '');
                return (item.section !== undefined ? this.settings[item.section] : undefined) ?? null;
            })
        );
        this.connection.onRequest('window/workDoneProgress/create', () => null);
        process.stderr.on('data', chunk => this.stderr.push(String(chunk)));
        process.on('exit', code => {
            this.exitCode = code;
        });
        this.connection.listen();
    }

    static start(args: string[] = ['--stdio']): LspTestClient {
        // Through the launcher: from the startup snapshot the build wrote (ARCHITECTURE.md, "Start-up").
        const child = spawn(SERVER_LAUNCHER, args, { cwd: REPO, stdio: 'pipe' });
        return new LspTestClient(child);
    }

    /** `workspaceConfiguration`: announce `workspace.configuration` (the server then pulls `settings`). */
    async initialize(
        rootFolder: string,
        options: { locale?: string; initializationOptions?: unknown; workspaceConfiguration?: boolean } = {}
    ): Promise<InitializeResult> {
        const result = await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: fileUri(rootFolder),
            workspaceFolders: [{ uri: fileUri(rootFolder), name: path.basename(rootFolder) }],
            locale: options.locale ?? 'en',
            initializationOptions: options.initializationOptions,
            capabilities: {
                textDocument: {
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown'] },
                    publishDiagnostics: { relatedInformation: true },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } }
                },
                workspace: { workspaceFolders: true, configuration: options.workspaceConfiguration ?? false }
            }
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
        return result;
    }

    async open(file: string, text = fs.readFileSync(file, 'utf8')): Promise<string> {
        const uri = fileUri(file);
        this.versions.set(uri, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'opsbook', version: 1, text }
        });
        return uri;
    }

    async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version },
            contentChanges: changes
        });
    }

    /** Resolves when `predicate` holds (checked after each publishDiagnostics), or fails after `timeout` ms. */
    waitFor(predicate: () => boolean, what: string, timeout = 15000): Promise<void> {
        if (predicate()) return Promise.resolve();
        return new Promise((resolve, reject) => {
            const timer = setTimeout(
                () =>
                    reject(
                        new Error(`timed out after ${timeout} ms waiting for ${what}; server stderr: ${this.stderr.join('').slice(-2000)}`)
                    ),
                timeout
            );
            this.waiters.push({
                predicate,
                resolve: () => {
                    clearTimeout(timer);
                    resolve();
                }
            });
        });
    }

    /** The next diagnostics published for `uri` after this call (or the current ones, with `current`). */
    nextDiagnostics(uri: string, from = this.published.length): Promise<Diagnostic[]> {
        let found: Diagnostic[] | undefined;
        return this.waitFor(() => {
            const entry = this.published.slice(from).find(p => p.params.uri === uri);
            found = entry?.params.diagnostics;
            return found !== undefined;
        }, `diagnostics for ${uri}`).then(() => found as Diagnostic[]);
    }

    async stop(): Promise<void> {
        if (this.exitCode === undefined) {
            try {
                await withTimeout(this.connection.sendRequest(ShutdownRequest.type), 3000);
                await this.connection.sendNotification(ExitNotification.type);
            } catch {
                // the server is gone or hung: kill it below
            }
        }
        await new Promise<void>(resolve => {
            if (this.exitCode !== undefined) return resolve();
            const timer = setTimeout(() => {
                this.process.kill('SIGKILL');
                resolve();
            }, 3000);
            this.process.once('exit', () => {
                clearTimeout(timer);
                resolve();
            });
        });
        this.connection.dispose();
    }

    private wake(): void {
        for (const waiter of [...this.waiters]) {
            if (waiter.predicate()) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve();
            }
        }
    }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what = 'the server'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
        promise.then(
            value => {
                clearTimeout(timer);
                resolve(value);
            },
            error => {
                clearTimeout(timer);
                reject(error);
            }
        );
    });
}
