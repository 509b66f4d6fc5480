'use strict';
// Runs a bundle of dist/ with V8's code cache, written next to it by the build (scripts/bundle.mjs):
// compiling the 2 MB bundle and the functions a check needs costs ~80 ms at every start otherwise.
// The cache is used only for the exact bundle it was made from (a SHA-256 of the source is stored with
// it) and only if V8 accepts it (same Node version and flags); else the bundle compiles as usual.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { Module, createRequire } = require('node:module');

const PRODUCE = 'OPSBOOK_WRITE_CODE_CACHE';

module.exports = function loadBundle(filename) {
    // Hashing the bytes, not the decoded string (which the hash would encode back to UTF-8): −3 ms.
    const bytes = fs.readFileSync(filename);
    const digest = sourceDigest(bytes);
    const source = bytes.toString('utf8');
    const cacheFile = `${filename}.v8cache`;
    const cachedData = readCache(cacheFile, digest);
    const script = new vm.Script(Module.wrap(source), { filename, cachedData });
    const bundle = new Module(filename, module);
    bundle.filename = filename;
    bundle.paths = Module._nodeModulePaths(path.dirname(filename));
    if (process.env[PRODUCE] === '1') {
        // After the run, so that the functions the run compiled are in the cache too.
        process.once('exit', () => writeCache(cacheFile, digest, script));
    }
    script.runInThisContext()(bundle.exports, createRequire(filename), bundle, filename, path.dirname(filename));
};

/**
 * The cache of a bundle that is only compiled, not run (the language server: it runs when a client
 * talks to it); the build calls this.
 */
module.exports.writeCompiledCodeCache = function writeCompiledCodeCache(filename) {
    const source = fs.readFileSync(filename, 'utf8');
    writeCache(`${filename}.v8cache`, sourceDigest(source), new vm.Script(Module.wrap(source), { filename }));
};

function sourceDigest(source) {
    return crypto.createHash('sha256').update(source).digest('hex');
}

/** The cache file: the digest of the bundle it belongs to, a newline, V8's data. */
function writeCache(cacheFile, digest, script) {
    fs.writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${digest}\n`), script.createCachedData()]));
}

function readCache(cacheFile, digest) {
    let data;
    try {
        data = fs.readFileSync(cacheFile);
    } catch {
        return undefined;
    }
    const header = Buffer.from(`${digest}\n`);
    return data.subarray(0, header.length).equals(header) ? data.subarray(header.length) : undefined;
}
