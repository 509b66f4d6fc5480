// temporary A/B probe: min-of-N timings of lex, parse, build phases on one input
const cpuNow = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
import 'opsbook-language/polyfill';
import fs from 'node:fs';
import path from 'node:path';
import { DocumentState, URI, EmptyFileSystem } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookServices } from 'opsbook-language';
const [folder, reps, ...files] = process.argv.slice(2);
const texts = files.map(f => [f, fs.readFileSync(path.join(folder, f), 'utf8')]);
const best = {};
const keep = (k, v) => { best[k] = Math.min(best[k] ?? Infinity, v); };
for (let r = 0; r < Number(reps); r++) {
  const { shared, Opsbook } = createOpsbookServices({ ...NodeFileSystem });
  Opsbook.workspace.WorkspaceRoots.setFallbackRoots([folder]);
  Opsbook.parser.LangiumParser.parse('');
  let t = cpuNow(); for (const [, x] of texts) Opsbook.parser.Lexer.tokenize(x); keep('lex', cpuNow() - t);
  t = cpuNow();
  for (const [f, x] of texts) shared.workspace.LangiumDocuments.addDocument(shared.workspace.LangiumDocumentFactory.fromString(x, URI.file(path.join(folder, f))));
  keep('parse', cpuNow() - t);
  const marks = {}; let prev = cpuNow();
  for (const [n, s] of [['index', 2], ['scopes', 3], ['link', 4], ['refs', 5], ['validate', 6]]) shared.workspace.DocumentBuilder.onBuildPhase(s, () => { const now = cpuNow(); keep(n, now - prev); prev = now; });
  prev = cpuNow();
  await shared.workspace.DocumentBuilder.build(shared.workspace.LangiumDocuments.all.toArray(), { validation: true });
}
console.log(JSON.stringify(Object.fromEntries(Object.entries(best).map(([k, v]) => [k, Math.round(v)]))));
