// Where the time goes in one in-process build: a V8 CPU profile (like `node --cpu-prof`), summarised by
// self and total time per function, and optionally Langium's own profiler (linking per reference kind,
// validation per node type, parsing per rule).
//
//   npm run build && node bench/profile.mjs [single-1k|single-10k|single-100k|workspace] [--langium]
//
// The .cpuprofile is written to the temporary folder (open it in Chrome DevTools or VS Code).
import 'opsbook-language/polyfill';
import * as fs from 'node:fs';
import * as inspector from 'node:inspector/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { DefaultLangiumProfiler, inject, ProfilingTask, URI } from 'langium';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createOpsbookServices } from 'opsbook-language/lsp';
import { generateAll } from './generate.mjs';

const which = process.argv[2] ?? 'single-100k';
const withLangiumProfiler = process.argv.includes('--langium');

/**
 * Langium's profiler, summing each task's entries as it ends (the default one prints a table per task and
 * then empties the entries its records share) and without its console output.
 */
class SummingProfiler extends DefaultLangiumProfiler {
    sums = new Map();

    createTask(category, taskId) {
        if (!this.isActive(category)) throw new Error(`Category "${category}" is not active.`);
        return new ProfilingTask(record => {
            for (const key of record.entries.keys()) {
                const name = `${category} ${key}`;
                const total = record.entries.get(key).reduce((a, b) => a + b, 0);
                this.sums.set(name, (this.sums.get(name) ?? 0) + total);
            }
        }, taskId);
    }
}

/**
 * createOpsbookServices plus Langium's profiler, which only a shared module can provide. Mirrors
 * createOpsbookServices (packages/language/src/lsp/lsp-services.ts); keep the two in step.
 */
async function servicesWithProfiler() {
    const out = path.resolve('packages/language/out');
    const { OpsbookCoreModule, OpsbookSharedCoreModule, registerOpsbookLanguage } = await import(path.join(out, 'opsbook-module.js'));
    const { OpsbookGeneratedModule, OpsbookGeneratedSharedModule } = await import(path.join(out, 'generated/module.js'));
    const { OpsbookLspModule, OpsbookSharedLspModule } = await import(path.join(out, 'lsp/lsp-services.js'));
    const profiler = new SummingProfiler(new Set());
    const shared = inject(
        createDefaultSharedModule({ ...NodeFileSystem }),
        OpsbookGeneratedSharedModule,
        OpsbookSharedCoreModule,
        OpsbookSharedLspModule,
        {
            profilers: { LangiumProfiler: () => profiler }
        }
    );
    const Opsbook = inject(createDefaultModule({ shared }), OpsbookGeneratedModule, OpsbookCoreModule, OpsbookLspModule);
    registerOpsbookLanguage(shared, Opsbook, false);
    profiler.start('linking', 'validating');
    return { shared, Opsbook, profiler };
}

function summarise(profile, top = 30) {
    const byId = new Map(profile.nodes.map(node => [node.id, node]));
    const parent = new Map();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const sampled = new Map();
    profile.samples.forEach((id, i) => {
        sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    });
    const label = node =>
        `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(node_modules|packages)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;
    const self = new Map();
    const total = new Map();
    for (const [id, ms] of sampled) {
        const key = label(byId.get(id));
        self.set(key, (self.get(key) ?? 0) + ms);
        const seen = new Set();
        for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
            const k = label(byId.get(cur));
            if (seen.has(k)) continue;
            seen.add(k);
            total.set(k, (total.get(k) ?? 0) + ms);
        }
    }
    const all = [...sampled.values()].reduce((a, b) => a + b, 0);
    const show = map =>
        [...map]
            .sort((a, b) => b[1] - a[1])
            .slice(0, top)
            .map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / all).toFixed(1).padStart(5)}%  ${k}`)
            .join('\n');
    return `self time (of ${all.toFixed(0)} ms sampled):\n${show(self)}\n\ntotal time (inclusive):\n${show(new Map([...total].filter(([k]) => !/^\(root\)|node:|internal\//.test(k))))}`;
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-profile-'));
try {
    const input = generateAll(root).inputs.find(i => i.id === which);
    if (!input) throw new Error(`unknown input ${which}: single-1k, single-10k, single-100k or workspace`);
    const { shared, Opsbook, profiler } = withLangiumProfiler ? await servicesWithProfiler() : createOpsbookServices({ ...NodeFileSystem });
    Opsbook.workspace.WorkspaceRoots.setFallbackRoots([input.folder]);
    Opsbook.parser.LangiumParser.parse(''); // grammar set-up is not part of the build
    const session = new inspector.Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const started = performance.now();
    for (const file of input.files) {
        const uri = URI.file(path.join(input.folder, file));
        shared.workspace.LangiumDocuments.addDocument(
            shared.workspace.LangiumDocumentFactory.fromString(fs.readFileSync(uri.fsPath, 'utf8'), uri)
        );
    }
    await shared.workspace.DocumentBuilder.build(shared.workspace.LangiumDocuments.all.toArray(), { validation: true });
    const elapsed = performance.now() - started;
    const { profile } = await session.post('Profiler.stop');
    const file = path.join(os.tmpdir(), `opsbook-${which}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    console.log(`${input.label}: parse and build in ${elapsed.toFixed(0)} ms (profiled); profile written to ${file}\n`);
    console.log(summarise(profile));
    if (profiler) {
        console.log('\nLangium profiler, summed over documents (linking by container:property, validating by node type; self time):');
        for (const [key, ms] of [...profiler.sums].sort((a, b) => b[1] - a[1]).slice(0, 25))
            console.log(`${ms.toFixed(0).padStart(7)} ms  ${key}`);
    }
} finally {
    fs.rmSync(root, { recursive: true, force: true });
}
