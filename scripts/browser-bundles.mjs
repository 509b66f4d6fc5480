// esbuild options of the language server's web-worker bundle (packages/language/src/browser/worker-main.ts),
// shared by the playground build (packages/playground/build.mjs), the VS Code extension's `browser`
// entry (scripts/bundle.mjs) and the test that no Node built-in reaches it
// (tests/architecture/node-builtins.test.ts, which reads the metafile of exactly this build).
import { builtinModules } from 'node:module';

/** Node's built-in modules, with and without `node:`, and the Node entry points of our dependencies. */
export const NODE_ONLY = new Set([
    ...builtinModules,
    ...builtinModules.map(name => `node:${name}`),
    'langium/node',
    'vscode-languageserver/node',
    'vscode-jsonrpc/node'
]);

/** Marks every Node-only import external instead of failing the build, so the metafile names each one. */
export const reportNodeImports = {
    name: 'report-node-imports',
    setup(build) {
        build.onResolve({ filter: /.*/ }, args =>
            NODE_ONLY.has(args.path) || args.path.startsWith('node:') ? { path: args.path, external: true } : undefined
        );
    }
};

/** The worker bundle: one classic-worker script (iife), no Node, minified. */
export function workerBuildOptions(entry, outfile) {
    return {
        entryPoints: [entry],
        outfile,
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        minify: true,
        sourcemap: false,
        metafile: true,
        logLevel: 'warning',
        legalComments: 'none',
        // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow; its ESM build bundles.
        // csv-parse's Node build calls Buffer at load; its browser build (a Buffer polyfill inside) does not.
        alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js', 'csv-parse/sync': 'csv-parse/browser/esm/sync' },
        mainFields: ['browser', 'module', 'main'],
        plugins: [reportNodeImports]
    };
}

/**
 * Every import of a Node-only module in a bundle, from its esbuild metafile: `importer → module`.
 * Empty for a bundle that runs in a browser.
 */
export function nodeImportsOf(metafile) {
    const found = [];
    for (const [input, info] of Object.entries(metafile.inputs)) {
        for (const imported of info.imports ?? []) {
            if (NODE_ONLY.has(imported.path) || imported.path.startsWith('node:')) found.push(`${input} → ${imported.path}`);
        }
    }
    return found.sort();
}
