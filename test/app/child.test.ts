import { describe, expect, it } from 'vitest';
import { runChild } from '../../src/app/child.js';
import { runChildren } from '../../src/app/children.js';
import { runExport } from '../../src/app/export.js';
import { runRemind } from '../../src/app/remind.js';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { contextFor, seedRoster, seedSetting, withDatabase } from '../helpers/context.js';

/* child, children, remind and export, in process, on one small roster. */
const TODAY = '2026-06-15' as CalendarDate;

describe('reading the records', () => {
  it('child gives the timeline, the flags on the day and the Hub for the home', () =>
    withDatabase((db) => {
      seedSetting(db);
      seedRoster(db, [
        { ref: 'A1', first: 'Ada', last: 'Able', dob: '2024-06-15' },
        { ref: 'N2', first: 'Nia', last: 'Nowhere', dob: '2024-06-20', address: '4 Mill Lane, Cheadle', postcode: '' },
      ]);
      const ada = runChild(contextFor(db, TODAY), 'A1');
      expect(ada.flags.map((f) => f.name)).toEqual(['letter-due', 'consent-missing', 'check-due']);
      expect(ada.hub).toMatchObject({ kind: 'found', hub: { name: 'West Hub', phone: '0300 303 3923' } });
      // a town in two counties and no postcode: the Hub is unsure, and said so
      const nia = runChild(contextFor(db, TODAY), 'N2');
      expect(nia.flags[0]).toMatchObject({ name: 'hub-unsure', note: expect.stringMatching(/Cheadle/) });
      expect(() => runChild(contextFor(db, TODAY), 'ZZ')).toThrow(/no child with the ref "ZZ"/);
    }));

  it('children lists the roster by age; remind groups the same flags due gives, by flag', () =>
    withDatabase((db) => {
      seedSetting(db);
      seedRoster(db, [
        { ref: 'B2', first: 'Ben', last: 'Brook', dob: '2024-07-01' },
        { ref: 'A1', first: 'Ada', last: 'Able', dob: '2024-06-15' },
      ]);
      const ctx = contextFor(db, TODAY);
      expect(runChildren(ctx, {}).map((c) => [c.ref, c.age])).toEqual([
        ['A1', '2 years'],
        ['B2', '1 year 11 months'],
      ]);
      expect(runRemind(ctx).groups.map((g) => [g.flag, g.children.map((c) => c.ref)])).toEqual([
        ['letter-due', ['A1']],
        ['consent-missing', ['A1', 'B2']],
        ['check-due', ['A1']],
        ['turns-two-soon', ['B2']],
      ]);
    }));

  it('export holds every child with its records inside', () =>
    withDatabase((db) => {
      seedSetting(db);
      seedRoster(db, [{ ref: 'A1', first: 'Ada', last: 'Able', dob: '2024-06-15' }]);
      db.prepare(
        `INSERT INTO consents (child_id, kind, status, given_by, on_date, method, recorded_by, recorded_at)
      VALUES (1, 'share-with-health', 'given', 'Parent', '2026-06-01', 'paper', 'Jo', '2026-06-01T09:00:00Z')`,
      ).run();
      const [ada] = runExport(contextFor(db, TODAY));
      expect(ada).toMatchObject({
        ref: 'A1',
        consents: [{ status: 'given', on_date: '2026-06-01' }],
        letters: [],
        checks: [],
        reviews: [],
      });
    }));
});
