import 'opsbook-language/polyfill';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, AstUtils } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookCoreServices } from 'opsbook-language';
const [folder, file] = process.argv.slice(2);
const gc = () => {
    globalThis.gc();
    globalThis.gc();
    return process.memoryUsage().heapUsed;
};
const { shared, Opsbook } = createOpsbookCoreServices({ ...NodeFileSystem });
Opsbook.parser.LangiumParser.parse('');
const text = fs.readFileSync(path.join(folder, file), 'utf8');
const h0 = gc();
const lexed = Opsbook.parser.Lexer.tokenize(text);
const h1 = gc();
console.log('tokens only', ((h1 - h0) / text.length).toFixed(1), 'x', lexed.tokens.length);
lexed.tokens = null;
const h1b = gc();
const documents = shared.workspace.LangiumDocuments;
const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(folder, file)));
documents.addDocument(doc);
const h2 = gc();
console.log('parse', ((h2 - h1b) / text.length).toFixed(1), 'x');
shared.workspace.IndexManager.updateReferences = async () => {};
await shared.workspace.DocumentBuilder.build(documents.all.toArray(), { validation: true });
const h3 = gc();
console.log('after CLI build', ((h3 - h1b) / text.length).toFixed(1), 'x');
const h3b = h3;
const A = Opsbook.analysis.PlaybookAnalyzer;
A.cache.clear();
A.localCache.clear();
const h3c = gc();
console.log('without analysis', ((h3c - h1b) / text.length).toFixed(1), 'x');
let n = 0;
for (const node of AstUtils.streamAst(doc.parseResult.value)) {
    n++;
    delete node.$cstNode;
}
for (const r of doc.references) {
    delete r._ref?.$cstNode;
    r.$refNode = undefined;
}
const h4 = gc();
console.log('no $cstNode links', ((h4 - h1b) / text.length).toFixed(1), 'x', n, 'AST nodes', doc.references.length, 'refs');
