import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { SETTING_FLAGS, runCli } from './cli.js';

/**
 * Writes rows straight into a fresh database with SQL, because the commands that write
 * children, letters, consents and checks are built in parallel. The schema is the contract.
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

/** Children straight into the database (import is built elsewhere); run setup first so it exists. */
export function seedChildren(dbFile: string, children: SeedChild[]): void {
  const db = new Database(dbFile);
  try {
    const insert = db.prepare(`INSERT INTO children (ref, first_name, last_name, dob, address, postcode, parent_name, parent2_name,
      language, funded, key_person, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
    for (const c of children) {
      insert.run(c.ref, c.first, c.last, c.dob, c.address ?? null, c.postcode ?? null, c.parent ?? null, c.parent2 ?? null,
        c.language ?? null, c.funded ?? null, c.keyPerson ?? null);
    }
  } finally {
    db.close();
  }
}

export { query } from './children.js';
