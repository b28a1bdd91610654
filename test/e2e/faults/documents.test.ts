/** Logos, forget and --force: documents are never silently lost, and never silently overwritten. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { query } from '../../helpers/seed.js';
import { TODAY, dueChildren, expectFilesEqualRecords, pdfsIn, ready } from './world.js';

/** A real 4×4 red PNG, made here so the test needs no image file. */
function png(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = (crcTable[(c ^ x) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(4, 0);
  ihdr.writeUInt32BE(4, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = Buffer.concat(Array.from({ length: 4 }, () => Buffer.from([0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('setup --logo', () => {
  it('refuses a GIF, an SVG and a text file named .png, and saves a PNG by its full path', () => {
    const ws = ready(dueChildren(1));
    for (const [name, body] of [
      ['a.gif', 'GIF89a\x01\x00\x01\x00'],
      ['b.svg', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
      ['c.png', 'not an image'],
    ] as const) {
      const result = ws.run(['setup', '--logo', ws.write(name, body)]);
      expect(result.code, name).toBe(2);
      expect(result.stderr).toContain('is not a PNG or JPEG image');
    }
    expect(query(ws.db, 'SELECT logo FROM setting')).toEqual([{ logo: null }]);
    ws.write('logo.png', png());
    const ok = ws.run(['setup', '--logo', 'logo.png']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(query(ws.db, 'SELECT logo FROM setting')).toEqual([{ logo: path.join(ws.dir, 'logo.png') }]);
  });

  it('a logo that later fails is a warning: letters and remind --generate still write and say so', () => {
    const ws = ready(dueChildren(2));
    const logo = ws.write('logo.png', png());
    expect(ws.run(['setup', '--logo', logo]).code).toBe(0);
    fs.writeFileSync(logo, 'GIF89a now something else');
    const letters = ws.run([...TODAY, 'letters', '--child', 'F1', '--out', 'o']);
    expect(letters.code, letters.stderr).toBe(0);
    expect(letters.stderr).toContain('warning: the logo is left off these letters');
    const remind = ws.run([...TODAY, 'remind', '--generate', '--out', 'o']);
    expect(remind.code, remind.stderr).toBe(0);
    expect(remind.stdout).toContain('wrote 1 parent letter');
    expect(remind.stderr).toContain('the logo is left off');
    expect(pdfsIn(path.join(ws.dir, 'o')).size).toBe(2);
    expectFilesEqualRecords(ws.db, path.join(ws.dir, 'o'));
  });
});

describe('forget and a merged print file', () => {
  it("keeps a merged file that holds another child's letter, says why, and the other letter can still be marked sent", () => {
    const ws = ready([
      { ref: 'S1', first: 'Ivy', last: 'Sibling', dob: '2024-11-12', parent: 'Pat Sibling', address: '2 Lane, Leek', postcode: 'ST13 5AA' },
      { ref: 'S2', first: 'Oak', last: 'Sibling', dob: '2024-11-12', parent: 'Pat Sibling', address: '2 Lane, Leek', postcode: 'ST13 5AA' },
    ]);
    expect(ws.run([...TODAY, 'letters', '--merged', 'print.pdf']).code).toBe(0);
    const audit = (ref: string) =>
      query<{ details: string }>(
        ws.db,
        `SELECT a.details FROM audit a JOIN children c ON c.id = a.child_id WHERE c.ref = '${ref}' ORDER BY a.id`,
      );
    const siblingBefore = audit('S2');
    const result = ws.run(['forget', 'S1', '--yes']);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(path.join(ws.dir, 'print.pdf'))).toBe(true);
    expect(result.stderr).toContain(`kept ${path.join(ws.dir, 'print.pdf')}: it also holds the letters of 1 other child`);
    expect(result.stdout).toContain('Files removed: 0; kept: 1.');
    // the sibling's own audit lines, which name the shared surname, parent and address, are as they were
    expect(audit('S2')).toEqual(siblingBefore);
    const sent = ws.run([...TODAY, 'letters', 'sent', 'S2']);
    expect(sent.code, sent.stderr).toBe(0);
  });

  it('counts every audit line it changed, and says plainly when a reader holds old pages', () => {
    const ws = ready(dueChildren(2), { TWOCHECK_LOCK_WAIT: '1' });
    expect(ws.run([...TODAY, 'letters', '--out', 'o']).code).toBe(0);
    const before =
      query<{ n: number }>(ws.db, "SELECT count(*) AS n FROM audit WHERE child_id = (SELECT id FROM children WHERE ref = 'F1')")[0]?.n ?? 0;
    const reader = new Database(ws.db, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM children').get();
    let result;
    try {
      result = ws.run(['forget', 'F1', '--yes', '--json']);
    } finally {
      reader.exec('COMMIT');
      reader.close();
    }
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { rows: { audit_scrubbed: number }; scrubbed: boolean; filesRemoved: string[] };
    expect(report.rows.audit_scrubbed).toBeGreaterThanOrEqual(before);
    expect(report.filesRemoved).toHaveLength(1);
    expect(report.scrubbed).toBe(false);
    const plain = ws.run(['forget', 'F2', '--yes']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stderr).not.toContain('another program is reading');
    expectFilesEqualRecords(ws.db, path.join(ws.dir, 'o'));
  });
});

describe('--force is needed to overwrite, everywhere', () => {
  it('export --out, groups invite and letters refuse a file already there, and write over it with --force', () => {
    // one Hub's homes, and consent to share: what an invitation to a review needs
    const ws = ready(dueChildren(2).map((c) => ({ ...c, address: '4 Mill Lane, Leek', postcode: 'ST13 6BB', parent: 'A Parent' })));
    for (const ref of ['F1', 'F2']) expect(ws.run([...TODAY, 'consent', ref, '--method', 'paper']).code).toBe(0);
    const exported = ws.write('out.csv', 'precious');
    const refused = ws.run(['export', '--out', 'out.csv']);
    expect(refused.code).toBe(2);
    expect(fs.readFileSync(exported, 'utf8')).toBe('precious');
    expect(ws.run(['export', '--out', 'out.csv', '--force']).code).toBe(0);
    expect(fs.statSync(exported).mode & 0o777).toBe(0o600);

    const create = ws.run([...TODAY, 'groups', 'create', '--from', '2026-11-23', '--to', '2027-06-30']);
    expect(create.code, create.stderr).toBe(0);
    const id = String(query<{ id: number }>(ws.db, 'SELECT id FROM group_sessions ORDER BY id LIMIT 1')[0]?.id);
    const invited = ws.run([...TODAY, 'groups', 'invite', id, '--out', 'inv']);
    expect(invited.code, invited.stderr).toBe(0);
    const count = () => query<{ n: number }>(ws.db, "SELECT count(*) AS n FROM letters WHERE kind = 'group-invitation'")[0]?.n;
    const n = count();
    expect(n).toBeGreaterThan(0);
    const again = ws.run([...TODAY, 'groups', 'invite', id, '--out', 'inv']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already there');
    const forced = ws.run([...TODAY, 'groups', 'invite', id, '--out', 'inv', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(count()).toBe(n); // written again, recorded once

    fs.mkdirSync(path.join(ws.dir, 'o'));
    ws.write('o/F1-Child1-Testcase.pdf', 'a file of someone else');
    const letters = ws.run([...TODAY, 'letters', '--out', 'o']);
    expect(letters.code).toBe(2);
    expect(letters.stderr).toContain('already there');
    expect(fs.readFileSync(path.join(ws.dir, 'o/F1-Child1-Testcase.pdf'), 'utf8')).toBe('a file of someone else');
  });
});
