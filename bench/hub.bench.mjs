// Start-up of `twocheck hub Leek` against bare `node -e 0` (median of N runs), and proof that the
// command loads no PDF or prompt library. Run after a build: node bench/hub.bench.mjs [runs]
// The programs take turns, one run each per round, so a machine that gets busier or quieter
// part-way through weighs on all of them alike. Wall time on a shared machine swings with the
// other work on it, so where `perf` is installed the CPU time each run used (perf's task-clock,
// every thread of the process) is measured too, in its own rounds.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETUP } from './setting.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'twocheck.cjs');
const runs = Number(process.argv[2] ?? 21);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-bench-'));
const env = { PATH: process.env.PATH, HOME: dir, FORCE_COLOR: '0', TWOCHECK_DB: path.join(dir, 'none.db') };

const TARGET = 1.5;
const median = (t) => t.sort((a, b) => a - b)[Math.floor(t.length / 2)];

function medians(programs) {
  const times = programs.map(() => []);
  for (let i = 0; i < runs; i++) {
    programs.forEach((args, p) => {
      const start = process.hrtime.bigint();
      const r = spawnSync(process.execPath, args, { cwd: dir, env, encoding: 'utf8' });
      times[p].push(Number(process.hrtime.bigint() - start) / 1e6);
      if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    });
  }
  return times.map(median);
}

/** The median CPU milliseconds (task-clock) of each program, or null where perf cannot count. */
function cpuMedians(programs) {
  const probe = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', process.execPath, '-e', '0'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0 || !/task-clock/.test(probe.stderr)) return null;
  const times = programs.map(() => []);
  for (let i = 0; i < runs; i++) {
    programs.forEach((args, p) => {
      const r = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', process.execPath, ...args], { cwd: dir, env, encoding: 'utf8' });
      const line = r.stderr.split('\n').find((l) => l.includes('task-clock'));
      if (r.status !== 0 || !line) throw new Error(`${args.join(' ')} under perf exited ${r.status}: ${r.stderr}`);
      times[p].push(Number(line.split(',')[0]));
    });
  }
  return times.map(median);
}

// A program that does nothing but parse its arguments with commander and print one line: what
// any commander-based command costs before it does its own work.
const bareCommander = path.join(dir, 'commander-only.mjs');
fs.writeFileSync(
  bareCommander,
  [
    `import { createRequire } from 'node:module';`,
    `const { Command } = createRequire(${JSON.stringify(path.join(root, 'package.json'))})('commander');`,
    `new Command('x').argument('[words...]').action((w) => process.stdout.write(w.join(' ') + '\\n')).parse(process.argv);`,
  ].join('\n'),
);
// A setting's database, as a manager has: hub then reads the setting's area from it.
const withDb = path.join(dir, 'setting.db');
const setup = spawnSync(process.execPath, [bin, '--db', withDb, ...SETUP, '--no-input'], { cwd: dir, env, encoding: 'utf8' });
if (setup.status !== 0) throw new Error(`setup failed: ${setup.stderr}`);

// `--version` is the CLI core alone (commander and the global options), for comparison.
const [bare, hub, hubWithDb, commanderOnly, version] = medians([
  ['-e', '0'],
  [bin, 'hub', 'Leek'],
  [bin, '--db', withDb, 'hub', 'Leek'],
  [bareCommander, 'hub', 'Leek'],
  [bin, '--version'],
]);

const log = path.join(dir, 'modules.txt');
spawnSync(process.execPath, ['--import', path.join(root, 'test/helpers/module-log.mjs'), bin, 'hub', 'Leek'], {
  cwd: dir,
  env: { ...env, TWOCHECK_MODULE_LOG: log },
});
const modules = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean);
const heavy = modules.filter((m) => /pdfkit|@inquirer|fontkit/.test(m));
const packages = [...new Set(modules.flatMap((m) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(m)?.[1] ?? []))].sort();

const cpu = cpuMedians([
  ['-e', '0'],
  [bin, 'hub', 'Leek'],
  [bin, '--version'],
]);

const ratio = (ms) => `${(ms / bare).toFixed(2)}x`;
const verdict = (r) => `target under ${TARGET}x -> ${r < TARGET ? 'met' : 'MISSED'}`;
console.log(`node -e 0:                     median ${bare.toFixed(1)} ms over ${runs} runs`);
console.log(`twocheck hub Leek (no db):     median ${hub.toFixed(1)} ms  ${ratio(hub)} (${verdict(hub / bare)})`);
console.log(`twocheck hub Leek (a setting): median ${hubWithDb.toFixed(1)} ms  ${ratio(hubWithDb)} (reads the setting's area from SQLite)`);
console.log(`twocheck --version:            median ${version.toFixed(1)} ms  ${ratio(version)} (the CLI core alone)`);
console.log(`commander and one line, alone: median ${commanderOnly.toFixed(1)} ms  ${ratio(commanderOnly)} (what any commander CLI pays)`);
if (cpu) {
  const [cpuBare, cpuHub, cpuVersion] = cpu;
  console.log(
    `CPU time (perf task-clock, median of ${runs}): node -e 0 ${cpuBare.toFixed(1)} ms; hub Leek ${cpuHub.toFixed(1)} ms ${(cpuHub / cpuBare).toFixed(2)}x (${verdict(cpuHub / cpuBare)}); --version ${cpuVersion.toFixed(1)} ms ${(cpuVersion / cpuBare).toFixed(2)}x`,
  );
} else {
  console.log('CPU time: not measured (perf is not installed or may not count here)');
}
console.log(`packages loaded: ${packages.join(', ') || 'none (not even commander)'}`);
console.log(heavy.length === 0 ? 'pdfkit and @inquirer/prompts: not loaded' : `LOADED heavy modules: ${heavy.join(', ')}`);
fs.rmSync(dir, { recursive: true, force: true });
if (heavy.length > 0 || hub / bare >= TARGET) process.exitCode = 1;
