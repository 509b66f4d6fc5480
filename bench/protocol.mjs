// Measurements over the Language Server Protocol: the bundled server is spawned over stdio and driven
// the way an editor drives it (vscode-jsonrpc), and every time is taken on the client's side.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

/** The bundled server; BENCH_SERVER names another build's (an A/B comparison of two bundles). */
export const SERVER = path.resolve(process.env.BENCH_SERVER ?? 'packages/cli/bin/opsbook-language-server.cjs');

/** A started server with a connected client; `published` tracks publishDiagnostics by URI. */
export async function startServer(folder, { timeoutMs = 120_000, plain = false } = {}) {
    const spawnedAt = performance.now();
    // Through the POSIX launcher (bin/opsbook-language-server.sh: node started from the startup snapshot
    // when it can); with node flags (BENCH_SERVER_FLAGS, e.g. --cpu-prof) node runs the bin directly.
    const flags = process.env.BENCH_SERVER_FLAGS ? process.env.BENCH_SERVER_FLAGS.split(' ') : [];
    const child =
        flags.length > 0 || plain
            ? spawn(process.execPath, [...flags, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] })
            : spawn(SERVER.replace(/\.cjs$/, '.sh'), ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', chunk => {
        stderr += chunk;
    });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const waiters = new Set();
    const server = {
        child,
        connection,
        spawnedAt,
        /** uri → number of publishDiagnostics received, and the last one's time and diagnostics. */
        published: new Map(),
        stderr: () => stderr,
        /** Resolves with the time when `predicate()` first holds after a notification. */
        waitUntil(predicate, what) {
            if (predicate()) return Promise.resolve(performance.now());
            return new Promise((resolve, reject) => {
                const waiter = {
                    check: () => {
                        if (!predicate()) return;
                        clearTimeout(timer);
                        waiters.delete(waiter);
                        resolve(performance.now());
                    }
                };
                const timer = setTimeout(() => {
                    waiters.delete(waiter);
                    reject(
                        new Error(
                            `timed out after ${timeoutMs} ms waiting for ${what}${stderr ? `; server said: ${stderr.slice(-500)}` : ''}`
                        )
                    );
                }, timeoutMs);
                waiters.add(waiter);
            });
        },
        async stop() {
            try {
                await Promise.race([connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]);
                connection.sendNotification('exit');
            } catch {
                // the server may already be gone
            }
            await new Promise(resolve => {
                const timer = setTimeout(() => {
                    child.kill('SIGKILL');
                    resolve();
                }, 3000);
                child.once('exit', () => {
                    clearTimeout(timer);
                    resolve();
                });
            });
            connection.dispose();
        }
    };
    connection.onNotification('textDocument/publishDiagnostics', params => {
        const entry = server.published.get(params.uri) ?? { count: 0 };
        entry.count++;
        entry.at = performance.now();
        entry.diagnostics = params.diagnostics;
        server.published.set(params.uri, entry);
        for (const waiter of [...waiters]) waiter.check();
    });
    connection.onRequest('workspace/configuration', params => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification(() => {});
    connection.listen();
    const rootUri = pathToFileURL(folder).href;
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: path.basename(folder) }],
        capabilities: {
            workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: {
                synchronization: { dynamicRegistration: false, didSave: true },
                publishDiagnostics: { relatedInformation: true },
                completion: { completionItem: { snippetSupport: true } }
            }
        }
    });
    connection.sendNotification('initialized', {});
    return server;
}

/** Opens a file in the server (didOpen) and returns its URI and a mutable copy of its text. */
export function openFile(server, file) {
    const uri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8');
    server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'opsbook', version: 1, text } });
    return { uri, lines: text.split('\n'), version: 1 };
}

/** Percentile of a sorted copy (nearest rank). */
export function percentile(values, p) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function summarize(values) {
    return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) };
}

/**
 * Cold start: spawn the server on `folder`, open `file`, and time until its first diagnostics arrive.
 * Also reports the time to the initialize reply. `plain`: node runs the bin itself (no startup snapshot), as
 * `npx opsbook-language-server` and an editor that starts the bundle with its own node do.
 */
export async function coldStart(folder, file, { plain = false } = {}) {
    const server = await startServer(folder, { plain });
    const initializedAt = performance.now();
    const document = openFile(server, file);
    const firstDiagnostics = await server.waitUntil(() => server.published.has(document.uri), 'first diagnostics');
    const result = {
        initializeMs: initializedAt - server.spawnedAt,
        firstDiagnosticsMs: firstDiagnostics - server.spawnedAt,
        firstDiagnosticsCpuMs: serverCpuMs(server),
        diagnostics: server.published.get(document.uri).diagnostics.length
    };
    await server.stop();
    return result;
}

/** Replaces the text between the first pair of quotes, as a user retyping a title would. */
export function retypeTitle(text, i) {
    const open = text.indexOf('"');
    const close = text.indexOf('"', open + 1);
    if (open < 0 || close < 0) throw new Error(`no quoted text to edit: ${text}`);
    return { open, close: close + 1, replacement: `"edit ${i} of ${text.slice(open + 1, close).replace(/^edit \d+ of /, '')}"` };
}

/** Changes a figure: the first `capacity N%` of the line alternates between 100% and 90%. */
export function changeCapacity(text, i) {
    const match = /capacity \d+%/.exec(text);
    if (!match) throw new Error(`no capacity to edit: ${text}`);
    return { open: match.index, close: match.index + match[0].length, replacement: `capacity ${i % 2 === 0 ? 90 : 100}%` };
}

/**
 * Edits one line of an open document `count` times (by default retyping its title; `change` says how),
 * each time waiting for fresh diagnostics: of the edited file, and, with `dependants`, of that many other
 * files as well. With `quietMs`, after the edited file's diagnostics it waits until the server has been
 * quiet that long and counts the other files whose diagnostics were published again (`republished`).
 */
export async function editLatencies(server, document, { line, count, warmup = 3, dependants = 0, change = retypeTitle, quietMs = 0 }) {
    const own = [];
    const all = [];
    const republished = [];
    for (let i = 0; i < warmup + count; i++) {
        const text = document.lines[line];
        const { open, close: end, replacement } = change(text, i);
        const close = end - 1;
        document.lines[line] = text.slice(0, open) + replacement + text.slice(close + 1);
        document.version++;
        const before = new Map([...server.published].map(([uri, entry]) => [uri, entry.count]));
        const fresh = uri => (server.published.get(uri)?.count ?? 0) > (before.get(uri) ?? 0);
        const sentAt = performance.now();
        server.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: document.uri, version: document.version },
            contentChanges: [{ range: { start: { line, character: open }, end: { line, character: close + 1 } }, text: replacement }]
        });
        const ownAt = await server.waitUntil(() => fresh(document.uri), `diagnostics of ${document.uri}`);
        let allAt = ownAt;
        if (dependants > 0) {
            allAt = await server.waitUntil(() => {
                let n = 0;
                for (const uri of server.published.keys()) if (uri !== document.uri && fresh(uri)) n++;
                return n >= dependants;
            }, `diagnostics of ${dependants} dependants`);
        }
        if (quietMs > 0) {
            for (;;) {
                const idle = performance.now() - Math.max(...[...server.published.values()].map(entry => entry.at));
                if (idle >= quietMs) break;
                await new Promise(resolve => setTimeout(resolve, quietMs - idle));
            }
        }
        if (i >= warmup) {
            own.push(ownAt - sentAt);
            all.push(allAt - sentAt);
            if (quietMs > 0) republished.push([...server.published.keys()].filter(uri => uri !== document.uri && fresh(uri)).length);
        }
    }
    return { own: summarize(own), all: summarize(all), ...(quietMs > 0 ? { republishedMax: Math.max(...republished) } : {}) };
}

/** Completion requests at a position of an open, built document. */
export async function completionLatencies(server, document, { line, character, count, warmup = 3 }) {
    const times = [];
    let items = 0;
    for (let i = 0; i < warmup + count; i++) {
        const sentAt = performance.now();
        const result = await server.connection.sendRequest('textDocument/completion', {
            textDocument: { uri: document.uri },
            position: { line, character }
        });
        if (i >= warmup) times.push(performance.now() - sentAt);
        items = Array.isArray(result) ? result.length : (result?.items?.length ?? 0);
    }
    return { ...summarize(times), items };
}

/** CPU time (user + system) of the server so far (Linux: /proc/PID/stat, in clock ticks of 10 ms). */
export function serverCpuMs(server) {
    try {
        const fields = fs.readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
        return null;
    }
}

/** Peak resident memory of the server so far (Linux: VmHWM), in kB. */
export function serverPeakRssKb(server) {
    try {
        const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
        const match = /VmHWM:\s+(\d+) kB/.exec(status);
        return match ? Number(match[1]) : null;
    } catch {
        return null;
    }
}

/**
 * The live plan preview (issue 19): edits one line of an open playbook `count` times and, as the
 * extension's preview does after each change, asks for the plan (`opsbook/renderPlan`) at once; the
 * time is from the didChange to the plan's reply (the server waits for the edit's build first). Also
 * the server's CPU time per update (mean over the measured updates, from /proc in 10 ms ticks).
 */
export async function planPreviewLatencies(server, document, { line, count, warmup = 3, change = retypeTitle, locale, format }) {
    const times = [];
    let cpuBefore = 0;
    let bytes = 0;
    for (let i = 0; i < warmup + count; i++) {
        if (i === warmup) cpuBefore = serverCpuMs(server);
        const text = document.lines[line];
        const { open, close, replacement } = change(text, i);
        document.lines[line] = text.slice(0, open) + replacement + text.slice(close);
        document.version++;
        const sentAt = performance.now();
        server.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: document.uri, version: document.version },
            contentChanges: [{ range: { start: { line, character: open }, end: { line, character: close } }, text: replacement }]
        });
        const reply = await server.connection.sendRequest('opsbook/renderPlan', {
            uri: document.uri,
            ...(locale ? { locale } : {}),
            ...(format ? { format } : {})
        });
        if (i >= warmup) times.push(performance.now() - sentAt);
        const rendered = format === 'html' ? reply.html : reply.markdown;
        if (!rendered.includes(replacement.slice(1, -1))) throw new Error(`the plan does not show the edit ${replacement}`);
        bytes = Buffer.byteLength(rendered);
    }
    const cpuAfter = serverCpuMs(server);
    return {
        ...summarize(times),
        cpuMeanMs: cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / count : null,
        bytes
    };
}

/** The plan preview on a generated 10k-line playbook, alone: `node bench/protocol.mjs --plan-preview [--count=N] [--locale=zh-CN]`. */
async function planPreviewMain(args) {
    const option = optionOf(args);
    await withGeneratedPlaybook('opsbook-preview-', async folder => {
        const result = await measurePlanPreview(folder, 'playbook.ops', {
            count: Number(option('count') ?? 40),
            locale: option('locale'),
            format: option('format')
        });
        console.log(JSON.stringify(result, null, 2));
    });
}

/** `--name=value` of the command line, by name. */
function optionOf(args) {
    return name => args.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** Runs `run` on a temporary folder holding a generated 10k-line playbook.ops and an empty opsbook.json, then removes it. */
async function withGeneratedPlaybook(prefix, run) {
    const { singlePlaybook } = await import('./generate.mjs');
    const os = await import('node:os');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    try {
        fs.writeFileSync(path.join(folder, 'opsbook.json'), '{}\n');
        fs.writeFileSync(path.join(folder, 'playbook.ops'), singlePlaybook(10_000));
        await run(folder);
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}

/**
 * Starts a server on `folder`, opens `file`, waits until it is built, then measures plan preview
 * updates after edits in the middle of the file (retyping a goal's title, which the plan shows).
 */
export async function measurePlanPreview(folder, file, { count = 40, warmup = 3, locale, format } = {}) {
    const server = await startServer(folder);
    try {
        const document = openFile(server, path.join(folder, file));
        await server.waitUntil(() => server.published.has(document.uri), 'first diagnostics');
        const middle = Math.floor(document.lines.length / 2);
        let line = middle;
        while (line < document.lines.length && !/^goal \S+ "/.test(document.lines[line])) line++;
        if (line === document.lines.length) throw new Error('no goal with a title after the middle of the file');
        const preview = await planPreviewLatencies(server, document, { line, count, warmup, locale, format });
        return { ...preview, line: line + 1, serverPeakRssKb: serverPeakRssKb(server) };
    } finally {
        await server.stop();
    }
}

/**
 * An edit inside the generated 10k-line playbook → its diagnostics, alone (the issue-7 row of `npm run bench`, as
 * `measureLargeFile` edits it: a `rationale` line in the middle): `node bench/protocol.mjs --edit [--count=N]`. Also the
 * server's CPU time per edit (mean over the measured edits, /proc, 10 ms ticks).
 */
async function editMain(args) {
    const option = optionOf(args);
    await withGeneratedPlaybook('opsbook-edit-', async folder => {
        const server = await startServer(folder);
        try {
            const document = openFile(server, path.join(folder, 'playbook.ops'));
            await server.waitUntil(() => server.published.has(document.uri), 'first diagnostics');
            let line = Math.floor(document.lines.length / 2);
            while (line < document.lines.length && !/^\s*rationale "/.test(document.lines[line])) line++;
            const count = Number(option('count') ?? 40);
            const warmup = 3;
            await editLatencies(server, document, { line, count: 1, warmup: warmup - 1 });
            const cpuBefore = serverCpuMs(server);
            const edit = await editLatencies(server, document, { line, count, warmup: 0 });
            const cpuAfter = serverCpuMs(server);
            console.log(
                JSON.stringify(
                    {
                        ...edit.own,
                        cpuMeanMs: cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / count : null,
                        line: line + 1
                    },
                    null,
                    2
                )
            );
        } finally {
            await server.stop();
        }
    });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
    const args = process.argv.slice(2);
    if (args.includes('--edit')) await editMain(args);
    else if (args.includes('--plan-preview')) await planPreviewMain(args);
    else {
        console.error(
            'usage: node bench/protocol.mjs --plan-preview [--count=N] [--locale=en|zh-CN] [--format=markdown|html] | --edit [--count=N]'
        );
        process.exit(2);
    }
}
