/**
 * A file or folder that cannot be read or written is told in words (what failed, what to do),
 * never as a bare system code, and names the path the person gave, not a hidden temporary file.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../../helpers/cli.js';
import { query } from '../../helpers/seed.js';
import { TODAY, dueChildren, pdfsIn, ready } from './world.js';

const CODES = /\b(ENOENT|EACCES|EISDIR|EPERM|ENOTDIR|EROFS)\b/;

/** Whether a run can be made as a user other than root: permissions mean nothing to root. */
const AS_NOBODY = (() => {
  if (process.getuid?.() !== 0) return [];
  try {
    execFileSync('setpriv', ['--version'], { stdio: 'ignore' });
    return ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];
  } catch {
    return null;
  }
})();

function runAs(ws: ReturnType<typeof ready>, args: string[]): { code: number | null; stderr: string } {
  const prefix = AS_NOBODY ?? [];
  const command = [...prefix, process.execPath, BIN, ...args];
  try {
    execFileSync(command[0] as string, command.slice(1), {
      cwd: ws.dir,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: ws.dir, FORCE_COLOR: '0', TWOCHECK_DB: ws.db },
    });
    return { code: 0, stderr: '' };
  } catch (err) {
    const e = err as { status: number | null; stderr: string };
    return { code: e.status, stderr: e.stderr };
  }
}

/** A workspace another user may use: its folder and database open to all, a folder inside read-only. */
function openToAll(ws: ReturnType<typeof ready>): string {
  for (const p of [ws.dir, path.dirname(ws.db)]) fs.chmodSync(p, 0o777);
  for (const f of fs.readdirSync(path.dirname(ws.db))) fs.chmodSync(path.join(path.dirname(ws.db), f), 0o666);
  const ro = path.join(ws.dir, 'ro');
  fs.mkdirSync(ro);
  fs.chmodSync(ro, 0o555);
  return ro;
}

describe('files that cannot be read, in words', () => {
  it('a folder given where a file is read: review --from, import', () => {
    const ws = ready(dueChildren(1));
    fs.mkdirSync(path.join(ws.dir, 'folder'));
    const review = ws.run([...TODAY, 'review', 'F1', '--from', 'folder']);
    expect(review.code).toBe(2);
    expect(review.stderr).toContain('folder: it is a folder, not a file');
    const imported = ws.run([...TODAY, 'import', 'folder']);
    expect(imported.code).toBe(2);
    expect(imported.stderr).toContain('cannot read folder: it is a folder, not a CSV file');
    for (const r of [review, imported]) expect(r.stderr).not.toMatch(CODES);
  });

  it('a file that is not there: import, setup --logo', () => {
    const ws = ready(dueChildren(1));
    const imported = ws.run([...TODAY, 'import', 'nothere.csv']);
    expect(imported.stderr).toContain('cannot read nothere.csv: there is no such file');
    const logo = ws.run(['setup', '--logo', 'nothere.png']);
    expect(logo.code).toBe(2);
    expect(logo.stderr).toContain('nothere.png: there is no such file');
    for (const r of [imported, logo]) expect(r.stderr).not.toMatch(CODES);
  });
});

describe.skipIf(AS_NOBODY === null)('a folder that is there but not writable (run as another user when the tests run as root)', () => {
  it('letters --out: said at once, naming the folder given, not a temporary file', () => {
    const ws = ready(dueChildren(1));
    const ro = openToAll(ws);
    const result = runAs(ws, [...TODAY, 'letters', '--out', ro]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot write into ${ro}: permission denied: the folder is not writable by you`);
    expect(result.stderr).not.toContain('.tmp');
    expect(result.stderr).not.toMatch(CODES);
    expect(query(ws.db, 'SELECT count(*) AS n FROM letters')).toEqual([{ n: 0 }]);
  });

  it('a folder to make inside it, and export --out: "not writable", not "a folder that exists"', () => {
    const ws = ready(dueChildren(1));
    const ro = openToAll(ws);
    const letters = runAs(ws, [...TODAY, 'letters', '--out', path.join(ro, 'sub')]);
    expect(letters.code).toBe(1);
    expect(letters.stderr).toContain(`permission denied: the folder ${ro} is not writable by you`);
    const exported = runAs(ws, [...TODAY, 'export', '--out', path.join(ro, 'x.csv')]);
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain(`permission denied: the folder ${ro} is not writable by you`);
    expect(exported.stderr).toContain('a folder you can write');
    expect(exported.stderr).not.toContain('a folder that exists');
    for (const r of [letters, exported]) expect(r.stderr).not.toMatch(CODES);
  });
});

describe('remind --generate and a folder that cannot be made', () => {
  it('fails at once even when no letter is due, and leaves no folder behind when it can be made', () => {
    const ws = ready([{ ref: 'Y1', first: 'Young', last: 'Testcase', dob: '2025-06-01' }]);
    const bad = ws.run([...TODAY, 'remind', '--generate', '--out', '/proc/nope']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('cannot make the folder /proc/nope');
    expect(bad.stderr).not.toMatch(CODES);
    const good = ws.run([...TODAY, 'remind', '--generate', '--out', 'letters/today']);
    expect(good.code, good.stderr).toBe(0);
    expect(fs.existsSync(path.join(ws.dir, 'letters'))).toBe(false);
  });

  it('a failure while letters are due still prints the day, then exits non-zero', () => {
    const ws = ready(dueChildren(1));
    // a file twocheck did not write where the letter goes: the run refuses to overwrite it
    fs.mkdirSync(path.join(ws.dir, 'out'));
    fs.writeFileSync(path.join(ws.dir, 'out', 'F1-Child1-Testcase.pdf'), 'not ours');
    const result = ws.run([...TODAY, 'remind', '--generate', '--out', 'out']);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('twocheck: what needs doing on 2026-11-23');
    expect(result.stdout).toContain('F1  Child1 Testcase');
    expect(result.stderr).toContain('already there');
    expect(pdfsIn(path.join(ws.dir, 'out')).size).toBe(1);
  });
});
