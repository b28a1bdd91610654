// Packs the compiled dist/ into one CommonJS file, dist/twocheck.cjs, which bin/twocheck.cjs runs
// (and the `hub` lines into dist/hub.cjs, below).
// One CommonJS file starts faster than the same code as ES modules: Node reads one file and never
// starts its ES module loader. Commands stay lazy: a command's code runs only when it is chosen.
// Packages stay outside the bundle (better-sqlite3 is native; pdfkit and its fonts are files)
// and load as before, on first need. Run after tsc: npm run build does both.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

// dist/hub.cjs: the everyday `hub <place>` lines alone (src/cli/hub-start.ts), so a person with a
// parent waiting does not wait while Node parses the code of every other command.
const bundles = [
  ['dist/cli/main.js', 'dist/twocheck.cjs'],
  ['dist/cli/hub-start.js', 'dist/hub.cjs'],
];
const results = await Promise.all(
  bundles.map(([entry, out]) =>
    build({
      entryPoints: [path.join(root, entry)],
      outfile: path.join(root, out),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      // createRequire(import.meta.url) and the templates folder need the running file's URL. The
      // banner comes before esbuild's own "use strict", so it says it first: the ES modules were strict.
      // TWOCHECK_VERSION: package.json's version, the only place it is written (twocheck --version).
      define: { 'import.meta.url': '__moduleUrl', TWOCHECK_VERSION: JSON.stringify(version) },
      banner: { js: `"use strict";\nconst __moduleUrl = require('node:url').pathToFileURL(__filename).href;` },
      logLevel: 'warning',
    }),
  ),
);
/** A bundle that must not be run is removed, so that no test or user runs it as if it were new. */
function refuse(message) {
  if (message) console.error(message);
  for (const [, out] of bundles) for (const file of [out, `${out}.cache`]) fs.rmSync(path.join(root, file), { force: true });
  process.exit(1);
}
// A warning here means the bundle would behave differently from dist/ (import.meta.dirname, say, would be undefined).
if (results.some((r) => r.warnings.length > 0)) refuse();
// A package is imported through importPackage (src/cli/packages.ts): an import() of its own would
// fail in a bundle compiled from its code cache.
for (const [, out] of bundles) {
  const calls = fs.readFileSync(path.join(root, out), 'utf8').match(/\bimport\(/g) ?? [];
  if (calls.length > 1) refuse(`${out} calls import() ${calls.length} times: load packages with importPackage (src/cli/packages.ts)`);
}

// A code cache beside each bundle: V8's compiled form of it after one everyday command line,
// which bin/twocheck.cjs hands back to V8 instead of compiling the file again on every run (Node
// 20 keeps no compile cache of its own). Its first line names the Node and the very file it was
// made from; V8 refuses one made under other flags, and the file is then compiled as usual. The lines run here read and write nothing: no database is given them, and
// their output goes to a pipe, as a user's usually does.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-build-'));
const lines = { 'dist/twocheck.cjs': ['--version'], 'dist/hub.cjs': ['hub', 'Leek'] };
for (const [, out] of bundles) {
  const made = spawnSync(process.execPath, [path.join(root, 'scripts/code-cache.cjs'), path.join(root, out), ...lines[out]], {
    cwd: scratch,
    env: { PATH: process.env.PATH, HOME: scratch, TWOCHECK_DB: path.join(scratch, 'none.db'), NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (made.status !== 0 || !fs.existsSync(path.join(root, `${out}.cache`))) {
    console.error(`no code cache for ${out}: twocheck will compile it on every run`);
    process.exitCode = 1;
  }
}
fs.rmSync(scratch, { recursive: true, force: true });
