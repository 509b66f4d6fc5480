import 'opsbook-language/polyfill';
import { EmptyFileSystem, URI, DocumentState } from 'langium';
import { createOpsbookServices } from '/work/wt-lsp/packages/language/out/index.js';
import { singlePlaybook } from '/work/wt-lsp/bench/generate.mjs';
const { shared, Opsbook } = createOpsbookServices(EmptyFileSystem);
const text = singlePlaybook(150000);
let t = performance.now();
const r = Opsbook.parser.LangiumParser.parse(text);
console.log('parse', Math.round(performance.now()-t), 'errors', r.parserErrors.length, r.lexerErrors.length);
t = performance.now();
const lx = Opsbook.parser.Lexer.tokenize(text);
console.log('lex', Math.round(performance.now()-t), lx.tokens.length);
const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('file:///tmp/x/huge.ops'));
shared.workspace.LangiumDocuments.addDocument(doc);
let last = performance.now();
for (const s of [DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated])
  shared.workspace.DocumentBuilder.onBuildPhase(s, () => { const n = performance.now(); console.log('phase', s, Math.round(n-last), 'at', typeof start === 'number' ? Math.round(n - start) : ''); last = n; });
// measure max block between macrotasks
let maxGap = 0, prev = performance.now(); const iv = setInterval(() => { const n = performance.now(); maxGap = Math.max(maxGap, n-prev); prev = n; }, 1);
await shared.workspace.DocumentBuilder.build([doc], { validation: true });
clearInterval(iv);
console.log('maxGap', Math.round(maxGap), 'diags', doc.diagnostics.length);
// second build with a real token, after a change
const { CancellationTokenSource } = await import('vscode-languageserver-protocol');
const gaps = [];
prev = performance.now(); const iv2 = setInterval(() => { const n = performance.now(); gaps.push([Math.round(n-prev), Math.round(n - start)]); prev = n; }, 1);
var start = performance.now();
const src = new CancellationTokenSource();

const reg = Opsbook.validation.ValidationRegistry; const og = reg.getChecks.bind(reg);
reg.getChecks = (type, cats) => type !== 'Document' ? og(type, cats) : og(type, cats).map((c, i) => (n, a, tk) => { const t0 = performance.now(); const r = c(n, a, tk); console.log('check', i, Math.round(performance.now()-t0)); return r; });

let cur = text.slice(0, text.length/2) + ' ' + text.slice(text.length/2);
shared.workspace.LangiumDocumentFactory.getUpdatedText = async () => cur;
await shared.workspace.DocumentBuilder.update([doc.uri], [], src.token);
console.log('total', Math.round(performance.now()-start), 'diags', doc.diagnostics.length);
clearInterval(iv2);
console.log('gaps >30ms', JSON.stringify(gaps.filter(g => g[0] > 30)));
// parse only, async, with gap measure
{
const ap = Opsbook.parser.AsyncParser;
const g = []; let p2 = performance.now(); const s0 = performance.now();
const iv3 = setInterval(() => { const n = performance.now(); g.push([Math.round(n-p2), Math.round(n - s0)]); p2 = n; }, 1);
const r = await ap.parse(cur, new CancellationTokenSource().token);
console.log('async parse', Math.round(performance.now() - s0));
await new Promise(r => setTimeout(r, 50));
clearInterval(iv3);
console.log('parse gaps >30', JSON.stringify(g.filter(x => x[0] > 30)));
}
