// What a person sees with the extension installed from its VSIX (`code-server --install-extension`
// into a fresh code-server), read from the code-server page with
// Playwright: the status bar item and the Problems rows of a playbook with mistakes, a hover, a
// completion list, and the live plan preview with its Mermaid diagrams drawn. Saves screenshots in
// tmp/e2e/; with OPSBOOK_UPDATE_SCREENSHOTS=1 also into packages/extension/images/ (the README's).
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installVsixInto, unpackedExtension } from '../vscode/vsix.mjs';
import { prepareWorkspace, removeWorkspace } from '../vscode/workspace.mjs';
import { openWorkbench, REPO_ROOT, readVisibleResults, screenshot, startCodeServer } from './code-server.mjs';

const ARTIFACTS = process.env.OPSBOOK_E2E_ARTIFACTS || join(REPO_ROOT, 'tmp/e2e');
const README_IMAGES = join(REPO_ROOT, 'packages/extension/images');

async function shoot(page, name) {
    const path = join(ARTIFACTS, `extension-${name}.png`);
    await screenshot(page, path);
    if (process.env.OPSBOOK_UPDATE_SCREENSHOTS === '1') copyFileSync(path, join(README_IMAGES, `${name}.png`));
    console.log(`  screenshot: ${path}`);
}

/** The texts of the status bar items, whitespace collapsed (codicons have no text). */
const statusBarTexts = page =>
    page.$$eval('.statusbar-item', els => els.map(e => (e.textContent || '').replace(/\s+/g, ' ').trim()).filter(Boolean));

async function waitForStatus(page, pattern, timeoutMs = 120_000) {
    const deadline = Date.now() + timeoutMs;
    let texts = [];
    while (Date.now() < deadline) {
        texts = await statusBarTexts(page);
        const found = texts.find(text => pattern.test(text));
        if (found) return found;
        await page.waitForTimeout(250);
    }
    const path = join(ARTIFACTS, 'extension-visible-failure.png');
    await screenshot(page, path);
    throw new Error(`no status bar item matches ${pattern}; shown: ${JSON.stringify(texts)} (screenshot: ${path})`);
}

/** Runs a command through the command palette, as a person would. */
async function runCommand(page, title) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget', { state: 'visible' });
    await page.keyboard.type(title);
    await page.waitForSelector(`.quick-input-list .monaco-list-row[aria-label*="${title}"]`, { timeout: 15_000 });
    await page.keyboard.press('Enter');
}

/** Moves the cursor to 1-based line:column with Go to Line. */
async function goTo(page, line, column) {
    await page.keyboard.press('Control+G');
    await page.waitForSelector('.quick-input-widget', { state: 'visible' });
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
}

/** Shows the hover at the cursor (Ctrl+K Ctrl+I), trying again while the server is still busy. */
async function showHover(page, attempts = 4) {
    for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        const hover = await page
            .waitForSelector('.monaco-hover:not(.hidden) .hover-contents:not(:empty)', { state: 'visible', timeout: 10_000 })
            .catch(error => (attempt < attempts ? undefined : Promise.reject(error)));
        if (hover) return (await hover.textContent()) ?? '';
        await page.keyboard.press('Escape');
    }
}

/** Hides the secondary side bar (an empty chat area in code-server) so screenshots show the work. */
async function hideSecondarySideBar(page) {
    const auxiliaryBar = page.locator('.part.auxiliarybar');
    if (await auxiliaryBar.isVisible().catch(() => false)) {
        await page.keyboard.press('Control+Alt+B');
        await auxiliaryBar.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
    }
}

/** The frame of the plan preview webview (nested iframes), once its script drew the diagrams. */
async function previewFrame(page, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        for (const frame of page.frames()) {
            const drawn = await frame.evaluate(() => document.querySelectorAll('#content .diagram svg').length).catch(() => 0);
            if (drawn > 0) return frame;
        }
        await page.waitForTimeout(250);
    }
    throw new Error('the plan preview did not show a drawn diagram');
}

export default async function extensionVisible() {
    // A code-server of its own, with the VSIX installed as a user installs it.
    const extensionsDir = mkdtempSync(join(tmpdir(), 'opsbook-extensions-'));
    const workspace = prepareWorkspace();
    let server;
    try {
        const installed = installVsixInto(extensionsDir);
        server = await startCodeServer({ extensionsDir });
        const development = installed ? {} : { extensionDevelopmentPath: unpackedExtension().extensionPath };
        const workbench = openFile => openWorkbench({ server, workspace, openFile, ...development });
        // A playbook with mistakes: status bar and Problems.
        const mistakes = await workbench('mistakes/typo.ops');
        try {
            const { page } = mistakes;
            await hideSecondarySideBar(page);
            // typo.ops has two errors (unresolved-reference, goal-undercovered) and no warning.
            const status = await waitForStatus(page, /^Opsbook 2 0\b/);
            console.log(`  status bar: ${status}`);
            const seen = await readVisibleResults(page, { minProblems: 2 });
            const rows = seen.problems.map(row => row.text);
            console.log(`  problems: ${JSON.stringify(rows)}`);
            assert.ok(
                rows.some(row => row.includes("unknown person 'alcie': did you mean 'alice'?") && row.includes('unresolved-reference')),
                rows.join('\n')
            );
            assert.ok(
                rows.some(row => row.includes('goal-undercovered')),
                rows.join('\n')
            );
            await goTo(page, 18, 10); // the misspelt owner: its hover shows the message and the quick fix
            await showHover(page);
            await shoot(page, 'diagnostics');
        } finally {
            await mistakes.close();
        }

        // The growth example: hover, completion, and the plan preview beside the editor.
        const growth = await workbench('examples/growth/growth.ops');
        try {
            const { page } = growth;
            await hideSecondarySideBar(page);
            const status = await waitForStatus(page, /^Opsbook 0 0\b/);
            console.log(`  status bar: ${status}`);

            await goTo(page, 26, 9); // goal SeedUsers
            const hoverText = await showHover(page);
            console.log(`  hover: ${hoverText.replace(/\s+/g, ' ').slice(0, 160)}`);
            assert.match(hoverText, /20,000/);
            await shoot(page, 'hover');
            await page.keyboard.press('Escape');

            await goTo(page, 28, 9); // `owner alice`: just after "owner "
            await page.keyboard.press('Control+Space');
            await page.waitForSelector('.suggest-widget.visible .monaco-list-row', { timeout: 30_000 });
            const suggestions = await page.$$eval('.suggest-widget.visible .monaco-list-row', els =>
                els.map(e => e.getAttribute('aria-label') || '')
            );
            console.log(`  completion: ${suggestions.slice(0, 8).join(' | ')}`);
            assert.ok(
                suggestions.some(label => label.startsWith('alice')),
                suggestions.join('\n')
            );
            await shoot(page, 'completion');
            await page.keyboard.press('Escape');

            await runCommand(page, 'Opsbook: Open Plan Preview');
            const frame = await previewFrame(page);
            const text = await frame.evaluate(() => document.getElementById('content')?.textContent ?? '');
            for (const goal of ['SeedUsers', 'Retention', 'Revenue', 'SouthRevenue'])
                assert.ok(text.includes(goal), `the preview does not name ${goal}`);
            const diagrams = await frame.evaluate(() => document.querySelectorAll('#content .diagram svg').length);
            const failed = await frame.evaluate(() => document.querySelectorAll('.diagram-error').length);
            console.log(`  preview: ${diagrams} Mermaid diagrams drawn, ${failed} failed`);
            assert.equal(failed, 0);
            // Room for the plan: the Explorer closed, the preview scrolled to its goal tree.
            await page.keyboard.press('Control+B');
            await frame.evaluate(() => document.querySelector('#content .diagram')?.previousElementSibling?.scrollIntoView());
            await page.waitForTimeout(500);
            await shoot(page, 'plan-preview');
        } finally {
            await growth.close();
        }
    } finally {
        removeWorkspace(workspace);
        await server?.stop();
        rmSync(extensionsDir, { recursive: true, force: true });
    }
}
