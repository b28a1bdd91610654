/**
 * The Progress Check's PDF and its record move together: with the database locked by another
 * program for longer than the wait, `check --from` writes no PDF and records nothing; the next
 * run writes one PDF and its record, and the PDFs on disk equal the checks recorded.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/cli.js';
import { query } from '../../helpers/seed.js';
import { TODAY, dueChildren, pdfsIn, ready } from './world.js';

const EXAMPLE = path.join(ROOT, 'examples', 'progress-check.json');
const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Every check PDF in the folder is recorded with its SHA-256, and every record's PDF is there. */
function expectChecksEqualRecords(db: string, dir: string): void {
  const files = pdfsIn(dir);
  const records = query<{ pdf_path: string; pdf_sha256: string }>(db, "SELECT pdf_path, pdf_sha256 FROM checks WHERE status = 'completed'");
  expect(records.length, 'one record per PDF').toBe(files.size);
  for (const r of records) expect(files.get(r.pdf_path), r.pdf_path).toBe(r.pdf_sha256);
  for (const file of files.keys()) expect(sha(file)).toBe(files.get(file));
  expect(fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.tmp')) : []).toEqual([]);
}

describe('check --from while another program holds the lock too long', () => {
  it('says the database is busy, leaves no PDF and no record; the next run writes and records it once', () => {
    const ws = ready(dueChildren(1), { TWOCHECK_LOCK_WAIT: '1' });
    const out = path.join(ws.dir, 'checks');
    const holder = new Database(ws.db);
    holder.exec('BEGIN EXCLUSIVE');
    let result;
    try {
      result = ws.run([...TODAY, 'check', 'F1', '--from', EXAMPLE]);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is busy: another twocheck run (or another program) kept it locked too long');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(pdfsIn(out).size).toBe(0);
    expectChecksEqualRecords(ws.db, out);

    const again = ws.run([...TODAY, 'check', 'F1', '--from', EXAMPLE]);
    expect(again.code, again.stderr).toBe(0);
    expect(pdfsIn(out).size).toBe(1);
    expectChecksEqualRecords(ws.db, out);
    // the file's name is the first version's: no "-2" for a file left by the failed run
    expect(again.stdout.trim()).toBe(path.join(out, 'Testcase-Child1-F1-progress-check-v1.pdf'));
  });
});
