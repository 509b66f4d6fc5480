'use strict';
// The entry of `node --build-snapshot` (./snapshot.cjs): runs the CLI bundle as a CommonJS module,
// which the snapshot builder's own entry is not (it has no `module`). The bundle sees it is building a
// snapshot and only initialises (packages/cli/src/main.ts).
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const filename = process.argv[2];
const wrapped = `(function (exports, require, module, __filename, __dirname) {${fs.readFileSync(filename, 'utf8')}\n})`;
const bundle = { exports: {} };
vm.runInThisContext(wrapped, { filename })(bundle.exports, require, bundle, filename, path.dirname(filename));
