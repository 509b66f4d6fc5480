// In-process build of one input, phase by phase, and the heap it keeps. Run in its own process:
//
//   node --expose-gc bench/in-process.mjs FOLDER FILE… [--copies=N]   prints one JSON object
//
// The first FILE (and each copy of it) is open in the editor, as when someone works on it: the server
// keeps the analysis of open documents only after a build.
//
// --copies=N builds N copies of the files (the copies under other names, same folder, never written):
// the heap kept by one more copy is the per-document cost, the rest of one build's the fixed cost of the
// services (compiled code, caches made on first use) — which dominates a small input's heap figure.
//
// --slope=N [--warmup=W] measures instead what one more document costs, steadily (round five): the
// services first build W copies of the first FILE (default: 0.5 MB of source, at least 2 copies;
// bench/lib/copies.mjs `warmupCopies`) and drop them (deleted, closed), so that
// what V8 compiles and optimises while building this kind of document, and every cache made on first
// use, belongs to the fixed part; then copies are opened and built one at a time as an editor would
// (bench/lib/copies.mjs: `DocumentBuilder.update`, each copy open, every open copy's analysis asked
// for), with the settled `heapUsed` after each, k = 1..N. The per-document figure is the least-squares
// slope of heap over k; "data" is the same slope of heap less V8's code and bytecode (which still grow a
// little per copy while V8 optimises more functions); the JSON has every point and the largest distance
// of a point from the line. No phase times in this mode.
//
// Every heap figure is read once it has settled (bench/lib/copies.mjs `settledHeapUsed`): right after a
// full GC `heapUsed` still moved by ±0.4 MB from one reading to the next.
//
// Phases follow Langium's DocumentBuilder: parse (lex + parse, while the documents are created), index
// (exported symbols), scopes, link, references (reference index), validate (every check, including the
// analysis the checks read), then the analysis once more on its own (uncached) to show its share.
import 'opsbook-language/polyfill';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { performance } from 'node:perf_hooks';
import { DocumentState, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookServices } from 'opsbook-language/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { copyName, copyOpener, leastSquares, settledHeapUsed, warmUp, warmupCopies } from './lib/copies.mjs';

const args = process.argv.slice(2);
const option = name => args.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const copies = Number(option('copies') ?? 1);
const slopeCopies = option('slope') === undefined ? undefined : Number(option('slope'));
const warmupOption = option('warmup') === undefined ? undefined : Number(option('warmup'));
const [folder, ...files] = args.filter(a => !a.startsWith('--'));
if (!globalThis.gc) {
    process.stderr.write('in-process: run with --expose-gc (the heap figures need a full GC)\n');
    process.exit(2);
}

/** Wall and CPU time (user + system) since the process started, in ms. */
function clock() {
    const cpu = process.cpuUsage();
    return { wall: performance.now(), cpu: (cpu.user + cpu.system) / 1000 };
}
const since = start => {
    const now = clock();
    return { wall: now.wall - start.wall, cpu: now.cpu - start.cpu };
};

// Services, lexer and parser exist before anything is measured: their set-up is a fixed cost of every
// process (see the cold start), not part of a build, and their memory is not kept per source byte.
const servicesStart = clock();
const { shared, Opsbook } = createOpsbookServices({ ...NodeFileSystem });
Opsbook.workspace.WorkspaceRoots.setFallbackRoots([folder]);
Opsbook.parser.LangiumParser.parse('');
const services = since(servicesStart);
const documents = shared.workspace.LangiumDocuments;
const factory = shared.workspace.LangiumDocumentFactory;

if (slopeCopies !== undefined) {
    process.stdout.write(JSON.stringify(await measureSlope(slopeCopies, warmupOption)) + '\n');
    process.exit(0);
}

/**
 * Bytes of the heap that are V8's code rather than data: machine code with its metadata (relocation
 * info, deoptimisation data, source positions) and bytecode with its own (V8's code statistics walk the
 * heap to count them; `heapUsed` includes both).
 */
function codeBytes() {
    const code = v8.getHeapCodeStatistics();
    return code.code_and_metadata_size + code.bytecode_and_metadata_size;
}

/** See the header: warm-up copies built and dropped, then copies k = 1..n opened one at a time. */
async function measureSlope(n, warmup) {
    const [file] = files;
    const text = fs.readFileSync(path.join(folder, file), 'utf8');
    const sourceBytes = Buffer.byteLength(text);
    warmup ??= warmupCopies(sourceBytes);
    const opener = copyOpener(shared, folder, text, Opsbook.analysis.PlaybookAnalyzer);
    const heapStart = (await settledHeapUsed()).heapUsed;
    const warmStart = clock();
    await warmUp(opener, file, warmup);
    const warm = since(warmStart);
    const heap0 = (await settledHeapUsed()).heapUsed;
    const points = [{ k: 0, heapUsed: heap0, codeBytes: codeBytes() }];
    let errors = 0;
    for (let k = 1; k <= n; k++) {
        await opener.open(copyName(file, k));
        const { heapUsed, readings } = await settledHeapUsed();
        points.push({ k, heapUsed, codeBytes: codeBytes(), readings: readings.length, moved: readings.at(-1) - readings[0] });
    }
    for (const document of documents.all) errors += (document.diagnostics ?? []).filter(d => d.severity === 1).length;
    const measured = points.filter(p => p.k >= 1);
    const fit = leastSquares(measured.map(p => [p.k, p.heapUsed]));
    const data = leastSquares(measured.map(p => [p.k, p.heapUsed - p.codeBytes]));
    void documents.all.count();
    return {
        mode: 'slope',
        sourceBytes,
        warmup,
        copies: n,
        warm,
        documents: documents.all.count(),
        errors,
        points,
        heapPerDocumentBytes: fit.slope,
        heapPerDocumentPerSourceByte: fit.slope / sourceBytes,
        maxResidualBytes: fit.maxResidual,
        dataPerDocumentBytes: data.slope,
        dataPerDocumentPerSourceByte: data.slope / sourceBytes,
        dataMaxResidualBytes: data.maxResidual,
        heapAfterWarmupBytes: heap0 - heapStart
    };
}

// Read first, so that reading is not counted as parsing.
const readStart = clock();
const texts = files.map(file => [file, fs.readFileSync(path.join(folder, file), 'utf8')]);
for (let copy = 2; copy <= copies; copy++) {
    for (const file of files) texts.push([`copy-${copy}-${file}`, texts.find(([name]) => name === file)[1]]);
}
const read = since(readStart);
let sourceBytes = 0;
for (const [, text] of texts) sourceBytes += Buffer.byteLength(text);
const heapBefore = (await settledHeapUsed()).heapUsed;

// The lexer alone, for the split of parse time (its tokens are thrown away).
const lexStart = clock();
for (const [, text] of texts) Opsbook.parser.Lexer.tokenize(text);
const lex = since(lexStart);

// The editor has the first file open (each copy of it, with --copies): the server keeps the figures of
// open documents only after a build (lsp/lsp-services.ts), and those of a file being worked on are
// part of what it keeps.
const openFiles = new Set(texts.map(([file]) => file).filter(file => file === files[0] || file.endsWith(`-${files[0]}`)));
for (const [file, text] of texts) {
    if (openFiles.has(file))
        shared.workspace.TextDocuments.set(TextDocument.create(URI.file(path.join(folder, file)).toString(), 'opsbook', 1, text));
}

const parseStart = clock();
for (const [file, text] of texts) {
    documents.addDocument(factory.fromString(text, URI.file(path.join(folder, file))));
}
const parse = since(parseStart);

const builder = shared.workspace.DocumentBuilder;
const PHASES = [
    ['index', DocumentState.IndexedContent],
    ['scopes', DocumentState.ComputedScopes],
    ['link', DocumentState.Linked],
    ['references', DocumentState.IndexedReferences],
    ['validate', DocumentState.Validated]
];
const phases = {};
const buildStart = clock();
let previous = buildStart;
for (const [name, state] of PHASES) {
    builder.onBuildPhase(state, () => {
        const now = clock();
        phases[name] = { wall: now.wall - previous.wall, cpu: now.cpu - previous.cpu };
        previous = now;
    });
}
await builder.build(documents.all.toArray(), { validation: true });
const build = since(buildStart);

let errors = 0;
let warnings = 0;
for (const document of documents.all) {
    for (const diagnostic of document.diagnostics ?? []) {
        if (diagnostic.severity === 1) errors++;
        else if (diagnostic.severity === 2) warnings++;
    }
}
const heapAfter = (await settledHeapUsed()).heapUsed;
// The analysis once more, its cache emptied first (`retainOnly` of nothing): what one computation of every
// playbook costs. After the heap was read, since it leaves every playbook's analysis kept.
let analysis = null;
let analysisError = null;
const analyzer = Opsbook.analysis?.PlaybookAnalyzer;
if (analyzer && typeof analyzer.retainOnly === 'function' && typeof analyzer.analyze === 'function') {
    analyzer.retainOnly(() => false);
    const analysisStart = clock();
    try {
        for (const document of documents.all) analyzer.analyze(document);
        analysis = since(analysisStart);
    } catch (error) {
        analysisError = error instanceof Error ? error.message : String(error);
    }
} else analysisError = 'the analyzer has no retainOnly/analyze';
const result = {
    files: files.length,
    copies,
    sourceBytes,
    services,
    read,
    lex,
    parse,
    phases,
    build,
    total: { wall: parse.wall + build.wall, cpu: parse.cpu + build.cpu },
    analysis,
    analysisError,
    errors,
    warnings,
    openDocuments: openFiles.size,
    heapKeptBytes: heapAfter - heapBefore,
    heapPerSourceByte: (heapAfter - heapBefore) / sourceBytes
};
// Keep the workspace reachable until the heap was measured.
void documents.all.count();
process.stdout.write(JSON.stringify(result) + '\n');
