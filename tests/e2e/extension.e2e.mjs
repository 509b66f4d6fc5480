// Runs the extension-host suite (tests/vscode/suite) in code-server, offline, against the extension
// unpacked from its VSIX: opens the examples, waits for diagnostics, applies a quick fix, completes,
// previews the plan (Mermaid drawn), generates a review, exports JSON. Fails when the suite fails.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildSuite } from '../vscode/build-suite.mjs';
import { unpackedExtension } from '../vscode/vsix.mjs';
import { prepareWorkspace, removeWorkspace } from '../vscode/workspace.mjs';
import { REPO_ROOT, runExtensionTests } from './code-server.mjs';

const ARTIFACTS = process.env.OPSBOOK_E2E_ARTIFACTS || join(REPO_ROOT, 'tmp/e2e');

export default async function extensionSuite() {
    const { vsix, size, extensionPath } = unpackedExtension();
    console.log(`  testing ${vsix} (${(size / 1024 / 1024).toFixed(2)} MB), unpacked`);
    const suite = await buildSuite();
    const workspace = prepareWorkspace();
    const screenshotPath = join(ARTIFACTS, 'extension-suite.png');
    try {
        const code = await runExtensionTests({
            extensionDevelopmentPath: extensionPath,
            extensionTestsPath: suite,
            workspace,
            screenshotPath,
            label: 'extension'
        });
        assert.equal(code, 0, `the extension-host suite failed (exit code ${code}; screenshot: ${screenshotPath})`);
    } finally {
        removeWorkspace(workspace);
    }
}
