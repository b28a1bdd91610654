// Writes <bundle>.cache: V8's compiled form of the bundle after it has run one command line, so
// that the functions that command line needs come compiled too. Run by scripts/bundle.mjs:
//   node scripts/code-cache.cjs <bundle> <build id> [command line...]
// The bundle is loaded as bin/twocheck.cjs loads it, and the cache written as the process ends
// (a command may end it with process.exit).
'use strict';

const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const [file, buildId, ...line] = process.argv.slice(2);
globalThis[Symbol.for('twocheck.import')] = (name) => import(name);
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file });
process.on('exit', () => {
  fs.writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(`${buildId}\n`, 'latin1'), script.createCachedData()]));
});
const loaded = new Module(file, module);
loaded.filename = file;
script.runInThisContext().call(loaded.exports, loaded.exports, Module.createRequire(file), loaded, file, path.dirname(file));
if (line.length > 0) {
  const argv = [process.execPath, 'twocheck', ...line];
  void loaded.exports.main(argv, () => {
    throw new Error(`${line.join(' ')} is not a line ${path.basename(file)} runs itself`);
  });
}
