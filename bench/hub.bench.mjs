// Start-up of `twocheck hub Leek` against bare `node -e 0` (median of N runs), and proof that the
// command loads no PDF or prompt library. Run after a build: node bench/hub.bench.mjs [runs]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'twocheck.js');
const runs = Number(process.argv[2] ?? 21);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-bench-'));
const env = { PATH: process.env.PATH, HOME: dir, FORCE_COLOR: '0', TWOCHECK_DB: path.join(dir, 'none.db') };

function median(args) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: dir, env, encoding: 'utf8' });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const bare = median(['-e', '0']);
const hub = median([bin, 'hub', 'Leek']);
// The CLI core alone (commander, every command's registration, the store), for comparison.
const version = median([bin, '--version']);

const log = path.join(dir, 'modules.txt');
spawnSync(process.execPath, ['--import', path.join(root, 'test/helpers/module-log.mjs'), bin, 'hub', 'Leek'], {
  cwd: dir, env: { ...env, TWOCHECK_MODULE_LOG: log },
});
const modules = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
const heavy = modules.filter((m) => /pdfkit|@inquirer|fontkit/.test(m));
const packages = [...new Set(modules.flatMap((m) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m)?.[1] ?? []))].sort();

console.log(`twocheck hub Leek: median ${hub.toFixed(1)} ms over ${runs} runs`);
console.log(`node -e 0:         median ${bare.toFixed(1)} ms`);
console.log(`twocheck --version: median ${version.toFixed(1)} ms (the CLI core alone)`);
console.log(`ratio ${(hub / bare).toFixed(2)}x (target under 2x)`);
console.log(`packages loaded: ${packages.join(', ')}`);
console.log(heavy.length === 0 ? 'pdfkit and @inquirer/prompts: not loaded' : `LOADED heavy modules: ${heavy.join(', ')}`);
fs.rmSync(dir, { recursive: true, force: true });
if (heavy.length > 0) process.exitCode = 1;
