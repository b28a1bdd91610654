import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { type ChildFacts, FLAG_NAMES, keyDates, statusOn } from '../../src/domain/flags.js';
import { ageInMonths } from '../../src/domain/age.js';

/*
 * `due` runs one statusOn(today) over a whole roster, which works out the dates once per date
 * of birth. A roster with many children born on the same few days must get, child by child,
 * exactly what a fresh evaluation gives, with flags in FLAG_NAMES order.
 */
const day = fc
  .integer({ min: Date.UTC(2019, 0, 1) / 864e5, max: Date.UTC(2029, 11, 31) / 864e5 })
  .map((n) => new Date(n * 864e5).toISOString().slice(0, 10) as CalendarDate);

describe('statusOn over a roster', () => {
  it('matches a fresh evaluation for every child, whatever the order and shared birthdays', () => {
    const facts = (dobs: CalendarDate[]): fc.Arbitrary<ChildFacts> =>
      fc.record({
        dob: fc.constantFrom(...dobs),
        leftOn: fc.constantFrom(null, '2020-01-01' as CalendarDate),
        letterSent: fc.boolean(),
        consentGiven: fc.boolean(),
        openConcerns: fc.nat(2),
        check: fc.option(
          fc.record({ completedOn: day, sharedOn: fc.option(day), sharedWithHealthOn: fc.option(day), lessThanExpected: fc.boolean() }),
          { nil: null },
        ),
        startDate: fc.option(day),
        fundingBasis: fc.constantFrom(null, 'disadvantaged', 'working-parent'),
        concerns: fc.array(fc.record({ raisedOn: day, closedOn: fc.option(day), sharedOn: fc.option(day) }), { maxLength: 2 }),
        reviewedOn: fc.option(day),
        dismissed: fc.constantFrom([], ['check-missed'], ['check-late']),
        hubUnsure: fc.constantFrom(
          () => null,
          () => 'the postcode is missing',
        ),
      });
    const roster = fc.array(day, { minLength: 1, maxLength: 4 }).chain((dobs) => fc.array(facts(dobs), { maxLength: 40 }));
    fc.assert(
      fc.property(roster, day, fc.integer({ min: 0, max: 60 }), (children, today, within) => {
        const shared = statusOn(today, within);
        for (const child of children) {
          const got = shared(child);
          expect(got).toEqual(statusOn(today, within)(child));
          expect({ ...got.dates, checkLateFrom: null, fundedFrom: null }).toEqual({
            ...keyDates(child.dob),
            checkLateFrom: null,
            fundedFrom: null,
          });
          expect(got.ageMonths).toBe(ageInMonths(child.dob, today));
          const order = got.flags.map((f) => FLAG_NAMES.indexOf(f.name));
          expect(order).toEqual([...order].sort((a, b) => a - b));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
