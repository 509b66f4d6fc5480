// In-process build of one input, phase by phase, and the heap it keeps. Run in its own process:
//
//   node --expose-gc bench/in-process.mjs FOLDER FILE…    prints one JSON object
//
// Phases follow Langium's DocumentBuilder: parse (lex + parse, while the documents are created), index
// (exported symbols), scopes, link, references (reference index), validate (every check, including the
// analysis the checks read), then the analysis once more on its own (uncached) to show its share.
import 'opsbook-language/polyfill';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DocumentState, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookServices } from 'opsbook-language';

const [folder, ...files] = process.argv.slice(2);
const gc = globalThis.gc ?? (() => {});

function heapUsed() {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
}

const heapBefore = heapUsed();
const started = performance.now();
const { shared, Opsbook } = createOpsbookServices({ ...NodeFileSystem });
Opsbook.workspace.WorkspaceRoots.setFallbackRoots([folder]);
const documents = shared.workspace.LangiumDocuments;
const factory = shared.workspace.LangiumDocumentFactory;
const servicesMs = performance.now() - started;

// Read first, so that reading is not counted as parsing.
const t0 = performance.now();
const texts = files.map(file => [file, fs.readFileSync(path.join(folder, file), 'utf8')]);
const readMs = performance.now() - t0;
let sourceBytes = 0;
for (const [, text] of texts) sourceBytes += Buffer.byteLength(text);

// The lexer alone, for the split of parse time (its tokens are thrown away).
const t1 = performance.now();
for (const [, text] of texts) Opsbook.parser.Lexer.tokenize(text);
const lexMs = performance.now() - t1;

const t2 = performance.now();
for (const [file, text] of texts) {
    documents.addDocument(factory.fromString(text, URI.file(path.join(folder, file))));
}
const parseMs = performance.now() - t2;

const marks = {};
const builder = shared.workspace.DocumentBuilder;
const PHASES = [
    ['index', DocumentState.IndexedContent],
    ['scopes', DocumentState.ComputedScopes],
    ['link', DocumentState.Linked],
    ['references', DocumentState.IndexedReferences],
    ['validate', DocumentState.Validated]
];
for (const [name, state] of PHASES) builder.onBuildPhase(state, () => { marks[name] = performance.now(); });
const t3 = performance.now();
await builder.build(documents.all.toArray(), { validation: true });
const buildEnd = performance.now();
const phases = {};
let previous = t3;
for (const [name] of PHASES) {
    phases[name] = marks[name] !== undefined ? marks[name] - previous : 0;
    if (marks[name] !== undefined) previous = marks[name];
}

// The analysis once more, bypassing its cache: what one computation of every playbook costs.
let analysisMs = null;
let analysisError = null;
const analyzer = Opsbook.analysis?.PlaybookAnalyzer;
if (analyzer && typeof analyzer.compute === 'function') {
    const t4 = performance.now();
    try {
        for (const document of documents.all) analyzer.compute(document);
        analysisMs = performance.now() - t4;
    } catch (error) {
        analysisError = error instanceof Error ? error.message : String(error);
    }
}

let errors = 0;
let warnings = 0;
for (const document of documents.all) {
    for (const diagnostic of document.diagnostics ?? []) {
        if (diagnostic.severity === 1) errors++;
        else if (diagnostic.severity === 2) warnings++;
    }
}
const heapAfter = heapUsed();
const result = {
    files: files.length,
    sourceBytes,
    servicesMs,
    readMs,
    lexMs,
    parseMs,
    phases,
    buildMs: buildEnd - t3,
    totalMs: parseMs + (buildEnd - t3),
    analysisMs,
    analysisError,
    errors,
    warnings,
    heapKeptBytes: heapAfter - heapBefore,
    heapPerSourceByte: (heapAfter - heapBefore) / sourceBytes
};
// Keep the workspace reachable until the heap was measured.
void documents.all.count();
process.stdout.write(JSON.stringify(result) + '\n');
