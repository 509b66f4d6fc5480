// What each part of an editor-style build keeps, by taking the parts away one after another after the
// build and measuring `heapUsed` after a full GC each time (a part's figure is what only it held). The
// first file is open in the editor.
//
//   node --expose-gc bench/experiments/heap-ablation.mjs FOLDER FILE…
import 'opsbook-language/polyfill';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookServices } from 'opsbook-language/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';

const [folder, ...files] = process.argv.slice(2).filter(a => !a.startsWith('--'));
const gc = globalThis.gc;
const heapUsed = () => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
};

const { shared, Opsbook } = createOpsbookServices({ ...NodeFileSystem });
Opsbook.workspace.WorkspaceRoots.setFallbackRoots([folder]);
Opsbook.parser.LangiumParser.parse('');
const texts = files.map(file => [file, fs.readFileSync(path.join(folder, file), 'utf8')]);
let sourceBytes = 0;
for (const [, text] of texts) sourceBytes += Buffer.byteLength(text);
const documents = shared.workspace.LangiumDocuments;
// The first file is open in the editor, as in bench/in-process.mjs (the server keeps open documents' analyses).
shared.workspace.TextDocuments.set(TextDocument.create(URI.file(path.join(folder, files[0])).toString(), 'opsbook', 1, texts[0][1]));
const base = heapUsed();
for (const [file, text] of texts)
    documents.addDocument(shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(folder, file))));
const parsed = heapUsed();
await shared.workspace.DocumentBuilder.build(documents.all.toArray(), { validation: true });
let last = heapUsed();
const rows = [
    ['parse (documents, CST, AST)', parsed - base],
    ['build phases (after parse)', last - parsed]
];
function step(label, action) {
    action();
    const now = heapUsed();
    rows.push([label, last - now]);
    last = now;
}
const all = documents.all.toArray();
const analyzer = Opsbook.analysis.PlaybookAnalyzer;
if (process.argv.includes('--analysis')) {
    const analyses = [...analyzer.cache.cache.values()];
    console.log(`${analyses.length} analyses cached, ${analyzer.localCache.cache.size} local`);
    for (const key of ['referencesTo', 'loadLines']) step(`analysis: ${key}`, () => analyzer[key].clear());
    for (const field of Object.keys(analyses[0] ?? {}))
        if (field !== 'document')
            step(`analysis .${field}`, () => {
                for (const a of analyses) delete a[field];
            });
}
step('analysis caches', () => {
    for (const key of ['cache', 'localCache', 'referencesTo', 'loadLines', 'importedAnywhere', 'headers', 'children'])
        analyzer[key].clear();
});
step('reference index (entries and by-target table)', () => {
    const index = shared.workspace.IndexManager;
    index.referenceIndex.clear();
    index.byTarget = undefined;
});
step('scope tables (scope provider, symbol tables, imports)', () => {
    Opsbook.references.ScopeProvider.tables?.clear();
    Opsbook.references.SymbolTables.cache.clear();
    Opsbook.references.ImportResolver.cache.clear();
});
step('diagnostics', () => {
    for (const d of all) d.diagnostics = undefined;
});
step('exported descriptions (index symbol table)', () => {
    shared.workspace.IndexManager.symbolIndex.clear();
    shared.workspace.IndexManager.symbolByTypeIndex?.clear?.();
});
step('references resolved (descriptions, targets)', () => {
    for (const d of all)
        for (const r of d.references) {
            r._ref = undefined;
            r._nodeDescription = undefined;
        }
    for (const d of all) d.references = [];
});
step('document.precomputedScopes / localSymbols', () => {
    for (const d of all) {
        d.precomputedScopes = undefined;
        d.localSymbols = undefined;
    }
});
step('text documents', () => {
    for (const d of all) d._textDocument = undefined;
});
step('documents (AST, CST, rest)', () => {
    for (const d of all) documents.deleteDocument(d.uri);
    all.length = 0;
});
const line = (label, bytes) =>
    console.log(`${(bytes / 1e6).toFixed(2).padStart(8)} MB ${(bytes / sourceBytes).toFixed(2).padStart(7)}×  ${label}`);
console.log(`${files.length} file(s), ${(sourceBytes / 1024).toFixed(0)} KB`);
for (const [label, bytes] of rows) line(label, bytes);
line('left (services’ caches, code)', last - base);
