// Builds the extension-host suite: type-checks tests/vscode/suite with tsc, then bundles it (with
// mocha, which is ESM-only and could not be require()d by older extension hosts) into
// tests/vscode/out/index.cjs. Returns that path.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');

export async function buildSuite() {
    try {
        execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(here, 'tsconfig.json')], {
            stdio: 'inherit'
        });
    } catch {
        throw new Error('the extension-host suite does not type-check (tsc -p tests/vscode, errors above)');
    }
    const outfile = join(here, 'out/index.cjs');
    await esbuild.build({
        entryPoints: [join(here, 'suite/index.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        external: ['vscode'],
        sourcemap: 'inline',
        logLevel: 'warning',
        // mocha's parallel mode resolves worker files at run time; the suite runs serially.
        logOverride: { 'require-resolve-not-external': 'silent' }
    });
    return outfile;
}
