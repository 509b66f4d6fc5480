// The workspace's ordinary-edit scenario of `npm run bench` alone (A/B of two builds: BENCH_SERVER names
// the other build's server bin): node bench/experiments/ordinary-edit.mjs FOLDER [--count=N]
// FOLDER is made by generateAll (bench/generate.mjs) when it does not exist. Prints p50/p95 and server CPU.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateAll } from '../generate.mjs';
import { editLatencies, openFile, serverCpuMs, startServer } from '../protocol.mjs';

const folder = path.resolve(process.argv[2] ?? '/tmp/opsbook-ordinary-edit');
const count = Number(process.argv.find(a => a.startsWith('--count='))?.slice(8) ?? 30);
if (!fs.existsSync(folder)) generateAll(folder);
const workspace = path.join(folder, fs.readdirSync(folder).find(name => name.startsWith('workspace')) ?? '');
const files = fs
    .readdirSync(workspace)
    .filter(name => name.endsWith('.ops') && name !== 'team.ops')
    .sort();
const server = await startServer(workspace);
const ordinary = openFile(server, path.join(workspace, files[Math.floor(files.length / 2)]));
await server.waitUntil(() => server.published.has(ordinary.uri), 'diagnostics of the opened file');
await new Promise(resolve => setTimeout(resolve, 3000));
const line = ordinary.lines.findIndex(text => /^\s*product "/.test(text));
const before = serverCpuMs ? serverCpuMs(server) : undefined;
const { own } = await editLatencies(server, ordinary, { line, count });
const after = serverCpuMs ? serverCpuMs(server) : undefined;
console.log(JSON.stringify({ p50: own.p50, p95: own.p95, cpuPerEdit: before !== undefined ? (after - before) / (count + 3) : undefined }));
await server.close?.();
process.exit(0);
