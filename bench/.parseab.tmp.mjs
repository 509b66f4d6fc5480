import 'opsbook-language/polyfill';
import fs from 'node:fs';
import { EmptyFileSystem } from 'langium';
const { createOpsbookServices } = await import(process.argv[2]);
const text = fs.readFileSync(process.argv[3], 'utf8');
const { Opsbook } = createOpsbookServices(EmptyFileSystem);
const parser = Opsbook.parser.LangiumParser;
parser.parse('');
const c = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let best = 1e9, bestWall = 1e9;
for (let i = 0; i < Number(process.argv[4] ?? 3); i++) { const t = c(); const w = performance.now(); const r = parser.parse(text); best = Math.min(best, c() - t); bestWall = Math.min(bestWall, performance.now() - w); if (r.parserErrors.length) console.log('ERR', r.parserErrors[0].message); }
console.log(process.argv[2].includes('/tmp/lc') ? 'nested Name' : 'current   ', 'cpu', best.toFixed(0), 'wall', bestWall.toFixed(0));
