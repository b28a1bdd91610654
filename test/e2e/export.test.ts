import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers/cli.js';

const TODAY = ['--today', '2026-11-23'];

function seeded() {
  const ws = workspace();
  ws.write(
    'r.csv',
    'ref,first_name,last_name,dob,room\n007,"=HYPERLINK(""http://x"")",Lovelace,2024-03-12,@Acorns\n008,Ben,-Carter,2024-03-13,+Oaks\n',
  );
  expect(ws.run([...TODAY, 'import', 'r.csv']).code).toBe(0);
  const db = new Database(ws.db);
  const at = '2026-11-01T10:00:00.000Z';
  db.prepare(
    "INSERT INTO consents (child_id, kind, status, given_by, on_date, method, recorded_by, recorded_at) VALUES (1, 'share-with-health', 'given', 'Mum', '2026-11-01', 'paper', 'jo', ?)",
  ).run(at);
  db.prepare(
    "INSERT INTO letters (child_id, kind, template, template_hash, file, sha256, generated_at, generated_by, sent_on) VALUES (1, 'parent-letter', 'default', 'h', '/letters/007.pdf', 'abc', ?, 'jo', '2026-11-02')",
  ).run(at);
  for (const v of [1, 2]) {
    db.prepare(
      "INSERT INTO checks (child_id, version, status, completed_on, data, pdf_path, pdf_sha256, amend_reason, created_by, created_at) VALUES (1, ?, 'completed', '2026-11-10', ?, ?, ?, ?, 'jo', ?)",
    ).run(v, JSON.stringify({ summary: v === 1 ? 'first' : '\tsecond' }), `/checks/007-v${v}.pdf`, `sha${v}`, v === 2 ? 'typo' : null, at);
  }
  db.prepare(
    "INSERT INTO concerns (child_id, raised_by, area, description, raised_on, recorded_by, recorded_at) VALUES (2, 'setting', 'communication', '=1+1', '2026-11-05', 'jo', ?)",
  ).run(at);
  db.prepare(
    "INSERT INTO concern_events (concern_id, kind, with_whom, how, on_date, recorded_by, recorded_at) VALUES (1, 'shared', 'West Hub', 'phone', '2026-11-06', 'jo', ?)",
  ).run(at);
  db.prepare(
    "INSERT INTO dismissals (child_id, flag, reason, by, at) VALUES (1, 'letter-due', 'Letter handed over in person', 'jo', ?)",
  ).run(at);
  db.prepare(
    "INSERT INTO group_sessions (on_date, at_time, place, lead, health_visitor, created_by, created_at) VALUES ('2026-12-03', '10:00', 'Leek Library', 'Jo Bloggs', 'Sam Green', 'jo', ?)",
  ).run(at);
  db.prepare('INSERT INTO group_members (session_id, child_id, attended, recorded_at) VALUES (1, 1, 1, ?), (1, 2, NULL, NULL)').run(at);
  db.close();
  return ws;
}

describe('twocheck export', () => {
  it('exports every record as JSON, checks with all versions', () => {
    const ws = seeded();
    const r = ws.run([...TODAY, 'export', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data).toHaveLength(2);
    expect(data[0].ref).toBe('007');
    expect(data[0].consents[0]).toMatchObject({ kind: 'share-with-health', status: 'given' });
    expect(data[0].letters[0]).toMatchObject({ sentOn: '2026-11-02', file: '/letters/007.pdf' });
    expect(data[0].checks.map((c: { version: number; pdfSha256: string }) => [c.version, c.pdfSha256])).toEqual([
      [1, 'sha1'],
      [2, 'sha2'],
    ]);
    expect(data[0].checks[0].data).toEqual({ summary: 'first' });
    expect(data[1].concerns[0].events[0]).toMatchObject({ withWhom: 'West Hub' });
    expect(data[0].dismissals).toEqual([
      expect.objectContaining({ flag: 'letter-due', reason: 'Letter handed over in person', recordedBy: 'jo' }),
    ]);
    expect(data[0].groups).toEqual([
      expect.objectContaining({ onDate: '2026-12-03', place: 'Leek Library', healthVisitor: 'Sam Green', attended: true }),
    ]);
    expect(data[1].groups[0]).toMatchObject({ onDate: '2026-12-03', attended: null });
    expect(data[1].dismissals).toEqual([]);
    // every --json names fields in camelCase, as children --json and due --json do
    expect(JSON.stringify(data, (k, v) => (k === 'data' ? undefined : v))).not.toMatch(/"[a-z0-9]+_[a-z0-9_]*":/);
    // JSON is data, not a spreadsheet: nothing is altered
    expect(data[0].firstName).toBe('=HYPERLINK("http://x")');
  });

  it('neutralises formula injection in CSV cells', () => {
    const ws = seeded();
    const r = ws.run([...TODAY, 'export', '--csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((x) => x.record)).toEqual([
      'child',
      'consent',
      'letter',
      'check',
      'check',
      'dismissal',
      'group',
      'child',
      'concern',
      'concern-event',
      'group',
    ]);
    expect(rows[0]?.first_name).toBe('\'=HYPERLINK("http://x")');
    expect(rows[0]?.room).toBe("'@Acorns");
    expect(rows[7]?.last_name).toBe("'-Carter");
    expect(rows[7]?.room).toBe("'+Oaks");
    expect(rows[8]?.description).toBe("'=1+1");
    expect(rows[6]).toMatchObject({ ref: '007', place: 'Leek Library', attended: 'true' });
    // columns stand by kind of record (concerns before group places), whichever child comes first
    const header = Object.keys(rows[0] ?? {});
    expect(header.slice(0, 2)).toEqual(['record', 'ref']);
    expect(header.indexOf('raised_by')).toBeLessThan(header.indexOf('attended'));
    expect(header).not.toContain('by');
    for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('writes a private file with --out', () => {
    const ws = seeded();
    const r = ws.run([...TODAY, 'export', '--out', 'all.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Exported 2 children');
    const file = path.join(ws.dir, 'all.csv');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, 'utf8')).toContain('/checks/007-v2.pdf');
  });
  it('says plainly when --out names a folder that does not exist or a folder, and leaves nothing behind', () => {
    const ws = seeded();
    const missing = ws.run([...TODAY, 'export', '--out', 'nowhere/records.csv']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot write the export to .*nowhere\/records\.csv: the folder .*nowhere does not exist/);
    expect(missing.stderr).not.toMatch(/\bat .*\.js:\d+/);
    fs.mkdirSync(path.join(ws.dir, 'folder'));
    const folder = ws.run([...TODAY, 'export', '--out', 'folder']);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/cannot write the export to .*folder: it is a folder/);
    expect(fs.readdirSync(ws.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
