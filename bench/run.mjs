// `npm run bench`: generates the inputs, measures everything side by side, prints the tables and writes
// BENCHMARKS.md. A benchmark, not a test: nothing here fails on a slow figure.
//
//   node bench/run.mjs [--only=startup,coldstart,check,floor,peers,inprocess,protocol,plan,org,diff] [--keep] [--out=FILE] [--json=FILE]
//
// The start-up rows of issue 19 alone: --only=startup,coldstart (the CLI's 100-line check against
// `node -e 0`, and the language server's spawn → first diagnostics; `protocol` measures the latter too).
//   node bench/run.mjs --render=FILE.json [--out=FILE]
//
// --only runs a subset (and writes no BENCHMARKS.md unless --out is given); --keep keeps the generated
// inputs in their temporary folder; --json also writes the raw figures; --render writes BENCHMARKS.md
// again from raw figures saved with --json (after editing bench/NOTES.md), measuring nothing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateAll } from './generate.mjs';
import { generateOrganisation } from './organisation.mjs';
import { measurePlanPreview } from './protocol.mjs';
import { readAbSection, readPlaygroundSection, withAbSection, withPlaygroundSection } from './lib/ab-section.mjs';
import { describeMachine, loadAverage } from './lib/machine.mjs';
import { hasGnuTime } from './lib/process.mjs';
import { renderMarkdown, scaleTargetsTable, targetsTable } from './report.mjs';
import { measureInProcess } from './steps/in-process-step.mjs';
import { measureColdStart, measureLargeFile, measureWorkspace } from './steps/protocol-step.mjs';
import { measureOrganisation } from './steps/organisation-step.mjs';
import { CLI, measureCheck, measureDiff, measureFloor, measurePeers, measurePlan, measureStartup } from './steps/whole-process.mjs';

const STEPS = ['startup', 'coldstart', 'check', 'floor', 'peers', 'inprocess', 'protocol', 'plan', 'org', 'diff'];
const args = process.argv.slice(2);
const option = name => args.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = option('only')?.split(',') ?? STEPS;
const unknown = only.filter(step => !STEPS.includes(step));
if (unknown.length > 0) {
    console.error(`bench: unknown step ${unknown.join(', ')} (steps: ${STEPS.join(', ')})`);
    process.exit(2);
}
const outFile = option('out') ?? (option('only') ? undefined : 'BENCHMARKS.md');
const notesFile = path.resolve('bench/NOTES.md');
const readNotes = () => (fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8') : '');
if (option('render')) {
    const saved = JSON.parse(fs.readFileSync(option('render'), 'utf8'));
    fs.writeFileSync(
        outFile,
        withPlaygroundSection(withAbSection(renderMarkdown(saved, readNotes()), readAbSection(outFile)), readPlaygroundSection(outFile))
    );
    console.error(`bench: wrote ${outFile} from ${option('render')}`);
    process.exit(0);
}
if (!fs.existsSync(CLI)) {
    console.error('bench: the CLI is not built; run `npm run bench` (it builds first)');
    process.exit(2);
}

const log = message => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}\n`);
const started = performance.now();
const results = { machine: describeMachine(), loadStart: loadAverage() };
if (!hasGnuTime) log('GNU time is missing (apt-get install -y time): peak memory of non-node peers is not measured');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsbook-bench-'));
try {
    log(`generating inputs into ${root}`);
    const { inputs, peers } = generateAll(root);
    results.inputs = inputs.map(({ id, label, lines, bytes, files }) => ({ id, label, lines, bytes, files: files.length }));
    const byId = Object.fromEntries(inputs.map(input => [input.id, input]));

    if (only.includes('startup')) {
        results.startup = measureStartup(root);
        log(
            `start-up: check of 100 lines ${results.startup.checkMs} ms CPU, node -e 0 ${results.startup.nodeMs} ms (${results.startup.ratio.toFixed(2)}×)`
        );
    }
    if (only.includes('floor')) {
        results.floor = {};
        for (const input of inputs) results.floor[input.id] = measureFloor(input);
        log('floor measured');
    }
    if (only.includes('check')) {
        results.check = {};
        for (const input of inputs) {
            results.check[input.id] = measureCheck(input);
            log(`opsbook check, ${input.label}: ${Math.round(results.check[input.id].wallMs)} ms`);
        }
    }
    if (only.includes('peers')) {
        results.peers = measurePeers(peers);
        log('peers measured');
    }
    if (only.includes('inprocess')) {
        results.inProcess = {};
        for (const input of inputs) {
            results.inProcess[input.id] = measureInProcess(input);
            log(`in process, ${input.label}: ${Math.round(results.inProcess[input.id].total?.cpu ?? NaN)} ms CPU`);
        }
    }
    if (only.includes('plan')) {
        results.plan = measurePlan(byId['single-10k']);
        log('opsbook plan measured');
    }
    if (only.includes('diff')) {
        results.diff = measureDiff(byId['single-10k']);
        log(
            `opsbook diff of two 10k-line versions: ${Math.round(results.diff.diff?.wallMs ?? NaN)} ms, checking both ${Math.round(results.diff.check?.wallMs ?? NaN)} ms`
        );
    }
    if (only.includes('coldstart') || only.includes('protocol')) {
        results.protocol = {};
        results.protocol.coldStart = await measureColdStart(byId['single-1k']);
        log(
            `cold start: ${Math.round(results.protocol.coldStart.firstDiagnosticsMs)} ms (${Math.round(results.protocol.coldStart.firstDiagnosticsCpuMs)} ms CPU)`
        );
    }
    if (only.includes('protocol')) {
        results.protocol.large = await measureLargeFile(byId['single-10k']);
        log('10k-line file over the protocol measured');
        results.protocol.planPreview = await measurePlanPreview(byId['single-10k'].folder, byId['single-10k'].files[0]);
        log(`plan preview after an edit, 10k lines: p95 ${Math.round(results.protocol.planPreview.p95)} ms`);
        results.protocol.workspace = await measureWorkspace(byId.workspace);
        log('workspace over the protocol measured');
    }
    if (only.includes('org')) {
        const org = generateOrganisation(root);
        results.organisation = {
            input: { label: org.label, lines: org.lines, bytes: org.bytes, files: org.files.length },
            ...(await measureOrganisation(org))
        };
        const o = results.organisation;
        log(
            `organisation: check ${Math.round(o.checkFolder.wallMs)} ms (national alone ${Math.round(o.checkNational.wallMs)} ms); region edit p95 ${Math.round(o.regionEdit.p95)} ms; national edit p95 ${Math.round(o.nationalEdit.p95)} ms`
        );
    }
} finally {
    if (args.includes('--keep')) log(`inputs kept in ${root}`);
    else fs.rmSync(root, { recursive: true, force: true });
}
results.loadEnd = loadAverage();
results.durationMs = performance.now() - started;

const markdown = renderMarkdown(results, readNotes());
process.stdout.write(`\n${markdown.split('\n## Findings')[0]}\n`);
process.stdout.write(`\nTargets:\n${targetsTable(results)}\n\n${scaleTargetsTable(results)}\n`);
if (outFile) {
    fs.writeFileSync(outFile, withPlaygroundSection(withAbSection(markdown, readAbSection(outFile)), readPlaygroundSection(outFile)));
    log(`wrote ${outFile} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
if (option('json')) fs.writeFileSync(option('json'), JSON.stringify(results, null, 2) + '\n');
