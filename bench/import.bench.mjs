// Times `twocheck import` of a generated 100,000-row roster against sqlite3's own `.import`
// of the same file (the raw floor), run the same way on the same machine, and reports wall
// time, CPU time (user+sys: steadier than wall time on a shared, loaded machine), rows/s and
// peak memory. Target: within 3x of the floor, peak RSS under 200 MB.
// Run after a build: node bench/import.bench.mjs [rows] [--keep]  (--keep leaves the roster for profiling)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROWS = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
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
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %M %U %S', cmd, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    cwd: dir,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const lines = r.stderr.trim().split('\n');
  const [, kb, user, sys] = (lines[lines.length - 1] ?? '').split(' ');
  return { seconds, cpu: Number(user) + Number(sys), peakKb: Number(kb), status: r.status, stderr: r.stderr };
}

const hasTime = fs.existsSync('/usr/bin/time');
const bin = path.join(ROOT, 'bin', 'twocheck.cjs');
const db = path.join(dir, 'twocheck.db');
const args = [bin, '--db', db, '--today', '2026-11-23', '-q', 'import', roster];
let ours;
if (hasTime) ours = timed(process.execPath, args);
else {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  ours = { seconds: Number(process.hrtime.bigint() - start) / 1e9, cpu: NaN, peakKb: NaN, status: r.status, stderr: r.stderr };
}
if (ours.status !== 0) {
  console.error(ours.stderr);
  process.exit(1);
}
const mb = (kb) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : 'n/a (no /usr/bin/time)');
const cpu = (s) => (Number.isFinite(s) ? `${s.toFixed(2)} s` : 'n/a');
const line = (label, r) =>
  `${label} ${ROWS} rows: wall ${r.seconds.toFixed(2)} s, CPU ${cpu(r.cpu)} (user+sys), ` +
  `${Math.round(ROWS / r.seconds)} rows/s, peak RSS ${mb(r.peakKb)}`;
console.log(line('twocheck import:', ours));

const sqlite = spawnSync('sqlite3', ['-version']);
if (sqlite.status === 0) {
  const raw = path.join(dir, 'raw.db');
  const floor = hasTime ? timed('sqlite3', [raw, '-cmd', '.mode csv', '.import roster.csv children']) : null;
  if (floor && floor.status === 0) {
    console.log(line('sqlite3 .import:', floor));
    const wallRatio = ours.seconds / floor.seconds;
    const cpuRatio = ours.cpu / floor.cpu;
    const peakMb = ours.peakKb / 1024;
    console.log(
      `ratio: wall ${wallRatio.toFixed(1)}x, CPU ${cpuRatio.toFixed(1)}x the raw floor ` +
        `(target: within 3x, peak under 200 MB) -> ${cpuRatio <= 3 && wallRatio <= 3 ? 'met' : 'NOT met'}` +
        `${peakMb < 200 ? '' : '; peak RSS over 200 MB'}`,
    );
    // The same writes without the program: sqlite3 loads the file into twocheck's own schema
    // (its indexes, WAL) with one audit row per child. No validation or date parsing; it shows
    // how much of the ratio is the work an import must do (the same rows and audit) rather than overhead.
    const schemaDb = path.join(dir, 'schema.db');
    fs.writeFileSync(path.join(dir, 'header.csv'), 'ref,first_name,last_name,dob\n');
    spawnSync(process.execPath, [bin, '--db', schemaDb, '--today', '2026-11-23', '-q', 'import', path.join(dir, 'header.csv')]);
    fs.writeFileSync(
      path.join(dir, 'same-work.sql'),
      `.import --csv --schema temp roster.csv staging
BEGIN;
INSERT INTO children (ref, first_name, last_name, dob, address, postcode, parent_name, key_person, room, funded, created_at, updated_at)
  SELECT ref, first_name, last_name, dob, address, postcode, parent_name, key_person, room, funded = 'yes', 'now', 'now' FROM temp.staging;
INSERT INTO audit (at, by, action, child_id, details) SELECT 'now', 'bench', 'child-added', id, json_object('ref', ref) FROM children;
COMMIT;
`,
    );
    const same = timed('sqlite3', [schemaDb, '.read same-work.sql']);
    if (same.status === 0) {
      console.log(line('sqlite3, same writes:', same));
      console.log(
        `  (twocheck's schema, indexes and WAL, one audit row per child, no validation: twocheck takes ` +
          `${(ours.cpu / same.cpu).toFixed(1)}x its CPU, ${(ours.seconds / same.seconds).toFixed(1)}x its wall time)`,
      );
    } else {
      console.log(`sqlite3, same writes: failed: ${same.stderr.trim()}`);
    }
    // csv-parse alone, streaming the same file with the options import uses and doing nothing
    // with the records: the part of the budget the CSV library takes before any of our work.
    const parseOnly = path.join(dir, 'parse-only.mjs');
    fs.writeFileSync(
      parseOnly,
      `import fs from 'node:fs';
import { createRequire } from 'node:module';
const { parse } = createRequire(${JSON.stringify(path.join(ROOT, 'package.json'))})('csv-parse');
let n = 0;
for await (const record of fs.createReadStream('roster.csv', { highWaterMark: 256 * 1024 })
  .pipe(parse({ record_delimiter: '\\n', relax_column_count: true, skip_empty_lines: false, bom: true }))) n += 1;
`,
    );
    const parsed = timed(process.execPath, [parseOnly]);
    if (parsed.status === 0) {
      console.log(line('csv-parse alone:', parsed));
      console.log(`  (reading the file and nothing else: ${(parsed.cpu / floor.cpu).toFixed(1)}x the raw floor's CPU on its own)`);
    }
  }
} else {
  console.log('sqlite3 not found: no raw floor to compare with');
}
if (process.argv.includes('--keep')) console.log(`kept ${dir}`);
else fs.rmSync(dir, { recursive: true, force: true });
