// `npm run bench:ab -- OTHER_CHECKOUT`: the same measurements on two builds, interleaved (A, B, A, B, …)
// so that both see the same load on a shared machine. A is the other checkout (built, e.g. a git worktree
// of an older commit), B is this one. A benchmark, not a test: nothing fails on a slow figure.
//
//   node bench/ab.mjs OTHER_CHECKOUT [--runs=5] [--label-a=NAME] [--label-b=NAME] [--only=ID,…] [--write]
//
// --only runs the scenarios with these ids (version, check-100, check-single-1k, check-single-10k,
// check-single-100k, check-workspace, plan-10k, server-cold-start), e.g. `--only=check-workspace` for the
// 1,000-file check alone.
// --write puts the table into BENCHMARKS.md between the ab markers (bench/run.mjs keeps that section).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll, singlePlaybook } from './generate.mjs';
import { AB_END, AB_START, withAbSection } from './lib/ab-section.mjs';
import { describeMachine, loadAverage } from './lib/machine.mjs';
import { runOnce } from './lib/process.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => args.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const other = args.find(a => !a.startsWith('--'));
if (!other) {
    console.error(
        'bench:ab: give the other checkout, e.g. `git worktree add ../before HEAD~1 && (cd ../before && npm ci && npm run build)`'
    );
    process.exit(2);
}
const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const checkouts = [
    { label: option('label-a', path.basename(path.resolve(other))), dir: path.resolve(other) },
    { label: option('label-b', 'this checkout'), dir: here }
];
for (const { dir } of checkouts) {
    if (!fs.existsSync(path.join(dir, 'packages/cli/dist/opsbook.cjs'))) {
        console.error(`bench:ab: ${dir} is not built (run npm run build there)`);
        process.exit(2);
    }
}
const runs = Number(option('runs', '5'));
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-ab-'));
const { inputs } = generateAll(root);
const startupFolder = path.join(root, 'startup-100');
fs.mkdirSync(startupFolder, { recursive: true });
fs.writeFileSync(path.join(startupFolder, 'opsbook.json'), '{}\n');
fs.writeFileSync(path.join(startupFolder, 'playbook.ops'), singlePlaybook(100));
const byId = Object.fromEntries(inputs.map(input => [input.id, input]));
const cli = dir => path.join(dir, 'packages/cli/bin/opsbook.cjs');

const allScenarios = [
    { id: 'version', label: 'start-up (`opsbook --version`)', run: dir => runOnce(process.execPath, [cli(dir), '--version']) },
    {
        id: 'check-100',
        label: 'check, one file, 100 lines',
        run: dir => runOnce(process.execPath, [cli(dir), 'check', 'playbook.ops', '--format', 'json'], { cwd: startupFolder })
    },
    ...['single-1k', 'single-10k', 'single-100k'].map(id => ({
        id: `check-${id}`,
        label: `check, ${byId[id].label}`,
        run: dir => runOnce(process.execPath, [cli(dir), 'check', 'playbook.ops', '--format', 'json'], { cwd: byId[id].folder })
    })),
    {
        id: 'check-workspace',
        label: `check, ${byId.workspace.label}`,
        run: dir => runOnce(process.execPath, [cli(dir), 'check', '.', '--format', 'json'], { cwd: byId.workspace.folder })
    },
    {
        id: 'plan-10k',
        label: 'plan, one file, 10k lines',
        run: dir => runOnce(process.execPath, [cli(dir), 'plan', 'playbook.ops'], { cwd: byId['single-10k'].folder })
    },
    {
        id: 'server-cold-start',
        label: 'language server: first diagnostics, 1k lines',
        run: dir => {
            const input = byId['single-1k'];
            const started = Date.now();
            const result = spawnSync(
                process.execPath,
                [path.join(here, 'bench/lib/ab-cold-start.mjs'), input.folder, path.join(input.folder, 'playbook.ops')],
                {
                    cwd: dir,
                    encoding: 'utf8'
                }
            );
            if (result.status !== 0) return { wallMs: Date.now() - started, exitCode: result.status, stderr: result.stderr };
            return { wallMs: JSON.parse(result.stdout).firstDiagnosticsMs, exitCode: 0 };
        }
    }
];

const only = option('only')?.split(',');
const unknownIds = (only ?? []).filter(id => !allScenarios.some(scenario => scenario.id === id));
if (unknownIds.length > 0) {
    console.error(`bench:ab: unknown scenario ${unknownIds.join(', ')} (ids: ${allScenarios.map(s => s.id).join(', ')})`);
    process.exit(2);
}
const scenarios = only ? allScenarios.filter(scenario => only.includes(scenario.id)) : allScenarios;
const loadStart = loadAverage();
const samples = {};
for (const scenario of scenarios) {
    samples[scenario.id] = checkouts.map(() => ({ wall: [], cpu: [], rss: [], exit: new Set() }));
    for (let i = 0; i < runs; i++) {
        for (const [index, checkout] of checkouts.entries()) {
            const result = scenario.run(checkout.dir);
            const sample = samples[scenario.id][index];
            sample.wall.push(result.wallMs);
            if (result.cpuMs != null) sample.cpu.push(result.cpuMs);
            if (result.maxRssKb != null) sample.rss.push(result.maxRssKb);
            sample.exit.add(result.exitCode);
        }
    }
    const [a, b] = samples[scenario.id].map(s => median(s.wall));
    const [ca, cb] = samples[scenario.id].map(s => median(s.cpu));
    process.stderr.write(
        `[ab] ${scenario.label}: wall ${fmt(a)} → ${fmt(b)} (${change(a, b)}), CPU ${fmt(ca)} → ${fmt(cb)} (${change(ca, cb)})\n`
    );
}
const loadEnd = loadAverage();
fs.rmSync(root, { recursive: true, force: true });

function median(values) {
    if (values.length === 0) return null;
    const sorted = [...values].sort((x, y) => x - y);
    return sorted[Math.floor(sorted.length / 2)];
}
function fmt(ms) {
    return ms == null ? '–' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
function change(a, b) {
    if (a == null || b == null) return '–';
    const pct = ((b - a) / a) * 100;
    return `${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(0)}%`;
}

const machine = describeMachine();
const [A, B] = checkouts;
const lines = [
    AB_START,
    '## Before and after (interleaved A/B)',
    '',
    `\`node bench/ab.mjs\`, ${runs} runs of each build, interleaved; medians. A = ${A.label}, B = ${B.label}.`,
    `${machine.date}, ${machine.nproc} × ${machine.cpu}, Node ${machine.node}; load average ${loadStart} at the start, ${loadEnd} at the end.`,
    '',
    `| scenario | A wall | B wall | change | A CPU | B CPU | A peak memory | B peak memory |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
];
for (const scenario of scenarios) {
    const [sa, sb] = samples[scenario.id];
    const mb = kb => (kb == null ? '–' : `${Math.round(kb / 1024)} MB`);
    const exits = [...sa.exit, ...sb.exit].filter(code => code !== 0 && code !== 1);
    lines.push(
        `| ${scenario.label}${exits.length ? ` (exit ${exits.join(', ')})` : ''} | ${fmt(median(sa.wall))} | ${fmt(median(sb.wall))} | ${change(median(sa.wall), median(sb.wall))} | ${fmt(median(sa.cpu))} | ${fmt(median(sb.cpu))} | ${mb(sa.rss.length ? Math.max(...sa.rss) : null)} | ${mb(sb.rss.length ? Math.max(...sb.rss) : null)} |`
    );
}
lines.push('', 'Differences within ±10% are within the noise of this shared machine.', AB_END);
const section = lines.join('\n');
process.stdout.write(`${section}\n`);
if (args.includes('--write')) {
    const file = path.join(here, 'BENCHMARKS.md');
    fs.writeFileSync(file, withAbSection(fs.readFileSync(file, 'utf8'), section));
    process.stderr.write(`[ab] wrote the section into ${file}\n`);
}
