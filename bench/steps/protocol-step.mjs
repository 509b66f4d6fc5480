// Protocol scenarios: cold start, edits in the 1,000-file workspace and in the 10k-line file, completion.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
    changeCapacity,
    coldStart,
    completionLatencies,
    editLatencies,
    openFile,
    serverPeakRssKb,
    startServer,
    summarize
} from '../protocol.mjs';

const EDITS = 60;
const SHARED_EDITS = 50;
const SHARED_TITLE_EDITS = 20;
const COMPLETIONS = 60;

/** Index of the first line matching `pattern` at or after `from`. */
function lineOf(document, pattern, from = 0) {
    for (let i = from; i < document.lines.length; i++) if (pattern.test(document.lines[i])) return i;
    throw new Error(`no line matches ${pattern}`);
}

/** Waits until every file of the workspace has diagnostics and the server has been quiet for a while. */
async function settle(server, uris, quietMs = 500) {
    await server.waitUntil(() => uris.every(uri => server.published.has(uri)), `diagnostics of all ${uris.length} files`);
    for (;;) {
        const last = Math.max(...[...server.published.values()].map(entry => entry.at));
        const idle = performance.now() - last;
        if (idle >= quietMs) return;
        await new Promise(resolve => setTimeout(resolve, quietMs - idle));
    }
}

/** Cold start of the server on the 1k-line playbook (median of 5). */
export async function measureColdStart(input) {
    const runs = [];
    const plainRuns = [];
    for (let i = 0; i < 5; i++) {
        runs.push(await coldStart(input.folder, path.join(input.folder, input.files[0])));
        plainRuns.push(await coldStart(input.folder, path.join(input.folder, input.files[0]), { plain: true }));
    }
    const first = summarize(runs.map(r => r.firstDiagnosticsMs));
    const init = summarize(runs.map(r => r.initializeMs));
    const cpu = summarize(runs.map(r => r.firstDiagnosticsCpuMs).filter(v => v !== null));
    return {
        firstDiagnosticsMs: first.p50,
        firstDiagnosticsCpuMs: cpu?.p50,
        firstDiagnosticsMaxMs: first.max,
        initializeMs: init.p50,
        plainFirstDiagnosticsMs: summarize(plainRuns.map(r => r.firstDiagnosticsMs)).p50,
        diagnostics: runs[0].diagnostics,
        runs: runs.length
    };
}

/** The workspace: an ordinary file, the shared team.ops, completion; the server's peak memory. */
export async function measureWorkspace(input) {
    const server = await startServer(input.folder);
    try {
        const startedAt = performance.now();
        const ordinary = openFile(server, path.join(input.folder, input.files[Math.floor(input.files.length / 2)]));
        const team = openFile(server, path.join(input.folder, 'team.ops'));
        const uris = input.files.map(file => pathToFileURL(path.join(input.folder, file)).href);
        await server.waitUntil(() => server.published.has(ordinary.uri), 'diagnostics of the opened file');
        const openToDiagnosticsMs = server.published.get(ordinary.uri).at - startedAt;
        await settle(server, uris);
        const allDiagnosticsMs = Math.max(...uris.map(uri => server.published.get(uri).at)) - startedAt;
        const ordinaryEdit = await editLatencies(server, ordinary, { line: lineOf(ordinary, /^\s*product "/), count: EDITS });
        // A figure of team.ops (a capacity): every dependant is relinked and revalidated.
        const sharedEdit = await editLatencies(server, team, {
            line: lineOf(team, /^person p1 "/),
            count: SHARED_EDITS,
            dependants: input.files.length - 1,
            change: changeCapacity
        });
        // A title of team.ops: nothing another file can see, so no dependant is rebuilt (issue 19).
        const sharedTitleEdit = await editLatencies(server, team, {
            line: lineOf(team, /^person p1 "/),
            count: SHARED_TITLE_EDITS,
            quietMs: 300
        });
        const completion = await completionLatencies(server, ordinary, { ...completionPosition(ordinary), count: COMPLETIONS });
        return {
            openToDiagnosticsMs,
            allDiagnosticsMs,
            ordinaryEdit: ordinaryEdit.own,
            sharedEdit: { own: sharedEdit.own, all: sharedEdit.all },
            sharedTitleEdit: { own: sharedTitleEdit.own, republishedMax: sharedTitleEdit.republishedMax },
            completion,
            serverPeakRssKb: serverPeakRssKb(server)
        };
    } finally {
        await server.stop();
    }
}

/** The 10k-line playbook: an edit in its middle, completion there. */
export async function measureLargeFile(input) {
    const server = await startServer(input.folder);
    try {
        const document = openFile(server, path.join(input.folder, input.files[0]));
        await settle(server, [document.uri]);
        const middle = Math.floor(document.lines.length / 2);
        const edit = await editLatencies(server, document, { line: lineOf(document, /^\s*rationale "/, middle), count: EDITS });
        const completion = await completionLatencies(server, document, { ...completionPosition(document, middle), count: COMPLETIONS });
        return { edit: edit.own, completion, serverPeakRssKb: serverPeakRssKb(server) };
    } finally {
        await server.stop();
    }
}

/** Right after `owner ` on a goal's owner line: the people visible there are the candidates. */
function completionPosition(document, from = 0) {
    const line = lineOf(document, /^\s*owner \S/, from);
    return { line, character: document.lines[line].indexOf('owner ') + 'owner '.length };
}
