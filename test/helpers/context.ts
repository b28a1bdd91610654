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

/** Runs `test` with a new database in a folder of its own, removed afterwards (once a promise `test` returns settles). */
export function withDatabase<T>(test: (db: Db, dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-app-'));
  const db = openDatabase(path.join(dir, 'twocheck.db'));
  const done = (): void => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  let result: T;
  try {
    result = test(db, dir);
  } catch (error) {
    done();
    throw error;
  }
  if (result instanceof Promise) return result.finally(done) as T;
  done();
  return result;
}

/** A setting, as `twocheck setup` records it, and children straight on the roster. */
export function seedSetting(db: Db): void {
  db.prepare(
    `INSERT INTO setting (id, name, address, postcode, phone, email, manager, area, updated_at)
    VALUES (1, 'Little Acorns Nursery', '1 Church Street, Leek', 'ST13 5AA', '01538 000111', 'office@acorns.example', 'Jo Bloggs', 'staffordshire', '2026-01-01T00:00:00Z')`,
  ).run();
}

export interface SeedRosterChild {
  ref: string;
  first: string;
  last: string;
  dob: string;
  address?: string;
  postcode?: string;
  language?: string;
  parentEmail?: string;
}

export function seedRoster(db: Db, children: readonly SeedRosterChild[]): void {
  const insert =
    db.prepare(`INSERT INTO children (ref, first_name, last_name, dob, address, postcode, parent_name, language, parent_email, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 'Parent', ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`);
  for (const c of children) {
    insert.run(
      c.ref,
      c.first,
      c.last,
      c.dob,
      c.address ?? '1 Church Street, Leek',
      c.postcode ?? 'ST13 5AA',
      c.language ?? null,
      c.parentEmail ?? null,
    );
  }
}
