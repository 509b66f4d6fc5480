// The language server's memory on a workspace: spawned over stdio (bench/protocol.mjs), it builds the
// whole folder, then one file is opened and edited; prints its resident memory (VmRSS) and peak (VmHWM)
// after the first build and after the edits.
//
//   BENCH_SERVER=…/opsbook-language-server.cjs node bench/experiments/server-memory.mjs FOLDER FILE [--edits=N]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { editLatencies, openFile, serverPeakRssKb, startServer } from '../protocol.mjs';

const args = process.argv.slice(2);
const [folder, file] = args.filter(a => !a.startsWith('--'));
const edits = Number(args.find(a => a.startsWith('--edits='))?.slice(8) ?? 20);
const files = fs.readdirSync(folder).filter(f => f.endsWith('.ops'));

function rssKb(server) {
    const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
}

async function quiet(server, ms) {
    for (;;) {
        const last = Math.max(0, ...[...server.published.values()].map(entry => entry.at));
        const idle = performance.now() - last;
        if (idle >= ms) return;
        await new Promise(resolve => setTimeout(resolve, ms - idle));
    }
}

const server = await startServer(folder, { plain: true });
try {
    const document = openFile(server, path.join(folder, file));
    await server.waitUntil(() => server.published.size >= files.length, `diagnostics of all ${files.length} files`);
    await quiet(server, 1500);
    const built = { rssKb: rssKb(server), peakKb: serverPeakRssKb(server) };
    const line = document.lines.findIndex(l => /^(playbook|goal) \S+ "/.test(l));
    await editLatencies(server, document, { line, count: edits, warmup: 0 });
    await quiet(server, 1500);
    const edited = { rssKb: rssKb(server), peakKb: serverPeakRssKb(server) };
    console.log(JSON.stringify({ server: process.env.BENCH_SERVER ?? 'this checkout', files: files.length, built, edits, edited }));
} finally {
    await server.stop();
}
