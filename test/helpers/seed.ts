import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from './cli.js';

/**
 * Writes rows straight into a fresh database with SQL, because the commands that write
 * children, letters, consents and checks are built in parallel. The schema is the contract.
 */
export function seedDatabase(dbPath: string, statements: string): void {
  fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  // any command opens and migrates the database
  const r = runCli(['due', '--json'], { env: { TWOCHECK_DB: dbPath, TWOCHECK_TODAY: '2026-01-01' } });
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
