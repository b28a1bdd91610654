import { describe, expect, it } from 'vitest';
import { runAttend, runCreate, runInvite, runPlan } from '../../src/app/groups.js';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { addReview } from '../../src/store/reviews.js';
import { contextFor, seedRoster, seedSetting, withDatabase } from '../helpers/context.js';

/* Group reviews, in process: plan, save, invite (only with consent, one Hub a session), attend. */
const TODAY = '2026-11-20' as CalendarDate;
const roster = [
  { ref: 'A1', first: 'Ada', last: 'Able', dob: '2024-12-01' },
  { ref: 'B2', first: 'Ben', last: 'Brook', dob: '2024-12-10' },
  { ref: 'C3', first: 'Cal', last: 'Cole', dob: '2024-12-20' },
];

describe('group reviews', () => {
  it('plans and saves sessions, refuses invitations without consent, and records attendance on or after the day', async () =>
    withDatabase(async (db, dir) => {
      seedSetting(db);
      seedRoster(db, roster);
      const ctx = contextFor(db, TODAY, { cwd: dir });
      const plan = runPlan(ctx, { from: '2026-12-01', to: '2027-01-31', size: '6', spread: '3' });
      expect(plan.sessions.flatMap((s) => s.members.map((m) => m.ref)).sort()).toEqual(['A1', 'B2', 'C3']);
      const [session] = runCreate(ctx, { from: '2026-12-01', to: '2027-01-31', size: '6', spread: '3', place: 'Hall' });
      expect(session).toMatchObject({ place: 'Hall' });
      // no consent to share with health: nothing is written
      await expect(runInvite(ctx, session!.id, { out: 'invitations' })).rejects.toThrow(/no current consent to share with health for/);
      expect(db.prepare("SELECT COUNT(*) AS n FROM letters WHERE kind = 'group-invitation'").get()).toEqual({ n: 0 });
      const consent = db.prepare(`INSERT INTO consents (child_id, kind, status, given_by, on_date, method, recorded_by, recorded_at)
      SELECT id, 'share-with-health', 'given', 'Parent', '2026-11-01', 'paper', 'Jo', '2026-11-01T09:00:00Z' FROM children`);
      consent.run();
      const invited = await runInvite(ctx, session!.id, { out: 'invitations' });
      expect(invited.files).toHaveLength(3);
      expect(() => runAttend(ctx, session!.id, ['A1'], true)).toThrow(/no one can have attended it yet/);
      runAttend(contextFor(db, session!.onDate), session!.id, ['A1', 'B2'], true);
      expect(db.prepare('SELECT COUNT(*) AS n FROM group_members WHERE attended = 1').get()).toEqual({ n: 2 });
    }));

  it('leaves out a child whose Health and Development Review is already recorded', () =>
    withDatabase((db) => {
      seedSetting(db);
      seedRoster(db, roster);
      const { id } = db.prepare("SELECT id FROM children WHERE ref = 'B2'").get() as { id: number };
      addReview(
        db,
        id,
        {
          reviewed_on: '2026-11-18' as CalendarDate,
          reviewer: 'Hana Okafor',
          place: null,
          check_seen: false,
          asq3: { communication: 'above', gross_motor: 'above', fine_motor: 'above', problem_solving: 'above', personal_social: 'above' },
          asq_se2: null,
          actions: [],
          notes: null,
        },
        'Jo',
        new Date('2026-11-18T10:00:00Z'),
      );
      const plan = runPlan(contextFor(db, TODAY), { from: '2026-12-01', to: '2027-01-31' });
      expect(plan.due).toBe(2);
      expect(plan.sessions.flatMap((s) => s.members.map((m) => m.ref)).sort()).toEqual(['A1', 'C3']);
      expect(plan.unplaced).toEqual([]);
    }));
});
