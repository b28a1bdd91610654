#!/usr/bin/env node
// CommonJS, like the bundle it starts: a command that loads no ES module never starts Node's
// ES module loader, which is a large share of a short command's start-up (see bench/hub.bench.mjs).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const dist = path.join(__dirname, '..', 'dist');
// Node's Module, as require('node:module') gives it, without loading that module's own extras
const Module = module.constructor;

// The program imports its ES-module packages (chalk, the prompts) through this: code compiled
// from a code cache cannot call import() itself on Node 20 (src/cli/packages.ts).
globalThis[Symbol.for('twocheck.import')] = (name) => import(name);

/**
 * What a code cache must have been made from: this Node, and this very file (its size and time),
 * so that neither a rebuilt nor an edited bundle is ever run as the code it was. V8 itself
 * refuses a cache made under other flags or cut short; it does not checksum one (that costs more
 * start-up than the cache saves), so a cache damaged on disk is no more guarded than the bundle
 * beside it: `npm run build` makes both afresh.
 */
function stampOf(file) {
  const { size, mtimeMs } = fs.statSync(file);
  return `${process.version} ${process.arch} ${size} ${mtimeMs}`;
}

/**
 * Compiles and runs a bundle as require() would, from `cachedData` when given (V8 refuses one
 * that does not fit and compiles as usual); null when the file is not there.
 */
function compile(file, cachedData) {
  let source;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return null;
    throw err;
  }
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  const loaded = new Module(file, module);
  loaded.filename = file;
  script.runInThisContext().call(loaded.exports, loaded.exports, Module.createRequire(file), loaded, file, path.dirname(file));
  loaded.loaded = true;
  return { exports: loaded.exports, script };
}

/**
 * The code cache the build made beside `file`, if it was made from this very file by this Node:
 * Node 20 keeps no compile cache of its own, and compiling the whole program is a large share of
 * a short command's start-up (scripts/bundle.mjs).
 */
function cacheFor(file) {
  let cache;
  let stamp;
  try {
    cache = fs.readFileSync(`${file}.cache`);
    stamp = stampOf(file);
  } catch {
    return undefined;
  }
  const line = cache.indexOf(10);
  return line > 0 && cache.toString('latin1', 0, line) === stamp ? cache.subarray(line + 1) : undefined;
}

/** The bundle named, or null when it is not there (an older build, a partial copy). */
function bundle(name) {
  const file = path.join(dist, name);
  const loaded = compile(file, cacheFor(file));
  return loaded && loaded.exports;
}

function whole() {
  const twocheck = bundle('twocheck.cjs');
  if (twocheck) return twocheck;
  process.stderr.write(`twocheck is not built: no ${path.join(dist, 'twocheck.cjs')}\nrun: npm run build\n`);
  process.exit(1);
}

if (require.main === module) {
  // `hub <place>` is run with a parent waiting: dist/hub.cjs holds that command alone, and hands
  // any line it does not read itself to the whole program.
  const hub = process.argv.includes('hub') ? bundle('hub.cjs') : null;
  if (hub) hub.main(process.argv, whole);
  else whole().main(process.argv);
} else {
  // scripts/code-cache.cjs makes the caches with the same loading and stamp
  module.exports = { compile, stampOf };
}
