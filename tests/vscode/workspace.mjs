// The workspace the extension-host suite opens: a fresh temporary copy of examples/ and of
// tests/vscode/fixtures/, so the tests may edit, generate and export without touching the repository.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');

export function prepareWorkspace() {
    // A readable folder name: it is the window title and the Explorer root in the screenshots.
    const workspace = join(mkdtempSync(join(tmpdir(), 'opsbook-vscode-')), 'acme-playbooks');
    cpSync(join(root, 'examples'), join(workspace, 'examples'), { recursive: true });
    cpSync(join(here, 'fixtures'), workspace, { recursive: true });
    return workspace;
}

export function removeWorkspace(workspace) {
    rmSync(dirname(workspace), { recursive: true, force: true });
}

/** The extension under test: the package folder, with its bundles and copied assets. */
export const EXTENSION_DEVELOPMENT_PATH = join(root, 'packages/extension');
