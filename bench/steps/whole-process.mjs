// Whole processes, end to end: `opsbook check`, `opsbook plan`, the floor and the peers.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { singlePlaybook } from '../generate.mjs';
import { onPath, runMany, runOnce } from '../lib/process.mjs';

export const CLI = path.resolve('packages/cli/bin/opsbook.cjs');
const FLOOR = path.resolve('bench/floor.mjs');

/** Fewer repetitions for slow commands, so that the whole run stays well under 10 minutes. */
function adaptiveRuns(command, args, options) {
    const first = runOnce(command, args, options);
    const runs = first.wallMs < 1500 ? 5 : first.wallMs < 6000 ? 3 : 1;
    return runs === 1 ? { ...first, minWallMs: first.wallMs, runs: 1 } : runMany(command, args, { ...options, runs });
}

/** `opsbook check` on one input: wall time, peak memory and what it found. */
export function measureCheck(input) {
    const args = [CLI, 'check', ...(input.files.length === 1 ? input.files : ['.']), '--format', 'json'];
    const result = adaptiveRuns(process.execPath, args, { cwd: input.folder });
    let summary = null;
    try {
        summary = JSON.parse(result.stdout).summary;
    } catch {
        // not JSON: the CLI failed before printing; stderr says why
    }
    return { ...pick(result), summary, stderr: result.stderr.trim().split('\n').slice(0, 3).join(' ') };
}

/** The floor as a whole process: node starting, reading the files and one regex pass. */
export function measureFloor(input) {
    const result = runMany(process.execPath, [FLOOR, input.folder, ...input.files], { runs: 5 });
    const inside = JSON.parse(result.stdout);
    return { ...pick(result), passMs: inside.ms, tokens: inside.tokens };
}

/** `opsbook plan` on one playbook, when the command exists. */
export function measurePlan(input) {
    const probe = runOnce(process.execPath, [CLI, 'plan', '--help'], { cwd: input.folder });
    if (probe.exitCode !== 0) return { skipped: '`opsbook plan` does not exist yet' };
    const result = adaptiveRuns(process.execPath, [CLI, 'plan', input.files[0]], { cwd: input.folder });
    if (result.exitCode !== 0) return { ...pick(result), failed: result.stderr.trim().split('\n')[0] };
    return { ...pick(result), outputBytes: Buffer.byteLength(result.stdout) };
}

/**
 * `opsbook diff` of two versions of one playbook (SPEC §9; target: at most 2× checking both). The second
 * version changes every 50th number literal of a budget or delivery line, so the diff has figures to
 * report; both are checked in one `opsbook check` run for the comparison.
 */
export function measureDiff(input) {
    const probe = runOnce(process.execPath, [CLI, 'diff', '--help'], { cwd: input.folder });
    if (probe.exitCode !== 0) return { skipped: '`opsbook diff` does not exist yet' };
    const text = fs.readFileSync(path.join(input.folder, input.files[0]), 'utf8');
    let n = 0;
    const changed = text.replace(/^(\s*(?:budget|delivers) )(\d+)/gm, (line, head, digits) =>
        ++n % 50 === 0 ? `${head}${Number(digits) + 1}` : line
    );
    const folder = path.join(input.folder, '..', `${path.basename(input.folder)}-versions`);
    fs.mkdirSync(path.join(folder, 'old'), { recursive: true });
    fs.mkdirSync(path.join(folder, 'new'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'opsbook.json'), '{}\n');
    fs.writeFileSync(path.join(folder, 'old', 'playbook.ops'), text);
    fs.writeFileSync(path.join(folder, 'new', 'playbook.ops'), changed);
    const check = adaptiveRuns(process.execPath, [CLI, 'check', 'old/playbook.ops', 'new/playbook.ops', '--format', 'json'], {
        cwd: folder
    });
    const diff = adaptiveRuns(process.execPath, [CLI, 'diff', 'old/playbook.ops', 'new/playbook.ops', '--format', 'json'], { cwd: folder });
    if (diff.exitCode !== 0) return { ...pick(diff), failed: diff.stderr.trim().split('\n')[0] };
    let changes = null;
    try {
        changes = JSON.parse(diff.stdout).summary.changes;
    } catch {
        // not JSON
    }
    return { check: pick(check), diff: pick(diff), changes, ratio: diff.wallMs / check.wallMs };
}

const PEERS = [
    {
        id: 'hledger',
        command: 'hledger',
        args: file => ['check', '-f', file],
        input: peer => peer.journal,
        install: 'apt-get update && apt-get install -y hledger'
    },
    {
        id: 'bean-check',
        command: 'bean-check',
        args: file => [file],
        input: peer => peer.beancount,
        install: 'apt-get update && apt-get install -y beancount'
    }
];

/** The peers on journals of the same line counts; missing tools are skipped with how to install them. */
export function measurePeers(peerInputs) {
    const results = {};
    for (const peer of PEERS) {
        if (!onPath(peer.command)) {
            results[peer.id] = { skipped: `${peer.command} is not installed (${peer.install})` };
            continue;
        }
        results[peer.id] = {};
        for (const input of peerInputs) {
            const file = peer.input(input);
            const result = runMany(peer.command, peer.args(file), { cwd: path.dirname(file), runs: 3 });
            results[peer.id][input.id] = {
                ...pick(result),
                lines: input.lines,
                failed: result.exitCode !== 0 ? result.stderr.trim().split('\n')[0] : undefined
            };
        }
    }
    return results;
}

function pick(result) {
    return {
        wallMs: result.wallMs,
        minWallMs: result.minWallMs,
        cpuMs: result.cpuMs,
        maxRssKb: result.maxRssKb,
        exitCode: result.exitCode,
        runs: result.runs
    };
}

const REPORT_CPU = path.resolve('bench/lib/report-cpu.cjs');
const CLI_LAUNCHER = path.resolve('packages/cli/bin/opsbook.sh');

/** CPU time (user + system, whole process) of `node ARGS`, from the child's own `process.cpuUsage()`. */
function processCpuMs(args, cwd, plain = false) {
    // The CLI through its POSIX launcher (bin/opsbook.sh: node started from the startup snapshot when it
    // can); the report is preloaded through NODE_OPTIONS, which reaches the node it starts. Its CPU time
    // counts the shell before `exec` (same process), not a `readlink` for a symbolic link.
    const bin = args[0] === CLI && !plain;
    const result = spawnSync(bin ? CLI_LAUNCHER : process.execPath, bin ? args.slice(1) : ['-r', REPORT_CPU, ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1', ...(bin ? { NODE_OPTIONS: `--require ${REPORT_CPU}` } : {}) }
    });
    const match = /OPSBOOK_BENCH_CPU_MS ([\d.]+)/.exec(result.stderr ?? '');
    return { cpuMs: match ? Number(match[1]) : null, exitCode: result.status };
}

/**
 * Start-up (issue 19): `opsbook check` of a 100-line playbook against `node -e 0`, CPU time, 11 runs of
 * each interleaved (the machine's load moves both alike); medians.
 */
export function measureStartup(root, runs = 11) {
    const folder = path.join(root, 'startup-100');
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'opsbook.json'), '{}\n');
    fs.writeFileSync(path.join(folder, 'playbook.ops'), singlePlaybook(100));
    const node = [];
    const check = [];
    const plainCheck = [];
    let exitCode = null;
    for (let i = 0; i < runs; i++) {
        node.push(processCpuMs(['-e', '0'], folder).cpuMs);
        const run = processCpuMs([CLI, 'check', 'playbook.ops', '--format', 'json'], folder);
        check.push(run.cpuMs);
        exitCode = run.exitCode;
        // The npm bin as `npx opsbook` starts it: node with the bundle and its code cache, no snapshot.
        plainCheck.push(processCpuMs([CLI, 'check', 'playbook.ops', '--format', 'json'], folder, true).cpuMs);
    }
    const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const nodeMs = median(node);
    const checkMs = median(check);
    const plainMs = median(plainCheck);
    return { nodeMs, checkMs, ratio: checkMs / nodeMs, plainMs, plainRatio: plainMs / nodeMs, runs, exitCode };
}
