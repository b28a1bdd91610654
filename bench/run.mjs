#!/usr/bin/env node
// Runs every bench/*.bench.mjs in turn (after `npm run build`), one after another so they do
// not compete for the CPU. Targets live here, never in tests: tests must pass on slow machines.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n== ${file.replace('.bench.mjs', '')}`);
  const result = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
if (failed > 0) {
  console.error(`\n${failed} benchmark(s) failed or missed their target`);
  process.exitCode = 1;
}
