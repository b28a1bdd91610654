// Run after a build: node bench/due.bench.mjs [children]
// Fills a temporary database with synthetic children (ages 0 to 4½, most with their letter,
// consent and check recorded, as a well-run setting would have) in one transaction, then times
// `twocheck due --json > /dev/null` and `twocheck remind` as a user would run them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { openDatabase } = await import(path.join(ROOT, 'dist/store/db.js'));
const { statusQueryPlan } = await import(path.join(ROOT, 'dist/store/status.js'));

const N = Number(process.argv[2] ?? 1_000_000);
const TODAY = '2026-06-15';
const DAY = 86_400_000;
const todayMs = Date.parse(`${TODAY}T00:00:00Z`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-bench-'));
const dbPath = path.join(dir, 'bench.db');

let t = performance.now();
const db = openDatabase(dbPath);
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const now = new Date(todayMs).toISOString();
db.transaction(() => {
  const child = db.prepare(`INSERT INTO children (id, ref, first_name, last_name, dob, room, created_at, updated_at)
    VALUES (?, ?, 'Child', ?, ?, ?, ?, ?)`);
  const letter = db.prepare(`INSERT INTO letters (child_id, kind, template, template_hash, file, sha256, generated_at, generated_by, sent_on)
    VALUES (?, 'parent-letter', 'parent-letter', 'h', 'f.pdf', 's', ?, 'bench', ?)`);
  const consent = db.prepare(`INSERT INTO consents (child_id, kind, status, given_by, on_date, method, recorded_by, recorded_at)
    VALUES (?, 'share-with-health', 'given', 'Parent', ?, 'paper', 'bench', ?)`);
  const check = db.prepare(`INSERT INTO checks (child_id, version, status, completed_on, practitioner, data, shared_on, created_by, created_at)
    VALUES (?, 1, 'completed', ?, 'Key Person', '{}', ?, 'bench', ?)`);
  const concern = db.prepare(`INSERT INTO concerns (child_id, raised_by, area, description, raised_on, recorded_by, recorded_at)
    VALUES (?, 'setting', 'speech', 'synthetic', ?, 'bench', ?)`);
  for (let id = 1; id <= N; id += 1) {
    const ageDays = Math.floor(rand() * 1640);
    const dob = new Date(todayMs - ageDays * DAY).toISOString().slice(0, 10);
    child.run(id, `R${String(id).padStart(7, '0')}`, `Number${id}`, dob, `Room ${id % 12}`, now, now);
    if (ageDays > 740 && rand() < 0.95) letter.run(id, now, TODAY);
    if (ageDays > 700 && rand() < 0.95) consent.run(id, TODAY, now);
    if (ageDays > 830 && rand() < 0.97) check.run(id, TODAY, rand() < 0.98 ? TODAY : null, now);
    if (rand() < 0.01) concern.run(id, TODAY, now);
  }
})();
db.close();
console.log(`filled ${N.toLocaleString('en-GB')} children in ${((performance.now() - t) / 1000).toFixed(1)} s (${dbPath})`);

const plan = openDatabase(dbPath);
console.log('query plan:\n  ' + statusQueryPlan(plan).join('\n  '));
plan.close();

function time(label, args) {
  const started = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, path.join(ROOT, 'bin/twocheck.js'), ...args], {
    env: { PATH: process.env.PATH, HOME: dir, TWOCHECK_DB: dbPath, TWOCHECK_TODAY: TODAY },
    stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30, encoding: 'utf8',
  });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${label} failed: ${r.stderr}`);
  const rssKb = Number(r.stderr.trim().split('\n').at(-1));
  const lines = r.stdout.split('\n').length - 1;
  console.log(`${label.padEnd(28)} ${(ms / 1000).toFixed(2)} s   peak RSS ${(rssKb / 1024).toFixed(0)} MB   ${lines.toLocaleString('en-GB')} lines out`);
}
time('twocheck due --json', ['due', '--json']);
time('twocheck due', ['due']);
time('twocheck remind', ['remind']);
if (!process.env.KEEP) fs.rmSync(dir, { recursive: true, force: true });
