// SPEC §8 targets (issue 14) on the organisation input (bench/organisation.mjs): over the protocol, an
// edit in a region → the national file's diagnostics, and an edit of the national file → the diagnostics
// of all 50 regions; end to end, `opsbook check` of the folder, and of the national file alone.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openFile, startServer, summarize } from '../protocol.mjs';
import { runMany } from '../lib/process.mjs';
import { CLI } from './whole-process.mjs';

const REGION_EDITS = 40;
const NATIONAL_EDITS = 20;
const WARMUP = 3;

function lineOf(document, pattern) {
    const i = document.lines.findIndex(line => pattern.test(line));
    if (i < 0) throw new Error(`no line matches ${pattern}`);
    return i;
}

/** CPU time (user + system) the server process has used so far, in ms (Linux /proc; null elsewhere). */
function serverCpuMs(server) {
    try {
        const fields = fs.readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ').pop().split(' ');
        return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
    } catch {
        return null;
    }
}

/** Retypes the quoted text of the line (a title). */
function retypeTitle(text, i) {
    const open = text.indexOf('"');
    const close = text.indexOf('"', open + 1);
    return { open, close, replacement: `"edit ${i} of ${text.slice(open + 1, close).replace(/^edit \d+ of /, '')}"` };
}

/**
 * Changes a figure: the line's `target N` alternates between N + 1 and N. (Since issue 19 a title edit of
 * the national file rebuilds no region: what it exports is unchanged.)
 */
function changeTarget(text, i) {
    const match = /target (\d+)/.exec(text);
    if (!match) throw new Error(`no target to edit: ${text}`);
    const base = BigInt(match[1]) - (i % 2 === 1 ? 1n : 0n);
    const value = i % 2 === 0 ? base + 1n : base;
    return { open: match.index, close: match.index + match[0].length - 1, replacement: `target ${value}` };
}

/**
 * Edits one line `count` times (`change`: its title by default) and, after each edit, waits until every
 * URI of `watched` has fresh diagnostics; the time from the change to the last of them.
 */
async function editUntil(server, document, line, watched, count, change = retypeTitle) {
    const times = [];
    let cpuAtStart = null;
    for (let i = 0; i < WARMUP + count; i++) {
        if (i === WARMUP) cpuAtStart = serverCpuMs(server);
        const text = document.lines[line];
        const { open, close, replacement } = change(text, i);
        document.lines[line] = text.slice(0, open) + replacement + text.slice(close + 1);
        document.version++;
        const before = new Map([...server.published].map(([uri, entry]) => [uri, entry.count]));
        const fresh = uri => (server.published.get(uri)?.count ?? 0) > (before.get(uri) ?? 0);
        const sentAt = performance.now();
        server.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: document.uri, version: document.version },
            contentChanges: [{ range: { start: { line, character: open }, end: { line, character: close + 1 } }, text: replacement }]
        });
        const at = await server.waitUntil(() => watched.every(fresh), `diagnostics of ${watched.length} file(s)`);
        if (i >= WARMUP) times.push(at - sentAt);
    }
    const cpuAtEnd = serverCpuMs(server);
    // The server's CPU time per edit (mean): what an edit costs, whatever else runs on the machine.
    return { ...summarize(times), serverCpuPerEditMs: cpuAtStart === null || cpuAtEnd === null ? null : (cpuAtEnd - cpuAtStart) / count };
}

export async function measureOrganisation(input) {
    const result = {};
    // End to end: the folder, then the national file alone (which loads the 50 regions importing it).
    const folder = runMany(process.execPath, [CLI, 'check', '.'], { cwd: input.folder, runs: 3 });
    const national = runMany(process.execPath, [CLI, 'check', input.national], { cwd: input.folder, runs: 3 });
    const pick = r => ({
        wallMs: r.wallMs,
        minWallMs: r.minWallMs,
        cpuMs: r.cpuMs,
        maxRssKb: r.maxRssKb,
        exitCode: r.exitCode,
        runs: r.runs,
        summary: r.stdout.trim().split('\n').pop()
    });
    result.checkFolder = pick(folder);
    result.checkNational = pick(national);

    const server = await startServer(input.folder);
    try {
        const uri = file => pathToFileURL(path.join(input.folder, file)).href;
        const nationalDoc = openFile(server, path.join(input.folder, input.national));
        const regionDoc = openFile(server, path.join(input.folder, input.regions[Math.floor(input.regions.length / 2)]));
        const all = input.files.map(uri);
        await server.waitUntil(() => all.every(u => server.published.has(u)), 'start-up diagnostics');
        // A region edit: its revenue goal's title (the national goal counts that goal's target).
        result.regionEdit = await editUntil(server, regionDoc, lineOf(regionDoc, /^goal RegionRevenue/), [nationalDoc.uri], REGION_EDITS);
        // A national edit: the national goal's target (a figure); every region sees the national file.
        result.nationalEdit = await editUntil(
            server,
            nationalDoc,
            lineOf(nationalDoc, /^goal NationalRevenue/),
            input.regions.map(uri),
            NATIONAL_EDITS,
            changeTarget
        );
    } finally {
        await server.stop();
    }
    return result;
}
