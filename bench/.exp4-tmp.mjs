import 'opsbook-language/polyfill';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookServices } from 'opsbook-language/lsp';
const [folder, file] = process.argv.slice(2);
const gc = () => {
    globalThis.gc();
    globalThis.gc();
    return process.memoryUsage().heapUsed;
};
const { shared, Opsbook } = createOpsbookServices({ ...NodeFileSystem });
Opsbook.workspace.WorkspaceRoots.setFallbackRoots([folder]);
Opsbook.parser.LangiumParser.parse('');
const text = fs.readFileSync(path.join(folder, file), 'utf8');
const h0 = gc();
const documents = shared.workspace.LangiumDocuments;
const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(folder, file)));
documents.addDocument(doc);
await shared.workspace.DocumentBuilder.build(documents.all.toArray(), { validation: true });
const h1 = gc();
const r = x => ((x - h0) / text.length).toFixed(2);
console.log('built', r(h1));
const P = Opsbook.parser.LangiumParser;
P.wrapper.input = [];
const h2 = gc();
console.log('tokVector released', r(h2));
// find resolver memo via analysis
const a = Opsbook.analysis.PlaybookAnalyzer.analyze(doc);
const seen = new Set();
let found = 0;
const visit = (o, d) => {
    if (!o || typeof o !== 'object' || seen.has(o) || d > 6) return;
    seen.add(o);
    if (o.constructor?.name === 'ValueResolver') {
        found++;
        return;
    }
    for (const k of Object.keys(o)) {
        if (k.startsWith('$')) continue;
        visit(o[k], d + 1);
    }
};
visit(a, 0);
console.log('resolvers reachable from the analysis (depth 6):', found);
