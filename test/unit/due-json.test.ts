import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { FLAG_NAMES } from '../../src/domain/flags.js';
import type { DueRow } from '../../src/domain/due.js';
import { dueRowJson } from '../../src/cli/due-json.js';

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('"', '\\', '\n', '\u2028', '\ud800', 'Zoë'));
const date = text.map((t) => t as CalendarDate);
// the fields in the order runDue builds them (test/app/due.test.ts holds runDue to it)
const row: fc.Arbitrary<DueRow> = fc.record(
  {
    ref: text,
    firstName: text,
    lastName: text,
    dob: date,
    turnsTwo: date,
    ageMonths: fc.integer({ min: -30, max: 1200 }),
    age: text,
    flags: fc.subarray([...FLAG_NAMES]),
    nextDate: date,
    checkLateFrom: date,
    checkMissedFrom: date,
    fundedFrom: date,
    room: fc.option(text, { nil: null }),
    keyPerson: fc.option(text, { nil: null }),
  },
  { noNullPrototype: true },
);

describe('due --json, one child at a time', () => {
  it('is JSON.stringify(row, null, 2) indented by two, for any text', () => {
    fc.assert(
      fc.property(row, (r) => {
        expect(dueRowJson(r)).toBe(`  ${JSON.stringify(r, null, 2).replace(/\n/g, '\n  ')}`);
      }),
      { numRuns: 2000 },
    );
  });
});
