#!/usr/bin/env node
// CommonJS, like the bundle it starts: a command that loads no ES module never starts Node's
// ES module loader, which is a large share of a short command's start-up (see bench/hub.bench.mjs).
'use strict';

require('../dist/twocheck.cjs').main(process.argv);
