#!/usr/bin/env node
// CommonJS, like the bundle it starts: a command that loads no ES module never starts Node's
// ES module loader, which is a large share of a short command's start-up (see bench/hub.bench.mjs).
'use strict';

const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const dist = path.join(__dirname, '..', 'dist');

// The program imports its ES-module packages (chalk, the prompts) through this: code compiled
// from a code cache cannot call import() itself on Node 20 (src/cli/packages.ts).
globalThis[Symbol.for('twocheck.import')] = (name) => import(name);

/**
 * The bundle named, or null when it is not there (an older build, a partial copy). It is
 * compiled with the code cache the build made beside it when that cache was made from this very
 * file: Node 20 keeps no compile cache of its own, and compiling the whole program is a large
 * share of a short command's start-up (scripts/bundle.mjs).
 */
function bundle(name) {
  const file = path.join(dist, name);
  let source;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData: cacheFor(file, source) });
  const loaded = new Module(file, module);
  loaded.filename = file;
  script.runInThisContext().call(loaded.exports, loaded.exports, Module.createRequire(file), loaded, file, dist);
  loaded.loaded = true;
  return loaded.exports;
}

/** The code cache beside `file`, if its first line names the build whose bundle this is. */
function cacheFor(file, source) {
  let cache;
  try {
    cache = fs.readFileSync(`${file}.cache`);
  } catch {
    return undefined;
  }
  const build = cache.subarray(0, cache.indexOf(10)).toString('latin1');
  return build !== '' && source.startsWith(`// build ${build}\n`) ? cache.subarray(build.length + 1) : undefined;
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
