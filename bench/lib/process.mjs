// Runs a whole process and measures its wall time and peak memory (maximum resident set size).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = fs.existsSync(GNU_TIME);

/**
 * Runs `command args` in `cwd` once. Wall time is measured here around the spawn; peak memory comes
 * from GNU time's "Maximum resident set size" when it is installed (Debian `time`), else, for node
 * commands, from the child's own `process.resourceUsage().maxRSS` (report-rss.cjs); else none.
 */
export function runOnce(command, args, { cwd, env } = {}) {
    const options = { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 };
    let result;
    const started = performance.now();
    if (hasGnuTime) {
        result = spawnSync(GNU_TIME, ['-v', command, ...args], options);
    } else if (command === process.execPath) {
        result = spawnSync(command, ['-r', new URL('./report-rss.cjs', import.meta.url).pathname, ...args], options);
    } else {
        result = spawnSync(command, args, options);
    }
    const wallMs = performance.now() - started;
    if (result.error) throw result.error;
    const stderr = result.stderr ?? '';
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
    const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
    const system = /System time \(seconds\): ([\d.]+)/.exec(stderr);
    return {
        wallMs,
        cpuMs: user && system ? (Number(user[1]) + Number(system[1])) * 1000 : null,
        maxRssKb: rss ? Number(rss[1]) : null,
        exitCode: result.status,
        stdout: result.stdout,
        stderr: (result.stderr ?? '').replace(/\n?\s*Command being timed:[\s\S]*$/, '')
    };
}

/** Runs a process `runs` times and keeps the median wall and CPU times and the largest peak memory. */
export function runMany(command, args, { runs = 3, ...options } = {}) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(runOnce(command, args, options));
    const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const cpus = results.map(r => r.cpuMs).filter(v => v !== null);
    return {
        wallMs: median(results.map(r => r.wallMs)),
        minWallMs: Math.min(...results.map(r => r.wallMs)),
        cpuMs: cpus.length > 0 ? median(cpus) : null,
        maxRssKb: Math.max(...results.map(r => r.maxRssKb ?? 0)) || null,
        exitCode: results[0].exitCode,
        stdout: results[0].stdout,
        stderr: results[0].stderr,
        runs
    };
}

/** True when `command` can be found on PATH. */
export function onPath(command) {
    return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}
