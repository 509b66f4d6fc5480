// The in-process build of one input, in a fresh node with --expose-gc (see ../in-process.mjs).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const SCRIPT = path.resolve('bench/in-process.mjs');

export function measureInProcess(input) {
    const result = spawnSync(process.execPath, ['--expose-gc', SCRIPT, input.folder, ...input.files], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
    });
    if (result.status !== 0) return { failed: (result.stderr || `exit ${result.status}`).trim().split('\n').slice(0, 3).join(' ') };
    return JSON.parse(result.stdout.trim().split('\n').pop());
}
