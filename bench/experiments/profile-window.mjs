// Summarises a V8 .cpuprofile (e.g. the server's, from BENCH_SERVER_FLAGS="--cpu-prof --cpu-prof-dir=D") over a
// time window (µs on the monotonic clock, as bench/experiments/workspace-edit.mjs prints it), divided by a count:
// self and total time per function, and the time per phase (the innermost frame on the stack that names one).
//
//   node bench/experiments/profile-window.mjs PROFILE.cpuprofile [--window=START,END] [--per=N] [--top=N]
import * as fs from 'node:fs';

const args = process.argv.slice(2);
const option = (name, fallback) => args.find(a => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const profile = JSON.parse(
    fs.readFileSync(
        args.find(a => !a.startsWith('--')),
        'utf8'
    )
);
const [from, to] = (option('window', '') || '-Infinity,Infinity').split(',').map(Number);
const per = Number(option('per', '1'));
const top = Number(option('top', '40'));

const nodes = new Map(profile.nodes.map(node => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const name = node =>
    `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(node_modules|packages)\//, '$1/')}:${node.callFrame.lineNumber + 1}`;

/** Phase markers: the innermost frame on the stack whose function name matches decides the phase. */
const PHASES = [
    ['idle', /^\(idle\)$/],
    ['GC', /^\(garbage collector\)$/],
    ['JSON / protocol write', /^(stringify|JSON\.stringify|write|writeMessage|sendNotification|sendDiagnostics)$/],
    ['publish diagnostics', /^(publishDiagnostics|toDiagnostic|marks)$/],
    ['analysis', /^(analyze|analyse|analysisOf|computeAnalysis|analyzeDocument|get)$/i],
    ['validation', /^(validateDocument|validate|validateAst|runChecks)$/],
    ['linking', /^(link|doLink|loadAstNode|getCandidate|buildReference|unlink)$/],
    ['reference index', /^(updateReferences|createDescriptions)$/],
    ['content index / exports', /^(updateContent|computeExports|computeLocalScopes)$/],
    ['parse', /^(update|parse|reparse|incrementalParse|fromTextDocument|createAsync|updateAsync)$/],
    ['fingerprint', /^(exportFingerprint|keepPositions|settleDependants|repoint|relatedStay|mapRange)$/],
    ['builder bookkeeping', /^(reachedBy|shouldRelink|importsAnyOf|resetToState|changesShares|waitsForPendingEdits)$/]
];

let t = profile.startTime;
const self = new Map();
const total = new Map();
const phases = new Map();
let all = 0;
for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    if (t < from || t > to) continue;
    const dt = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = nodes.get(profile.samples[i]);
    all += dt;
    self.set(name(leaf), (self.get(name(leaf)) ?? 0) + dt);
    const seen = new Set();
    let phase;
    for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
        const node = nodes.get(id);
        const key = name(node);
        if (!seen.has(key)) {
            seen.add(key);
            total.set(key, (total.get(key) ?? 0) + dt);
        }
        if (phase === undefined) phase = PHASES.find(([, pattern]) => pattern.test(node.callFrame.functionName))?.[0];
    }
    phase ??= 'other';
    phases.set(phase, (phases.get(phase) ?? 0) + dt);
}
const fmt = ms => (ms / per).toFixed(1).padStart(8);
console.log(`window ${((to - from) / 1000).toFixed(0)} ms, sampled ${all.toFixed(0)} ms, per ${per}: ${(all / per).toFixed(1)} ms`);
console.log('\n-- phases (ms per unit)');
for (const [key, ms] of [...phases].sort((a, b) => b[1] - a[1])) console.log(`${fmt(ms)}  ${key}`);
console.log('\n-- self');
for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${fmt(ms)}  ${key}`);
console.log('\n-- total');
for (const [key, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, top * 2)) console.log(`${fmt(ms)}  ${key}`);
