/**
 * Files and records move together: after every fault (a lock held too long, a full disk, runs
 * at the same moment, kill -9) the letters on disk are exactly the letters recorded.
 */
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../../helpers/cli.js';
import { query } from '../../helpers/seed.js';
import { TODAY, dueChildren, expectFilesEqualRecords, expectNoRecordWithoutFile, pdfsIn, ready } from './world.js';

/** Runs the binary without waiting, so several can run at once; resolves with its exit. */
function start(ws: ReturnType<typeof ready>, args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ws.dir,
    env: {
      PATH: process.env.PATH,
      HOME: ws.dir,
      FORCE_COLOR: '0',
      TZ: 'Europe/London',
      TWOCHECK_DB: ws.db,
      SOURCE_DATE_EPOCH: '1795000000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

/** A tmpfs of `size` at `dir`, or why not (not root, no mount): the full-disk tests skip then. */
function smallDisk(dir: string, size: string): string | null {
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return `cannot mount a small tmpfs here (${(err as Error).message.split('\n')[0]})`;
  }
}
const unmount = (dir: string) => execFileSync('umount', [dir], { stdio: 'ignore' });
const CAN_MOUNT = (() => {
  const probe = fs.mkdtempSync('/tmp/twocheck-mount-');
  const why = smallDisk(probe, '64k');
  if (!why) unmount(probe);
  fs.rmSync(probe, { recursive: true, force: true });
  return why === null;
})();

describe('a lock held too long by another program', () => {
  it('says the database is busy, writes and records nothing, and the next run writes every letter once', () => {
    const ws = ready(dueChildren(2), { TWOCHECK_LOCK_WAIT: '1' });
    const out = path.join(ws.dir, 'out');
    const holder = new Database(ws.db);
    holder.exec('BEGIN EXCLUSIVE');
    let result;
    try {
      result = ws.run([...TODAY, 'letters', '--out', 'out']);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is busy: another twocheck run (or another program) kept it locked too long');
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
    expect(pdfsIn(out).size).toBe(0);
    expectFilesEqualRecords(ws.db, out);
    const again = ws.run([...TODAY, 'letters', '--out', 'out']);
    expect(again.code, again.stderr).toBe(0);
    expect(pdfsIn(out).size).toBe(2);
    expectFilesEqualRecords(ws.db, out);
  });
});

describe.skipIf(!CAN_MOUNT)('a full disk (a 200 KB tmpfs; skipped where one cannot be mounted)', () => {
  it('stops with a plain message; every letter on disk is recorded and none is recorded that is not; a rerun finishes', () => {
    const ws = ready(dueChildren(12));
    const out = path.join(ws.dir, 'small');
    expect(smallDisk(out, '200k')).toBeNull();
    try {
      const result = ws.run([...TODAY, 'letters', '--out', 'small']);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('the disk is full');
      expect(result.stderr).not.toContain('unexpected');
      expect(fs.readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      expect(pdfsIn(out).size).toBeGreaterThan(0);
      expect(pdfsIn(out).size).toBeLessThan(12);
      expectFilesEqualRecords(ws.db, out);
      // the same command again is refused by nothing, and adds no second record
      const again = ws.run([...TODAY, 'letters', '--out', 'small']);
      expect(again.code).toBe(1);
      expectFilesEqualRecords(ws.db, out);
    } finally {
      unmount(out);
    }
  });

  it('a database on a full disk: a plain message, and no letter file without its record', () => {
    const ws = ready(dueChildren(3));
    const disk = path.join(ws.dir, 'dbdisk');
    expect(smallDisk(disk, '300k')).toBeNull();
    try {
      const db = path.join(disk, 'twocheck.db');
      fs.copyFileSync(ws.db, db);
      // fill the disk to the last few kilobytes
      const fill = path.join(disk, 'fill');
      try {
        fs.writeFileSync(fill, Buffer.alloc(1024 * 1024));
      } catch {
        /* full, as wanted */
      }
      const result = ws.run([...TODAY, 'letters', '--out', 'out'], { env: { TWOCHECK_DB: db } });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/the disk is full|cannot be written|failed/);
      expect(result.stderr).not.toContain('unexpectedly');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      fs.rmSync(fill, { force: true });
      expectFilesEqualRecords(db, path.join(ws.dir, 'out'));
    } finally {
      unmount(disk);
    }
  });
});

describe('runs at the same moment', () => {
  it('two letters runs and a remind --generate into one folder write and record each letter once', async () => {
    const ws = ready(dueChildren(5));
    const out = path.join(ws.dir, 'together');
    const runs = await Promise.all([
      start(ws, [...TODAY, 'letters', '--out', 'together']).done,
      start(ws, [...TODAY, 'letters', '--out', 'together']).done,
      start(ws, [...TODAY, 'remind', '--generate', '--out', 'together']).done,
    ]);
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(pdfsIn(out).size).toBe(5);
    expectFilesEqualRecords(ws.db, out);
    expect(query(ws.db, "SELECT count(*) AS n FROM letters WHERE kind = 'parent-letter'")).toEqual([{ n: 5 }]);
  });
});

describe('kill -9 at moments through a batch', () => {
  it('never leaves a record without its file; the next run adopts or replaces what was left and ends equal', async () => {
    const ws = ready(dueChildren(8));
    const out = path.join(ws.dir, 'killed');
    // Kill when the n-th letter appears on disk (a point reached, not a time waited), for several n.
    for (const after of [0, 1, 3, 5]) {
      const run = start(ws, [...TODAY, 'letters', '--out', 'killed', '--force']);
      const watcher = setInterval(() => {
        if (pdfsIn(out).size >= after || after === 0) run.child.kill('SIGKILL');
      }, 5);
      const ended = await run.done;
      clearInterval(watcher);
      expect(ended.code === 0 || ended.signal === 'SIGKILL').toBe(true);
      expectNoRecordWithoutFile(ws.db, out);
    }
    // a plain run (no --force) finishes the batch from whatever was left
    const finish = ws.run([...TODAY, 'letters', '--out', 'killed']);
    expect(finish.code, finish.stderr).toBe(0);
    const last = ws.run([...TODAY, 'letters', '--out', 'killed', '--force']);
    expect(last.code, last.stderr).toBe(0);
    expectNoRecordWithoutFile(ws.db, out);
    // --force wrote a second record for the same file each time: the latest one per file matches
    const latest = query<{ file: string; n: number }>(ws.db, 'SELECT file, count(*) AS n FROM letters GROUP BY file');
    expect(latest.length).toBe(pdfsIn(out).size);
  });

  it('a letter file left with no record (a run stopped between rename and commit) is adopted, not refused', () => {
    const ws = ready(dueChildren(2));
    const first = ws.run([...TODAY, 'letters', '--out', 'o']);
    expect(first.code, first.stderr).toBe(0);
    // as if the records had not been committed
    const db = new Database(ws.db);
    db.exec('DELETE FROM letters');
    db.close();
    const again = ws.run([...TODAY, 'letters', '--out', 'o']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('was there with no record');
    expectFilesEqualRecords(ws.db, path.join(ws.dir, 'o'));
  });
});

describe('hostile folders', () => {
  it('refuses a symbolic link planted where a letter goes, and the file it points at is untouched', () => {
    const ws = ready(dueChildren(1));
    const victim = ws.write('victim.txt', 'keep me');
    fs.mkdirSync(path.join(ws.dir, 'o'));
    fs.symlinkSync(victim, path.join(ws.dir, 'o', 'F1-Child1-Testcase.pdf'));
    const result = ws.run([...TODAY, 'letters', '--out', 'o', '--force']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is a symbolic link');
    expect(fs.readFileSync(victim, 'utf8')).toBe('keep me');
    expect(query(ws.db, 'SELECT count(*) AS n FROM letters')).toEqual([{ n: 0 }]);
  });

  it('letters are private (0600) whatever the umask', () => {
    const ws = ready(dueChildren(1));
    const result = ws.run([...TODAY, 'letters', '--out', 'o']);
    expect(result.code, result.stderr).toBe(0);
    const [file] = [...pdfsIn(path.join(ws.dir, 'o')).keys()];
    expect(fs.statSync(file as string).mode & 0o777).toBe(0o600);
  });

  it('an output folder that cannot be made fails at once, for letters and remind --generate', () => {
    const ws = ready(dueChildren(1));
    for (const args of [
      ['letters', '--out', '/proc/nope/x'],
      ['remind', '--generate', '--out', '/proc/nope'],
    ]) {
      const result = ws.run([...TODAY, ...args]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('cannot make the folder /proc/nope');
    }
    expect(query(ws.db, 'SELECT count(*) AS n FROM letters')).toEqual([{ n: 0 }]);
  });
});
