import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { prepareCoreServices } from 'opsbook-language';
import type { OutputStreams } from './options.js';

/** Where the bin (packages/cli/bin/opsbook.cjs) finds the program in a process started from the snapshot. */
export const SNAPSHOT_ENTRY = Symbol.for('opsbook.snapshot.cli');

/**
 * Run while `node --build-snapshot` builds the CLI's V8 startup snapshot (packages/cli/bin/snapshot.cjs,
 * ARCHITECTURE.md "Start-up"). The snapshot then holds the bundle initialised; functions a check runs
 * compiled (a check of a starter playbook, in a temporary folder, its output discarded); and a fresh
 * service set with its lexer and parser built, which the next run's first service set is. Nothing of
 * the process (arguments, environment, streams, working folder) is read here: the run from the
 * snapshot reads them all as a plain start does.
 */
export async function buildingSnapshot(
    main: (argv: string[], io: OutputStreams) => Promise<number>,
    runProgram: () => void
): Promise<void> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-snapshot-'));
    try {
        const io: OutputStreams = { stdout: discard(), stderr: discard(), colour: false, progress: false, clearScreen: false };
        await main(['init', folder, '--period', '2027-Q1', '--locale', 'en'], io);
        await main(['check', folder, '--locale', 'en'], io);
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
    prepareCoreServices();
    (globalThis as Record<symbol, unknown>)[SNAPSHOT_ENTRY] = runProgram;
}

function discard(): Writable {
    return new Writable({
        write(_chunk, _encoding, done) {
            done();
        }
    });
}
