// The workspace's edit scenarios of `npm run bench` alone, as `measureWorkspace` (bench/steps/protocol-step.mjs)
// runs them: an ordinary file and team.ops open, every file's diagnostics in, then edits. For A/B of two builds
// (BENCH_SERVER names the other build's server bin) and for profiles (BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=D").
//
//   node bench/experiments/workspace-edit.mjs FOLDER [--scenario=ordinary|team|team-title] [--count=N]
//
// FOLDER is a workspace folder (team.ops and the plan-NNNN.ops files, e.g. /tmp/s5/workspace) or a folder made by
// generateAll (bench/generate.mjs; made when it does not exist). Prints one JSON line: p50/p95 of the edited file's
// diagnostics (`own`), with `team` of all dependants' (`all`), and the server's CPU per measured edit (ms, /proc).
// SHOW_STDERR=1 prints the end of the server's stderr (e.g. with OPSBOOK_TRACE_REPARSE=1).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { generateAll } from '../generate.mjs';
import { changeCapacity, editLatencies, openFile, serverCpuMs, startServer } from '../protocol.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => args.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
let folder = path.resolve(args.find(a => !a.startsWith('--')) ?? '/tmp/opsbook-workspace-edit');
if (!fs.existsSync(folder)) generateAll(folder);
if (!fs.existsSync(path.join(folder, 'team.ops'))) {
    folder = path.join(folder, fs.readdirSync(folder).find(name => name.startsWith('workspace')) ?? '');
}
const scenario = option('scenario', 'ordinary');
const count = Number(option('count', scenario === 'ordinary' ? 30 : 20));
const files = fs
    .readdirSync(folder)
    .filter(name => name.endsWith('.ops') && name !== 'team.ops')
    .sort();
const lineOf = (document, pattern) => document.lines.findIndex(text => pattern.test(text));

const server = await startServer(folder);
const ordinary = openFile(server, path.join(folder, files[Math.floor(files.length / 2)]));
const team = openFile(server, path.join(folder, 'team.ops'));
const uris = [...files, 'team.ops'].map(file => pathToFileURL(path.join(folder, file)).href);
await server.waitUntil(() => uris.every(uri => server.published.has(uri)), 'diagnostics of every file');
for (;;) {
    const idle = performance.now() - Math.max(...[...server.published.values()].map(entry => entry.at));
    if (idle >= 1000) break;
    await new Promise(resolve => setTimeout(resolve, 1000 - idle));
}
const warmup = 3;
// The measured edits' window on the monotonic clock, in µs: V8's profile timestamps use the same clock, so
// bench/experiments/profile-window.mjs can keep the samples of these edits alone.
const now = () => Number(process.hrtime.bigint() / 1000n);
let result;
let windowStart;
let cpuBefore;
if (scenario === 'ordinary') {
    const line = lineOf(ordinary, /^\s*product "/);
    await editLatencies(server, ordinary, { line, count: 1, warmup: warmup - 1 });
    cpuBefore = serverCpuMs(server);
    windowStart = now();
    result = { own: (await editLatencies(server, ordinary, { line, count, warmup: 0 })).own };
} else if (scenario === 'team') {
    const line = lineOf(team, /^person p1 "/);
    const options = { line, dependants: files.length, change: changeCapacity };
    await editLatencies(server, team, { ...options, count: 1, warmup: warmup - 1 });
    cpuBefore = serverCpuMs(server);
    windowStart = now();
    // Continues the alternation (90% after the warm-up's 90% would change nothing).
    const edit = await editLatencies(server, team, { ...options, change: (text, i) => changeCapacity(text, i + warmup), count, warmup: 0 });
    result = { own: edit.own, all: edit.all };
} else if (scenario === 'team-title') {
    const line = lineOf(team, /^person p1 "/);
    await editLatencies(server, team, { line, count: 1, warmup: warmup - 1 });
    cpuBefore = serverCpuMs(server);
    windowStart = now();
    const edit = await editLatencies(server, team, { line, count, warmup: 0, quietMs: 300 });
    result = { own: edit.own, republishedMax: edit.republishedMax };
} else {
    console.error(`unknown scenario ${scenario}: ordinary, team or team-title`);
    process.exit(2);
}
const cpuAfter = serverCpuMs(server);
const windowEnd = now();
const round = value => Math.round(value * 10) / 10;
const brief = summary => ({ p50: round(summary.p50), p95: round(summary.p95) });
console.log(
    JSON.stringify({
        scenario,
        server: path.relative(process.cwd(), process.env.BENCH_SERVER ?? 'this checkout') || '.',
        own: brief(result.own),
        ...(result.all ? { all: brief(result.all) } : {}),
        ...(result.republishedMax !== undefined ? { republishedMax: result.republishedMax } : {}),
        cpuPerEditMs: cpuBefore !== null ? round((cpuAfter - cpuBefore) / count) : null,
        n: count,
        window: [windowStart, windowEnd]
    })
);
if (process.env.SHOW_STDERR) console.error(server.stderr().split('\n').slice(-12).join('\n'));
await server.stop();
process.exit(0);
