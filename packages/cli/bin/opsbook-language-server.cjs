#!/usr/bin/env node
'use strict';
require('../dist/language-server.cjs');
