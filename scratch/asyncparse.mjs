import 'opsbook-language/polyfill';
import { EmptyFileSystem } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { createOpsbookServices } from '/work/wt-lsp/packages/language/out/index.js';
import { singlePlaybook } from '/work/wt-lsp/bench/generate.mjs';
const { Opsbook } = createOpsbookServices(EmptyFileSystem);
const text = singlePlaybook(150000);
for (let k = 0; k < 3; k++) {
const ap = Opsbook.parser.AsyncParser;
const g = []; let p2 = performance.now(); const s0 = performance.now();
const iv3 = setInterval(() => { const n = performance.now(); g.push([Math.round(n-p2), Math.round(n - s0)]); p2 = n; }, 1);
const r = await ap.parse(text + ' '.repeat(k), new CancellationTokenSource().token);
console.log('async parse', Math.round(performance.now() - s0));
await new Promise(r => setTimeout(r, 50));
clearInterval(iv3);
console.log('parse gaps >30', JSON.stringify(g.filter(x => x[0] > 30)));
}
