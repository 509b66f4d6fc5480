// One short language server session for the build (scripts/bundle.mjs): start the bundled server with
// OPSBOOK_WRITE_CODE_CACHE=1, open an example, wait for its diagnostics, shut down. The server writes its
// V8 code cache when it exits (packages/cli/bin/load-bundle.cjs). Raw JSON-RPC framing: no dependency.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Starts the server, opens examples/saas/saas.ops, waits for its diagnostics, shuts it down; true if it went so. */
export async function serverSession() {
    const child = spawn(process.execPath, ['packages/cli/bin/opsbook-language-server.cjs', '--stdio'], {
        env: { ...process.env, OPSBOOK_WRITE_CODE_CACHE: '1' },
        stdio: ['pipe', 'pipe', 'ignore']
    });
    const send = message => {
        const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
        child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
    };
    const file = path.resolve('examples/saas/saas.ops');
    const uri = pathToFileURL(file).href;
    let received = Buffer.alloc(0);
    const done = new Promise(resolve => {
        const timer = setTimeout(() => resolve(false), 60_000);
        let shutDown = false;
        child.on('exit', code => {
            clearTimeout(timer);
            resolve(shutDown && code === 0);
        });
        child.stdout.on('data', chunk => {
            received = Buffer.concat([received, chunk]);
            for (;;) {
                const header = received.indexOf('\r\n\r\n');
                if (header < 0) return;
                const length = Number(/Content-Length: (\d+)/i.exec(received.subarray(0, header).toString())?.[1]);
                if (received.length < header + 4 + length) return;
                const message = JSON.parse(received.subarray(header + 4, header + 4 + length).toString());
                received = received.subarray(header + 4 + length);
                if (message.id === 1 && 'result' in message) {
                    send({ method: 'initialized', params: {} });
                    send({
                        method: 'textDocument/didOpen',
                        params: { textDocument: { uri, languageId: 'opsbook', version: 1, text: fs.readFileSync(file, 'utf8') } }
                    });
                } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
                    clearTimeout(timer);
                    send({ id: 2, method: 'shutdown' });
                } else if (message.id === 2) {
                    shutDown = true;
                    send({ method: 'exit' });
                } else if (message.id !== undefined && message.method) {
                    send({ id: message.id, result: null }); // requests from the server (configuration, …)
                }
            }
        });
    });
    send({
        id: 1,
        method: 'initialize',
        params: { processId: process.pid, rootUri: pathToFileURL(path.dirname(file)).href, capabilities: {}, workspaceFolders: null }
    });
    return done;
}
