// The in-process build of one input, in a fresh node with --expose-gc (see ../in-process.mjs).
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const SCRIPT = path.resolve('bench/in-process.mjs');

function run(input, copies) {
    const result = spawnSync(process.execPath, ['--expose-gc', SCRIPT, input.folder, ...input.files, `--copies=${copies}`], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
    });
    if (result.status !== 0) return { failed: (result.stderr || `exit ${result.status}`).trim().split('\n').slice(0, 3).join(' ') };
    return JSON.parse(result.stdout.trim().split('\n').pop());
}

/**
 * One build of the input; for a single file also a build of two copies, which splits its heap figure
 * into the cost of a document (what the second copy adds) and the fixed cost of the services' first
 * build (compiled code, caches made on first use): the first is what grows with the source.
 */
export function measureInProcess(input) {
    const one = run(input, 1);
    if (one.failed || input.files.length !== 1) return one;
    const two = run(input, 2);
    if (two.failed) return one;
    const perDocument = two.heapKeptBytes - one.heapKeptBytes;
    return {
        ...one,
        heapPerDocumentBytes: perDocument,
        heapPerDocumentPerSourceByte: perDocument / one.sourceBytes,
        heapFixedBytes: one.heapKeptBytes - perDocument
    };
}
