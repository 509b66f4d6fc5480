// Turns one run's results into the targets table and the Markdown of BENCHMARKS.md.

const ms = value =>
    value === null || value === undefined || Number.isNaN(value)
        ? '—'
        : value >= 10_000
          ? `${(value / 1000).toFixed(1)} s`
          : value >= 1000
            ? `${(value / 1000).toFixed(2)} s`
            : `${value.toFixed(value < 10 ? 1 : 0)} ms`;
const mb = kb => (kb ? `${Math.round(kb / 1024)} MB` : '—');
const times = value =>
    value === null || value === undefined || !Number.isFinite(value) ? '—' : `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}×`;
/** A heap figure × the source, one decimal (the target is 30×: 30.4× must not read as 30×). */
const heapTimes = value => (value === null || value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(1)}×`);
const perSecond = (lines, wallMs) => (wallMs ? Math.round((lines / wallMs) * 1000) : null);
const kilo = n =>
    n === null || n === undefined ? '—' : n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${Math.round(n / 1e3)} k` : String(n);

function table(header, rows) {
    return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map(row => `| ${row.join(' | ')} |`)].join(
        '\n'
    );
}

/** Each target of issue 7 with the figure measured for it; `met` is undefined when not measured. */
export function evaluateTargets(r) {
    const check = id => r.check?.[id]?.wallMs;
    const hledger = r.peers?.hledger?.['single-100k'];
    const ours100k = r.check?.['single-100k'];
    // Same line count on both sides, so the ratio of lines per second is the inverse ratio of times.
    const speedup = hledger?.wallMs && ours100k?.wallMs ? hledger.wallMs / ours100k.wallMs : undefined;
    const cpuSpeedup = hledger?.cpuMs && ours100k?.cpuMs ? hledger.cpuMs / ours100k.cpuMs : undefined;
    const completionP95 = Math.max(r.protocol?.workspace?.completion?.p95 ?? -Infinity, r.protocol?.large?.completion?.p95 ?? -Infinity);
    const heap100k = r.inProcess?.['single-100k']?.heapPerSourceByte;
    const row = (what, target, limit, value, shown, better = 'lower') => ({
        what,
        target,
        measured: value === undefined || !Number.isFinite(value) ? 'not measured' : shown(value),
        met: value === undefined || !Number.isFinite(value) ? undefined : better === 'lower' ? value <= limit : value >= limit
    });
    return [
        row('one 100k-line file, `opsbook check` end to end', '≤ 1.5 s', 1500, check('single-100k'), ms),
        row('1,000 files × 100 lines, `opsbook check` end to end', '≤ 1.2 s', 1200, check('workspace'), ms),
        row(
            'lines per second end to end vs `hledger check` (100k lines; by CPU time in brackets)',
            '≥ 2×',
            2,
            speedup,
            v => `${times(v)} (${times(cpuSpeedup)})`,
            'higher'
        ),
        row('ordinary edit → diagnostics, p95', '≤ 50 ms', 50, r.protocol?.workspace?.ordinaryEdit?.p95, ms),
        row(
            'edit of the file all 1,000 import → diagnostics of all, p95',
            '≤ 300 ms',
            300,
            r.protocol?.workspace?.sharedEdit?.all?.p95,
            ms
        ),
        row('edit inside the 10k-line file → diagnostics, p95', '≤ 120 ms', 120, r.protocol?.large?.edit?.p95, ms),
        row(
            'completion, p95 (worst of workspace file and 10k-line file)',
            '≤ 50 ms',
            50,
            Number.isFinite(completionP95) ? completionP95 : undefined,
            ms
        ),
        row('server cold start → first diagnostics (1k-line file)', '≤ 300 ms', 300, r.protocol?.coldStart?.firstDiagnosticsMs, ms),
        row(
            'heap kept after a build (100k-line file; the other inputs are in the in-process table)',
            '≤ 30× source size',
            30,
            heap100k,
            heapTimes
        ),
        row('`opsbook plan` on 10k lines', '≤ 300 ms', 300, r.plan?.wallMs, ms),
        row('`opsbook diff` of two 10k-line versions ÷ `opsbook check` of both', '≤ 2×', 2, r.diff?.ratio, times),
        // SPEC §8, issue 14: 1 national + 50 regional playbooks × 300 lines (bench/organisation.mjs).
        row('organisation: edit in a region → the national file’s diagnostics, p95', '≤ 150 ms', 150, r.organisation?.regionEdit?.p95, ms),
        row(
            'organisation: edit of the national file → all 50 regions’ diagnostics, p95',
            '≤ 500 ms',
            500,
            r.organisation?.nationalEdit?.p95,
            ms
        ),
        row('organisation: `opsbook check` of the folder end to end', '≤ 1.5 s', 1500, r.organisation?.checkFolder?.wallMs, ms),
        row(
            'organisation: `opsbook check national.ops` ÷ `opsbook check .` (wall)',
            '≤ 1×',
            1,
            r.organisation ? r.organisation.checkNational.wallMs / r.organisation.checkFolder.wallMs : undefined,
            times
        )
    ];
}

export function targetsTable(r) {
    return table(
        ['what', 'target', 'measured', 'met'],
        evaluateTargets(r).map(t => [t.what, t.target, t.measured, t.met === undefined ? 'n/a' : t.met ? 'yes' : '**no**'])
    );
}

/** ", x× without V8's code" where the per-document slope measured it. */
const dataText = p =>
    Number.isFinite(p.heapPerDocumentDataPerSourceByte) ? `, ${heapTimes(p.heapPerDocumentDataPerSourceByte)} without V8's code` : '';

function worstHeapText([label, ratio, p]) {
    if (!Number.isFinite(p.heapPerDocumentPerSourceByte)) return `${heapTimes(ratio)} (${label})`;
    return `${heapTimes(ratio)} (${label}; one more document${dataText(p)}; whole build ${heapTimes(p.heapPerSourceByte)}, fixed ${(p.heapFixedBytes / 1024 / 1024).toFixed(1)} MB)`;
}

/** The targets of issue 19 ("Performance at organisation scale, and start-up") measured by this run. */
export function evaluateScaleTargets(r) {
    const row = (what, target, measured, met) => ({ what, target, measured: measured ?? 'not measured', met });
    const s = r.startup;
    const cold = r.protocol?.coldStart;
    const title = r.protocol?.workspace?.sharedTitleEdit;
    const preview = r.protocol?.planPreview;
    // Per document where a second copy split it from the services' fixed part (see the in-process table).
    const heapOf = p => (Number.isFinite(p?.heapPerDocumentPerSourceByte) ? p.heapPerDocumentPerSourceByte : p?.heapPerSourceByte);
    const heaps = (r.inputs ?? [])
        .map(i => [i.label, heapOf(r.inProcess?.[i.id]), r.inProcess?.[i.id]])
        .filter(([, v]) => Number.isFinite(v));
    const worstHeap = heaps.length ? Math.max(...heaps.map(([, v]) => v)) : undefined;
    const check = id => r.check?.[id]?.wallMs;
    return [
        row(
            '`opsbook check` of a 100-line playbook, end to end, through the POSIX launcher `bin/opsbook.sh` (startup snapshot; CPU; `node -e 0` in brackets, then the npm bin without a snapshot as `npx opsbook` runs it)',
            '≤ 2× the CPU time of `node -e 0`',
            s
                ? `${times(s.ratio)} (${ms(s.checkMs)} vs ${ms(s.nodeMs)}; npm bin ${Number.isFinite(s.plainRatio) ? `${times(s.plainRatio)}, ${ms(s.plainMs)}` : 'not measured'})`
                : undefined,
            s ? s.ratio <= 2 : undefined
        ),
        row(
            'language server: spawn → first diagnostics of a 1k-line file, through the POSIX launcher (startup snapshot; server CPU in brackets, then the bin started by node itself, as the VS Code extension and `npx` do)',
            '≤ 300 ms',
            cold
                ? `${ms(cold.firstDiagnosticsMs)} (${ms(cold.firstDiagnosticsCpuMs)} CPU; without a snapshot ${Number.isFinite(cold.plainFirstDiagnosticsMs) ? ms(cold.plainFirstDiagnosticsMs) : 'not measured'})`
                : undefined,
            cold ? cold.firstDiagnosticsMs <= 300 : undefined
        ),
        row(
            'an edit that changes no exported name or figure of team.ops (a title) → dependants rebuilt (of 1,000); its own diagnostics p95 in brackets',
            '0 dependants rebuilt',
            title ? `${title.republishedMax} (${ms(title.own?.p95)})` : undefined,
            title ? title.republishedMax === 0 : undefined
        ),
        row(
            '1,000 files × 100 lines, `opsbook check`',
            '≤ 1.2 s',
            check('workspace') !== undefined ? ms(check('workspace')) : undefined,
            check('workspace') !== undefined ? check('workspace') <= 1200 : undefined
        ),
        row(
            'one 100k-line file, `opsbook check`',
            '≤ 1.5 s',
            check('single-100k') !== undefined ? ms(check('single-100k')) : undefined,
            check('single-100k') !== undefined ? check('single-100k') <= 1500 : undefined
        ),
        row(
            'plan preview update after an edit, 10k-line playbook, warm server: didChange → `opsbook/renderPlan` reply, p95 (server CPU per update in brackets)',
            '≤ 150 ms',
            preview ? `${ms(preview.p95)} (${ms(preview.cpuMeanMs)} CPU)` : undefined,
            preview ? preview.p95 <= 150 : undefined
        ),
        row(
            'heap kept after a build (worst input; per document where measured, whole build and fixed part in brackets)',
            '≤ 30× the source',
            worstHeap !== undefined ? worstHeapText(heaps.find(([, v]) => v === worstHeap)) : undefined,
            worstHeap !== undefined ? worstHeap <= 30 : undefined
        )
    ];
}

export function scaleTargetsTable(r) {
    return table(
        ['what', 'target', 'measured', 'met'],
        evaluateScaleTargets(r).map(t => [t.what, t.target, t.measured, t.met === undefined ? 'n/a' : t.met ? 'yes' : '**no**'])
    );
}

function wholeProcessTable(r) {
    const rows = r.inputs.map(input => {
        const c = r.check?.[input.id] ?? {};
        const floor = r.floor?.[input.id] ?? {};
        const peer = id => r.peers?.[id]?.[input.id];
        const ours = perSecond(input.lines, c.wallMs);
        const vs = id => (peer(id)?.wallMs ? times(ours / perSecond(input.lines, peer(id).wallMs)) : '—');
        const found = c.summary ? `${c.summary.errors} errors, ${c.summary.warnings} warnings` : c.stderr || `exit ${c.exitCode}`;
        return [
            input.label,
            ms(c.wallMs),
            ms(c.cpuMs),
            mb(c.maxRssKb),
            kilo(ours),
            ms(floor.wallMs),
            times(c.wallMs / floor.wallMs),
            peer('hledger') ? ms(peer('hledger').wallMs) : '—',
            vs('hledger'),
            peer('bean-check') ? ms(peer('bean-check').wallMs) : '—',
            vs('bean-check'),
            found
        ];
    });
    return table(
        [
            'input',
            '`opsbook check` wall',
            'CPU',
            'peak memory',
            'lines/s',
            'floor (process)',
            '× floor',
            '`hledger check`',
            'ours ÷ hledger (lines/s)',
            '`bean-check`',
            'ours ÷ bean-check',
            'found'
        ],
        rows
    );
}

function inProcessTable(r) {
    const rows = r.inputs.map(input => {
        const p = r.inProcess?.[input.id];
        if (!p || p.failed) return [input.label, p?.failed ?? 'not measured', '', '', '', '', '', '', '', '', ''];
        const floorPass = r.floor?.[input.id]?.passMs;
        const analysis = p.analysis ? ms(p.analysis.cpu) : p.analysisError ? 'n/a' : '—';
        const phase = name => ms(p.phases[name]?.cpu);
        return [
            input.label,
            `${ms(p.parse.cpu)} (lex ${ms(p.lex.cpu)})`,
            phase('index'),
            phase('link'),
            phase('references'),
            phase('validate'),
            analysis,
            ms(p.total.cpu),
            ms(p.total.wall),
            times(p.total.cpu / floorPass),
            `${Math.round(p.heapKeptBytes / 1024 / 1024)} MB (${heapTimes(p.heapPerSourceByte)})` +
                (Number.isFinite(p.heapPerDocumentPerSourceByte)
                    ? `; per document ${heapTimes(p.heapPerDocumentPerSourceByte)}${dataText(p)} (slope over ${p.heapPerDocumentCopies ?? 2} copies), fixed ${(p.heapFixedBytes / 1024 / 1024).toFixed(1)} MB`
                    : '')
        ];
    });
    return table(
        [
            'input',
            'parse (lex)',
            'index',
            'link',
            'ref. index',
            'validate',
            'analysis alone',
            'total CPU',
            'total wall',
            'CPU × floor pass',
            'heap kept (× source)'
        ],
        rows
    );
}

function protocolTable(r) {
    const p = r.protocol ?? {};
    const dist = d => (d ? `${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.max)} (n=${d.n})` : (p.skipped ?? 'not measured'));
    return table(
        ['scenario', 'p50 / p95 / max'],
        [
            [
                'cold start → first diagnostics, 1k-line file (median of 5; initialize reply, server CPU in brackets)',
                p.coldStart
                    ? `${ms(p.coldStart.firstDiagnosticsMs)} (${ms(p.coldStart.initializeMs)}; ${ms(p.coldStart.firstDiagnosticsCpuMs)} CPU)`
                    : 'not measured'
            ],
            [
                'workspace: start → diagnostics of the opened file / of all 1,001 files',
                p.workspace ? `${ms(p.workspace.openToDiagnosticsMs)} / ${ms(p.workspace.allDiagnosticsMs)}` : 'not measured'
            ],
            ['workspace: ordinary file edit → its diagnostics', dist(p.workspace?.ordinaryEdit)],
            ['workspace: team.ops edit → its own diagnostics', dist(p.workspace?.sharedEdit?.own)],
            ['workspace: team.ops edit → diagnostics of all 1,000 dependants', dist(p.workspace?.sharedEdit?.all)],
            [
                'workspace: team.ops title retyped (no exported name or figure changes) → its own diagnostics; dependants republished (most in one edit)',
                p.workspace?.sharedTitleEdit
                    ? `${dist(p.workspace.sharedTitleEdit.own)}; ${p.workspace.sharedTitleEdit.republishedMax}`
                    : 'not measured'
            ],
            [
                'workspace: completion after `owner `',
                p.workspace ? `${dist(p.workspace.completion)}, ${p.workspace.completion.items} items` : 'not measured'
            ],
            ['10k-line file: edit in the middle → diagnostics', dist(p.large?.edit)],
            [
                '10k-line file: completion after `owner `',
                p.large ? `${dist(p.large.completion)}, ${p.large.completion.items} items` : 'not measured'
            ],
            ['server peak memory: workspace / 10k-line file', `${mb(p.workspace?.serverPeakRssKb)} / ${mb(p.large?.serverPeakRssKb)}`]
        ]
    );
}

function diffLine(r) {
    if (!r.diff) return 'not measured';
    if (r.diff.skipped) return `skipped: ${r.diff.skipped}`;
    if (r.diff.failed) return `\`opsbook diff\` failed (exit ${r.diff.exitCode}): ${r.diff.failed}`;
    return `\`opsbook diff\` of two versions of the 10k-line playbook: ${ms(r.diff.diff.wallMs)} (median of ${r.diff.diff.runs}, peak memory ${mb(r.diff.diff.maxRssKb)}, ${r.diff.changes} changes found); \`opsbook check\` of both: ${ms(r.diff.check.wallMs)}; ratio ${times(r.diff.ratio)} (target ≤ 2×).`;
}

function planLine(r) {
    if (!r.plan) return 'not measured';
    if (r.plan.skipped) return `skipped: ${r.plan.skipped}`;
    if (r.plan.failed) return `failed (exit ${r.plan.exitCode}): ${r.plan.failed}`;
    return `\`opsbook plan\` on the 10k-line playbook: ${ms(r.plan.wallMs)} (median of ${r.plan.runs}), peak memory ${mb(r.plan.maxRssKb)}, ${Math.round(r.plan.outputBytes / 1024)} KB of Markdown.`;
}

function peersLine(r) {
    const skipped = Object.entries(r.peers ?? {})
        .filter(([, v]) => v.skipped)
        .map(([, v]) => v.skipped);
    return skipped.length > 0
        ? `Skipped peers: ${skipped.join('; ')}.`
        : 'Peers: Debian `hledger check -f FILE` and `bean-check FILE` on generated journals of the same line counts (4-line transactions).';
}

/** SPEC §8 (issue 14): the organisation input, end to end and over the protocol. */
export function organisationSection(r) {
    const o = r.organisation;
    if (!o) return '';
    const row = (what, c) => [what, ms(c.wallMs), ms(c.minWallMs), ms(c.cpuMs), mb(c.maxRssKb), c.summary ?? '—'];
    const edit = (what, e) => [what, String(e.n), ms(e.p50), ms(e.p95), ms(e.max), ms(e.serverCpuPerEditMs)];
    return `## Organisation (SPEC §8)

${o.input.label} (${kilo(o.input.lines)} lines, \`bench/organisation.mjs\`): every region is \`part of\` the national
playbook and its revenue goal \`part of\` the national goal. End to end: median of 3 runs.

${table(['command', 'wall', 'min wall', 'CPU', 'peak memory', 'found'], [row('`opsbook check .`', o.checkFolder), row('`opsbook check national.ops`', o.checkNational)])}

Over the protocol (national file and one region open; a region's goal title retyped, the national goal's target changed; 3 warm-up edits not counted):

${table(['edit', 'n', 'p50', 'p95', 'max', 'server CPU per edit (mean)'], [edit('region goal title → national file’s diagnostics', o.regionEdit), edit('national goal target (a figure) → all 50 regions’ diagnostics', o.nationalEdit)])}

`;
}

/** The whole report as Markdown; `notes` (curated findings) is appended as given. */
export function renderMarkdown(r, notes) {
    const m = r.machine;
    return `# Benchmarks

Generated by \`npm run bench\` (\`npm run build --silent && node bench/run.mjs\`); the figures below are from
the last full run. Do not edit the figures by hand: run the benchmark again. Findings and the history of
fixes are in \`bench/NOTES.md\` and appended at the end.

- Machine: ${m.nproc} cores, ${m.cpu}, ${m.memoryGiB} GiB memory, ${m.platform}
- Node ${m.node}; run on ${m.date}; whole run ${ms(r.durationMs)}
- Load average (1 min) at start / end: ${r.loadStart} / ${r.loadEnd}${Math.max(r.loadStart, r.loadEnd) > m.nproc * 0.5 ? ' — **the machine was busy during the run: figures are slower than on an idle machine**' : ''}
- Inputs (generated, seeded, into a temporary folder with an \`opsbook.json\`): ${r.inputs.map(i => `${i.label} (${kilo(i.lines)} lines, ${Math.round(i.bytes / 1024)} KB)`).join('; ')}

## Targets (issue 7)

${targetsTable(r)}

## Targets (issue 19: organisation scale and start-up)

CPU time where the machine is busy. The organisation workspace (1 national + 50 regional files) has its
own scenario and rows; the plan preview is measured on the 10k-line playbook (alone: \`node bench/protocol.mjs --plan-preview\`).

${scaleTargetsTable(r)}

## Whole process

Wall time is the median of 5 runs (3 when a run takes over 1.5 s, 1 over 6 s), from spawn to exit; CPU is
user + system time of the same runs (median); peak memory is the maximum resident set size (GNU \`time -v\`).
Lines per second and the ratios to the floor and the peers are end to end (wall). The floor is \`node bench/floor.mjs\`: start node,
read the same files, one regex pass over their tokens. ${peersLine(r)}

${wholeProcessTable(r)}

## In process

One fresh \`node --expose-gc\` per input (\`bench/in-process.mjs\`), after the services, lexer and parser
exist (their set-up is part of the cold start). Phases are CPU time (user + system), which a busy machine
disturbs less than wall time: parse is creating the documents (lexing and parsing), then Langium's
DocumentBuilder phases — index (exported names), link, ref. index (IndexedReferences: who refers to what,
for find-references and relinking; \`opsbook check\` skips it), validate (every check, including the
analysis they read). "Analysis alone" computes every playbook's figures once more after dropping the
cached ones (what the analyzer remembers of the workspace besides — imports, headers — stays warm).
Heap kept is \`heapUsed\` after a full GC minus before (source text already loaded), workspace still
reachable — a full editor-style build, reference index included, with the first file open (the server keeps
the analysis of open documents only after a build); \`heapUsed\` is read once it has settled (a 50 ms pause
and two full GCs until two readings agree within 16 KB). This whole-build figure includes the fixed cost
of the services' first build (compiled code, caches made on first use), which dominates small inputs.
For one file a second process measures what one more document costs (\`--slope\`): it builds copies worth
0.5 MB of source (at least two) and drops them (so that what V8 compiles and optimises for this kind of
document is made), then opens copies one at a
time as an editor does (each built by an update and its analysis asked for, as inlay hints do), and
"per document" is the least-squares slope of the settled heap over 1..N copies; "without V8's code" is the
same slope less machine code and bytecode (V8's code statistics), which still grow while V8 optimises
more functions. The fixed part is the whole build less one document.

${inProcessTable(r)}

## Over the protocol

The bundled server (\`packages/cli/bin/opsbook-language-server.cjs --stdio\`), driven over stdio with
\`vscode-jsonrpc\`; times are taken on the client side. An edit retypes a quoted title (incremental
\`didChange\`), then waits for \`publishDiagnostics\` of the edited file (and, for the team.ops edit that
changes a capacity, of every file that imports it) before the next edit; 3 warm-up edits are not counted.
The team.ops title edit waits, after its own diagnostics, until the server has been quiet for 300 ms.

${protocolTable(r)}

${organisationSection(r)}## Generators

${planLine(r)}

${diffLine(r)}

${notes ? `## Findings\n\n${notes.trim()}\n` : ''}`;
}
