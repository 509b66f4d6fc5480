import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { importCliMain } from '../../cli/cli-helpers.js';

export const CLI_BIN = path.resolve('packages/cli/bin/opsbook.cjs');
export const SERVER_BIN = path.resolve('packages/cli/bin/opsbook-language-server.cjs');

export interface CliResult {
    code: number | null;
    stdout: string;
    stderr: string;
    /** Wall-clock milliseconds. */
    elapsed: number;
}

class Collect extends Writable {
    text = '';
    override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
        this.text += chunk.toString();
        done();
    }
}

type Main = (argv: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; colour: boolean }) => Promise<number>;
let mainPromise: Promise<Main> | undefined;

/** The CLI's `main` from its sources, without its auto-run (the fuzzers call it thousands of times). */
function loadMain(): Promise<Main> {
    mainPromise ??= importCliMain().then(module => module.main as Main);
    return mainPromise;
}

/** Runs the CLI in this process (commands resolve relative paths against process.cwd()). */
export async function runCliInProcess(args: string[]): Promise<CliResult> {
    const main = await loadMain();
    const stdout = new Collect();
    const stderr = new Collect();
    const started = performance.now();
    const code = await main(args, { stdout, stderr, colour: false });
    return { code, stdout: stdout.text, stderr: stderr.text, elapsed: performance.now() - started };
}

/** Runs the bundled CLI as a real process: exit codes, stack traces and crashes as a user sees them. */
export function runCliProcess(
    args: string[],
    options: { cwd?: string; timeout?: number; env?: NodeJS.ProcessEnv } = {}
): CliResult & { signal: NodeJS.Signals | null } {
    const started = performance.now();
    const result = spawnSync(process.execPath, [CLI_BIN, ...args], {
        cwd: options.cwd ?? process.cwd(),
        encoding: 'utf8',
        timeout: options.timeout ?? 120_000,
        maxBuffer: 256 * 1024 * 1024,
        env: { ...process.env, NO_COLOR: '1', OPSBOOK_CLI_NO_AUTORUN: '', ...options.env }
    });
    return {
        code: result.status,
        signal: result.signal,
        stdout: result.stdout ?? '',
        stderr: result.stderr ?? '',
        elapsed: performance.now() - started
    };
}

/** A stack trace line as Node prints it: a user must never see one. */
export const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;
