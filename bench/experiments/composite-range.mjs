// Who reads a composite CST node's `range` (parser/opsbook-parser.ts `CompositeNode`: computed from its first
// and last leaves on every read, no cache), how often, and what a cache would save: the editor's build of
// one file, then the requests an editor makes on an open document (document symbols, folding ranges,
// semantic tokens, inlay hints, code lenses) and hovers spread over the file. Each request is timed with
// the getter as it is and with a cache per node (a WeakMap), alternating, CPU time (user+sys) per round.
//
//   node bench/experiments/composite-range.mjs FILE.ops [--rounds=N] [--hovers=N]
import 'opsbook-language/polyfill';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookServices } from 'opsbook-language/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';

const args = process.argv.slice(2);
const file = path.resolve(args.find(a => !a.startsWith('--')));
const option = (name, fallback) => Number(args.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const rounds = option('rounds', 7);
const hoverCount = option('hovers', 500);

const { shared, Opsbook } = createOpsbookServices({ ...NodeFileSystem });
Opsbook.workspace.WorkspaceRoots.setFallbackRoots([path.dirname(file)]);
const text = fs.readFileSync(file, 'utf8');
const uri = URI.file(file);
shared.workspace.TextDocuments.set(TextDocument.create(uri.toString(), 'opsbook', 1, text));

// Our composite class, from a parse (the package does not export it).
const probe = Opsbook.parser.LangiumParser.parse('person ann\n').value.$cstNode;
const CompositeNode = probe.content.find(node => Array.isArray(node.content) && !('fullText' in node)).constructor;
const original = Object.getOwnPropertyDescriptor(CompositeNode.prototype, 'range').get;
let reads = 0;
const perNode = new Map();
let counting = false;
let cache;
Object.defineProperty(CompositeNode.prototype, 'range', {
    configurable: true,
    get() {
        if (counting) {
            reads++;
            perNode.set(this, (perNode.get(this) ?? 0) + 1);
        }
        if (cache) {
            let range = cache.get(this);
            if (!range) cache.set(this, (range = original.call(this)));
            return range;
        }
        return original.call(this);
    }
});

function counted(label, action) {
    return async () => {
        reads = 0;
        perNode.clear();
        counting = true;
        try {
            await action();
        } finally {
            counting = false;
        }
        let repeated = 0;
        let most = 0;
        for (const n of perNode.values()) {
            if (n > 1) repeated += n - 1;
            most = Math.max(most, n);
        }
        return { label, reads, nodes: perNode.size, repeated, most };
    };
}

const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
};

const document = shared.workspace.LangiumDocumentFactory.fromString(text, uri);
shared.workspace.LangiumDocuments.addDocument(document);
const build = counted('build (parse, link, validate)', () => shared.workspace.DocumentBuilder.build([document], { validation: true }));
const buildRow = await build();
const composites = [];
(function collect(node) {
    if (node instanceof CompositeNode) composites.push(node);
    for (const child of node.content ?? []) collect(child);
})(document.parseResult.value.$cstNode);

const params = { textDocument: { uri: uri.toString() } };
const lines = text.split('\n');
const positions = [];
for (let i = 0; i < hoverCount; i++) {
    const line = Math.floor(((i + 0.5) * lines.length) / hoverCount);
    const column = lines[line]?.search(/\S/) ?? 0;
    positions.push({ line, character: Math.max(0, column) + 1 });
}
const lsp = Opsbook.lsp;
const requests = {
    'document symbols': () => lsp.DocumentSymbolProvider.getSymbols(document, params),
    'folding ranges': () => lsp.FoldingRangeProvider.getFoldingRanges(document, params),
    'semantic tokens': () => lsp.SemanticTokenProvider.semanticHighlight(document, params),
    'inlay hints': () =>
        lsp.InlayHintProvider.getInlayHints(document, {
            ...params,
            range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } }
        }),
    'code lenses': () => lsp.CodeLensProvider.provideCodeLens(document, params),
    [`${hoverCount} hovers`]: async () => {
        for (const position of positions) await lsp.HoverProvider.getHoverContent(document, { ...params, position });
    }
};
const rows = [buildRow];
for (const [label, action] of Object.entries(requests)) rows.push(await counted(label, action)());

console.log(
    `${path.basename(file)}: ${lines.length} lines, ${composites.length} composite CST nodes, ${document.diagnostics?.length ?? 0} diagnostics`
);
console.log('| what | range reads | nodes read | reads of a node read before | most reads of one node |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(`| ${row.label} | ${row.reads} | ${row.nodes} | ${row.repeated} | ${row.most} |`);

// What one read costs: every composite's range read, ten times over (the getter as it is).
{
    let sink = 0;
    for (const node of composites) sink += node.range.start.line;
    const start = cpu();
    for (let i = 0; i < 10; i++) for (const node of composites) sink += node.range.end.character;
    const perRead = ((cpu() - start) * 1000) / (10 * composites.length);
    console.log(`\none read: ${perRead.toFixed(2)} µs CPU (${composites.length} × 10 reads${sink < 0 ? '' : ''})`);
}

// Time: each request with the getter as it is (A) and with a cache per node (B), alternating.
console.log(`\nCPU ms per request, median of ${rounds} rounds, A = no cache (as is), B = cache per node:`);
console.log('| request | A | B | B − A |');
console.log('| --- | --- | --- | --- |');
for (const [label, action] of Object.entries(requests)) {
    const times = { A: [], B: [] };
    await action();
    for (let round = 0; round < rounds; round++) {
        for (const variant of round % 2 === 0 ? ['A', 'B'] : ['B', 'A']) {
            cache = variant === 'B' ? new WeakMap() : undefined;
            const start = cpu();
            await action();
            times[variant].push(cpu() - start);
        }
    }
    cache = undefined;
    const median = list => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
    const [a, b] = [median(times.A), median(times.B)];
    console.log(`| ${label} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b - a).toFixed(1)} |`);
}
