import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { secondBirthday } from '../../src/domain/age.js';
import { type CalendarDate, addDays, fromDayNumber, dayNumber } from '../../src/domain/calendar.js';
import { basisOnRecord, fundedFrom, termAfter } from '../../src/domain/funding.js';

const d = (s: string) => s as CalendarDate;
const TERM_STARTS = /-(01|04|09)-01$/;
/** any day from 2019 to 2030 */
const day = fc.integer({ min: dayNumber(d('2019-01-01')), max: dayNumber(d('2030-12-31')) }).map(fromDayNumber);
/** the deadline for a term: the day before it starts */
const deadline = (term: CalendarDate) => addDays(term, -1);

describe('funded two-year-old places, by the basis on record', () => {
  it('disadvantaged offer: the term after the second birthday, for every birthday 2019–2030', () => {
    fc.assert(
      fc.property(day, (dob) => {
        const from = fundedFrom(dob, 'disadvantaged') as CalendarDate;
        const two = secondBirthday(dob);
        expect(from).toMatch(TERM_STARTS);
        expect(from > two).toBe(true);
        // no term starts between the birthday and this one
        expect(termAfter(two)).toBe(from);
        expect(deadline(from) >= two).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('working parents: the term after turning two when the code was valid by its deadline, else the term after the code', () => {
    fc.assert(
      fc.property(day, day, (dob, code) => {
        const from = fundedFrom(dob, 'working-parent', code) as CalendarDate;
        const two = secondBirthday(dob);
        const byAge = termAfter(two);
        expect(from).toMatch(TERM_STARTS);
        expect(from >= byAge).toBe(true);
        if (code <= deadline(byAge)) expect(from).toBe(byAge);
        else {
          expect(from).toBe(termAfter(code));
          // the code was valid by the deadline before the term it starts
          expect(code <= deadline(from)).toBe(true);
          expect(code > deadline(byAge)).toBe(true);
        }
        // the code counts from a term whose deadline it met, and never a term earlier than that
        expect(code <= deadline(from)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['2024-02-10', '2026-03-31', '2026-04-01'], // turns two Feb 2026, code valid on the deadline
    ['2024-02-10', '2026-04-01', '2026-09-01'], // a day late: the next term
    ['2024-05-20', '2026-01-15', '2026-09-01'], // code long before: the term after turning two
    ['2024-10-03', '2026-12-31', '2027-01-01'],
    ['2024-10-03', '2027-01-01', '2027-04-01'],
    ['2024-02-29', '2026-02-01', '2026-04-01'], // turns two on 1 March 2026
  ])('born %s, code valid from %s: funded from %s', (dob, code, from) => {
    expect(fundedFrom(d(dob), 'working-parent', d(code))).toBe(from);
  });

  it('shows no date without a basis, or for working parents without a code', () => {
    expect(fundedFrom(d('2024-02-10'), null)).toBeNull();
    expect(fundedFrom(d('2024-02-10'), 'working-parent')).toBeNull();
    expect(fundedFrom(d('2024-02-10'), 'working-parent', null)).toBeNull();
  });

  it('reads the basis on record: a basis column first, else "funded" as the disadvantaged offer', () => {
    expect(basisOnRecord({ funded: true })).toBe('disadvantaged');
    expect(basisOnRecord({ funded: false })).toBeNull();
    expect(basisOnRecord({ funded: null })).toBeNull();
    expect(basisOnRecord({ funded: true, fundingBasis: 'working-parent' })).toBe('working-parent');
    expect(basisOnRecord({ funded: true, fundingBasis: 'none' })).toBeNull();
  });
});
