// A second, independent LSP client: Neovim 0.7 (Debian's `neovim`), headless, starts the bundled
// Opsbook language server over stdio, opens a copy of examples/growth/growth.ops with an error in it,
// and must receive exactly the diagnostics that `opsbook check --format json` reports for that file.
// Fails (never skips) when nvim or the build is missing.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
// The CLI's own conversion, built by `npm run build`: both sides go through it, so what is compared is
// what the server published and what the CLI found.
import { compareDiagnostics, toCliDiagnostic } from '../../packages/cli/out/output/cli-diagnostic.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER = path.join(REPO, 'packages/cli/bin/opsbook-language-server.cjs');
const CLI = path.join(REPO, 'packages/cli/bin/opsbook.cjs');
const SCRIPT = path.join(REPO, 'tests/neovim/collect-diagnostics.lua');

function requireNeovim() {
    const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
        throw new Error(
            "nvim is missing: install Debian's Neovim 0.7 with `apt-get install -y neovim` (scripts/e2e-setup.sh should); this test needs it as a second LSP client"
        );
    }
    const version = /NVIM v(\d+)\.(\d+)/.exec(probe.stdout);
    if (!version || (Number(version[1]) === 0 && Number(version[2]) < 7))
        throw new Error(`Neovim 0.7 or later is needed, found: ${probe.stdout.split('\n')[0]}`);
    return probe.stdout.split('\n')[0];
}

/** examples/growth copied to a fresh workspace root, with SEO delivering 5,000 instead of 6,000 signups. */
function workspaceWithError() {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-neovim-'));
    fs.writeFileSync(path.join(folder, 'opsbook.json'), '{}\n');
    fs.copyFileSync(path.join(REPO, 'examples/growth/team.ops'), path.join(folder, 'team.ops'));
    const growth = fs.readFileSync(path.join(REPO, 'examples/growth/growth.ops'), 'utf8');
    assert.ok(growth.includes('delivers 6000 signups to SeedUsers'), 'examples/growth/growth.ops changed: update this test');
    fs.writeFileSync(
        path.join(folder, 'growth.ops'),
        growth.replace('delivers 6000 signups to SeedUsers', 'delivers 5000 signups to SeedUsers')
    );
    return folder;
}

function cliDiagnostics(folder, file) {
    const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', file], { cwd: folder, encoding: 'utf8' });
    assert.equal(result.status, 1, `opsbook check should find the error (exit 1), got ${result.status}: ${result.stderr}`);
    return JSON.parse(result.stdout).diagnostics;
}

function runNeovim(folder, file) {
    const out = path.join(folder, 'neovim-diagnostics.json');
    const env = {
        ...process.env,
        OPSBOOK_SERVER_CMD: JSON.stringify([process.execPath, SERVER, '--stdio']),
        OPSBOOK_ROOT: folder,
        OPSBOOK_FILE: path.join(folder, file),
        OPSBOOK_OUT: out,
        XDG_CONFIG_HOME: path.join(folder, '.xdg-config'),
        XDG_DATA_HOME: path.join(folder, '.xdg-data'),
        XDG_STATE_HOME: path.join(folder, '.xdg-state'),
        XDG_CACHE_HOME: path.join(folder, '.xdg-cache')
    };
    return new Promise((resolve, reject) => {
        const nvim = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${SCRIPT}`], {
            cwd: folder,
            env,
            stdio: ['ignore', 'pipe', 'pipe']
        });
        let stderr = '';
        nvim.stderr.on('data', chunk => {
            stderr += chunk;
        });
        const timer = setTimeout(() => {
            nvim.kill('SIGKILL');
            reject(new Error(`nvim did not finish within 90 s; stderr: ${stderr}`));
        }, 90_000);
        nvim.on('exit', code => {
            clearTimeout(timer);
            if (!fs.existsSync(out)) return reject(new Error(`nvim exited with ${code} without writing ${out}; stderr: ${stderr}`));
            const result = JSON.parse(fs.readFileSync(out, 'utf8'));
            if (result.error) return reject(new Error(`the Neovim script failed: ${result.error}`));
            resolve(result);
        });
    });
}

export default async function neovim() {
    const version = requireNeovim();
    assert.ok(
        fs.existsSync(path.join(REPO, 'packages/cli/dist/language-server.cjs')),
        'the bundled server is missing: run `npm run build` first'
    );
    const folder = workspaceWithError();
    try {
        const expected = cliDiagnostics(folder, 'growth.ops');
        assert.ok(
            expected.some(d => d.severity === 'error' && d.rule === 'goal-undercovered'),
            `expected a goal-undercovered error from the CLI, got ${JSON.stringify(expected)}`
        );
        const started = performance.now();
        const received = await runNeovim(folder, 'growth.ops');
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const asCli = received.diagnostics.map(d => toCliDiagnostic('growth.ops', d)).sort(compareDiagnostics);
        const sortedExpected = [...expected].sort(compareDiagnostics);
        assert.deepEqual(asCli, sortedExpected);
        console.log(
            `  ${version}: ${asCli.length} diagnostics (${asCli.map(d => d.rule).join(', ')}), identical to opsbook check, in ${seconds} s`
        );
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}

// `node tests/e2e/neovim.e2e.mjs` runs it alone.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
    neovim().then(
        () => console.log('neovim: PASS'),
        error => {
            console.error(`neovim: FAIL ${error.stack ?? error}`);
            process.exit(1);
        }
    );
}
