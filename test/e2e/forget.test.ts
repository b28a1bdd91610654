import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { insertChildren, query } from '../helpers/children.js';
import { SETTING_FLAGS, workspace } from '../helpers/cli.js';

const TODAY = ['--today', '2026-04-01'];
/** Words that belong to the child being forgotten and to no one else in the database. */
const PERSONAL = ['Quillfeather', 'Zinnia', 'XR-4471', 'Heronsgate', 'ST13 9ZZ', 'Marigold', 'zq@example.test', '07700 900461'];

/** Every file the database may spill into: the file, its journal, its write-ahead log. */
function databaseBytes(db: string): Buffer {
  return Buffer.concat(
    ['', '-wal', '-journal', '-shm']
      .map((s) => db + s)
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f)),
  );
}

function mentions(bytes: Buffer, word: string): boolean {
  // SQLite stores TEXT as UTF-8; search case-insensitively by lowering both.
  return bytes.toString('latin1').toLowerCase().includes(word.toLowerCase());
}

describe('twocheck forget', () => {
  let ws: ReturnType<typeof workspace>;
  beforeEach(() => {
    ws = workspace();
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    insertChildren(ws.db, [
      {
        ref: 'XR-4471',
        first_name: 'Zinnia',
        last_name: 'Quillfeather',
        dob: '2024-02-11',
        address: '12 Heronsgate, Leek',
        postcode: 'ST13 9ZZ',
        parent_name: 'Marigold Quillfeather',
        parent_email: 'zq@example.test',
        parent_phone: '07700 900461',
      },
      { ref: 'K2', first_name: 'Bram', last_name: 'Otterley', dob: '2024-02-12', parent_name: 'Elsie Otterley' },
    ]);
    for (const ref of ['XR-4471', 'K2']) {
      expect(ws.run([...TODAY, 'consent', ref, '--method', 'paper', '--note', `signed form for ${ref}`]).code).toBe(0);
      expect(
        ws.run([...TODAY, 'concern', ref, '--raised-by', 'parent', '--area', 'physical', '--description', 'Walks on tiptoe']).code,
      ).toBe(0);
    }
    ws.run([...TODAY, 'concern', 'share', '1', '--with', 'West Hub', '--how', 'phone', '--note', 'Marigold agreed']);
    // Files and rows owned by other commands, put in as they would be.
    const letter = ws.write('letters/Zinnia-Quillfeather-letter.pdf', '%PDF-1.4 Zinnia');
    const check = ws.write('checks/Zinnia-Quillfeather-check-v1.pdf', '%PDF-1.4 Zinnia');
    const other = ws.write('letters/Bram-Otterley-letter.pdf', '%PDF-1.4 Bram');
    const db = new Database(ws.db);
    const id = (ref: string) => (db.prepare('SELECT id FROM children WHERE ref = ?').get(ref) as { id: number }).id;
    const letterRow = db.prepare(`INSERT INTO letters (child_id, kind, template, template_hash, file, sha256, generated_at, generated_by)
      VALUES (?, 'parent-letter', 'default', 'h', ?, 's', 'now', 'jo')`);
    letterRow.run(id('XR-4471'), letter);
    letterRow.run(id('K2'), other);
    db.prepare(
      `INSERT INTO checks (child_id, version, status, data, pdf_path, created_by, created_at)
      VALUES (?, 1, 'completed', '{"child":"Zinnia Quillfeather"}', ?, 'jo', 'now')`,
    ).run(id('XR-4471'), path.relative(ws.dir, check));
    // An audit line about several children, as a batch command would write it.
    db.prepare(`INSERT INTO audit (at, by, action, details) VALUES ('now', 'jo', 'letters.generate', ?)`).run(
      JSON.stringify({ children: ['XR-4471', 'K2'], names: 'Zinnia Quillfeather and Bram Otterley' }),
    );
    db.close();
  });

  it('needs --yes without a terminal, and erases nothing without it', () => {
    const result = ws.run(['forget', 'XR-4471']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('add --yes');
    expect(query(ws.db, "SELECT * FROM children WHERE ref = 'XR-4471'")).toHaveLength(1);
    expect(fs.existsSync(path.join(ws.dir, 'letters/Zinnia-Quillfeather-letter.pdf'))).toBe(true);
  });

  it('erases the child, their records and files, and leaves no trace in the database file', () => {
    expect(PERSONAL.every((w) => mentions(databaseBytes(ws.db), w))).toBe(true);
    const result = ws.run([...TODAY, 'forget', 'XR-4471', '--yes']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Erased: 1 child, 1 consent, 1 concern, 1 concern event, 1 letter, 1 check version.');
    expect(result.stdout).toContain('Files removed: 2.');
    const token = /Erasure reference: ([0-9a-f]{12})/.exec(result.stdout)?.[1];
    expect(token).toBeDefined();

    expect(fs.existsSync(path.join(ws.dir, 'letters/Zinnia-Quillfeather-letter.pdf'))).toBe(false);
    expect(fs.existsSync(path.join(ws.dir, 'checks/Zinnia-Quillfeather-check-v1.pdf'))).toBe(false);
    expect(fs.existsSync(path.join(ws.dir, 'letters/Bram-Otterley-letter.pdf'))).toBe(true);

    const bytes = databaseBytes(ws.db);
    for (const word of PERSONAL) expect(mentions(bytes, word), word).toBe(false);

    // The other child is untouched, and their words survive in the shared audit line.
    expect(query(ws.db, 'SELECT ref FROM children')).toEqual([{ ref: 'K2' }]);
    expect(query(ws.db, 'SELECT count(*) AS n FROM consents')).toEqual([{ n: 1 }]);
    expect(query(ws.db, 'SELECT count(*) AS n FROM letters')).toEqual([{ n: 1 }]);
    const batch = query<{ details: string }>(ws.db, "SELECT details FROM audit WHERE action = 'letters.generate'")[0];
    expect(JSON.parse(batch?.details ?? '')).toEqual({ children: ['[forgotten]', 'K2'], names: '[forgotten] and Bram Otterley' });
    expect(query(ws.db, 'SELECT count(*) AS n FROM audit WHERE child_id IS NOT NULL')[0]).toEqual({ n: 2 });

    const line = query<{ by: string; child_id: null; details: string }>(
      ws.db,
      "SELECT by, child_id, details FROM audit WHERE action = 'child.forget'",
    );
    expect(line).toHaveLength(1);
    expect(JSON.parse(line[0]?.details ?? '')).toMatchObject({
      forgotten: token,
      files: 2,
      rows: { children: 1, consents: 1, letters: 1 },
    });
  });

  it('reports a recorded file that was already gone, and forgets a child only once', () => {
    fs.rmSync(path.join(ws.dir, 'letters/Zinnia-Quillfeather-letter.pdf'));
    const result = ws.run(['forget', 'XR-4471', '--yes', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.filesRemoved).toHaveLength(1);
    expect(report.filesMissing).toHaveLength(1);
    const again = ws.run(['forget', 'XR-4471', '--yes']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('no child with the ref "XR-4471"');
  });
});
