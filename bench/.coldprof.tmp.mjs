import { startServer, openFile } from './protocol.mjs';
import * as P from './protocol.mjs';
const s = await startServer('/tmp/obgen/single-1k');
const d = openFile(s, '/tmp/obgen/single-1k/playbook.ops');
await s.waitUntil(() => s.published.has(d.uri), 'diag');
console.log('first diagnostics', performance.now() - s.spawnedAt);
await s.stop();
