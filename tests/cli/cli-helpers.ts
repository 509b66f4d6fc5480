// Running the CLI in tests: as a real process (the built bundle, exactly what users run) or in
// process through `main()` (faster, for the many golden documents).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'packages', 'cli', 'bin', 'opsbook.cjs');
/** The POSIX launcher of the same bin, which starts node from the startup snapshot (ARCHITECTURE.md, "Start-up"). */
export const CLI_LAUNCHER = join(ROOT, 'packages', 'cli', 'bin', 'opsbook.sh');

export interface CliResult {
    code: number;
    stdout: string;
    stderr: string;
}

/**
 * The CLI's messages follow the environment's language when neither --locale nor opsbook.json picks one
 * (SPEC §10): the tests run in a neutral locale, whatever the machine's, unless a test sets one.
 */
const NEUTRAL_LOCALE = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
Object.assign(process.env, NEUTRAL_LOCALE);

/**
 * Runs the CLI through `packages/cli/bin/opsbook.sh ...args` (not a TTY, CI unset unless given): the
 * launcher starts node from the startup snapshot the build wrote, so every test through here checks that
 * a start from the snapshot behaves as a plain start of the bin `opsbook.cjs`
 * (tests/install/startup-snapshot.test.ts compares the two).
 */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CliResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(CLI_LAUNCHER, args, {
            cwd: options.cwd ?? ROOT,
            env: { ...process.env, NO_COLOR: '1', ...NEUTRAL_LOCALE, ...options.env },
            stdio: ['pipe', 'pipe', 'pipe']
        });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', chunk => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', chunk => (stderr += chunk));
        child.on('error', reject);
        child.on('close', code => resolve({ code: code ?? -1, stdout, stderr }));
        child.stdin.end(options.input ?? '');
    });
}

function collector(): { stream: Writable; text: () => string } {
    const chunks: string[] = [];
    const stream = new Writable({
        write(chunk, _encoding, done) {
            chunks.push(String(chunk));
            done();
        }
    });
    return { stream, text: () => chunks.join('') };
}

let mainFunction: ((argv: string[], io: import('../../packages/cli/src/options.js').OutputStreams) => Promise<number>) | undefined;

/**
 * The CLI's sources (`packages/cli/src/main.js`) imported without running `main()`. OPSBOOK_CLI_NO_AUTORUN is set
 * only while the module is first evaluated: the test files share a process (vitest.config.ts, isolate: false),
 * and a CLI spawned later by any of them must not inherit it.
 */
export async function importCliMain(): Promise<typeof import('../../packages/cli/src/main.js')> {
    process.env.OPSBOOK_CLI_NO_AUTORUN = '1';
    try {
        return await import('../../packages/cli/src/main.js');
    } finally {
        delete process.env.OPSBOOK_CLI_NO_AUTORUN;
    }
}

/** Runs the CLI's `main()` in this process (working folder: the repository root). */
export async function runInProcess(args: string[]): Promise<CliResult> {
    mainFunction ??= (await importCliMain()).main;
    const out = collector();
    const err = collector();
    const code = await mainFunction(args, { stdout: out.stream, stderr: err.stream, colour: false, progress: false });
    return { code, stdout: out.text(), stderr: err.text() };
}

/** A fresh temporary folder, removed by the returned function. */
export function temporaryFolder(prefix = 'opsbook-cli-'): { dir: string; remove: () => void } {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
