'use strict';
// V8 startup snapshots of the two bundles (ARCHITECTURE.md, "Start-up"). `node --build-snapshot` runs a
// bundle, which sees it is building a snapshot: it initialises its modules and makes its service set
// with the lexer and parser built (the CLI also checks a starter playbook, so that the functions a check
// runs are compiled), then stops before reading anything of the process; the blob holds that heap. The
// bins (./opsbook.cjs, ./opsbook-language-server.cjs) start node from a blob when the same node binary
// built it from the same bundle, which `NAME.blob.id` records: node does not check a blob itself (one
// of another build fails V8's checksum and aborts). Written by the build (scripts/bundle.mjs); in an
// installed package, by running this file (README.md): a blob is made for one node binary, so the
// package ships none.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const DIST = path.join(__dirname, '..', 'dist');
const BUNDLES = ['opsbook', 'language-server'];

/**
 * Builds dist/NAME.blob from dist/NAME.cjs with this node; `args` go to the bundle (the server's: a
 * folder of playbooks to build once, so that the functions a build runs are compiled). Returns an error
 * message or undefined.
 */
function buildSnapshot(name, dist = DIST, args = []) {
    const bundle = path.join(dist, `${name}.cjs`);
    const blob = path.join(dist, `${name}.blob`);
    const id = `${blob}.id`;
    const partial = `${blob}.partial`;
    // The old blob goes first: a bin started meanwhile runs the plain bundle.
    for (const file of [id, blob, partial]) fs.rmSync(file, { force: true });
    const run = spawnSync(process.execPath, ['--snapshot-blob', partial, '--build-snapshot', path.join(__dirname, 'snapshot-entry.cjs'), bundle, ...args], {
        cwd: dist,
        encoding: 'utf8',
        // Nothing of the environment may end up in the snapshot (nothing reads it while building).
        env: { PATH: process.env.PATH ?? '' },
        stdio: ['ignore', 'pipe', 'pipe'],
        timeout: 120_000
    });
    if (run.error || run.status !== 0 || !fs.existsSync(partial)) {
        fs.rmSync(partial, { force: true });
        return `${name}: node --build-snapshot failed (${run.error?.message ?? `exit ${run.status}`}): ${(run.stderr ?? '').trim()}`;
    }
    fs.renameSync(partial, blob);
    fs.writeFileSync(id, `${fs.realpathSync(process.execPath)}\n${fs.realpathSync(bundle)}\n`);
    return undefined;
}

/** Builds both snapshots; returns the error messages. */
function buildSnapshots(dist = DIST) {
    const failures = [buildSnapshot('opsbook', dist)];
    // The server's warm-up playbooks: the starter files of `opsbook init`, written by the CLI.
    const folder = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'opsbook-snapshot-'));
    try {
        const init = spawnSync(process.execPath, [path.join(__dirname, 'opsbook.cjs'), 'init', folder, '--period', '2027-Q1', '--locale', 'en'], {
            env: { PATH: process.env.PATH ?? '' },
            encoding: 'utf8',
            timeout: 60_000
        });
        // Without the starter files the server's snapshot would hold no warm-up: say so instead of building it.
        failures.push(
            init.status === 0
                ? buildSnapshot('language-server', dist, [folder])
                : `language-server: opsbook init for the warm-up failed (${init.error?.message ?? `exit ${init.status}`}): ${String(init.stderr).trim()}`
        );
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
    return failures.filter(failure => failure !== undefined);
}

module.exports = { buildSnapshot, buildSnapshots, BUNDLES };

// `node node_modules/@opsbook/cli/bin/snapshot.cjs`: a user's one step for the snapshots of the node
// that will run the bins (no install script: npm warns about those). Silent when it worked.
if (require.main === module) {
    const failures = buildSnapshots();
    for (const failure of failures) process.stderr.write(`opsbook: no startup snapshot (the bin runs the bundle): ${failure}\n`);
    process.exitCode = failures.length > 0 ? 1 : 0;
}
