// Writes <bundle>.cache: V8's compiled form of the bundle after it has run one command line, so
// that the functions that command line needs come compiled too. Run by scripts/bundle.mjs:
//   node scripts/code-cache.cjs <bundle> [command line...]
// The bundle is loaded, and the cache stamped, by bin/twocheck.cjs's own code; the cache is
// written as the process ends (a command may end it with process.exit).
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { compile, stampOf } = require('../bin/twocheck.cjs');

const [file, ...line] = process.argv.slice(2);
const loaded = compile(file, undefined);
process.on('exit', () => {
  fs.writeFileSync(`${file}.cache`, Buffer.concat([Buffer.from(`${stampOf(file)}\n`, 'latin1'), loaded.script.createCachedData()]));
});
if (line.length > 0) {
  void loaded.exports.main([process.execPath, 'twocheck', ...line], () => {
    throw new Error(`${line.join(' ')} is not a line ${path.basename(file)} runs itself`);
  });
}
