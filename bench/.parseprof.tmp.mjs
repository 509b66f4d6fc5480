import 'opsbook-language/polyfill';
import fs from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { createOpsbookServices } from 'opsbook-language';
const text = fs.readFileSync('/tmp/obgen/single-100k/playbook.ops', 'utf8');
const { Opsbook } = createOpsbookServices(EmptyFileSystem);
const parser = Opsbook.parser.LangiumParser;
parser.parse('');
const c = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
for (let i = 0; i < 2; i++) { const t = c(); const r = parser.parse(text); console.log('parse cpu', (c() - t).toFixed(0), r.parserErrors.length); }
