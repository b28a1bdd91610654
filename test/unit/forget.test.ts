import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/calendar.js';
import type { Child } from '../../src/store/children.js';
import { FORGOTTEN, personalPattern, personalValues, scrub } from '../../src/store/forget.js';

const child: Child = {
  id: 1,
  ref: '07',
  firstName: 'Ava',
  lastName: 'Penhallow',
  dob: '2024-03-10' as CalendarDate,
  address: '4 Elm Row, Leek',
  postcode: 'ST13 6BB',
  parentName: 'June Penhallow',
  parent2Name: null,
  parentEmail: null,
  parentPhone: '07700 900123',
  keyPerson: 'Sam',
  room: 'Acorns',
  language: null,
  funded: true,
  family: null,
  startDate: null,
  leftOn: null,
};

describe('scrubbing a forgotten child from audit details', () => {
  const personal = personalValues(child);
  const pattern = personalPattern(personal);

  it('takes the longest words first, so a full name goes as one', () => {
    expect(personal[0]).toBe('4 Elm Row, Leek');
    expect(scrub('Ava Penhallow', pattern)).toBe(FORGOTTEN);
    // staff are not the child's data; dob and postcode are shared with other children
    expect(personal).not.toContain('Sam');
    expect(personal).not.toContain('2024-03-10');
    expect(personal).not.toContain('ST13 6BB');
  });

  it('replaces whole words only, whatever their case', () => {
    expect(scrub('letters for 07 and 070', pattern)).toBe(`letters for ${FORGOTTEN} and 070`);
    expect(scrub('born 2026-07-01', pattern)).toBe('born 2026-07-01');
    expect(scrub('AVA and Avalon', pattern)).toBe(`${FORGOTTEN} and Avalon`);
  });

  it('walks objects, arrays and keys, and leaves other values alone', () => {
    const details = { children: ['07', 'K2'], '07': { to: '4 Elm Row, Leek', count: 3 }, names: 'June Penhallow, Bram Otterley', ok: true };
    expect(scrub(details, pattern)).toEqual({
      children: [FORGOTTEN, 'K2'],
      [FORGOTTEN]: { to: FORGOTTEN, count: 3 },
      names: `${FORGOTTEN}, Bram Otterley`,
      ok: true,
    });
  });
});

describe('a child with no word long enough to search for', () => {
  it('changes nothing elsewhere', () => {
    expect(scrub({ a: 'text' }, personalPattern([]))).toEqual({ a: 'text' });
  });
});
