// The machine a run was measured on, for the record.
import * as fs from 'node:fs';
import * as os from 'node:os';

export function describeMachine() {
    let cpu = os.cpus()[0]?.model ?? 'unknown';
    try {
        const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
        if (match) cpu = match[1].trim();
    } catch {
        // not Linux: keep os.cpus()
    }
    return {
        nproc: os.availableParallelism?.() ?? os.cpus().length,
        cpu,
        memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
        node: process.version,
        platform: `${os.type()} ${os.release()} ${os.arch()}`,
        date: new Date().toISOString().replace(/\.\d+Z$/, 'Z')
    };
}

/** 1-minute load average: on a shared 2-core machine, anything near 2 or above slows every figure. */
export function loadAverage() {
    return Math.round(os.loadavg()[0] * 100) / 100;
}
