// Times `twocheck import` of a generated 100,000-row roster against sqlite3's own `.import`
// of the same file (the raw floor), and reports rows/s and peak memory.
// Run after a build: node bench/import.bench.mjs [rows]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROWS = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-bench-'));
const roster = path.join(dir, 'roster.csv');

const FIRST = ['Ada', 'Ben', 'Cleo', 'Dev', 'Evie', 'Finn', 'Zoë', 'José', 'Maja', 'Yusuf'];
const LAST = ['Hartley', 'Okafor', 'Brontë', 'Kowalska', 'Rahman', 'Marsh', 'Osei', 'Núñez'];
const POSTCODES = ['ST13 6HU', 'ST5 1HH', 'ST16 2LZ', 'WV8 2ER', 'DE14 1BG', 'B79 7QE', 'WS13 7AA', 'WS11 4AF'];
const out = fs.createWriteStream(roster);
out.write('ref,first_name,last_name,dob,address,postcode,parent_name,key_person,room,funded\n');
for (let i = 0; i < ROWS; i++) {
  const day = 1 + (i % 28);
  const month = 1 + (i % 12);
  const year = 2022 + (i % 4);
  const dob = `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
  const line = `${String(i).padStart(6, '0')},${FIRST[i % FIRST.length]},${LAST[i % LAST.length]},${dob},"${i} High Street, Leek",${POSTCODES[i % POSTCODES.length]},Parent ${i},Key ${i % 20},Room ${i % 5},${i % 3 === 0 ? 'yes' : 'no'}\n`;
  if (!out.write(line)) await new Promise((r) => out.once('drain', r));
}
await new Promise((r) => out.end(r));

function timed(cmd, args, env = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, cwd: dir });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const lines = r.stderr.trim().split('\n');
  return { seconds, peakKb: Number(lines[lines.length - 1]), status: r.status, stderr: r.stderr };
}

const hasTime = fs.existsSync('/usr/bin/time');
const bin = path.join(ROOT, 'bin', 'twocheck.js');
const db = path.join(dir, 'twocheck.db');
const args = [bin, '--db', db, '--today', '2026-11-23', '-q', 'import', roster];
let ours;
if (hasTime) ours = timed(process.execPath, args);
else {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  ours = { seconds: Number(process.hrtime.bigint() - start) / 1e9, peakKb: NaN, status: r.status, stderr: r.stderr };
}
if (ours.status !== 0) {
  console.error(ours.stderr);
  process.exit(1);
}
const mb = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : 'n/a (no /usr/bin/time)');
console.log(`twocheck import: ${ROWS} rows in ${ours.seconds.toFixed(2)} s = ${Math.round(ROWS / ours.seconds)} rows/s, peak RSS ${mb(ours.peakKb)}`);

const sqlite = spawnSync('sqlite3', ['-version']);
if (sqlite.status === 0) {
  const raw = path.join(dir, 'raw.db');
  const floor = hasTime
    ? timed('sqlite3', [raw, '-cmd', '.mode csv', '.import roster.csv children'])
    : null;
  if (floor && floor.status === 0) {
    console.log(`sqlite3 .import:  ${ROWS} rows in ${floor.seconds.toFixed(2)} s = ${Math.round(ROWS / floor.seconds)} rows/s, peak RSS ${mb(floor.peakKb)}`);
    console.log(`ratio: twocheck takes ${(ours.seconds / floor.seconds).toFixed(1)}x the raw floor (target: within 3x; peak under 200 MB)`);
  }
} else {
  console.log('sqlite3 not found: no raw floor to compare with');
}
fs.rmSync(dir, { recursive: true, force: true });
