// `npm run test:vscode`: the extension-host suite in a desktop VS Code downloaded by
// @vscode/test-electron (for machines with internet; `npm run test:e2e` runs the same suite in
// code-server, offline). Tests the extension as packaged into the VSIX, on the current build.
//   OPSBOOK_VSCODE_VERSION=1.91.0 npm run test:vscode    (default: stable)
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildSuite } from './build-suite.mjs';
import { unpackedExtension } from './vsix.mjs';
import { prepareWorkspace, removeWorkspace } from './workspace.mjs';

const version = process.env.OPSBOOK_VSCODE_VERSION || 'stable';
const fail = message => {
    console.error(`test:vscode: ${message}`);
    process.exit(1);
};

let extensionPath;
let suite;
try {
    ({ extensionPath } = unpackedExtension());
    suite = await buildSuite();
} catch (error) {
    fail(error.message);
}

let vscodeExecutablePath;
try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath: join(process.cwd(), '.vscode-test') });
} catch (error) {
    fail(
        `could not download VS Code ${version} (${error.message.split('\n')[0]}). This runner needs internet access; ` +
            'offline, run the same suite in code-server with: bash scripts/e2e-setup.sh && npm run test:e2e'
    );
}

const workspace = prepareWorkspace();
let code = 0;
try {
    await runTests({
        vscodeExecutablePath,
        extensionDevelopmentPath: extensionPath,
        extensionTestsPath: suite,
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes']
    });
    console.log('test:vscode: the extension-host suite passed');
} catch (error) {
    console.error(`test:vscode: the extension-host suite failed (${error.message ?? error})`);
    code = 1;
} finally {
    removeWorkspace(workspace);
}
process.exit(code);
