// The extension's `browser` entry in a real VS Code for the Web, offline: code-server runs an extension
// that has only a `browser` entry (no `main`) in the browser's web-worker extension host, as vscode.dev
// and github.dev do. So the extension is copied without `main`, and its language server runs in a web
// worker (dist/browser-server.js). Checked as a person sees it: the Problems panel of a playbook with a
// broken number (imports resolved: the workspace's files reach the worker), and the plan preview of
// a clean playbook (the server's HTML plan, diagrams drawn as SVG, no script).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openWorkbench, REPO_ROOT, readVisibleResults, screenshot, startCodeServer } from './code-server.mjs';

const ARTIFACTS = process.env.OPSBOOK_E2E_ARTIFACTS || join(REPO_ROOT, 'tmp/e2e');
const EXTENSION = join(REPO_ROOT, 'packages/extension');

/** A copy of the built extension with its `browser` entry only. */
function webOnlyExtension() {
    const dir = mkdtempSync(join(tmpdir(), 'opsbook-web-extension-'));
    const manifest = JSON.parse(readFileSync(join(EXTENSION, 'package.json'), 'utf8'));
    assert.equal(manifest.browser, './dist/browser-extension.js');
    delete manifest.main;
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    for (const part of [
        'dist/browser-extension.js',
        'dist/browser-server.js',
        'language-configuration.json',
        'syntaxes',
        'package.nls.json',
        'package.nls.zh-cn.json',
        'l10n',
        'schemas',
        'images'
    ]) {
        cpSync(join(EXTENSION, part), join(dir, part), { recursive: true });
    }
    return dir;
}

async function runCommand(page, title) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget', { state: 'visible' });
    await page.keyboard.type(title);
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, { timeout: 15_000 });
    await page.keyboard.press('Enter');
}

export default async function webExtension() {
    const extension = webOnlyExtension();
    const workspace = mkdtempSync(join(tmpdir(), 'opsbook-web-workspace-'));
    cpSync(join(REPO_ROOT, 'examples'), workspace, { recursive: true });
    const growth = join(workspace, 'growth/growth.ops');
    writeFileSync(growth, readFileSync(growth, 'utf8').replace('budget 60k CNY', 'budget 600k CNY'));
    const server = await startCodeServer({});
    const workbench = await openWorkbench({ server, workspace, extensionDevelopmentPath: extension, openFile: 'growth/growth.ops' });
    const { page } = workbench;
    const errors = [];
    page.on('console', message => {
        if (/Activating extension 'opsbook\.opsbook-vscode' failed|Opsbook: the language server did not start/.test(message.text()))
            errors.push(message.text());
    });
    try {
        // Diagnostics from the worker: the budget overrun, and no unresolved name (team.ops was handed over).
        const seen = await readVisibleResults(page, { minProblems: 1, timeoutMs: 120_000 });
        const rows = seen.problems.map(row => row.text);
        console.log(`  problems: ${JSON.stringify(rows.slice(0, 2))}`);
        assert.deepEqual(errors, []);
        assert.ok(
            rows.some(row => /420,000 CNY over the playbook budget of 500,000 CNY.*budget-overrun\[Ln 9, Col 10\]/.test(row)),
            rows.join('\n')
        );
        assert.ok(!rows.some(row => /unresolved-reference|unknown person/.test(row)), rows.join('\n'));
        await screenshot(page, join(ARTIFACTS, 'web-extension-problems.png'));

        // The plan preview of a clean playbook (shop, in Chinese, importing 团队.ops): the HTML plan.
        await page.keyboard.press('Control+P');
        await page.waitForSelector('.quick-input-widget', { state: 'visible' });
        await page.keyboard.type('shop.ops');
        await page.waitForSelector('.quick-input-list .monaco-list-row[aria-label*="shop.ops"]', { timeout: 15_000 });
        await page.keyboard.press('Enter');
        await page.waitForSelector('.tab.active[aria-label*="shop.ops"]', { timeout: 15_000 });
        await runCommand(page, 'Opsbook: Open Plan Preview');
        const deadline = Date.now() + 60_000;
        let heading;
        while (!heading && Date.now() < deadline) {
            for (const frame of page.frames()) {
                const found = await frame
                    .evaluate(() =>
                        document.querySelectorAll('figure > svg').length === 3 ? document.querySelector('h1')?.textContent : undefined
                    )
                    .catch(() => undefined);
                if (found) heading = found;
            }
            if (!heading) await page.waitForTimeout(250);
        }
        assert.match(heading ?? '(no plan preview with three diagrams)', /^执行计划：/);
        console.log(`  preview: ${heading}`);
        await screenshot(page, join(ARTIFACTS, 'web-extension-preview.png'));
    } finally {
        await workbench.close();
        await server.stop();
        rmSync(extension, { recursive: true, force: true });
        rmSync(workspace, { recursive: true, force: true });
    }
}
