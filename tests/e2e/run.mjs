// `npm run test:e2e`: checks the prerequisites (never skips silently), then runs every
// tests/e2e/*.e2e.mjs in name order, sharing one code-server, and closes with
// `e2e: N passed, N failed`.
//   node tests/e2e/run.mjs [filter]   runs only the files whose name contains `filter`
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { missingPrerequisites, stopShared } from './code-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
// A stray rejection inside one test must not end the run before its closing line.
process.on('unhandledRejection', e => console.error('e2e: unhandled rejection:', e?.stack ?? e));
const filter = process.argv[2];

const missing = missingPrerequisites();
if (missing.length) {
    for (const line of missing) console.error(`e2e: MISSING: ${line}`);
    console.error('e2e: prerequisites missing; install them with: bash scripts/e2e-setup.sh');
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
}

const files = readdirSync(here)
    .filter(f => f.endsWith('.e2e.mjs') && (!filter || f.includes(filter)))
    .sort();
if (files.length === 0) {
    console.error(`e2e: no tests/e2e/*.e2e.mjs file${filter ? ` matches '${filter}'` : ''}`);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
}

let passed = 0;
let failed = 0;
const t0 = performance.now();
const secs = t => ((performance.now() - t) / 1000).toFixed(1);
try {
    for (const f of files) {
        const t = performance.now();
        console.log(`e2e: ${f} ...`);
        try {
            const mod = await import(pathToFileURL(join(here, f)).href);
            if (typeof mod.default !== 'function') throw new Error(`${f} has no default exported function`);
            await mod.default();
            passed++;
            console.log(`e2e: PASS ${f} (${secs(t)} s)`);
        } catch (e) {
            failed++;
            console.error(`e2e: FAIL ${f} (${secs(t)} s)`);
            console.error(e?.stack ?? e);
        }
    }
} finally {
    await stopShared();
}
console.log(`e2e: total ${secs(t0)} s`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
