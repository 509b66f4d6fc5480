#!/usr/bin/env node
'use strict';
// Started from the startup snapshot (./opsbook-language-server.sh): the bundle is initialised already and left its entry
// point here. Otherwise the bundle runs with its code cache (./load-bundle.cjs).
const fromSnapshot = globalThis[Symbol.for('opsbook.snapshot.server')];
if (typeof fromSnapshot === 'function') fromSnapshot();
else require('./load-bundle.cjs')(require('node:path').join(__dirname, '..', 'dist', 'language-server.cjs'));
