import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fromDayNumber } from '../../src/domain/calendar.js';
import { secondBirthday, thirdBirthday } from '../../src/domain/age.js';
import { parentLetterWanted } from '../../src/domain/letters.js';
import type { CalendarDate } from '../../src/domain/calendar.js';

const d = (s: string) => s as CalendarDate;

describe('when a parent letter is wanted', () => {
  it('is wanted from the second birthday until the day before the third', () => {
    expect(parentLetterWanted(d('2024-03-10'), d('2026-03-09'), 0)).toBeNull();
    expect(parentLetterWanted(d('2024-03-10'), d('2026-03-10'), 0)).toBe('two');
    expect(parentLetterWanted(d('2024-03-10'), d('2027-03-09'), 0)).toBe('two');
    expect(parentLetterWanted(d('2024-03-10'), d('2027-03-10'), 14)).toBeNull();
  });

  it('can be prepared ahead, within the look-ahead only', () => {
    expect(parentLetterWanted(d('2024-03-10'), d('2026-02-24'), 14)).toBe('turns-two-soon');
    expect(parentLetterWanted(d('2024-03-10'), d('2026-02-23'), 14)).toBeNull();
  });

  it('follows the 29 February rule: wanted from 1 March in a common year', () => {
    expect(parentLetterWanted(d('2024-02-29'), d('2026-02-28'), 0)).toBeNull();
    expect(parentLetterWanted(d('2024-02-29'), d('2026-03-01'), 0)).toBe('two');
  });

  it('for every birth date and day: wanted exactly between the look-ahead and the third birthday', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 18000, max: 22000 }),
        fc.integer({ min: 0, max: 1500 }),
        fc.integer({ min: 0, max: 60 }),
        (birth, age, within) => {
          const dob = fromDayNumber(birth);
          const today = addDays(dob, age);
          const wanted = parentLetterWanted(dob, today, within) !== null;
          expect(wanted).toBe(addDays(today, within) >= secondBirthday(dob) && today < thirdBirthday(dob));
        },
      ),
    );
  });
});
