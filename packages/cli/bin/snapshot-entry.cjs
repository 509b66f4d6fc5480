'use strict';
// The entry of `node --build-snapshot` (./snapshot.cjs): runs the CLI bundle as a CommonJS module,
// which the snapshot builder's own entry is not (it has no `module`). The bundle sees it is building a
// snapshot and only initialises (packages/cli/src/main.ts).
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const filename = process.argv[2];
const wrapped = `(function (exports, require, module, __filename, __dirname) {${oneByte(fs.readFileSync(filename, 'utf8'))}\n})`;
const bundle = { exports: {} };
vm.runInThisContext(wrapped, { filename })(bundle.exports, require, bundle, filename, path.dirname(filename));

/**
 * The source as V8 stores it in one byte per character: esbuild escapes strings and identifiers, but
 * leaves CJK characters in comments and regular expression literals (`/(万|亿)/`), which makes V8 keep the
 * whole 2 MB source (and the snapshot) in two bytes per character. `\uXXXX` means the same there; a
 * character after a backslash would not, and then the source stays as it is.
 */
function oneByte(source) {
    if (/\\[^\x00-\xff]/.test(source)) return source;
    const escaped = source.replace(/[^\x00-\xff]/g, character => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
    // V8 keeps a string two-byte once it was: decoding Latin-1 bytes makes a one-byte one.
    return Buffer.from(escaped, 'latin1').toString('latin1');
}
