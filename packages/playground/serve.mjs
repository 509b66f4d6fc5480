// `npm run playground:serve [-- --port 8080]`: serves site/ on 127.0.0.1, as any static server would
// (gzip when the browser accepts it). Only for trying the playground locally.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const site = resolve(dirname(fileURLToPath(import.meta.url)), '../../site');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.ttf': 'font/ttf', '.json': 'application/json', '.ops': 'text/plain; charset=utf-8' };

/**
 * Starts the server; resolves to { url, close, stats }. `stats` counts what was sent (bytes as sent,
 * compressed when gzipped), for the end-to-end test's first-load figure; `stats.reset()` zeroes it.
 */
export function serveSite({ port = 0, host = '127.0.0.1', dir = site } = {}) {
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: run npm run playground first`);
    const stats = {
        requests: 0,
        bytes: 0,
        uncompressed: 0,
        files: [],
        reset() {
            stats.requests = 0;
            stats.bytes = 0;
            stats.uncompressed = 0;
            stats.files = [];
        }
    };
    const server = createServer((req, res) => {
        const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        const file = normalize(join(dir, path.endsWith('/') ? `${path}index.html` : path));
        if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
            res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
            return;
        }
        let body = readFileSync(file);
        const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
        if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && extname(file) !== '.ttf') {
            body = gzipSync(body);
            headers['content-encoding'] = 'gzip';
        }
        stats.requests++;
        stats.bytes += body.length;
        stats.uncompressed += statSync(file).size;
        stats.files.push({ path, bytes: body.length });
        res.writeHead(200, headers).end(body);
    });
    return new Promise((resolvePromise, reject) => {
        server.on('error', reject);
        server.listen(port, host, () => {
            const address = server.address();
            resolvePromise({ url: `http://${host}:${address.port}/`, stats, close: () => new Promise(done => server.close(() => done())) });
        });
    });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const i = process.argv.indexOf('--port');
    const port = i > 0 ? Number(process.argv[i + 1]) : 8080;
    const { url } = await serveSite({ port });
    console.log(`playground: serving ${site} at ${url} (Ctrl+C to stop)`);
}
