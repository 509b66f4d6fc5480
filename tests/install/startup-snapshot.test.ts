// The V8 startup snapshots of the CLI and the language server (packages/cli/bin/snapshot.cjs;
// ARCHITECTURE.md, "Start-up"): `npm run build` writes them; each POSIX launcher (bin/*.sh) starts node
// from its blob only when this very node binary built it from this very bundle, and otherwise runs the
// JavaScript bin — a blob of another node build would abort node (V8 checks its checksum, not its origin).
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspProcess, within } from '../reliability/support/lsp-process.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(REPO, 'packages/cli/bin');
const DIST = path.join(REPO, 'packages/cli/dist');
const CLI = path.join(BIN, 'opsbook.sh');
const SERVER = path.join(BIN, 'opsbook-language-server.sh');
let work: string;
let probe: string;

/** Preloaded into every node the bins start: prints node's own options (the snapshot, if any) on stderr. */
const PROBE = "require('node:fs').writeSync(2, `NODE_OPTIONS_SEEN ${JSON.stringify(process.execArgv)}\\n`);\n";

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '', NODE_OPTIONS: `--require ${probe}`, ...extra };
}

/** Runs a launcher or bin as a shell does; `snapshot` is the blob node started from, or null for a plain start. */
function run(bin: string, args: string[], extra: NodeJS.ProcessEnv = {}): { result: SpawnSyncReturns<string>; snapshot: string | null } {
    const result = spawnSync(bin, args, { cwd: REPO, env: env(extra), encoding: 'utf8', timeout: 60_000 });
    const seen = /NODE_OPTIONS_SEEN (.*)\n/.exec(result.stderr);
    expect(seen, result.stderr).not.toBeNull();
    const execArgv = JSON.parse(seen![1]!) as string[];
    result.stderr = result.stderr.replace(seen![0], '');
    const at = execArgv.indexOf('--snapshot-blob');
    return { result, snapshot: at >= 0 ? path.resolve(execArgv[at + 1]!) : null };
}

/** A copy of bin/ and the CLI's dist/ files (bundle, blob, id) in a temporary folder, mtimes kept. */
function copyOfPackage(name: string): string {
    const copy = path.join(work, name);
    for (const folder of ['bin', 'dist']) fs.mkdirSync(path.join(copy, folder), { recursive: true });
    for (const file of fs.readdirSync(BIN)) fs.cpSync(path.join(BIN, file), path.join(copy, 'bin', file), { preserveTimestamps: true });
    for (const file of ['opsbook.cjs', 'opsbook.blob'])
        fs.cpSync(path.join(DIST, file), path.join(copy, 'dist', file), { preserveTimestamps: true });
    // The id names this copy's bundle, as a build here would.
    fs.writeFileSync(
        path.join(copy, 'dist/opsbook.blob.id'),
        `${fs.realpathSync(process.execPath)}\n${fs.realpathSync(path.join(copy, 'dist/opsbook.cjs'))}\n`
    );
    const stamp = fs.statSync(path.join(DIST, 'opsbook.blob')).mtime;
    fs.utimesSync(path.join(copy, 'dist/opsbook.blob.id'), stamp, stamp);
    return copy;
}

beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-snapshot-test-'));
    probe = path.join(work, 'probe.cjs');
    fs.writeFileSync(probe, PROBE);
});

afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
});

describe('the startup snapshots', () => {
    test('the build wrote both, each with an id naming the node binary and the bundle it was built from', () => {
        for (const name of ['opsbook', 'language-server']) {
            const id = fs.readFileSync(path.join(DIST, `${name}.blob.id`), 'utf8');
            expect(id).toBe(`${fs.realpathSync(process.execPath)}\n${fs.realpathSync(path.join(DIST, `${name}.cjs`))}\n`);
            expect(fs.statSync(path.join(DIST, `${name}.blob`)).size).toBeGreaterThan(1_000_000);
        }
    });

    test('the CLI launcher starts from its snapshot and answers exactly as the bin opsbook.cjs does', () => {
        const cases = [
            ['check', 'examples'],
            ['check', 'examples/saas/saas.ops', '--format', 'json'],
            ['check', 'examples/growth', '--locale', 'zh-CN'],
            ['plan', 'examples/launch/launch.ops'],
            ['check', 'no-such-file.ops'],
            ['--version'],
            ['frobnicate']
        ];
        for (const args of cases) {
            const fromSnapshot = run(CLI, args);
            const plain = run(path.join(BIN, 'opsbook.cjs'), args);
            expect(fromSnapshot.snapshot, args.join(' ')).toBe(path.join(DIST, 'opsbook.blob'));
            expect(plain.snapshot).toBeNull();
            const outcome = ({ result }: { result: SpawnSyncReturns<string> }) => [result.status, result.stdout, result.stderr];
            expect(outcome(fromSnapshot), args.join(' ')).toEqual(outcome(plain));
        }
    }, 120_000);

    test('the environment, working folder and arguments are read at run time, not when the snapshot was built', () => {
        const folder = path.join(work, 'env');
        fs.mkdirSync(folder);
        fs.writeFileSync(path.join(folder, 'broken.ops'), 'goal G {\n  target 10 nothing by 2027-13-01\n}\n');
        const result = spawnSync(CLI, ['check', 'broken.ops'], { cwd: folder, env: env({ LANG: 'zh_CN.UTF-8' }), encoding: 'utf8' });
        expect(result.stderr).toMatch(/"--snapshot-blob"/);
        expect(result.status).toBe(1);
        expect(result.stdout).toContain('broken.ops:2:24 error invalid-date 日历上没有 2027-13-01：月份是 01 到 12\n');
        expect(result.stdout).toMatch(/\n已检查 1 个文件：3 个错误，1 个警告\n$/);
        const coloured = spawnSync(CLI, ['check', 'broken.ops', '--color'], { cwd: folder, env: env(), encoding: 'utf8' });
        expect(coloured.stdout).toContain('\u001b[');
    });

    test('through a symbolic link the launcher finds its snapshot; OPSBOOK_SNAPSHOT=0 turns it off', () => {
        const link = path.join(work, 'opsbook');
        fs.symlinkSync(path.relative(work, CLI), link);
        expect(run(link, ['--version']).snapshot).toBe(path.join(DIST, 'opsbook.blob'));
        const off = run(link, ['--version'], { OPSBOOK_SNAPSHOT: '0' });
        expect([off.snapshot, off.result.stdout]).toEqual([null, '0.1.0\n']);
    });

    test('V8 flags in NODE_OPTIONS (node would refuse the blob and exit 14) make the launcher start plainly; --require keeps the snapshot', () => {
        const flags = run(CLI, ['--version'], { NODE_OPTIONS: `--require ${probe} --max-old-space-size=200` });
        expect([flags.result.status, flags.snapshot, flags.result.stdout, flags.result.stderr]).toEqual([0, null, '0.1.0\n', '']);
        const short = run(CLI, ['--version'], { NODE_OPTIONS: `-r ${probe}` });
        expect([short.result.status, short.snapshot, short.result.stdout]).toEqual([0, path.join(DIST, 'opsbook.blob'), '0.1.0\n']);
    });

    test('started by its file name alone (`sh opsbook.sh` inside bin/) the launcher still finds the bundle and its snapshot', () => {
        const result = spawnSync('sh', ['opsbook.sh', '--version'], { cwd: BIN, env: env(), encoding: 'utf8', timeout: 60_000 });
        expect([result.status, result.stdout]).toEqual([0, '0.1.0\n']);
        expect(result.stderr).toContain('--snapshot-blob');
    });

    test('the launcher runs the bin without the snapshot when the blob is missing, older than the bundle, or built by another node binary', () => {
        const copy = copyOfPackage('copy');
        const bin = path.join(copy, 'bin/opsbook.sh');
        const blob = path.join(copy, 'dist/opsbook.blob');
        expect(run(bin, ['--version']).snapshot).toBe(blob);

        // Built by another binary (here: the shell) — node would abort on such a blob.
        const id = path.join(copy, 'dist/opsbook.blob.id');
        const good = fs.readFileSync(id, 'utf8');
        fs.writeFileSync(id, good.replace(/^.*\n/, `${fs.realpathSync('/bin/sh')}\n`));
        fs.writeFileSync(blob, 'not a snapshot');
        const other = run(bin, ['--version']);
        expect([other.snapshot, other.result.status, other.result.stdout]).toEqual([null, 0, '0.1.0\n']);

        // A bundle newer than the blob (rebuilt without it).
        fs.writeFileSync(id, good);
        const later = new Date(Date.now() + 60_000);
        fs.utimesSync(path.join(copy, 'dist/opsbook.cjs'), later, later);
        expect(run(bin, ['--version']).snapshot).toBeNull();

        fs.rmSync(blob);
        fs.rmSync(id);
        const missing = run(bin, ['--version']);
        expect([missing.snapshot, missing.result.status, missing.result.stdout]).toEqual([null, 0, '0.1.0\n']);
    });

    test('the language server launcher starts from its snapshot and answers initialize', async () => {
        const server = new LspProcess(REPO, { file: SERVER, args: ['--stdio'], env: env() });
        const reply = await within(
            server.request('initialize', { processId: null, rootUri: null, capabilities: {} }),
            20_000,
            'the initialize reply'
        ).finally(() => server.kill());
        const stderr = server.stderr;
        const execArgv = JSON.parse(/NODE_OPTIONS_SEEN (.*)\n/.exec(stderr)?.[1] ?? '[]') as string[];
        expect(path.resolve(execArgv[execArgv.indexOf('--snapshot-blob') + 1] ?? '')).toBe(path.join(DIST, 'language-server.blob'));
        expect(reply.id).toBe(1);
        expect(Object.keys((reply.result as { capabilities: object }).capabilities)).toEqual(
            expect.arrayContaining(['textDocumentSync', 'hoverProvider', 'completionProvider'])
        );
    }, 30_000);
});
