// One build of the language package serves Node and the browser: no Node built-in (fs, path,
// node:*, child_process, os, worker_threads, …) nor a Node entry of a dependency (langium/node,
// vscode-languageserver/node) is imported by packages/language/src outside its Node-only entry points
// (server-main.ts, node/), and none reaches the web-worker bundle of the language server (checked on
// the esbuild metafile of the very build the playground and the extension's browser entry use).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { describe, expect, test } from 'vitest';
import { NODE_ONLY, nodeImportsOf, reportNodeImports, workerBuildOptions } from '../../scripts/browser-bundles.mjs';
import { importsOf, LANGUAGE_SRC, ROOT, sourceFiles } from './import-graph.js';

/** Files of packages/language/src that only Node runs: the stdio/IPC server and `opsbook-language/node`. */
const NODE_ENTRY_POINTS = [/^server-main\.ts$/, /^node\//];

function isNodeOnly(specifier: string): boolean {
    return NODE_ONLY.has(specifier) || specifier.startsWith('node:');
}

/** `file → module` for every Node-only import of the sources, the Node entry points left out. */
function nodeImportsOfSources(extra: Record<string, string> = {}): string[] {
    const files = sourceFiles(LANGUAGE_SRC).map(
        file => [path.relative(LANGUAGE_SRC, file).split(path.sep).join('/'), fs.readFileSync(file, 'utf8')] as const
    );
    return [...files, ...Object.entries(extra)]
        .filter(([file]) => !NODE_ENTRY_POINTS.some(entry => entry.test(file)))
        .flatMap(([file, text]) =>
            importsOf(text)
                .filter(isNodeOnly)
                .map(specifier => `${file} → ${specifier}`)
        )
        .sort();
}

async function bundleMetafile(entry: string): Promise<esbuild.Metafile> {
    const result = await esbuild.build({
        ...workerBuildOptions(path.join(ROOT, entry), path.join(ROOT, 'tmp/node-builtins-check.js')),
        write: false
    });
    return result.metafile as esbuild.Metafile;
}

describe('no Node built-in below the Node entry points', () => {
    test('packages/language/src imports none outside server-main.ts and node/', () => {
        expect(nodeImportsOfSources()).toEqual([]);
    });

    test('a planted import of fs, node:path or langium/node is reported with its file', () => {
        const planted = {
            'scope/planted.ts': "import * as fs from 'fs';\nimport { join } from 'node:path';\nexport const x = [fs, join];\n",
            'lsp/planted.ts': "export { NodeFileSystem } from 'langium/node';\nexport const os = await import('os');\n"
        };
        expect(nodeImportsOfSources(planted)).toEqual([
            'lsp/planted.ts → langium/node',
            'lsp/planted.ts → os',
            'scope/planted.ts → fs',
            'scope/planted.ts → node:path'
        ]);
    });

    test('the worker bundle (packages/language/out/browser/worker-main.js) reaches none, and it holds the language server', async () => {
        const metafile = await bundleMetafile('packages/language/out/browser/worker-main.js');
        expect(nodeImportsOf(metafile)).toEqual([]);
        const inputs = Object.keys(metafile.inputs);
        expect(inputs.filter(input => input.includes('packages/language/out/lsp/')).length).toBeGreaterThan(10);
        expect(inputs.some(input => input.includes('vscode-languageserver/lib/browser/'))).toBe(true);
    }, 60_000);

    test('the VS Code extension’s browser entry (packages/extension/out/browser-extension.js) reaches none', async () => {
        const result = await esbuild.build({
            entryPoints: [path.join(ROOT, 'packages/extension/out/browser-extension.js')],
            outfile: path.join(ROOT, 'tmp/node-builtins-extension.js'),
            bundle: true,
            platform: 'browser',
            format: 'cjs',
            external: ['vscode'],
            write: false,
            metafile: true,
            logLevel: 'silent',
            plugins: [reportNodeImports]
        });
        expect(nodeImportsOf(result.metafile)).toEqual([]);
        expect(Object.keys(result.metafile.inputs).some(input => input.includes('vscode-languageclient/lib/browser/'))).toBe(true);
    }, 60_000);

    test('the same check finds the Node modules of the Node server bundle (it can fail)', async () => {
        const metafile = await bundleMetafile('packages/language/out/server-main.js');
        expect(nodeImportsOf(metafile)).toEqual(
            expect.arrayContaining([
                'packages/language/out/node/node-file-system.js → node:fs',
                'packages/language/out/server-main.js → vscode-languageserver/node'
            ])
        );
    }, 60_000);
});
