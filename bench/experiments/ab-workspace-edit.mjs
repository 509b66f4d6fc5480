// Interleaved A/B of bench/experiments/workspace-edit.mjs: A = another checkout's server, B = this one's,
// alternating A, B, A, B … so both see the same load. Prints each run's line and the medians per side.
//
//   node bench/experiments/ab-workspace-edit.mjs OTHER_CHECKOUT FOLDER [--scenario=ordinary|team|team-title] [--rounds=3] [--count=N]
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => args.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const [other, folder] = args.filter(a => !a.startsWith('--'));
if (!other || !folder) {
    console.error('usage: node bench/experiments/ab-workspace-edit.mjs OTHER_CHECKOUT FOLDER [--scenario=…] [--rounds=3] [--count=N]');
    process.exit(2);
}
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = dir => path.join(path.resolve(dir), 'packages/cli/bin/opsbook-language-server.cjs');
const sides = { A: bin(other), B: bin(here) };
const rounds = Number(option('rounds', '3'));
const passOn = args.filter(a => a.startsWith('--scenario=') || a.startsWith('--count='));
const results = { A: [], B: [] };
for (let round = 0; round < rounds; round++) {
    for (const side of ['A', 'B']) {
        const run = spawnSync(process.execPath, [path.join(here, 'bench/experiments/workspace-edit.mjs'), folder, ...passOn], {
            env: { ...process.env, BENCH_SERVER: sides[side] },
            encoding: 'utf8'
        });
        if (run.status !== 0) throw new Error(`${side} failed: ${run.stderr}`);
        const result = JSON.parse(run.stdout.trim().split('\n').at(-1));
        results[side].push(result);
        const all = result.all ? ` all p50 ${result.all.p50} p95 ${result.all.p95}` : '';
        console.log(`${side} own p50 ${result.own.p50} p95 ${result.own.p95}${all} cpu/edit ${result.cpuPerEditMs}`);
    }
}
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const side of ['A', 'B']) {
    const list = results[side];
    const all = list[0].all ? ` all p50 ${median(list.map(r => r.all.p50))} p95 ${median(list.map(r => r.all.p95))}` : '';
    console.log(
        `median ${side}: own p50 ${median(list.map(r => r.own.p50))} p95 ${median(list.map(r => r.own.p95))}${all} cpu/edit ${median(list.map(r => r.cpuPerEditMs))}`
    );
}
