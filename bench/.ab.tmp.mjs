// A/B of the fixes by restoring the previous code paths in process (monkeypatch), CPU ms, min of runs
import 'opsbook-language/polyfill';
import fs from 'node:fs';
import path from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookServices } from 'opsbook-language';
import { OpsbookTokenBuilder } from '../packages/language/out/parser/opsbook-token-builder.js';
import { ImportResolver } from '../packages/language/out/scope/import-resolver.js';
import { OpsbookScopeProvider } from '../packages/language/out/scope/opsbook-scope-provider.js';
const [variant, reps, folder, ...files] = process.argv.slice(2);
const off = new Set(variant.split(','));
if (off.has('hint')) { const o = OpsbookTokenBuilder.prototype.buildTerminalToken; OpsbookTokenBuilder.prototype.buildTerminalToken = function (t) { const tok = o.call(this, t); delete tok.START_CHARS_HINT; return tok; }; }
if (off.has('imports')) ImportResolver.prototype.importedDocuments = function (document) {
  const result = []; const seen = new Set([document.uri.toString()]);
  for (const element of document.parseResult.value.elements ?? []) { if (element.$type !== 'Import') continue; const r = this.resolve(document, element); if (r.kind !== 'resolved') continue; const k = r.uri.toString(); if (seen.has(k)) continue; seen.add(k); const d = this.documents.getDocument(r.uri); if (d) result.push(d); }
  return result; };
if (off.has('tables')) OpsbookScopeProvider.prototype.visibleTables = function (document) { return [this.symbols.of(document), ...this.imports.importedDocuments(document).map(i => this.symbols.of(i))]; };
const texts = files.map(f => [f, fs.readFileSync(path.join(folder, f), 'utf8')]);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const best = {};
const keep = (k, v) => { best[k] = Math.min(best[k] ?? Infinity, v); };
for (let r = 0; r < Number(reps); r++) {
  const { shared, Opsbook } = createOpsbookServices({ ...NodeFileSystem });
  if (!off.has('refskip')) shared.workspace.IndexManager.updateReferences = async () => {};
  Opsbook.workspace.WorkspaceRoots.setFallbackRoots([folder]);
  Opsbook.parser.LangiumParser.parse('');
  let t = cpu(); for (const [, x] of texts) Opsbook.parser.Lexer.tokenize(x); keep('lex', cpu() - t);
  t = cpu();
  for (const [f, x] of texts) shared.workspace.LangiumDocuments.addDocument(shared.workspace.LangiumDocumentFactory.fromString(x, URI.file(path.join(folder, f))));
  keep('parse', cpu() - t);
  let prev = cpu(); const start = prev;
  for (const [n, s] of [['index', 2], ['scopes', 3], ['link', 4], ['refs', 5], ['validate', 6]]) shared.workspace.DocumentBuilder.onBuildPhase(s, () => { const now = cpu(); keep(n, now - prev); prev = now; });
  await shared.workspace.DocumentBuilder.build(shared.workspace.LangiumDocuments.all.toArray(), { validation: true });
  keep('build', cpu() - start);
}
console.log(variant.padEnd(28), JSON.stringify(Object.fromEntries(Object.entries(best).map(([k, v]) => [k, Math.round(v)]))));
