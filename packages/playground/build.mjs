// `npm run playground`: builds the playground, a static site in site/ (served by any static server;
// `npm run playground:serve` serves it locally). Everything is bundled: Monaco, its LSP client, the
// Opsbook language server as a web worker, the examples; nothing is fetched from elsewhere.
//   site/index.html, site/assets/app.js|app.css|codicon-*.ttf, site/assets/editor.worker.js,
//   site/assets/opsbook-server.js (the worker), site/assets/meta.json (esbuild metafiles, sizes)
// Needs the language package compiled (`npm run build`, which `npm run playground` runs first).
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeImportsOf, workerBuildOptions } from '../../scripts/browser-bundles.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const site = join(root, 'site');
const assets = join(site, 'assets');
const workerEntry = join(root, 'packages/language/out/browser/worker-main.js');
if (!existsSync(workerEntry)) {
    console.error(`playground: ${relative(root, workerEntry)} is missing: run npm run build first`);
    process.exit(1);
}

/** The example playbooks (examples/<name>/*.ops and opsbook.json), bundled into the page: { name: { main, files } }. */
function readExamples() {
    const examples = {};
    const folder = join(root, 'examples');
    for (const name of readdirSync(folder).sort()) {
        const dir = join(folder, name);
        if (!statSync(dir).isDirectory()) continue;
        const files = {};
        for (const file of readdirSync(dir).sort()) if (file.endsWith('.ops') || file === 'opsbook.json') files[file] = readFileSync(join(dir, file), 'utf8');
        // The file opened first: <example>.ops, else the playbook the others import most (the head office of org/).
        const playbooks = Object.keys(files).filter(file => file.endsWith('.ops') && /^\s*playbook\s/m.test(files[file]));
        const importers = file => Object.values(files).filter(text => text.includes(`import "${file}"`)).length;
        const main = `${name}.ops` in files ? `${name}.ops` : [...playbooks].sort((a, b) => importers(b) - importers(a))[0];
        if (main) examples[name] = { main, files };
    }
    return examples;
}

const examplesPlugin = {
    name: 'examples',
    setup(build) {
        build.onResolve({ filter: /^virtual:examples$/ }, () => ({ path: 'examples', namespace: 'examples' }));
        build.onLoad({ filter: /.*/, namespace: 'examples' }, () => ({ contents: JSON.stringify(readExamples()), loader: 'json' }));
    }
};

rmSync(site, { recursive: true, force: true });
mkdirSync(assets, { recursive: true });
const monacoLsp = join(root, 'node_modules/monaco-editor/esm/external/monaco-lsp-client/out/index.js');
const common = { bundle: true, minify: true, target: 'es2022', legalComments: 'none', logLevel: 'warning', metafile: true };
const [worker, editorWorker, app] = await Promise.all([
    esbuild.build(workerBuildOptions(workerEntry, join(assets, 'opsbook-server.js'))),
    esbuild.build({ ...common, entryPoints: [join(root, 'node_modules/monaco-editor/esm/vs/editor/editor.worker.js')], outfile: join(assets, 'editor.worker.js'), format: 'iife' }),
    esbuild.build({
        ...common,
        entryPoints: [join(here, 'src/main.ts')],
        outfile: join(assets, 'app.js'),
        format: 'esm',
        alias: { 'monaco-lsp-client': monacoLsp },
        loader: { '.ttf': 'file' },
        assetNames: '[name]-[hash]',
        plugins: [examplesPlugin]
    })
]);
const nodeImports = nodeImportsOf(worker.metafile);
if (nodeImports.length > 0) {
    console.error(`playground: the worker bundle imports Node modules:\n  ${nodeImports.join('\n  ')}`);
    process.exit(1);
}
writeFileSync(join(site, 'index.html'), readFileSync(join(here, 'src/index.html'), 'utf8'));
writeFileSync(join(assets, 'meta.json'), JSON.stringify({ worker: worker.metafile, editorWorker: editorWorker.metafile, app: app.metafile }));

let total = 0;
const lines = [];
for (const file of readdirSync(assets).sort()) {
    if (file === 'meta.json') continue;
    const size = statSync(join(assets, file)).size;
    total += size;
    lines.push(`  assets/${file} ${(size / 1024).toFixed(0)} KiB`);
}
console.log(`playground: wrote ${relative(process.cwd(), site) || '.'}/ (${(total / 1024 / 1024).toFixed(2)} MiB before compression)\n${lines.join('\n')}`);
