import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { NoDatabase, TwocheckError } from '../errors.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Db = Database.Database;

// Loaded when a database is opened, not when a command that never opens one starts.
const require = createRequire(import.meta.url);

export interface OpenOptions {
  /** Fail instead of creating a new database (read-only commands on a fresh machine). */
  mustExist?: boolean;
}

/**
 * Opens (creating if need be) the setting's database: owner-only permissions, WAL so a cron
 * run and a person can read and write at once, a busy timeout rather than an instant
 * "database is locked", and foreign keys enforced.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const exists = fs.existsSync(file);
  if (!exists && options.mustExist) {
    throw new NoDatabase(file);
  }
  if (!exists) createPrivateFile(file);

  let db: Db;
  try {
    const open = require('better-sqlite3') as typeof Database;
    db = new open(file, { timeout: 10_000 });
  } catch (err) {
    throw new TwocheckError(`cannot open the database ${file}: ${(err as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    migrate(db, file);
  } catch (err) {
    db.close();
    if (err instanceof TwocheckError) throw err;
    throw new TwocheckError(`cannot use the database ${file}: ${(err as Error).message}`);
  }
  return db;
}

function createPrivateFile(file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir)) fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Create the file ourselves so it is 0600 from its first byte, whatever the umask.
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
}

export function migrate(db: Db, file = 'the database'): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new TwocheckError(
      `${file} was written by a newer twocheck (schema ${current}; this one understands up to ${SCHEMA_VERSION})`,
      'upgrade twocheck, or use --db to point at another database',
    );
  }
  for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
    const sql = MIGRATIONS[version - 1] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version}`);
    })();
  }
}
