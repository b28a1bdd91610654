// How long `forget` takes on a large setting's database: 2,000 children and 50,000 audit lines.
// Run after a build: node bench/forget.bench.mjs
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChild } from '../dist/store/children.js';
import { openDatabase } from '../dist/store/db.js';
import { compactAfterForget, forgetChild, planForget } from '../dist/store/forget.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-bench-'));
const db = openDatabase(path.join(dir, 'bench.db'));
db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
  INSERT INTO children (ref, first_name, last_name, dob, postcode, parent_name, created_at, updated_at)
  SELECT 'R' || i, 'First' || i, 'Last' || i, '2024-03-10', 'ST13 6BB', 'Parent' || i, 'x', 'x' FROM n;
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000)
  INSERT INTO audit (at, by, action, child_id, details)
  SELECT 'x', 'jo', 'child.update', 1 + i % 2000, json_object('first_name', json_object('from', 'First' || (1 + i % 2000), 'to', 'X')) FROM n;`);
const child = findChild(db, 'R7');
const started = performance.now();
const plan = planForget(db, child);
forgetChild(db, child, plan, 'bench', new Date());
const erased = performance.now();
compactAfterForget(db);
const done = performance.now();
db.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(
  `forget, 2,000 children and 50,000 audit lines: erase and scrub ${(erased - started).toFixed(0)} ms, VACUUM and checkpoint ${(done - erased).toFixed(0)} ms`,
);
