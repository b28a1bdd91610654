import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { NoDatabase, TwocheckError, databaseForMessages, explainFailure } from '../errors.js';
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
  else refuseForeignFile(file, options.mustExist === true);
  databaseForMessages(file);

  let db: Db;
  try {
    const open = require('better-sqlite3') as typeof Database;
    db = new open(file, { timeout: lockWait(process.env) });
  } catch (err) {
    throw explainFailure(err) ?? new TwocheckError(`cannot open the database ${file}: ${(err as Error).message}`);
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    checkPages(db, file);
    refuseForeignSchema(db, file);
    migrate(db, file);
    if (options.mustExist) refuseEmpty(db, file);
  } catch (err) {
    db.close();
    if (err instanceof TwocheckError) throw err;
    throw explainFailure(err) ?? new TwocheckError(`cannot use the database ${file}: ${(err as Error).message}`);
  }
  return db;
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const REBUILD = 'a new database is made by: twocheck setup … or twocheck import <roster.csv>';

/**
 * A file that is there but is not a database: 0 bytes (left by a run on a full disk) or
 * something else altogether. Read-only commands would otherwise report "nothing due" from it.
 */
function refuseForeignFile(file: string, mustExist: boolean): void {
  const fd = fs.openSync(file, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(16);
    head = head.subarray(0, fs.readSync(fd, head, 0, 16, 0));
  } finally {
    fs.closeSync(fd);
  }
  // an empty file made by setup or import is a new database; anything else must be told
  if (head.length === 0) {
    if (mustExist)
      throw new TwocheckError(
        `${file} is empty (0 bytes): it is not a twocheck database (an import or setup may have stopped on a full disk)`,
        `move it away; ${REBUILD}`,
      );
    return;
  }
  if (!head.equals(SQLITE_HEADER)) {
    throw new TwocheckError(`${file} is not a twocheck database (it is not an SQLite file)`, 'check --db or TWOCHECK_DB');
  }
}

/** Pages checked before anything is read or written, while that is cheap (a small database). */
const QUICK_CHECK_UP_TO = 8 * 1024 * 1024;

function checkPages(db: Db, file: string): void {
  if (fs.statSync(file).size > QUICK_CHECK_UP_TO) return;
  const rows = db.pragma('quick_check(3)') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) {
    throw new TwocheckError(
      `the database ${file} is damaged (${problems.join('; ')}); nothing was read from it or written to it`,
      'put back your latest backup of it, or ask for help before using it again',
    );
  }
}

/** An SQLite file of some other program: tables, but never migrated by twocheck. */
function refuseForeignSchema(db: Db, file: string): void {
  if ((db.pragma('user_version', { simple: true }) as number) !== 0) return;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  if (tables > 0)
    throw new TwocheckError(`${file} is not a twocheck database (another program's tables are in it)`, 'check --db or TWOCHECK_DB');
}

/**
 * A database with its tables but no setting and no roster (left by a first import that was
 * refused or stopped): a command reading it would find nothing due, for ever.
 */
function refuseEmpty(db: Db, file: string): void {
  const has = (table: string): boolean => db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined;
  if (!has('setting') && !has('children')) {
    throw new TwocheckError(`the database ${file} holds no setting and no roster yet`, REBUILD);
  }
}

/**
 * How long to wait for another run holding the write lock before saying the database is busy:
 * TWOCHECK_LOCK_WAIT seconds, 10 by default (long enough for another run's letter to be recorded).
 */
function lockWait(env: NodeJS.ProcessEnv): number {
  const given = env.TWOCHECK_LOCK_WAIT;
  return given && /^\d{1,4}$/.test(given) ? Number(given) * 1000 : 10_000;
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
