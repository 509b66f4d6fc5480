#!/usr/bin/env node
// Measures the bundled language server over stdio, as an editor sees it: start-up, then for one file
// the time from an ordinary edit (`didChange`) to its fresh `publishDiagnostics`, and the time to
// answer completion and hover. Prints one JSON object. For `npm run bench` and for a quick look:
//
//   node tests/protocol/latency-probe.mjs WORKSPACE_FOLDER FILE [--edits 50] [--requests 50] [--at LINE:COL] [--delay MS]
//
// FILE is relative to WORKSPACE_FOLDER. Edits alternately insert and remove a space at the end of the
// middle line of FILE, one at a time (each waits for its diagnostics). Completion and hover are asked
// at --at (0-based; default: the middle line's first non-blank character). --delay sets the server's
// diagnosticsDelay (default: the server's own, 10 ms).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const protocol = require('vscode-languageserver-protocol/node');
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER = path.join(REPO, 'packages/cli/bin/opsbook-language-server.cjs');

function option(name, fallback) {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? process.argv[index + 1] : fallback;
}

function summary(times) {
    const sorted = [...times].sort((a, b) => a - b);
    const at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    const round = value => Math.round(value * 10) / 10;
    return { n: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1]) };
}

export async function probe({ folder, file, edits = 50, requests = 50, at, delay }) {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: folder, stdio: 'pipe' });
    const connection = protocol.createProtocolConnection(
        new protocol.StreamMessageReader(child.stdout),
        new protocol.StreamMessageWriter(child.stdin)
    );
    const published = [];
    const waiters = [];
    connection.onNotification('textDocument/publishDiagnostics', params => {
        published.push(params.uri);
        for (const waiter of [...waiters]) waiter();
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    const waitFor = predicate =>
        new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error('no diagnostics within 60 s')), 60_000);
            const check = () => {
                if (!predicate()) return;
                clearTimeout(timer);
                waiters.splice(waiters.indexOf(check), 1);
                resolve();
            };
            waiters.push(check);
            check();
        });
    const rootUri = pathToFileURL(folder).href;
    const uri = pathToFileURL(path.join(folder, file)).href;
    const files = fs.readdirSync(folder, { recursive: true }).filter(
        name =>
            String(name).endsWith('.ops') &&
            !String(name)
                .split(path.sep)
                .some(part => part.startsWith('.') || part === 'node_modules')
    ).length;

    const started = performance.now();
    await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: path.basename(folder) }],
        capabilities: {},
        initializationOptions: delay === undefined ? {} : { diagnosticsDelay: Number(delay) }
    });
    const initialized = performance.now() - started;
    await connection.sendNotification('initialized', {});
    await waitFor(() => new Set(published).size >= files);
    const workspaceValidated = performance.now() - started;

    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    const lines = text.split('\n');
    const middle = Math.floor(lines.length / 2);
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'opsbook', version: 1, text } });
    const editTimes = [];
    let version = 1;
    for (let i = 0; i < edits; i++) {
        const end = { line: middle, character: (lines[middle] ?? '').length };
        const change =
            i % 2 === 0
                ? { range: { start: end, end }, text: ' ' }
                : { range: { start: end, end: { line: middle, character: end.character + 1 } }, text: '' };
        const before = published.length;
        const sent = performance.now();
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: ++version },
            contentChanges: [change]
        });
        await waitFor(() => published.slice(before).includes(uri));
        editTimes.push(performance.now() - sent);
    }
    const position = at
        ? { line: Number(at.split(':')[0]), character: Number(at.split(':')[1]) }
        : { line: middle, character: (lines[middle] ?? '').search(/\S|$/) };
    const timed = async method => {
        const times = [];
        for (let i = 0; i < requests; i++) {
            const sent = performance.now();
            await connection.sendRequest(method, { textDocument: { uri }, position });
            times.push(performance.now() - sent);
        }
        return summary(times);
    };
    const result = {
        file,
        lines: lines.length,
        workspaceFiles: files,
        initializeMs: Math.round(initialized),
        workspaceValidatedMs: Math.round(workspaceValidated),
        editToDiagnosticsMs: summary(editTimes),
        completionMs: await timed('textDocument/completion'),
        hoverMs: await timed('textDocument/hover')
    };
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
    return result;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
    const [folder, file] = process.argv.slice(2).filter((arg, index, all) => !arg.startsWith('--') && !all[index - 1]?.startsWith('--'));
    if (!folder || !file) {
        console.error(
            'usage: node tests/protocol/latency-probe.mjs WORKSPACE_FOLDER FILE [--edits N] [--requests N] [--at LINE:COL] [--delay MS]'
        );
        process.exit(2);
    }
    probe({
        folder: path.resolve(folder),
        file,
        edits: Number(option('edits', 50)),
        requests: Number(option('requests', 50)),
        at: option('at'),
        delay: option('delay')
    }).then(
        result => console.log(JSON.stringify(result, null, 2)),
        error => {
            console.error(`latency-probe: ${error.message}`);
            process.exit(1);
        }
    );
}
