// A bare-hands LSP client over stdio: it frames and parses JSON-RPC itself, so a test can also send
// what no well-behaved client would (garbage, wrong params, a storm of cancellations) and watch the
// real bundled server process (`opsbook-language-server --stdio`) answer or exit.

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { SERVER_BIN } from './run-cli.js';

export interface JsonRpcMessage {
    jsonrpc: '2.0';
    id?: number | string | null;
    method?: string;
    params?: unknown;
    result?: unknown;
    error?: { code: number; message: string; data?: unknown };
}

export class LspProcess {
    readonly child: ChildProcessWithoutNullStreams;
    readonly received: JsonRpcMessage[] = [];
    stderr = '';
    private buffer = Buffer.alloc(0);
    private nextId = 1;
    private readonly pending = new Map<number | string, (message: JsonRpcMessage) => void>();
    private readonly waiters: { test: (message: JsonRpcMessage) => boolean; resolve: (message: JsonRpcMessage) => void }[] = [];
    readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

    /** The bundled server by default; `command` starts another way (a launcher, `npx`), with its own environment. */
    constructor(cwd: string, command?: { file: string; args: string[]; env?: NodeJS.ProcessEnv }) {
        const [file, args] = command ? [command.file, command.args] : [process.execPath, [SERVER_BIN, '--stdio']];
        this.child = spawn(file, args, { cwd, env: command?.env ?? process.env, stdio: 'pipe' });
        this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
        this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
        // Writing to a server that already exited must not fail the test process with EPIPE.
        this.child.stdin.on('error', () => undefined);
        this.exited = new Promise(resolve => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    }

    private onData(chunk: Buffer): void {
        this.buffer = Buffer.concat([this.buffer, chunk]);
        for (;;) {
            const headerEnd = this.buffer.indexOf('\r\n\r\n');
            if (headerEnd < 0) return;
            const header = this.buffer.subarray(0, headerEnd).toString('ascii');
            const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
            if (this.buffer.length < headerEnd + 4 + length) return;
            const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
            this.buffer = this.buffer.subarray(headerEnd + 4 + length);
            const message = JSON.parse(body) as JsonRpcMessage;
            this.received.push(message);
            this.dispatch(message);
        }
    }

    private dispatch(message: JsonRpcMessage): void {
        if (message.method && message.id !== undefined && message.id !== null) {
            // A request from the server (configuration, registration, progress): answer it plainly.
            const result =
                message.method === 'workspace/configuration'
                    ? ((message.params as { items?: unknown[] })?.items ?? []).map(() => null)
                    : null;
            this.send({ jsonrpc: '2.0', id: message.id, result });
            return;
        }
        if (message.id !== undefined && message.id !== null && !message.method) {
            this.pending.get(message.id)?.(message);
            this.pending.delete(message.id);
        }
        for (const waiter of [...this.waiters]) {
            if (waiter.test(message)) {
                this.waiters.splice(this.waiters.indexOf(waiter), 1);
                waiter.resolve(message);
            }
        }
    }

    /** Sends bytes as they are, without framing. */
    sendRaw(bytes: string | Buffer): void {
        this.child.stdin.write(bytes);
    }

    /** Frames `body` (any text, valid JSON or not) with a correct Content-Length. */
    sendBody(body: string): void {
        this.sendRaw(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
    }

    send(message: JsonRpcMessage): void {
        this.sendBody(JSON.stringify(message));
    }

    /** Sends a request; resolves with the whole response (result or error). */
    request(method: string, params: unknown, id: number | string = this.nextId++): Promise<JsonRpcMessage> {
        const response = new Promise<JsonRpcMessage>(resolve => this.pending.set(id, resolve));
        this.send({ jsonrpc: '2.0', id, method, params });
        return response;
    }

    /** The id the next `request` will use. */
    peekId(): number {
        return this.nextId;
    }

    notify(method: string, params: unknown): void {
        this.send({ jsonrpc: '2.0', method, params });
    }

    /** The next (or an already received) message that passes `test`. */
    waitFor(test: (message: JsonRpcMessage) => boolean, options: { includeReceived?: boolean } = {}): Promise<JsonRpcMessage> {
        if (options.includeReceived) {
            const found = this.received.find(test);
            if (found) return Promise.resolve(found);
        }
        return new Promise(resolve => this.waiters.push({ test, resolve }));
    }

    /** Diagnostics published for `uri` (optionally for one document version). */
    diagnosticsFor(uri: string, version?: number): Promise<JsonRpcMessage> {
        return this.waitFor(
            m =>
                m.method === 'textDocument/publishDiagnostics' &&
                (m.params as { uri: string; version?: number }).uri === uri &&
                (version === undefined || (m.params as { version?: number }).version === version),
            { includeReceived: true }
        );
    }

    async initialize(root: string): Promise<JsonRpcMessage> {
        const response = await this.request('initialize', {
            processId: process.pid,
            rootUri: pathToFileURL(root).href,
            workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true },
                textDocument: { publishDiagnostics: { versionSupport: true }, hover: {}, completion: {} }
            }
        });
        this.notify('initialized', {});
        return response;
    }

    open(uri: string, text: string, version = 1): void {
        this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'opsbook', version, text } });
    }

    /** Polite shutdown; resolves with the exit code. */
    async shutdown(): Promise<number | null> {
        await this.request('shutdown', null);
        this.notify('exit', null);
        return (await this.exited).code;
    }

    kill(): void {
        if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
}

/** Rejects when `promise` takes longer than `ms`, naming `what`. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    return Promise.race([
        promise.finally(() => clearTimeout(timer)),
        new Promise<T>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
        })
    ]);
}
