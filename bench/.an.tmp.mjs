import 'opsbook-language/polyfill';
import fs from 'node:fs';
import path from 'node:path';
import * as inspector from 'node:inspector/promises';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookServices } from 'opsbook-language';
const [folder, ...files] = process.argv.slice(2);
const { shared, Opsbook } = createOpsbookServices({ ...NodeFileSystem });
Opsbook.workspace.WorkspaceRoots.setFallbackRoots([folder]);
for (const f of files) shared.workspace.LangiumDocuments.addDocument(shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(path.join(folder, f), 'utf8'), URI.file(path.join(folder, f))));
await shared.workspace.DocumentBuilder.build(shared.workspace.LangiumDocuments.all.toArray(), { validation: true });
const c = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const s = new inspector.Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start');
for (let i = 0; i < 3; i++) { const t = c(); for (const d of shared.workspace.LangiumDocuments.all) Opsbook.analysis.PlaybookAnalyzer.compute(d); console.log('analysis cpu', Math.round(c() - t)); }
const { profile } = await s.post('Profiler.stop');
fs.writeFileSync('/tmp/an.cpuprofile', JSON.stringify(profile));
