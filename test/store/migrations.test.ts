import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';

describe('migrating a database made by an earlier twocheck', () => {
  it('brings a schema 1 database up to date and keeps its records', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-migrate-')), 'old.db');
    const old = new Database(file);
    old.exec(MIGRATIONS[0] as string);
    old.pragma('user_version = 1');
    old.exec(`INSERT INTO children (id, ref, first_name, last_name, dob, created_at, updated_at) VALUES (1, 'A1', 'Ada', 'Able', '2024-06-15', 't', 't');
      INSERT INTO consents (child_id, kind, status, given_by, on_date, method, recorded_by, recorded_at)
      VALUES (1, 'share-with-health', 'given', 'Parent', '2026-01-01', 'paper', 'mgr', 't');
      INSERT INTO checks (child_id, version, status, completed_on, data, created_by, created_at)
      VALUES (1, 1, 'completed', '2026-06-20', '{}', 'mgr', '2026-06-20T10:00:00.000Z'),
             (1, 2, 'completed', '2026-06-20', '{}', 'mgr', '2026-07-02T23:30:00.000Z'),
             (1, 3, 'completed', '2026-06-20', '{}', 'mgr', '2026-12-02T23:30:00.000Z'),
             (1, 4, 'completed', '2026-01-01', '{}', 'mgr', '2026-03-28T23:30:00.000Z'),
             (1, 5, 'completed', '2026-01-01', '{}', 'mgr', '2026-03-29T23:30:00.000Z'),
             (1, 6, 'completed', '2026-01-01', '{}', 'mgr', '2026-10-24T23:30:00.000Z'),
             (1, 7, 'completed', '2026-01-01', '{}', 'mgr', '2026-10-25T23:30:00.000Z');`);
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['consents_child', 'concerns_child', 'checks_shared', 'children_left']));
    expect(db.prepare('SELECT ref FROM children').all()).toEqual([{ ref: 'A1' }]);
    expect(db.prepare('SELECT status, on_date FROM consents').all()).toEqual([{ status: 'given', on_date: '2026-01-01' }]);
    // each completed version learns the day it was recorded, in England: 23:30 UTC on 2 July
    // is 00:30 on 3 July in summer time, while 23:30 UTC on 2 December is still 2 December; the
    // clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October
    expect(db.prepare('SELECT version, recorded_on FROM checks ORDER BY version').all()).toEqual([
      { version: 1, recorded_on: '2026-06-20' },
      { version: 2, recorded_on: '2026-07-03' },
      { version: 3, recorded_on: '2026-12-02' },
      { version: 4, recorded_on: '2026-03-28' },
      { version: 5, recorded_on: '2026-03-30' },
      { version: 6, recorded_on: '2026-10-25' },
      { version: 7, recorded_on: '2026-10-25' },
    ]);
    db.close();
  });
});
