#!/usr/bin/env node
// CommonJS, like the bundle it starts: a command that loads no ES module never starts Node's
// ES module loader, which is a large share of a short command's start-up (see bench/hub.bench.mjs).
'use strict';

const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'twocheck.cjs');
let twocheck;
try {
  twocheck = require(bundle);
} catch (err) {
  if (err.code !== 'MODULE_NOT_FOUND' || !err.message.includes(bundle)) throw err;
  process.stderr.write(`twocheck is not built: no ${bundle}\nrun: npm run build\n`);
  process.exit(1);
}
twocheck.main(process.argv);
