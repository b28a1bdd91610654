/** A setting with children due a parent letter, and the check every fault test ends with. */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { SETTING_FLAGS, workspace } from '../../helpers/cli.js';
import { type SeedChild, query, seedChildren } from '../../helpers/seed.js';

export const TODAY = ['--today', '2026-11-23'];

/** `n` children who turned two in the last fortnight: each is due a parent letter today. */
export function dueChildren(n: number, prefix = 'F'): SeedChild[] {
  return Array.from({ length: n }, (_, i) => ({
    ref: `${prefix}${i + 1}`,
    first: `Child${i + 1}`,
    last: 'Testcase',
    dob: `2024-11-${String(10 + (i % 12)).padStart(2, '0')}`,
  }));
}

export function ready(children: SeedChild[] = dueChildren(3), env: Record<string, string> = {}) {
  const ws = workspace({ SOURCE_DATE_EPOCH: '1795000000', ...env });
  const setup = ws.run(SETTING_FLAGS);
  expect(setup.code, setup.stderr).toBe(0);
  if (children.length > 0) seedChildren(ws.db, children);
  return ws;
}

const sha = (file: string): string => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** The PDFs in a folder (temporary files are hidden and not counted), name → SHA-256. */
export function pdfsIn(dir: string): Map<string, string> {
  if (!fs.existsSync(dir)) return new Map();
  return new Map(
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => [path.join(dir, f), sha(path.join(dir, f))]),
  );
}

/** Every parent letter recorded whose file is in `dir`, file → SHA-256. */
export function recordsIn(db: string, dir: string): { file: string; sha256: string; ref: string }[] {
  return query<{ file: string; sha256: string; ref: string }>(
    db,
    `SELECT l.file, l.sha256, c.ref FROM letters l JOIN children c ON c.id = l.child_id WHERE l.kind = 'parent-letter'`,
  ).filter((r) => path.dirname(r.file) === dir);
}

/** Files on disk equal records in the database: the same count, the same files, the same SHA-256s. */
export function expectFilesEqualRecords(db: string, dir: string): void {
  const files = pdfsIn(dir);
  const records = recordsIn(db, dir);
  expect(records.length, 'one record per file').toBe(files.size);
  expect(new Set(records.map((r) => r.file)).size, 'no file recorded twice').toBe(records.length);
  for (const r of records) expect(files.get(r.file), r.file).toBe(r.sha256);
}

/** No record points at a file that is not there, or whose bytes differ. */
export function expectNoRecordWithoutFile(db: string, dir: string): void {
  const files = pdfsIn(dir);
  for (const r of recordsIn(db, dir)) expect(files.get(r.file), r.file).toBe(r.sha256);
}
