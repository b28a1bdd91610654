import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, addDays } from '../../src/domain/calendar.js';
import { childStatus } from '../../src/domain/flags.js';
import { openDatabase } from '../../src/store/db.js';
import { childrenWithFacts } from '../../src/store/status.js';

/*
 * The status query leaves out children who cannot carry a flag, using text bounds on the date
 * of birth. Check it never leaves out one who does: compare with the rules run on every child.
 */
describe('the facts query finds every child who carries a flag', () => {
  it('for random rosters and days, including month ends and 29 February', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twocheck-status-'));
    const db = openDatabase(path.join(dir, 't.db'));
    const T = '2026-01-01T00:00:00Z';
    const day = fc.integer({ min: Date.UTC(2019, 0, 1) / 864e5, max: Date.UTC(2029, 11, 31) / 864e5 })
      .map((n) => new Date(n * 864e5).toISOString().slice(0, 10) as CalendarDate);
    // dates of birth either anywhere, or within days of two, two and a half or three years before today
    const kid = fc.record({ dob: fc.oneof(day, fc.integer({ min: 700, max: 1130 })), letter: fc.boolean(), consent: fc.boolean(), check: fc.nat(2), concern: fc.boolean(), left: fc.boolean() });
    fc.assert(fc.property(fc.array(kid, { maxLength: 25 }), day, fc.integer({ min: 0, max: 60 }), (given, today, within) => {
      let kids = given as { dob: CalendarDate | number; letter: boolean; consent: boolean; check: number; concern: boolean; left: boolean }[];
      db.exec('DELETE FROM checks; DELETE FROM letters; DELETE FROM consents; DELETE FROM concerns; DELETE FROM children;');
      kids = kids.map((k) => ({ ...k, dob: typeof k.dob === 'number' ? addDays(today, -k.dob) : k.dob }));
      kids.forEach((k, i) => {
        const id = i + 1;
        db.prepare(`INSERT INTO children (id, ref, first_name, last_name, dob, left_on, created_at, updated_at) VALUES (?, ?, 'A', 'B', ?, ?, ?, ?)`)
          .run(id, `R${id}`, k.dob, k.left ? '2019-01-01' : null, T, T);
        if (k.letter) db.prepare(`INSERT INTO letters (child_id, kind, template, template_hash, file, sha256, generated_at, generated_by, sent_on) VALUES (?, 'parent-letter', 't', 'h', 'f', 's', ?, 'x', '2020-01-01')`).run(id, T);
        if (k.consent) db.prepare(`INSERT INTO consents (child_id, kind, status, given_by, on_date, method, recorded_by, recorded_at) VALUES (?, 'share-with-health', 'given', 'P', '2020-01-01', 'paper', 'x', ?)`).run(id, T);
        if (k.check > 0) db.prepare(`INSERT INTO checks (child_id, version, status, completed_on, data, shared_on, created_by, created_at) VALUES (?, 1, 'completed', '2020-01-01', '{}', ?, 'x', ?)`).run(id, k.check === 2 ? '2020-01-02' : null, T);
        if (k.concern) db.prepare(`INSERT INTO concerns (child_id, raised_by, area, description, raised_on, recorded_by, recorded_at) VALUES (?, 'setting', 'a', 'd', '2020-01-01', 'x', ?)`).run(id, T);
      });
      const found = new Map<string, string[]>();
      for (const c of childrenWithFacts(db, { today, horizon: addDays(today, within) })) {
        const flags = childStatus(c.facts, today, within).flags.map((f) => f.name);
        if (flags.length > 0) found.set(c.ref, flags);
      }
      const expected = new Map<string, string[]>();
      kids.forEach((k, i) => {
        if (k.left) return;
        const flags = childStatus({
          dob: k.dob as CalendarDate, leftOn: null, letterSent: k.letter, consentGiven: k.consent, openConcerns: k.concern ? 1 : 0, dismissed: [],
          check: k.check > 0 ? { completedOn: '2020-01-01' as CalendarDate, sharedOn: k.check === 2 ? '2020-01-02' as CalendarDate : null } : null,
        }, today, within).flags.map((f) => f.name);
        if (flags.length > 0) expected.set(`R${i + 1}`, flags);
      });
      expect(found).toEqual(expected);
    }), { numRuns: 500 });
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
