import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppContext } from '../../src/app/context.js';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { type Db, openDatabase } from '../../src/store/db.js';

/**
 * A use case's context for a test: a fixed day and clock, a named person acting, and the
 * database given. The database is the real one (SQLite in a temporary folder), never a mock.
 */
export function contextFor(db: Db, today: CalendarDate, more: Partial<Omit<AppContext, 'db'>> = {}): AppContext {
  return {
    today,
    now: () => new Date(`${today}T09:00:00Z`),
    by: 'Test Manager',
    dbPath: db.name,
    cwd: path.dirname(db.name),
    env: {},
    db: () => db,
    ...more,
  };
}

/** Runs `test` with a new database in a folder of its own, removed afterwards. */
export function withDatabase<T>(test: (db: Db, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-app-'));
  const db = openDatabase(path.join(dir, 'twocheck.db'));
  try {
    return test(db, dir);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
