import 'opsbook-language/polyfill';
import fs from 'node:fs';
import { EmptyFileSystem } from 'langium';
const { createOpsbookServices } = await import(process.argv[2]);
const text = fs.readFileSync('/tmp/obgen/single-10k/playbook.ops', 'utf8');
const { Opsbook } = createOpsbookServices(EmptyFileSystem);
const parser = Opsbook.parser.LangiumParser;
for (let i = 0; i < 3; i++) parser.parse(text);
const c = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let best = 1e9; for (let i = 0; i < 6; i++) { const t = c(); const r = parser.parse(text); best = Math.min(best, c() - t); if (r.parserErrors.length) console.log(r.parserErrors[0]); }
console.log(process.argv[2].includes('/tmp/lc') ? 'nested' : 'current', best.toFixed(0));
