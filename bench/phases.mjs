// Where the CPU time of one CLI load goes, phase by phase (`opsbook check`'s own loader, in process):
// reading and parsing the files, then each of Langium's build phases, then the output's share is not
// included. CPU time (user + system) of this process, so it is comparable on a busy machine.
//
//   npm run build && node bench/phases.mjs FOLDER [--runs=N]      (e.g. a folder from bench/generate.mjs)
import fs from 'node:fs';
import * as path from 'node:path';
import { syncBuiltinESMExports } from 'node:module';
import { DefaultDocumentBuilder, DefaultLangiumDocumentFactory, DocumentState } from 'langium';

const folder = path.resolve(process.argv[2] ?? '.');
const { loadWorkspace } = await import(path.resolve('packages/cli/out/workspace-loader.js'));
const files = fs
    .readdirSync(folder)
    .filter(f => f.endsWith('.ops'))
    .sort();
const cpu = () => {
    const usage = process.cpuUsage();
    return (usage.user + usage.system) / 1000;
};
const names = Object.fromEntries(Object.entries(DocumentState).map(([k, v]) => [v, k]));
const marks = [];
const original = DefaultDocumentBuilder.prototype.runCancelable;
DefaultDocumentBuilder.prototype.runCancelable = async function (documents, state, ...rest) {
    const started = cpu();
    try {
        return await original.call(this, documents, state, ...rest);
    } finally {
        marks.push([names[state] ?? String(state), cpu() - started]);
    }
};
/** CPU time spent inside `fn` (outermost calls only), summed under `name`. */
const inside = new Map();
function timed(owner, key, name) {
    const fn = owner[key];
    let depth = 0;
    owner[key] = function (...args) {
        if (depth++ > 0) {
            try {
                return fn.apply(this, args);
            } finally {
                depth--;
            }
        }
        const started = cpu();
        try {
            return fn.apply(this, args);
        } finally {
            depth--;
            inside.set(name, (inside.get(name) ?? 0) + cpu() - started);
        }
    };
}
timed(fs, 'readFileSync', 'reading files (fs.readFileSync)');
syncBuiltinESMExports();
timed(DefaultLangiumDocumentFactory.prototype, 'fromString', 'lexing and parsing (LangiumDocumentFactory.fromString)');
const { PlaybookAnalyzer } = await import(path.resolve('packages/language/out/analysis/playbook-analyzer.js'));
timed(PlaybookAnalyzer.prototype, 'withWorkspace', "the workspace's figures (PlaybookAnalyzer.withWorkspace)");
const steps = PlaybookAnalyzer.prototype.steps;
PlaybookAnalyzer.prototype.steps = function (...args) {
    const generator = steps.apply(this, args);
    const next = generator.next.bind(generator);
    generator.next = value => {
        const started = cpu();
        try {
            return next(value);
        } finally {
            inside.set(
                "each file's own analysis (PlaybookAnalyzer.steps)",
                (inside.get("each file's own analysis (PlaybookAnalyzer.steps)") ?? 0) + cpu() - started
            );
        }
    };
    return generator;
};
const start = cpu();
const loaded = await loadWorkspace(files, { cwd: folder });
const total = cpu() - start;
const phases = marks.reduce((n, [, ms]) => n + ms, 0);
const rows = [['read, parse, discover (before the build)', total - phases], ...marks];
for (const [name, ms] of rows) console.log(`${ms.toFixed(0).padStart(6)} ms  ${name}`);
console.log('of which, anywhere:');
for (const [name, ms] of inside) console.log(`${ms.toFixed(0).padStart(6)} ms  ${name}`);
console.log(`${total.toFixed(0).padStart(6)} ms  loadWorkspace, ${loaded.files.length} files (+ ${cpu().toFixed(0)} ms process total)`);
