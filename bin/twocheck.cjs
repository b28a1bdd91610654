#!/usr/bin/env node
// CommonJS, like the bundle it starts: a command that loads no ES module never starts Node's
// ES module loader, which is a large share of a short command's start-up (see bench/hub.bench.mjs).
'use strict';

const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');

/** The bundle named, or null when it is not there (an older build, a partial copy). */
function bundle(name) {
  const file = path.join(dist, name);
  try {
    return require(file);
  } catch (err) {
    if (err.code !== 'MODULE_NOT_FOUND' || !err.message.includes(file)) throw err;
    return null;
  }
}

function whole() {
  const twocheck = bundle('twocheck.cjs');
  if (twocheck) return twocheck;
  process.stderr.write(`twocheck is not built: no ${path.join(dist, 'twocheck.cjs')}\nrun: npm run build\n`);
  process.exit(1);
}

// `hub <place>` is run with a parent waiting: dist/hub.cjs holds that command alone, and hands
// any line it does not read itself to the whole program.
const hub = process.argv.includes('hub') ? bundle('hub.cjs') : null;
if (hub) hub.main(process.argv, whole);
else whole().main(process.argv);
