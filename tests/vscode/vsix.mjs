// The extension as a user installs it: packages the VSIX from the current build (scripts/package-
// extension.mjs --no-build) and unpacks its `extension/` folder, once per process. Tests load that
// folder, so a file missing from the VSIX (a runtime dependency that was not bundled, an asset left
// out by .vscodeignore) fails them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { packageExtension } from '../../scripts/package-extension.mjs';
import { CODE_SERVER_BIN, NODE24_HOME } from '../e2e/code-server.mjs';

let unpacked;

/**
 * `{ vsix, size, files, extensionPath }`. With OPSBOOK_E2E_EXTENSION=FOLDER the tests load that folder
 * instead (e.g. packages/extension, to try a build before its assets are all there); no VSIX then.
 */
export function unpackedExtension() {
    if (unpacked) return unpacked;
    if (process.env.OPSBOOK_E2E_EXTENSION) {
        unpacked = { vsix: '(none: OPSBOOK_E2E_EXTENSION)', size: 0, files: [], extensionPath: resolve(process.env.OPSBOOK_E2E_EXTENSION) };
        return unpacked;
    }
    const packaged = packageExtension({ build: false, log: () => {} });
    const folder = mkdtempSync(join(tmpdir(), 'opsbook-vsix-'));
    process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
    // A VSIX is a zip; python3 is part of the e2e prerequisites (scripts/e2e-setup.sh).
    execFileSync('python3', ['-m', 'zipfile', '-e', packaged.vsix, folder]);
    const extensionPath = join(folder, 'extension');
    if (!existsSync(join(extensionPath, 'package.json'))) throw new Error(`${packaged.vsix} has no extension/package.json`);
    unpacked = { ...packaged, extensionPath };
    return unpacked;
}

/**
 * Installs the packaged VSIX into `extensionsDir` the way a user does (`code-server
 * --install-extension`), for a code-server started with that folder. Returns false when there is no
 * VSIX (OPSBOOK_E2E_EXTENSION set): the caller then loads the folder as a development extension.
 */
export function installVsixInto(extensionsDir) {
    const { vsix } = unpackedExtension();
    if (process.env.OPSBOOK_E2E_EXTENSION) return false;
    const home = mkdtempSync(join(tmpdir(), 'opsbook-vsix-install-'));
    try {
        execFileSync(
            CODE_SERVER_BIN,
            ['--extensions-dir', extensionsDir, '--user-data-dir', join(home, 'user-data'), '--install-extension', vsix],
            {
                env: {
                    PATH: `${join(NODE24_HOME, 'bin')}:${process.env.PATH}`,
                    HOME: home,
                    XDG_CONFIG_HOME: join(home, '.config'),
                    XDG_DATA_HOME: join(home, '.local/share')
                },
                stdio: ['ignore', 'pipe', 'pipe']
            }
        );
    } finally {
        rmSync(home, { recursive: true, force: true });
    }
    return true;
}
