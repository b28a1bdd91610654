/**
 * Every failure that reaches the top is a plain message and a non-zero exit; a database that is
 * not one of ours is refused; the stack trace appears only with --debug.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspace } from '../../helpers/cli.js';
import { TODAY, dueChildren, ready } from './world.js';

const STACK = /\n\s+at /;

describe('plain messages at the top', () => {
  it('--today 9999-12-31 is a usage error (2), not a stack trace', () => {
    const ws = ready();
    const result = ws.run(['--today', '9999-12-31', 'due']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--today 9999-12-31 is not a day twocheck can act on');
    expect(result.stderr).not.toMatch(STACK);
  });

  it('a damaged page: refused before anything is read or written, in words', () => {
    const ws = ready(dueChildren(3));
    // put garbage where the roster's first page is
    const db = new Database(ws.db);
    const page = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'children'").get() as { rootpage: number }).rootpage;
    const size = db.pragma('page_size', { simple: true }) as number;
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const fd = fs.openSync(ws.db, 'r+');
    fs.writeSync(fd, Buffer.from([0x0d, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]), 0, 8, (page - 1) * size);
    fs.closeSync(fd);
    const before = fs.readFileSync(ws.db);
    for (const args of [['due'], ['import', ws.write('r.csv', 'ref,first_name,last_name,dob\nZ1,Ann,Bee,2024-01-01\n')]]) {
      const result = ws.run([...TODAY, ...args]);
      expect(result.code, args[0]).toBe(1);
      expect(result.stderr).toContain('is damaged');
      expect(result.stderr).not.toMatch(STACK);
    }
    expect(fs.readFileSync(ws.db).equals(before)).toBe(true);
  });
});

describe('a read-only database', () => {
  const canMount = (() => {
    try {
      execFileSync('mount', ['--version'], { stdio: 'ignore' });
      return process.getuid?.() === 0;
    } catch {
      return false;
    }
  })();

  it.skipIf(!canMount)('says it cannot be written, in words (a read-only tmpfs; skipped where one cannot be mounted)', () => {
    const ws = ready(dueChildren(1));
    const disk = path.join(ws.dir, 'ro');
    fs.mkdirSync(disk);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk]);
    try {
      const db = path.join(disk, 'twocheck.db');
      const source = new Database(ws.db);
      source.pragma('wal_checkpoint(TRUNCATE)');
      source.pragma('journal_mode = DELETE');
      source.close();
      fs.copyFileSync(ws.db, db);
      execFileSync('mount', ['-o', 'remount,ro', disk]);
      const result = ws.run([...TODAY, 'consent', 'F1', '--method', 'paper', '--by-parent', 'A Parent'], { env: { TWOCHECK_DB: db } });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/cannot be written|read-only|cannot open/);
      expect(result.stderr).not.toMatch(STACK);
      expect(result.stderr).not.toContain('unexpectedly');
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});

describe('only our databases are opened', () => {
  it('a 0-byte file: due and remind refuse it with a message (exit 1)', () => {
    const ws = workspace();
    ws.write('data/twocheck.db', '');
    for (const args of [['due'], ['remind']]) {
      const result = ws.run([...TODAY, ...args]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('is empty (0 bytes): it is not a twocheck database');
    }
  });

  it('a database with its tables but no setting and no roster is refused by due and remind', () => {
    const ws = ready([]);
    const db = new Database(ws.db);
    db.exec('DELETE FROM setting');
    db.close();
    for (const args of [['due'], ['remind']]) {
      const result = ws.run([...TODAY, ...args]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('holds no setting and no roster yet');
    }
  });

  it("another program's SQLite file is refused, and a text file too", () => {
    const ws = workspace();
    fs.mkdirSync(path.join(ws.dir, 'data'));
    const other = new Database(ws.db);
    other.exec('CREATE TABLE songs (title TEXT)');
    other.close();
    expect(ws.run(['due']).stderr).toContain("another program's tables are in it");
    ws.write('data/twocheck.db', 'hello');
    const text = ws.run(['due']);
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('it is not an SQLite file');
  });

  it('remind with a setting but no children says so on stderr and exits 1, so cron mails it', () => {
    const ws = ready([]);
    const result = ws.run([...TODAY, 'remind']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('no children on the roster');
  });
});
