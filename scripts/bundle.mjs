// Bundles the CLI, the language server and the VS Code client into self-contained .cjs files.
// tsc output (out/) and bundles (dist/) live in separate folders.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    // Langium's ESM sources use import.meta.url in places the bundle never reaches at run time.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" }
};

const builds = [
    { entryPoints: ['packages/cli/out/main.js'], outfile: 'packages/cli/dist/opsbook.cjs' },
    { entryPoints: ['packages/language/out/server-main.js'], outfile: 'packages/cli/dist/language-server.cjs' },
    { entryPoints: ['packages/language/out/server-main.js'], outfile: 'packages/extension/dist/server.cjs' }
];
if (fs.existsSync('packages/extension/out/extension.js')) {
    builds.push({ entryPoints: ['packages/extension/out/extension.js'], outfile: 'packages/extension/dist/extension.cjs', external: ['vscode'] });
}
await Promise.all(builds.map(build => esbuild.build({ ...common, ...build })));
// The extension also ships the grammar, schema, rule reference and Mermaid: copied next to its bundle.
const { copyExtensionAssets } = await import('./package-extension.mjs');
const missingAssets = copyExtensionAssets();
if (missingAssets.length > 0) console.warn(`extension assets not there yet (the VSIX needs them): ${missingAssets.join(', ')}`);
