// Proves the harness on a do-nothing extension:
//  1. a suite runs in code-server's extension host and reports 0 (workspace open, extension active);
//  2. a failing suite reports 1 (the harness cannot pass everything);
//  3. a Playwright check reads what a person sees: status bar texts and Problems panel rows
//     (a JSON file with a syntax error, reported by VS Code's built-in JSON support).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench, REPO_ROOT, readVisibleResults, runExtensionTests, screenshot } from './code-server.mjs';

const FIXTURES = join(REPO_ROOT, 'tests/e2e/fixtures');
const EXTENSION = join(FIXTURES, 'smoke-extension');
const WORKSPACE = join(FIXTURES, 'smoke-workspace');
export const ARTIFACTS = process.env.OPSBOOK_E2E_ARTIFACTS || join(REPO_ROOT, 'tmp/e2e');

/** Runs the smoke suite; resolves with its exit code. */
export function runSmokeSuite(opts = {}) {
    return runExtensionTests({
        extensionDevelopmentPath: EXTENSION,
        extensionTestsPath: join(FIXTURES, 'smoke-suite/index.cjs'),
        workspace: WORKSPACE,
        screenshotPath: join(ARTIFACTS, 'smoke.png'),
        label: 'smoke',
        ...opts
    });
}

const since = t => `${((performance.now() - t) / 1000).toFixed(1)} s`;

export default async function smoke() {
    let t = performance.now();
    const code = await runSmokeSuite();
    assert.equal(code, 0, `the smoke suite exited with ${code} (screenshot: ${join(ARTIFACTS, 'smoke.png')})`);
    console.log(`  smoke suite passed (${since(t)}, code-server start included)`);
    t = performance.now();

    const failing = await runExtensionTests({
        extensionDevelopmentPath: EXTENSION,
        extensionTestsPath: join(FIXTURES, 'failing-suite/index.cjs'),
        workspace: WORKSPACE,
        label: 'failing-suite'
    });
    assert.equal(failing, 1, `a failing suite must exit with 1, got ${failing}`);
    console.log(`  failing suite reported exit code 1 (${since(t)})`);
    t = performance.now();

    // The broken file is made here, not kept in the repo, so that linters never see it.
    const ws = mkdtempSync(join(tmpdir(), 'opsbook-e2e-ws-'));
    writeFileSync(join(ws, 'broken.json'), '{\n  "name": "opsbook",\n  "version": \n}\n');
    const wb = await openWorkbench({ workspace: ws, extensionDevelopmentPath: EXTENSION, openFile: 'broken.json' });
    try {
        // Diagnostics wait for the JSON language server to start: generous on a busy 2-core machine.
        const seen = await readVisibleResults(wb.page, { minProblems: 1, timeoutMs: 180_000 });
        await screenshot(wb.page, join(ARTIFACTS, 'smoke-problems.png'));
        console.log(`  status bar: ${JSON.stringify(seen.statusBar)}`);
        console.log(`  problems: ${JSON.stringify(seen.problems.map(p => p.text))}`);
        assert.ok(seen.statusBar.includes('JSON'), `the status bar shows no 'JSON' language mode: ${seen.statusBar}`);
        assert.ok(
            seen.problems.some(p => /broken\.json/.test(p.text)) && seen.problems.some(p => /expected/i.test(p.text)),
            `the Problems panel shows no JSON syntax error for broken.json: ${JSON.stringify(seen.problems)}`
        );
        console.log(`  status bar and Problems panel read (${since(t)})`);
    } finally {
        await wb.close();
        rmSync(ws, { recursive: true, force: true });
    }
}
