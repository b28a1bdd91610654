import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { insertChildren } from './children.js';
import { SETTING_FLAGS, runCli } from './cli.js';

/**
 * Writes rows straight into a fresh database with SQL, so a test of one command does not
 * depend on the commands that write those records. The schema is the contract.
 */
export function seedDatabase(dbPath: string, statements: string): void {
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  // setup makes and migrates the database, as it does for a new user
  const r = runCli(SETTING_FLAGS, { env: { TWOCHECK_DB: dbPath, TWOCHECK_TODAY: '2026-01-01' } });
  if (r.code !== 0) throw new Error(`could not create the database: ${r.stderr}`);
  const db = new Database(dbPath);
  try {
    db.exec(statements);
  } finally {
    db.close();
  }
}

const NOW = '2026-01-01T09:00:00.000Z';

export function childSql(ref: string, first: string, last: string, dob: string, more: { room?: string; leftOn?: string } = {}): string {
  const q = (v: string | undefined): string => (v === undefined ? 'NULL' : `'${v.replace(/'/g, "''")}'`);
  return `INSERT INTO children (ref, first_name, last_name, dob, room, left_on, created_at, updated_at)
    VALUES (${q(ref)}, ${q(first)}, ${q(last)}, ${q(dob)}, ${q(more.room)}, ${q(more.leftOn)}, '${NOW}', '${NOW}');\n`;
}

export interface SeedChild {
  ref: string;
  first: string;
  last: string;
  dob: string;
  address?: string | null;
  postcode?: string | null;
  parent?: string | null;
  parent2?: string | null;
  language?: string | null;
  funded?: 0 | 1 | null;
  keyPerson?: string | null;
}

/** Children straight into the database so a test does not depend on `import`; run setup first so it exists. */
export function seedChildren(dbFile: string, children: SeedChild[]): void {
  insertChildren(
    dbFile,
    children.map((c) => ({
      ref: c.ref,
      first_name: c.first,
      last_name: c.last,
      dob: c.dob,
      address: c.address ?? null,
      postcode: c.postcode ?? null,
      parent_name: c.parent ?? null,
      parent2_name: c.parent2 ?? null,
      language: c.language ?? null,
      funded: c.funded ?? null,
      key_person: c.keyPerson ?? null,
    })),
  );
}

export { query } from './children.js';
