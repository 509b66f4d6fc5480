#!/usr/bin/env node
// Measures what a huge document costs the rest of the editor, over stdio against the bundled server:
// a ≈5 MB playbook (bench/generate.mjs, --lines, default 150,000) and a small file are open; the huge
// one is edited every --every ms (default 400, each edit cancelling the last build), --edits times
// (default 8), while a hover on the small file is sent every 25 ms (open loop). Prints one JSON object: hover
// latency on the small file while the huge one rebuilds (median, p95, max), time from the last edit to
// the huge file's diagnostics, and how many builds of the huge file published diagnostics (a build
// cancelled by the next edit publishes none).
//
//   node tests/protocol/huge-edit-probe.mjs [--lines 150000] [--edits 8] [--every 400]
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { singlePlaybook } from '../../bench/generate.mjs';

const require = createRequire(import.meta.url);
const protocol = require('vscode-languageserver-protocol/node');
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// PROBE_SERVER=FILE runs another build of the server (e.g. one bundled from an older checkout).
const SERVER = process.env.PROBE_SERVER ?? path.join(REPO, 'packages/cli/bin/opsbook-language-server.cjs');

function option(name, fallback) {
    const index = process.argv.indexOf(`--${name}`);
    return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

function summary(times) {
    const sorted = [...times].sort((a, b) => a - b);
    const at = q => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    const round = value => Math.round(value * 10) / 10;
    return { n: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1]) };
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

const lines = option('lines', 150_000);
const edits = option('edits', 8);
const every = option('every', 400);
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-huge-'));
fs.writeFileSync(path.join(folder, 'opsbook.json'), '{}\n');
const hugeText = singlePlaybook(lines);
const smallText =
    'metric signups "Signups" count\nperson alice "Alice"\ngoal Seed "Seed users" {\n  target 2万 signups by 2027-03-31\n  owner alice\n}\n';
fs.writeFileSync(path.join(folder, 'huge.ops'), hugeText);
fs.writeFileSync(path.join(folder, 'small.ops'), smallText);
const huge = pathToFileURL(path.join(folder, 'huge.ops')).href;
const small = pathToFileURL(path.join(folder, 'small.ops')).href;

// PROBE_CPU_PROF=DIR writes a CPU profile of the server there (node --cpu-prof).
const profile = process.env.PROBE_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROBE_CPU_PROF}`] : [];
const child = spawn(process.execPath, [...profile, SERVER, '--stdio'], { cwd: folder, stdio: 'pipe' });
// The server's stderr is read (an unread pipe would fill up and block the server), shown with PROBE_LOG.
child.stderr.on('data', chunk => {
    if (process.env.PROBE_LOG) process.stderr.write(`server stderr: ${String(chunk).slice(0, 600)}\n`);
});
const connection = protocol.createProtocolConnection(
    new protocol.StreamMessageReader(child.stdout),
    new protocol.StreamMessageWriter(child.stdin)
);
const published = [];
connection.onNotification('textDocument/publishDiagnostics', params => published.push({ uri: params.uri, at: performance.now() }));
connection.onRequest('client/registerCapability', () => null);
// The server's log, on stderr when PROBE_LOG is set (an error in a build shows here).
connection.onNotification('window/logMessage', params => {
    if (process.env.PROBE_LOG) console.error(`server log: ${params.message.slice(0, 400)}`);
});
connection.onRequest('workspace/configuration', params => params.items.map(() => null));
connection.listen();
const until = async (predicate, what, ms = 300_000) => {
    const deadline = performance.now() + ms;
    while (!predicate()) {
        if (performance.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
        await sleep(5);
    }
};

await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'ws' }],
    capabilities: {}
});
await connection.sendNotification('initialized', {});
const startOpen = performance.now();
await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: huge, languageId: 'opsbook', version: 1, text: hugeText }
});
await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: small, languageId: 'opsbook', version: 1, text: smallText }
});
await until(() => published.some(p => p.uri === huge) && published.some(p => p.uri === small), 'first diagnostics');
const firstBuild = performance.now() - startOpen;

const hovers = [];
const timeline = [];
const firstEdit = performance.now();
let editing = true;
// Open loop: a hover every 25 ms whether or not the last one was answered, so a stall of the server
// shows as many slow replies, not as one.
const inFlight = [];
const hoverLoop = (async () => {
    while (editing) {
        const started = performance.now();
        inFlight.push(
            connection.sendRequest('textDocument/hover', { textDocument: { uri: small }, position: { line: 2, character: 6 } }).then(() => {
                hovers.push(performance.now() - started);
                timeline.push([started - firstEdit, performance.now() - started]);
            })
        );
        await sleep(25);
    }
    await Promise.all(inFlight);
})();

const before = published.filter(p => p.uri === huge).length;
let lastEdit = 0;
for (let version = 2; version <= edits + 1; version++) {
    // A real keystroke: the text changes by one character near the middle.
    const middle = Math.floor(hugeText.length / 2);
    const text = `${hugeText.slice(0, middle)}${version % 2 === 0 ? ' ' : ''}${hugeText.slice(middle)}`;
    lastEdit = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri: huge, version }, contentChanges: [{ text }] });
    if (version <= edits) await sleep(every);
}
const publishedBefore = published.length;
await until(
    () => published.slice(publishedBefore).some(p => p.uri === huge) || published.filter(p => p.uri === huge && p.at > lastEdit).length > 0,
    'diagnostics of the last edit'
);
const lastDiagnostics = published.filter(p => p.uri === huge && p.at > lastEdit)[0].at - lastEdit;
editing = false;
await hoverLoop;
const builds = published.filter(p => p.uri === huge).length - before;
if (process.env.PROBE_TIMELINE) {
    // The slowest hover sent in each 250 ms after the first edit: where the server stalled.
    const buckets = new Map();
    for (const [at, ms] of timeline) buckets.set(Math.floor(at / 250), Math.max(buckets.get(Math.floor(at / 250)) ?? 0, Math.round(ms)));
    console.error(
        [...buckets.entries()]
            .sort((a, b) => a[0] - b[0])
            .map(([b, ms]) => `${b * 250}:${ms}`)
            .join(' ')
    );
}
console.log(
    JSON.stringify({
        lines,
        megabytes: Math.round((hugeText.length / 1e6) * 10) / 10,
        edits,
        everyMs: every,
        firstBuildMs: Math.round(firstBuild),
        lastEditToDiagnosticsMs: Math.round(lastDiagnostics),
        hugeBuildsPublished: builds,
        hoverOnOtherFileMs: summary(hovers),
        load: os.loadavg()[0].toFixed(1)
    })
);
await connection.sendRequest('shutdown');
await connection.sendNotification('exit');
await new Promise(resolve => child.on('exit', resolve));
connection.dispose();
fs.rmSync(folder, { recursive: true, force: true });
process.exit(0);
