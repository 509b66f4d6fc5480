// The in-process build of one input, in a fresh node with --expose-gc (see ../in-process.mjs).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const SCRIPT = path.resolve('bench/in-process.mjs');

function run(input, ...options) {
    const result = spawnSync(process.execPath, ['--expose-gc', SCRIPT, input.folder, ...input.files, ...options], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
    });
    if (result.status !== 0) return { failed: (result.stderr || `exit ${result.status}`).trim().split('\n').slice(0, 3).join(' ') };
    return JSON.parse(result.stdout.trim().split('\n').pop());
}

/** Copies for the slope: at least 5, more where a copy is cheap (a straighter line for the same time). */
export const slopeCopies = bytes => (bytes < 100_000 ? 8 : bytes < 1_000_000 ? 6 : 5);

/**
 * One build of the input (the whole-build figure: everything the first build keeps, the services'
 * fixed part included); for a single file also what one more document costs, steadily: a second
 * process builds and drops copies first (0.5 MB of source, at least two: V8's compiled code and the caches made on first use
 * belong to the fixed part), then opens copies one at a time, and the figure is the least-squares slope
 * of the settled heap over k = 1..N copies (`--slope`, bench/in-process.mjs). The fixed part is the
 * whole build less one document.
 */
export function measureInProcess(input) {
    const one = run(input);
    if (one.failed || input.files.length !== 1) return one;
    const slope = run(input, `--slope=${slopeCopies(one.sourceBytes)}`);
    if (slope.failed) return { ...one, heapPerDocumentFailed: slope.failed };
    return {
        ...one,
        heapPerDocumentBytes: slope.heapPerDocumentBytes,
        heapPerDocumentPerSourceByte: slope.heapPerDocumentPerSourceByte,
        heapPerDocumentDataPerSourceByte: slope.dataPerDocumentPerSourceByte,
        heapPerDocumentCopies: slope.copies,
        heapPerDocumentMaxResidualBytes: slope.maxResidualBytes,
        heapFixedBytes: one.heapKeptBytes - slope.heapPerDocumentBytes
    };
}
