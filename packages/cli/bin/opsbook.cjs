#!/usr/bin/env node
'use strict';
require('./load-bundle.cjs')(require('node:path').join(__dirname, '..', 'dist', 'opsbook.cjs'));
