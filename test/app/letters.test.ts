import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLetters, runLettersSent } from '../../src/app/letters.js';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { contextFor, seedRoster, seedSetting, withDatabase } from '../helpers/context.js';

/*
 * The letters use case, in process: a real database in a temporary folder and a fixed day. Every
 * letter written has its record, and every record its file with the same SHA-256.
 */
const TODAY = '2026-06-15' as CalendarDate;
const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

describe('runLetters', () => {
  it('writes and records a letter for each child two or turning two within the look-ahead, once', async () =>
    withDatabase(async (db, dir) => {
      seedSetting(db);
      seedRoster(db, [
        { ref: 'A1', first: 'Ada', last: 'Able', dob: '2024-06-15' }, // two today
        { ref: 'B2', first: 'Ben', last: 'Brook', dob: '2024-06-25' }, // two in ten days
        { ref: 'C3', first: 'Cal', last: 'Cole', dob: '2024-09-01' }, // too young
        { ref: 'D4', first: 'Dot', last: 'Dale', dob: '2023-01-01' }, // three: the window has closed
      ]);
      const ctx = contextFor(db, TODAY, { cwd: dir });
      const first = await runLetters(ctx, { out: 'letters' });
      expect(first.letters.map((l) => [l.ref, l.reason, l.status])).toEqual([
        ['A1', 'two', 'written'],
        ['B2', 'turns-two-soon', 'written'],
      ]);
      const records = db
        .prepare('SELECT c.ref, l.file, l.sha256 FROM letters l JOIN children c ON c.id = l.child_id ORDER BY c.ref')
        .all() as { ref: string; file: string; sha256: string }[];
      expect(records.map((r) => r.ref)).toEqual(['A1', 'B2']);
      for (const r of records) {
        expect(path.dirname(r.file)).toBe(path.join(dir, 'letters'));
        expect(sha(r.file)).toBe(r.sha256);
      }
      // a second run passes over them: nothing new is written or recorded
      const again = await runLetters(ctx, { out: 'letters' });
      expect(again.letters).toEqual([]);
      expect(again.skipped.map((s) => s.ref)).toEqual(['A1', 'B2']);
      expect(fs.readdirSync(path.join(dir, 'letters'))).toHaveLength(2);
    }));

  it('an area table that cannot be read: one warning, and the letters print no Hub number', async () =>
    withDatabase(async (db, dir) => {
      seedSetting(db);
      db.prepare("UPDATE setting SET area = 'nowhere'").run();
      seedRoster(db, [{ ref: 'A1', first: 'Ada', last: 'Able', dob: '2024-06-15' }]);
      const result = await runLetters(contextFor(db, TODAY, { cwd: dir }), { out: 'letters' });
      expect(result.warnings).toEqual([expect.stringMatching(/^no Hub numbers can be printed: no Hub table for the area "nowhere"/)]);
      expect(result.letters.map((l) => [l.ref, l.hub, l.status])).toEqual([['A1', 'not printed', 'written']]);
    }));

  it('--dry-run writes and records nothing', async () =>
    withDatabase(async (db, dir) => {
      seedSetting(db);
      seedRoster(db, [{ ref: 'A1', first: 'Ada', last: 'Able', dob: '2024-06-15' }]);
      const result = await runLetters(contextFor(db, TODAY, { cwd: dir }), { out: 'letters', dryRun: true });
      expect(result.letters.map((l) => l.status)).toEqual(['would-write']);
      expect(fs.existsSync(path.join(dir, 'letters'))).toBe(false);
      expect(db.prepare('SELECT COUNT(*) AS n FROM letters').get()).toEqual({ n: 0 });
    }));
});

describe('runLettersSent', () => {
  it('marks written letters sent on a day, all or nothing, and never before the letter was written', async () =>
    withDatabase(async (db, dir) => {
      seedSetting(db);
      seedRoster(db, [
        { ref: 'A1', first: 'Ada', last: 'Able', dob: '2024-06-15' },
        { ref: 'B2', first: 'Ben', last: 'Brook', dob: '2024-06-10' },
      ]);
      const ctx = contextFor(db, TODAY, { cwd: dir });
      await runLetters(ctx, { out: 'letters', child: ['A1'] });
      // B2 has no letter: nothing is marked, A1 included
      expect(() => runLettersSent(ctx, ['A1', 'B2'], undefined)).toThrow(/no letter was marked sent/);
      expect(db.prepare('SELECT sent_on FROM letters').get()).toEqual({ sent_on: null });
      expect(() => runLettersSent(ctx, ['A1'], '2026-06-01')).toThrow(/no letter was marked sent/);
      expect(runLettersSent(ctx, ['A1'], '15/06/2026').marked.map((m) => [m.ref, m.sentOn])).toEqual([['A1', '2026-06-15']]);
      expect(runLettersSent(ctx, ['A1'], undefined).alreadySent).toEqual(['A1']);
    }));

  it('names the service for a home outside the Hubs instead of asking to check a right address', async () =>
    withDatabase(async (db, dir) => {
      seedSetting(db);
      seedRoster(db, [
        { ref: 'S1', first: 'Sienna', last: 'Hollins', dob: '2024-06-15', address: '40 Hanley Road, Stoke-on-Trent', postcode: 'ST1 3AA' },
        { ref: 'U1', first: 'Una', last: 'Sure', dob: '2024-06-15', address: '2 High Street, Atlantis', postcode: '' },
      ]);
      const result = await runLetters(contextFor(db, TODAY, { cwd: dir }), { out: 'letters', dryRun: true });
      const [outside, unsure] = [result.warnings.find((w) => w.includes('(S1)'))!, result.warnings.find((w) => w.includes('(U1)'))!];
      expect(outside).toContain("Stoke-on-Trent City Council's own health visiting service");
      expect(outside).not.toContain('check the address');
      expect(unsure).toContain('check the address');
    }));
});
