// Packs the compiled dist/ into one CommonJS file, dist/twocheck.cjs, which bin/twocheck.cjs runs
// (and the `hub` lines into dist/hub.cjs, below).
// One CommonJS file starts faster than the same code as ES modules: Node reads one file and never
// starts its ES module loader. Commands stay lazy: a command's code runs only when it is chosen.
// Packages stay outside the bundle (better-sqlite3 is native; pdfkit and its fonts are files)
// and load as before, on first need. Run after tsc: npm run build does both.
import { build } from 'esbuild';
import fs from 'node:fs';
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
// A warning here means the bundle would behave differently from dist/ (import.meta.dirname, say, would be undefined).
if (results.some((r) => r.warnings.length > 0)) process.exit(1);
