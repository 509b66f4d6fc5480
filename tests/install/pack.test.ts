// What a user gets from `npm install --save-dev @opsbook/cli` in another repository: the package is
// packed from packages/cli (as `npm publish` would), installed into an empty folder outside this
// repository without the registry, and used there through npx.
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LspProcess, within } from '../reliability/support/lsp-process.js';

const REPO = path.resolve(import.meta.dirname, '../..');
const CLI_PACKAGE = path.join(REPO, 'packages/cli');
let work: string;
let project: string;
let packed: { filename: string; files: { path: string }[] };
let install: SpawnSyncReturns<string>;

/** npm and npx as a user runs them: none of the npm_* variables `npm test` sets, which point at this repository. */
function cleanEnv(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) && key !== 'INIT_CWD') env[key] = value;
    return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false' };
}

function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
    return spawnSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', timeout: 30_000 });
}

const npx = (args: string[]) => run('npx', ['--no-install', ...args], project);

beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-pack-'));
    // `--ignore-scripts`: `npm test` has just built; `prepack` (the build) is checked below.
    const pack = run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', work], CLI_PACKAGE);
    expect(pack.status, pack.stderr).toBe(0);
    packed = JSON.parse(pack.stdout)[0];
    project = path.join(work, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "someone-elses-repo", "private": true }\n');
    install = run('npm', ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', path.join(work, packed.filename)], project);
}, 60_000);

afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
});

describe('the @opsbook/cli package', () => {
    test('holds the bundles, bins, schema, templates and nothing of the sources', () => {
        const files = packed.files.map(file => file.path).sort();
        expect(packed.filename).toBe('opsbook-cli-0.1.0.tgz');
        expect(files).toEqual(
            expect.arrayContaining([
                'LICENSE',
                'README.md',
                'package.json',
                'bin/opsbook.cjs',
                'bin/opsbook-language-server.cjs',
                'bin/load-bundle.cjs',
                'bin/opsbook.sh',
                'bin/opsbook-language-server.sh',
                'bin/launch.sh',
                'bin/snapshot.cjs',
                'bin/snapshot-entry.cjs',
                'dist/opsbook.cjs',
                'dist/language-server.cjs',
                'schemas/opsbook.schema.json',
                'templates/playbook.ops',
                'templates/team.ops',
                'templates/opsbook.json'
            ])
        );
        // Nothing made for this machine's node: the code caches and startup snapshots (a user builds the
        // snapshots for their node with bin/snapshot.cjs; node aborts on a blob of another build).
        expect(files.filter(file => /^(src|out|node_modules)\/|\.map$|\.ts$|tsbuildinfo|v8cache|\.blob/.test(file))).toEqual([]);
        expect(fs.readFileSync(path.join(CLI_PACKAGE, 'schemas/opsbook.schema.json'), 'utf8')).toBe(
            fs.readFileSync(path.join(REPO, 'schemas/opsbook.schema.json'), 'utf8')
        );
    });

    test('has a scoped name, no dependencies (the bundles are self-contained), both bins and a prepack that builds', () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(CLI_PACKAGE, 'package.json'), 'utf8'));
        expect(manifest.name).toBe('@opsbook/cli');
        expect(manifest.dependencies ?? {}).toEqual({});
        expect(manifest.bin).toEqual({ opsbook: './bin/opsbook.cjs', 'opsbook-language-server': './bin/opsbook-language-server.cjs' });
        expect(manifest.scripts.prepack).toBe('npm run build --prefix ../..');
        // No install script (npm warns about them): the snapshots are the user's step, below.
        expect(Object.keys(manifest.scripts)).toEqual(['prepack']);
        // Every bin is JavaScript for node: npm's Windows shims run a bin's shebang program (the POSIX
        // launchers of the startup snapshots, bin/*.sh, are extras).
        for (const bin of Object.values(manifest.bin as Record<string, string>)) {
            // As packed and installed.
            expect(fs.readFileSync(path.join(project, 'node_modules/@opsbook/cli', bin), 'utf8').split('\n')[0], bin).toBe(
                '#!/usr/bin/env node'
            );
        }
        // The bundles require Node's built-ins only.
        for (const bundle of ['dist/opsbook.cjs', 'dist/language-server.cjs']) {
            const text = fs.readFileSync(path.join(CLI_PACKAGE, bundle), 'utf8');
            const required = new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map(match => match[1]!));
            expect(
                [...required].filter(name => !(name.startsWith('node:') || BUILTINS.has(name))),
                bundle
            ).toEqual([]);
        }
    });

    test('installs offline into an empty folder, without warnings', () => {
        expect(install.status, install.stderr).toBe(0);
        expect(install.stderr).toBe('');
        expect(fs.readdirSync(path.join(project, 'node_modules')).sort()).toEqual(['.bin', '.package-lock.json', '@opsbook']);
    });

    test('node node_modules/@opsbook/cli/bin/snapshot.cjs builds the startup snapshots for this node, and the launchers start from them', () => {
        const installed = path.join(project, 'node_modules/@opsbook/cli');
        const probe = path.join(work, 'probe.cjs');
        fs.writeFileSync(probe, "require('node:fs').writeSync(2, `EXEC_ARGV ${JSON.stringify(process.execArgv)}\\n`);\n");
        const start = (program: string) =>
            spawnSync(path.join(project, program), ['--version'], {
                cwd: project,
                env: { ...cleanEnv(), NODE_OPTIONS: `--require ${probe}` },
                encoding: 'utf8'
            });
        const opsbook = () => start('node_modules/@opsbook/cli/bin/opsbook.sh');
        // Before: the launcher runs the bin, as npm's node_modules/.bin/opsbook does.
        expect([opsbook().stdout, /EXEC_ARGV (.*)\n/.exec(opsbook().stderr)?.[1]]).toEqual(['0.1.0\n', '[]']);

        const built = run(process.execPath, ['node_modules/@opsbook/cli/bin/snapshot.cjs'], project);
        expect([built.status, built.stdout, built.stderr]).toEqual([0, '', '']);
        for (const name of ['opsbook', 'language-server']) {
            expect(fs.readFileSync(path.join(installed, `dist/${name}.blob.id`), 'utf8')).toBe(
                `${fs.realpathSync(process.execPath)}\n${fs.realpathSync(path.join(installed, `dist/${name}.cjs`))}\n`
            );
        }
        const version = opsbook();
        expect(version.stdout).toBe('0.1.0\n');
        const execArgv = JSON.parse(/EXEC_ARGV (.*)\n/.exec(version.stderr)?.[1] ?? '[]') as string[];
        expect(path.resolve(execArgv[1] ?? '')).toBe(fs.realpathSync(path.join(installed, 'dist/opsbook.blob')));
        // npm's bin stays the plain JavaScript start.
        const npmBin = start('node_modules/.bin/opsbook');
        expect([npmBin.stdout, /EXEC_ARGV (.*)\n/.exec(npmBin.stderr)?.[1]]).toEqual(['0.1.0\n', '[]']);
    });

    test('npx opsbook init, check and plan work there', () => {
        const init = npx(['opsbook', 'init', '--period', '2027-Q1']);
        expect([init.status, init.stdout, init.stderr]).toEqual([0, 'playbook.ops\nteam.ops\nopsbook.json\n', 'next: npx opsbook check\n']);
        // The $schema that init wrote points at the installed schema.
        const config = JSON.parse(fs.readFileSync(path.join(project, 'opsbook.json'), 'utf8'));
        expect(config.$schema).toBe('./node_modules/@opsbook/cli/schemas/opsbook.schema.json');
        expect(fs.existsSync(path.join(project, config.$schema))).toBe(true);

        const check = npx(['opsbook', 'check']);
        expect([check.status, check.stdout, check.stderr]).toEqual([0, '2 files checked: 0 errors, 0 warnings\n', '']);

        const plan = npx(['opsbook', 'plan', 'playbook.ops']);
        expect(plan.status, plan.stderr).toBe(0);
        expect(plan.stdout).toMatch(/^<!-- opsbook:plan fingerprint=[0-9a-f]+ -->\n# /);
        expect(plan.stdout).toContain('None: opsbook check reports no warnings for this playbook.');

        fs.writeFileSync(path.join(project, 'broken.ops'), 'goal G {\n  target 10 nothing by 2027-13-01\n}\n');
        const broken = npx(['opsbook', 'check', 'broken.ops']);
        expect(broken.status).toBe(1);
        expect(broken.stdout).toContain('broken.ops:2:24 error invalid-date 2027-13-01 is not on the calendar: months run from 01 to 12\n');
        expect(broken.stdout).toMatch(/\n1 file checked: 3 errors, 1 warning\n$/);
        expect(broken.stderr).toBe('');
        fs.rmSync(path.join(project, 'broken.ops'));
    });

    test('npx opsbook-language-server --stdio answers initialize', async () => {
        const server = new LspProcess(project, {
            file: 'npx',
            args: ['--no-install', 'opsbook-language-server', '--stdio'],
            env: cleanEnv()
        });
        const parsed = await within(
            server.request('initialize', { processId: null, rootUri: null, capabilities: {} }),
            20_000,
            'the initialize reply'
        ).finally(() => server.kill());
        expect(parsed.id).toBe(1);
        expect(Object.keys((parsed.result as { capabilities: object }).capabilities)).toEqual(
            expect.arrayContaining(['textDocumentSync', 'hoverProvider', 'completionProvider'])
        );
    }, 30_000);
});

const BUILTINS = new Set((await import('node:module')).builtinModules);
