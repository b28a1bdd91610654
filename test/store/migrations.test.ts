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
             (1, 2, 'completed', '2026-06-20', '{}', 'mgr', '2026-07-03T10:00:00.000Z');`);
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const indexes = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index'`).all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['consents_child', 'concerns_child', 'checks_shared', 'children_left']));
    expect(db.prepare('SELECT ref FROM children').all()).toEqual([{ ref: 'A1' }]);
    expect(db.prepare('SELECT status, on_date FROM consents').all()).toEqual([{ status: 'given', on_date: '2026-01-01' }]);
    // each completed version learns the day it was recorded: the amendment counts from 3 July
    expect(db.prepare('SELECT version, recorded_on FROM checks ORDER BY version').all()).toEqual([
      { version: 1, recorded_on: '2026-06-20' }, { version: 2, recorded_on: '2026-07-03' }]);
    db.close();
  });
});
