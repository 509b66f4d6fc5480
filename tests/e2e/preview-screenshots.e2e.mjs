// Screenshots of the plan preview beside its playbook in code-server — light and dark theme, English
// (examples/growth) and Chinese (examples/shop) — taken while the extension-host suite
// fixtures/screenshot-suite/index.cjs holds each view. They go to tmp/e2e/; with
// OPSBOOK_UPDATE_SCREENSHOTS=1 they also replace packages/extension/images/preview-*.png, the README's.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unpackedExtension } from '../vscode/vsix.mjs';
import { prepareWorkspace, removeWorkspace } from '../vscode/workspace.mjs';
import { REPO_ROOT, runExtensionTests } from './code-server.mjs';

const ARTIFACTS = process.env.OPSBOOK_E2E_ARTIFACTS || join(REPO_ROOT, 'tmp/e2e');
const IMAGES = join(REPO_ROOT, 'packages/extension/images');
const NAMES = ['preview-light-en', 'preview-dark-en', 'preview-light-zh', 'preview-dark-zh'];

export default async function previewScreenshots() {
    const { extensionPath } = unpackedExtension();
    const workspace = prepareWorkspace();
    const shots = mkdtempSync(join(tmpdir(), 'opsbook-shots-'));
    mkdirSync(ARTIFACTS, { recursive: true });
    const taken = [];
    try {
        const code = await runExtensionTests({
            extensionDevelopmentPath: extensionPath,
            extensionTestsPath: join(REPO_ROOT, 'tests/e2e/fixtures/screenshot-suite/index.cjs'),
            workspace,
            extensionEnv: { OPSBOOK_SHOTS_DIR: shots },
            screenshotPath: join(ARTIFACTS, 'preview-screenshots-end.png'),
            label: 'screenshots',
            timeoutMs: 8 * 60_000,
            onLog: async (line, page) => {
                const name = /^SCREENSHOT ([a-z-]+)$/.exec(line.trim())?.[1];
                if (!name) return;
                const file = join(ARTIFACTS, `${name}.png`);
                // Scroll the preview (a frame inside the webview's frame) to its goal tree.
                for (const frame of page.frames()) {
                    const scrolled = await frame
                        .evaluate(() => {
                            const heading = [...document.querySelectorAll('main#content h2')].find(h =>
                                h.nextElementSibling?.classList.contains('diagram')
                            );
                            if (!heading) return false;
                            heading.scrollIntoView();
                            return true;
                        })
                        .catch(() => false);
                    if (scrolled) break;
                }
                await page.waitForTimeout(300);
                await page.screenshot({ path: file, timeout: 30_000 });
                taken.push(name);
                writeFileSync(join(shots, `${name}.done`), '');
            }
        });
        assert.equal(code, 0, 'the screenshot suite failed');
        assert.deepEqual(taken, NAMES);
        for (const name of NAMES) {
            const file = join(ARTIFACTS, `${name}.png`);
            assert.ok(statSync(file).size > 50_000, `${file} looks empty`);
            if (process.env.OPSBOOK_UPDATE_SCREENSHOTS === '1') copyFileSync(file, join(IMAGES, `${name}.png`));
        }
        console.log(
            `  ${NAMES.length} screenshots in ${ARTIFACTS}${process.env.OPSBOOK_UPDATE_SCREENSHOTS === '1' ? ' and packages/extension/images' : ''}`
        );
    } finally {
        removeWorkspace(workspace);
        rmSync(shots, { recursive: true, force: true });
    }
}
