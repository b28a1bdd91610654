import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/calendar.js';
import type { Child } from '../../src/store/children.js';
import { FORGOTTEN, personalValues, scrub } from '../../src/store/forget.js';

const child: Child = {
  id: 1, ref: '07', firstName: 'Ava', lastName: 'Penhallow', dob: '2024-03-10' as CalendarDate, address: '4 Elm Row, Leek',
  postcode: 'ST13 6BB', parentName: 'June Penhallow', parent2Name: null, parentEmail: null, parentPhone: '07700 900123',
  keyPerson: 'Sam', room: 'Acorns', language: null, funded: true, family: null, startDate: null, leftOn: null,
};

describe('scrubbing a forgotten child from audit details', () => {
  const personal = personalValues(child);

  it('takes the longest words first, so a full name goes as one', () => {
    expect(personal[0]).toBe('4 Elm Row, Leek');
    expect(scrub('Ava Penhallow', personal)).toBe(FORGOTTEN);
    expect(personal).not.toContain('Sam');
  });

  it('replaces whole words only, whatever their case', () => {
    expect(scrub('letters for 07 and 070', personal)).toBe(`letters for ${FORGOTTEN} and 070`);
    expect(scrub('born 2026-07-01', personal)).toBe('born 2026-07-01');
    expect(scrub('AVA and Avalon', personal)).toBe(`${FORGOTTEN} and Avalon`);
  });

  it('walks objects, arrays and keys, and leaves other values alone', () => {
    const details = { children: ['07', 'K2'], '07': { to: 'ST13 6BB', count: 3 }, names: 'June Penhallow, Bram Otterley', ok: true };
    expect(scrub(details, personal)).toEqual({
      children: [FORGOTTEN, 'K2'], [FORGOTTEN]: { to: FORGOTTEN, count: 3 }, names: `${FORGOTTEN}, Bram Otterley`, ok: true,
    });
  });
});
