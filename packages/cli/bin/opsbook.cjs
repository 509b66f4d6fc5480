#!/usr/bin/env node
'use strict';
require('../dist/opsbook.cjs');
