import 'opsbook-language/polyfill';
import { EmptyFileSystem } from 'langium';
import { createOpsbookServices } from '/work/wt-lsp/packages/language/out/index.js';
import { parseInSlices } from '/work/wt-lsp/packages/language/out/parser/chunked-parser.js';
import { singlePlaybook } from '/work/wt-lsp/bench/generate.mjs';
const { Opsbook } = createOpsbookServices(EmptyFileSystem);
const text = singlePlaybook(150000);
const it = parseInSlices(Opsbook.parser.LangiumParser, Opsbook.parser.Lexer, text, 4000);
let t = performance.now(); const t0 = t; let i = 0; const slow = [];
for (let s = it.next(); ; s = it.next()) { const n = performance.now(); if (n - t > 20) slow.push([i, Math.round(n-t)]); t = n; i++; if (s.done) break; }
console.log('slices', i, 'total', Math.round(t - t0), JSON.stringify(slow));
