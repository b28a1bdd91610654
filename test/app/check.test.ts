import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVersions, recordCheck, recordGivenToParents } from '../../src/app/check.js';
import { recordHealthShare, shareCheckByEmail } from '../../src/app/share-check.js';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { validateCheck } from '../../src/domain/progress-check.js';
import type { Db } from '../../src/store/db.js';
import { ROOT } from '../helpers/cli.js';
import { contextFor, seedRoster, seedSetting, withDatabase } from '../helpers/context.js';

/*
 * The check use cases, in process: a real database in a temporary folder, a fixed day. Every
 * check PDF on disk has its record with the same SHA-256, and every record its PDF.
 */
const TODAY = '2026-06-01' as CalendarDate;
const EXAMPLE = path.join(ROOT, 'examples', 'progress-check.json');
const sha = (file: string): string => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function seeded(db: Db): void {
  seedSetting(db);
  // Leek: the West Hub's area
  seedRoster(db, [
    { ref: '007', first: 'Zoë', last: 'Ashworth', dob: '2024-03-15', address: '1 Church Street, Leek', postcode: 'ST13 5AA' },
  ]);
}

function checkRows(db: Db): { version: number; pdf_path: string; pdf_sha256: string }[] {
  return db.prepare("SELECT version, pdf_path, pdf_sha256 FROM checks WHERE status = 'completed' ORDER BY version").all() as never;
}

/** The PDFs in the folder equal the records: the same files, the same SHA-256s; no temporary file left. */
function expectFilesEqualRecords(db: Db, folder: string): void {
  const files = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
  expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  const rows = checkRows(db);
  expect(
    files
      .filter((f) => f.endsWith('.pdf'))
      .map((f) => path.join(folder, f))
      .sort(),
  ).toEqual(rows.map((r) => r.pdf_path).sort());
  for (const r of rows) expect(sha(r.pdf_path)).toBe(r.pdf_sha256);
}

function giveConsent(db: Db, on: string): void {
  db.prepare(
    `INSERT INTO consents (child_id, kind, status, given_by, on_date, method, recorded_by, recorded_at)
    VALUES (1, 'share-with-health', 'given', 'Parent', ?, 'paper', 'Jo', '2026-01-01T09:00:00Z')`,
  ).run(on);
}

describe('recordCheck', () => {
  it('writes the PDF and its record together; a second check needs --amend, which keeps the first', async () =>
    withDatabase(async (db, dir) => {
      seeded(db);
      const ctx = contextFor(db, TODAY, { cwd: dir });
      const first = await recordCheck(ctx, '007', { from: EXAMPLE });
      expect(first.kind).toBe('completed');
      expectFilesEqualRecords(db, path.join(dir, 'checks'));
      await expect(recordCheck(ctx, '007', { from: EXAMPLE })).rejects.toThrow(/already has a completed Progress Check/);
      await expect(recordCheck(ctx, '007', { from: EXAMPLE, amend: true })).rejects.toThrow(/--amend needs --reason/);
      const second = await recordCheck(ctx, '007', { from: EXAMPLE, amend: true, reason: 'Parents added their comments' });
      expect(second.kind === 'completed' && second.record.version).toBe(2);
      expect(checkRows(db).map((r) => path.basename(r.pdf_path))).toEqual([
        'Ashworth-Zoe-007-progress-check-v1.pdf',
        'Ashworth-Zoe-007-progress-check-v2.pdf',
      ]);
      expectFilesEqualRecords(db, path.join(dir, 'checks'));
    }));

  it('takes the answers from the ask it is given; no answers keeps the draft and writes nothing', async () =>
    withDatabase(async (db, dir) => {
      seeded(db);
      const ctx = contextFor(db, TODAY, { cwd: dir });
      await expect(recordCheck(ctx, '007', {})).rejects.toThrow(/needs --from/);
      const declined = await recordCheck(ctx, '007', {}, async () => null);
      expect(declined.kind).toBe('kept-as-draft');
      expect(fs.existsSync(path.join(dir, 'checks'))).toBe(false);
      const asked: string[] = [];
      const answered = await recordCheck(ctx, '007', { out: 'here' }, async (child, defaults) => {
        asked.push(child.ref);
        const v = validateCheck(JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')), defaults);
        if (!v.ok) throw new Error(v.problems.join('; '));
        return { check: v.check, warnings: [] };
      });
      expect(asked).toEqual(['007']);
      expect(answered.kind === 'completed' && path.dirname(answered.record.pdfPath ?? '')).toBe(path.join(dir, 'here'));
      expectFilesEqualRecords(db, path.join(dir, 'here'));
    }));

  it('a record that fails leaves no PDF behind, and the same command then writes it once', async () =>
    withDatabase(async (db, dir) => {
      seeded(db);
      const ctx = contextFor(db, TODAY, { cwd: dir });
      // the database refuses the check's row, as a full disk would
      db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON checks BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
      await expect(recordCheck(ctx, '007', { from: EXAMPLE })).rejects.toThrow(/full/);
      expect(checkRows(db)).toEqual([]);
      expectFilesEqualRecords(db, path.join(dir, 'checks'));
      db.exec('DROP TRIGGER refuse');
      await recordCheck(ctx, '007', { from: EXAMPLE });
      expect(checkRows(db)).toHaveLength(1);
      expectFilesEqualRecords(db, path.join(dir, 'checks'));
    }));

  it('never overwrites a PDF already there, from this database or another', async () =>
    withDatabase(async (db, dir) => {
      seeded(db);
      fs.mkdirSync(path.join(dir, 'checks'));
      const theirs = path.join(dir, 'checks', 'Ashworth-Zoe-007-progress-check-v1.pdf');
      fs.writeFileSync(theirs, 'evidence');
      const result = await recordCheck(contextFor(db, TODAY, { cwd: dir }), '007', { from: EXAMPLE });
      expect(result.kind === 'completed' && path.basename(result.record.pdfPath ?? '')).toBe('Ashworth-Zoe-007-progress-check-v1-2.pdf');
      expect(fs.readFileSync(theirs, 'utf8')).toBe('evidence');
    }));

  it('refuses a check before the second birthday unless forced with a reason', async () =>
    withDatabase(async (db, dir) => {
      seeded(db);
      const ctx = contextFor(db, '2026-03-01' as CalendarDate, { cwd: dir });
      await expect(recordCheck(ctx, '007', { from: EXAMPLE, force: true })).rejects.toThrow(/--force needs --reason/);
      await expect(recordCheck(ctx, '007', { from: EXAMPLE })).rejects.toThrow(/the check was refused/);
      const forced = await recordCheck(ctx, '007', { from: EXAMPLE, force: true, reason: 'leaving the setting' });
      expect(forced.kind === 'completed' && forced.warnings).toContain('recorded before the second birthday because: leaving the setting');
    }));
});

describe('recordGivenToParents and checkVersions', () => {
  it('records the day on the current version, never in the future or before the check', async () =>
    withDatabase(async (db, dir) => {
      seeded(db);
      const ctx = contextFor(db, TODAY, { cwd: dir });
      expect(() => recordGivenToParents(ctx, '007', '2026-06-01')).toThrow(/no completed Progress Check/);
      await recordCheck(ctx, '007', { from: EXAMPLE });
      expect(() => recordGivenToParents(ctx, '007', '2026-06-02')).toThrow(/in the future/);
      expect(() => recordGivenToParents(ctx, '007', '2026-05-31')).toThrow(/before the check was completed/);
      expect(() => recordGivenToParents(ctx, '007', 'soon')).toThrow(/must be a date/);
      expect(recordGivenToParents(ctx, '007', '01/06/2026').record.sharedOn).toBe('2026-06-01');
      const shown = checkVersions(ctx, '007');
      expect(shown.versions.map((v) => [v.version, v.sharedOn])).toEqual([[1, '2026-06-01']]);
      expect(() => checkVersions(ctx, 'nobody')).toThrow(/no child with the ref/);
    }));
});

describe('sharing a check with health: one gate for every route', () => {
  const audit = (db: Db) =>
    (db.prepare('SELECT action, details FROM audit ORDER BY id').all() as { action: string; details: string }[]).map((a) => ({
      action: a.action,
      details: JSON.parse(a.details) as Record<string, unknown>,
    }));

  it('a share made by phone needs consent, or the safeguarding override with its reason', async () =>
    withDatabase(async (db, dir) => {
      seeded(db);
      const ctx = contextFor(db, TODAY, { cwd: dir, by: 'Dana Manager' });
      expect(() => recordHealthShare(ctx, '007', { withWhom: 'West Hub', how: 'phone' })).toThrow(/no completed Progress Check/);
      await recordCheck(ctx, '007', { from: EXAMPLE });
      expect(() => recordHealthShare(ctx, '007', { withWhom: 'West Hub', how: 'phone' })).toThrow(
        /no consent to share with health is recorded/,
      );
      expect(() => recordHealthShare(ctx, '007', { withWhom: 'West Hub', how: 'phone', withoutConsent: true })).toThrow(/needs --reason/);
      expect(db.prepare('SELECT count(*) AS n FROM check_shares').get()).toEqual({ n: 0 });

      const override = recordHealthShare(ctx, '007', {
        withWhom: 'West Hub',
        how: 'phone',
        withoutConsent: true,
        reason: 'DSL decision: risk of harm',
      });
      expect(override.share).toMatchObject({
        withWhom: 'West Hub',
        how: 'phone',
        onDate: TODAY,
        withoutConsentReason: 'DSL decision: risk of harm',
      });
      expect(override.warnings.join('\n')).toContain('decided by Dana Manager');
      const lines = audit(db).filter((a) => a.action.startsWith('consent.') || a.action.startsWith('check.share'));
      expect(lines.map((a) => a.action)).toEqual(['consent.override', 'check.share-health-without-consent']);
      expect(lines[0]?.details).toMatchObject({ reason: 'DSL decision: risk of harm', decided_by: 'Dana Manager', with: 'West Hub' });

      giveConsent(db, '2026-05-20');
      const agreed = recordHealthShare(ctx, '007', { withWhom: 'West Hub', how: 'meeting', on: '2026-06-01' });
      expect(agreed.share.withoutConsentReason).toBeNull();
      expect(() => recordHealthShare(ctx, '007', { withWhom: 'East Hub', how: 'phone' })).toThrow(/in West Hub's area, not East Hub's/);
      expect(() => recordHealthShare(ctx, '007', { withWhom: 'West Hub', how: 'phone', on: '2026-05-01' })).toThrow(
        /before the check was completed/,
      );
      expect(checkVersions(ctx, '007').sharedWithHealth.map((s) => s.how)).toEqual(['phone', 'meeting']);
    }));

  it('a share by email passes the same gate: refused without consent before any mail server is asked', async () =>
    withDatabase(async (db, dir) => {
      seeded(db);
      const ctx = contextFor(db, TODAY, { cwd: dir });
      await recordCheck(ctx, '007', { from: EXAMPLE });
      let loaded = false;
      const load = () => {
        loaded = true;
        throw new Error('no mail server in this test');
      };
      const pace = { wait: async () => {}, delays: [] } as never;
      await expect(shareCheckByEmail(ctx, '007', 'hv@nhs.example', {}, load, pace)).rejects.toThrow(
        /no consent to share with health is recorded, so the Progress Check \(version 1\) cannot be shared/,
      );
      await expect(shareCheckByEmail(ctx, '007', 'hv@nhs.example', { reason: 'x' }, load, pace)).rejects.toThrow(
        /--reason goes with --without-consent/,
      );
      expect(loaded).toBe(false);
      // with the override, the gate lets it through to the mail server
      await expect(
        shareCheckByEmail(ctx, '007', 'hv@nhs.example', { withoutConsent: true, reason: 'DSL decision' }, load, pace),
      ).rejects.toThrow(/no mail server/);
      expect(loaded).toBe(true);
      expect(db.prepare('SELECT count(*) AS n FROM check_shares').get()).toEqual({ n: 0 });
    }));
});
