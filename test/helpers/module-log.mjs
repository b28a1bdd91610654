// Loaded with `node --import ./test/helpers/module-log.mjs`: records every module the program
// loads into the file named by TWOCHECK_MODULE_LOG, so a test can prove what start-up loads.
// ES modules are seen by a resolve hook; CommonJS ones (commander, better-sqlite3, pdfkit's
// own requires) by wrapping the CommonJS resolver, which the hook does not see; twocheck's own
// bundles, which bin/twocheck.cjs compiles from their code caches, by wrapping vm.Script.
import fs from 'node:fs';
import Module, { register } from 'node:module';
import vm from 'node:vm';

register('./module-log-hooks.mjs', import.meta.url);

const log = process.env.TWOCHECK_MODULE_LOG;
if (log) {
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    const file = resolveFilename.call(this, request, ...rest);
    fs.appendFileSync(log, `${file}\n`);
    return file;
  };
  const Script = vm.Script;
  vm.Script = class extends Script {
    constructor(code, options) {
      if (options?.filename) fs.appendFileSync(log, `${options.filename}\n`);
      super(code, options);
    }
  };
}
