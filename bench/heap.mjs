// What a build keeps on the heap, by kind of object: two V8 heap snapshots (before the documents are
// made, after the build), summarised by constructor (or string / array / closure kind) as the difference
// in count and self size between them.
//
//   npm run build && node --expose-gc bench/heap.mjs FOLDER FILE… [--cli] [--detail] [--top=N]
//
// --cli builds as `opsbook check` does (core services, no reference index for an isolated file);
// without it, an editor-style build with every phase and the first FILE open (as bench/in-process.mjs measures). --detail splits
// plain objects by their property names and strings and arrays by what holds them.
//
//   node --expose-gc bench/heap.mjs FOLDER FILE --per-document[=M] [--warmup=W] [--detail]
//
// --per-document: what one more document keeps, by kind (round five). W copies of FILE (default 0.5 MB
// of source, at least 2: bench/lib/copies.mjs `warmupCopies`) are
// built and dropped first (bench/lib/copies.mjs: V8's compiled code and the services' caches made then
// belong to the fixed part), then copies are opened and built one at a time; a process with 1 copy and
// one with 1 + M (default 4) each take a snapshot: the table is their difference divided by M, × the
// source of one copy (heap kept: the difference of the settled `heapUsed`, divided by M).
import 'opsbook-language/polyfill';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookCoreServices } from 'opsbook-language';
import { createOpsbookServices } from 'opsbook-language/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { copyName, copyOpener, settledHeapUsed, warmUp, warmupCopies } from './lib/copies.mjs';

const args = process.argv.slice(2);
const cli = args.includes('--cli');
const detail = args.includes('--detail');
const top = Number(args.find(a => a.startsWith('--top='))?.slice(6) ?? 40);
const perDocumentArg = args.find(a => a === '--per-document' || a.startsWith('--per-document='));
const perDocument = perDocumentArg === undefined ? undefined : Number(perDocumentArg.split('=')[1] ?? 4);
const atCopies = args.find(a => a.startsWith('--at='))?.slice(5);
const warmupOption = args.find(a => a.startsWith('--warmup='))?.slice(9);
const [folder, ...files] = args.filter(a => !a.startsWith('--'));
const gc = globalThis.gc ?? (() => {});

/** Totals by (type, name) of a heap snapshot file. */
function summarise(file, label) {
    const snapshot = JSON.parse(fs.readFileSync(file, 'utf8'));
    const meta = snapshot.snapshot.meta;
    const fields = meta.node_fields;
    const width = fields.length;
    const typeNames = meta.node_types[0];
    const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map(f => fields.indexOf(f));
    const nodes = snapshot.nodes;
    const strings = snapshot.strings;
    const edgeFields = meta.edge_fields;
    const edgeWidth = edgeFields.length;
    const edgeTypes = meta.edge_types[0];
    const [edgeTypeAt, edgeNameAt, toAt] = ['type', 'name_or_index', 'to_node'].map(f => edgeFields.indexOf(f));
    const edges = snapshot.edges;
    // With --detail: plain objects by their property names, strings by what holds them (first retainer).
    const shapeOf = new Map();
    const retainer = new Map();
    const retainerNode = new Map();
    const retainerIsHidden = new Set();
    if (detail) {
        let e = 0;
        for (let i = 0; i < nodes.length; i += width) {
            const count = nodes[i + edgeCountAt];
            const ownerType = typeNames[nodes[i + typeAt]];
            const ownerName = strings[nodes[i + nameAt]];
            const props = [];
            for (let k = 0; k < count; k++, e += edgeWidth) {
                const edgeType = edgeTypes[edges[e + edgeTypeAt]];
                const to = edges[e + toAt];
                const edgeName = edgeType === 'element' || edgeType === 'hidden' ? `[]` : strings[edges[e + edgeNameAt]];
                if (edgeType === 'property') props.push(edgeName);
                if (
                    edgeType !== 'weak' &&
                    ownerType !== 'synthetic' &&
                    (!retainer.has(to) || (retainerIsHidden.has(to) && ownerType !== 'hidden'))
                ) {
                    if (ownerType === 'hidden') retainerIsHidden.add(to);
                    else retainerIsHidden.delete(to);
                    retainer.set(to, `${ownerType === 'object' ? ownerName : ownerType}.${edgeName}`);
                    retainerNode.set(to, i);
                }
            }
            if (ownerType === 'object' && ownerName === 'Object')
                shapeOf.set(i, `{${props.slice(0, 8).join(',')}${props.length > 8 ? ',…' : ''}}`);
        }
    }
    if (detail && label === 'after') {
        // What holds the largest objects: the first retainer, up to 12 steps.
        const largest = [];
        for (let i = 0; i < nodes.length; i += width) largest.push(i);
        largest.sort((a, b) => nodes[b + sizeAt] - nodes[a + sizeAt]);
        for (const i of largest.slice(0, 6)) {
            const chain = [];
            for (let at = i, k = 0; at !== undefined && k < 12; at = retainerNode.get(at), k++) chain.push(retainer.get(at) ?? '?');
            console.log(`largest: ${typeNames[nodes[i + typeAt]]} ${(nodes[i + sizeAt] / 1e3).toFixed(0)} KB held by ${chain.join(' ← ')}`);
        }
    }
    const totals = new Map();
    for (let i = 0; i < nodes.length; i += width) {
        const type = typeNames[nodes[i + typeAt]];
        let name = strings[nodes[i + nameAt]];
        if (detail && shapeOf.has(i))
            name = `Object ${shapeOf.get(i)}${shapeOf.get(i) === '{__proto__}' ? ` in ${retainer.get(i) ?? '?'}` : ''}`;
        else if (detail && name === 'system / PropertyArray')
            name = `(property store) of ${(retainer.get(i) ?? '?').replace(/\.properties$/, '')}`;
        else if (
            detail &&
            (type === 'string' || type === 'concatenated string' || type === 'sliced string' || type === 'array' || type === 'number')
        ) {
            // A JS array's store is named after what holds the array.
            const holder =
                retainer.get(i) === 'Array.elements' || retainer.get(i) === 'Map.table' ? retainer.get(retainerNode.get(i)) : undefined;
            name = `(${type}) in ${holder ? `${holder}[]` : (retainer.get(i) ?? '?')}`;
        } else if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = `(${type})`;
        else if (type === 'number' || type === 'code' || type === 'hidden') name = `(${type}) ${type === 'code' ? '' : name}`.trim();
        else if (type === 'closure') name = `(closure) ${name}`;
        else if (type === 'array') name = `(array) ${name}`;
        const key = `${type}\t${name}`;
        const entry = totals.get(key) ?? { count: 0, size: 0 };
        entry.count++;
        entry.size += nodes[i + sizeAt];
        totals.set(key, entry);
    }
    return totals;
}

function snapshot(label) {
    gc();
    gc();
    const file = path.join(os.tmpdir(), `opsbook-heap-${process.pid}-${label}.heapsnapshot`);
    v8.writeHeapSnapshot(file);
    const totals = summarise(file, label);
    fs.rmSync(file);
    return totals;
}

const { shared, Opsbook } = cli ? createOpsbookCoreServices({ ...NodeFileSystem }) : createOpsbookServices({ ...NodeFileSystem });
if (!cli) Opsbook.workspace.WorkspaceRoots.setFallbackRoots([folder]);
Opsbook.parser.LangiumParser.parse('');
const texts = files.map(file => [file, fs.readFileSync(path.join(folder, file), 'utf8')]);
let sourceBytes = 0;
for (const [, text] of texts) sourceBytes += Buffer.byteLength(text);
const warmup = warmupOption === undefined ? warmupCopies(sourceBytes) : Number(warmupOption);
if (atCopies !== undefined) {
    // One side of --per-document (a child process): warm-up, copies 1..K open and built, one snapshot.
    const opener = copyOpener(shared, folder, texts[0][1], Opsbook.analysis.PlaybookAnalyzer);
    await warmUp(opener, files[0], warmup);
    for (let k = 1; k <= Number(atCopies); k++) await opener.open(copyName(files[0], k));
    const heap = (await settledHeapUsed()).heapUsed;
    const totals = snapshot('at');
    void shared.workspace.LangiumDocuments.all.count();
    // Written at once: process.exit would cut a write to a pipe short.
    fs.writeSync(1, `${JSON.stringify({ heapUsed: heap, totals: [...totals] })}\n`);
    process.exit(0);
}
if (perDocument !== undefined) {
    if (cli || files.length !== 1) throw new Error('heap: --per-document takes one FILE and an editor-style build');
    // Two processes, so that each side's heap is disturbed alike by taking and reading one snapshot
    // (V8 names functions when first asked, the summary's own strings): in one process the first
    // snapshot's leftovers were counted as kept by the copies (≈ 10k concatenated strings).
    const side = k => {
        const child = spawnSync(
            process.execPath,
            [
                '--expose-gc',
                fileURLToPath(import.meta.url),
                folder,
                files[0],
                `--at=${k}`,
                `--warmup=${warmup}`,
                ...(detail ? ['--detail'] : [])
            ],
            { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 }
        );
        if (child.status !== 0) throw new Error(`heap: the side with ${k} copies failed: ${child.stderr}`);
        const out = JSON.parse(child.stdout.trim().split('\n').pop());
        return { heapUsed: out.heapUsed, totals: new Map(out.totals) };
    };
    const one = side(1);
    const more = side(1 + perDocument);
    report(
        `per document (${warmup} copies built and dropped first; 1 copy against ${1 + perDocument}, two processes) of ${(sourceBytes / 1024).toFixed(0)} KB`,
        one.totals,
        more.totals,
        (more.heapUsed - one.heapUsed) / perDocument,
        perDocument
    );
    process.exit(0);
}
// The first file is open in the editor (the server keeps the analysis of open documents only).
if (!cli)
    shared.workspace.TextDocuments.set(TextDocument.create(URI.file(path.join(folder, files[0])).toString(), 'opsbook', 1, texts[0][1]));
const before = snapshot('before');
const heapBefore = (await settledHeapUsed()).heapUsed;
const documents = shared.workspace.LangiumDocuments;
for (const [file, text] of texts) {
    documents.addDocument(shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(folder, file))));
}
if (cli) {
    // As packages/cli/src/workspace-loader.ts: no reference index for a file that imports nothing.
    shared.workspace.IndexManager.updateReferences = async () => {};
}
await shared.workspace.DocumentBuilder.build(documents.all.toArray(), { validation: true });
const heapAfter = (await settledHeapUsed()).heapUsed;
const after = snapshot('after');
void documents.all.count();

report(
    `${cli ? 'CLI' : 'editor'} build of ${files.length} file(s), ${(sourceBytes / 1024).toFixed(0)} KB`,
    before,
    after,
    heapAfter - heapBefore,
    1
);

/** Prints the difference of two summaries by kind, divided by `per`, and the heap figure `kept`. */
function report(what, before, after, kept, per) {
    const rows = [];
    for (const [key, entry] of after) {
        const old = before.get(key) ?? { count: 0, size: 0 };
        if (entry.size - old.size !== 0) rows.push([key, (entry.count - old.count) / per, (entry.size - old.size) / per]);
    }
    rows.sort((a, b) => b[2] - a[2]);
    console.log(
        `${what}: heap kept ${(kept / 1e6).toFixed(2)} MB (${(kept / sourceBytes).toFixed(1)}× the source); snapshot difference ${(rows.reduce((n, r) => n + r[2], 0) / 1e6).toFixed(2)} MB`
    );
    console.log('    self MB    × src      count  type / name');
    for (const [key, count, size] of rows.slice(0, top)) {
        const [type, name] = key.split('\t');
        console.log(
            `${(size / 1e6).toFixed(2).padStart(11)} ${(size / sourceBytes).toFixed(2).padStart(8)} ${String(Math.round(count)).padStart(10)}  ${type === 'object' ? name : name.startsWith('(') ? name : `(${type}) ${name}`}`
        );
    }
}
