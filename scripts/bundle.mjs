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
    // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow; its ESM build bundles.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
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
    builds.push({
        entryPoints: ['packages/extension/out/extension.js'],
        outfile: 'packages/extension/dist/extension.cjs',
        external: ['vscode']
    });
}
await Promise.all(builds.map(build => esbuild.build({ ...common, ...build })));
// The extension's `browser` entry (VS Code for the Web) and its language server as a web worker: no Node
// module may reach either (the worker is also checked by tests/architecture/node-builtins.test.ts).
if (fs.existsSync('packages/extension/out/browser-extension.js')) {
    const { nodeImportsOf, reportNodeImports, workerBuildOptions } = await import('./browser-bundles.mjs');
    const web = await Promise.all([
        esbuild.build({
            entryPoints: ['packages/extension/out/browser-extension.js'],
            outfile: 'packages/extension/dist/browser-extension.js',
            bundle: true,
            platform: 'browser',
            format: 'cjs',
            target: 'es2022',
            external: ['vscode'],
            sourcemap: true,
            metafile: true,
            logLevel: 'warning',
            plugins: [reportNodeImports]
        }),
        esbuild.build(workerBuildOptions('packages/language/out/browser/worker-main.js', 'packages/extension/dist/browser-server.js'))
    ]);
    const nodeImports = web.flatMap(result => nodeImportsOf(result.metafile));
    if (nodeImports.length > 0) throw new Error(`the extension's browser bundles import Node modules:\n  ${nodeImports.join('\n  ')}`);
}
// The extension also ships the grammar, schema, rule reference and Mermaid: copied next to its bundle.
const { copyExtensionAssets } = await import('./package-extension.mjs');
const missingAssets = copyExtensionAssets();
if (missingAssets.length > 0) console.warn(`extension assets not there yet (the VSIX needs them): ${missingAssets.join(', ')}`);

// The CLI package (@opsbook/cli) ships the JSON Schema of opsbook.json at a stable path,
// node_modules/@opsbook/cli/schemas/opsbook.schema.json, and the licence; both copied from the root.
fs.mkdirSync('packages/cli/schemas', { recursive: true });
fs.copyFileSync('schemas/opsbook.schema.json', 'packages/cli/schemas/opsbook.schema.json');
fs.copyFileSync('LICENSE', 'packages/cli/LICENSE');

// V8 code caches for the CLI and the language server (packages/cli/bin/load-bundle.cjs reads them),
// each written at the end of a real run, so that the functions a run needs are in it: the CLI's from a
// check of the examples, the server's from a session that opens an example and waits for its diagnostics
// (compiling alone left the first diagnostics to V8's lazy compiler: ARCHITECTURE.md, "Start-up").
await writeCodeCaches();

// V8 startup snapshots of the CLI and the language server (packages/cli/bin/snapshot.cjs; ARCHITECTURE.md,
// "Start-up"): each bin starts from its own when this node built it from its bundle, else runs the bundle.
{
    const { createRequire } = await import('node:module');
    const failures = createRequire(import.meta.url)('../packages/cli/bin/snapshot.cjs').buildSnapshots();
    for (const failure of failures) console.warn(`no startup snapshot (the bin runs the bundle): ${failure}`);
}

async function writeCodeCaches() {
    const { spawnSync } = await import('node:child_process');
    const { createRequire } = await import('node:module');
    const cli = spawnSync(process.execPath, ['packages/cli/bin/opsbook.cjs', 'check', 'examples', '--quiet'], {
        env: { ...process.env, OPSBOOK_WRITE_CODE_CACHE: '1' },
        stdio: 'ignore'
    });
    if (cli.error || !fs.existsSync('packages/cli/dist/opsbook.cjs.v8cache'))
        console.warn('no code cache for the CLI: it will compile at every start');
    const server = fs.realpathSync('packages/cli/dist/language-server.cjs');
    fs.rmSync(`${server}.v8cache`, { force: true });
    const { serverSession } = await import('./server-session.mjs');
    if (!(await serverSession()) || !fs.existsSync(`${server}.v8cache`)) {
        console.warn('no code cache from a run of the language server: compiling only');
        createRequire(import.meta.url)('../packages/cli/bin/load-bundle.cjs').writeCompiledCodeCache(server);
    }
}
