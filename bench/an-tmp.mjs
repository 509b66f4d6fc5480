import 'opsbook-language/polyfill';
import * as fs from 'node:fs';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookServices } from 'opsbook-language';
const file = process.argv[2];
const { shared, Opsbook } = createOpsbookServices({ ...NodeFileSystem });
shared.workspace.IndexManager.updateReferences = async () => {};
const doc = shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(file, 'utf8'), URI.file(file));
shared.workspace.LangiumDocuments.addDocument(doc);
await shared.workspace.DocumentBuilder.build([doc], { validation: false });
const analyzer = Opsbook.analysis?.PlaybookAnalyzer ?? Object.values(Opsbook).map(s => s?.PlaybookAnalyzer).find(Boolean);
for (let i = 0; i < 5; i++) { const t = performance.now(); analyzer.compute(doc); console.log('analysis', (performance.now() - t).toFixed(0)); }
const validator = Opsbook.validation.DocumentValidator;
for (let i = 0; i < 3; i++) { const t = performance.now(); await validator.validateDocument(doc); console.log('validate', (performance.now() - t).toFixed(0)); }
const inspector = await import('node:inspector/promises');
const session = new inspector.Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', { interval: 100 }); await session.post('Profiler.start');
for (let i = 0; i < 3; i++) analyzer.compute(doc);
const { profile } = await session.post('Profiler.stop');
fs.writeFileSync('/tmp/an.cpuprofile', JSON.stringify(profile));
