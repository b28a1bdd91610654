import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromYmd, isValidYmd } from '../../src/domain/calendar.js';
import { parseDateInput } from '../../src/domain/dates-input.js';

describe('a date typed in an option reads as a roster date does', () => {
  it.each([
    ['2026-11-20', '2026-11-20'],
    ['20/11/2026', '2026-11-20'],
    [' 20/11/2026 ', '2026-11-20'],
    ['3/7/2026', '2026-07-03'],
    ['03-07-2026', '2026-07-03'],
    ['03.07.2026', '2026-07-03'],
    ['29/02/2028', '2028-02-29'],
    ['2028-02-29', '2028-02-29'],
  ])('%s is %s', (typed, iso) => {
    expect(parseDateInput(typed)).toBe(iso);
  });

  it.each([
    '29/02/2027',
    '2027-02-29',
    '31/04/2026',
    '20/11/26',
    '11/20/2026',
    '2026/11/20',
    '20/11-2026',
    'today',
    '',
    '2026-1-2',
    '00/01/2026',
  ])('refuses %j', (typed) => {
    expect(parseDateInput(typed)).toBeNull();
  });

  it('reads every calendar day the same in both forms', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const uk = `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const expected = isValidYmd(y, m, d) ? fromYmd(y, m, d) : null;
        expect(parseDateInput(uk)).toBe(expected);
        expect(parseDateInput(iso)).toBe(expected);
      }),
    );
  });
});
