/**
 * When a parent letter is wanted. The letter is sent when the child reaches two; a setting may
 * prepare it ahead (by default 14 days before). After the third birthday it is no longer sent:
 * the Progress Check window has closed.
 */
import { type CalendarDate, addDays } from './calendar.js';
import { secondBirthday, thirdBirthday } from './age.js';

export type LetterReason = 'two' | 'turns-two-soon';

/** Why a child's parent letter is wanted on `today`, or null if it is not (yet, or any more). */
export function parentLetterWanted(dob: CalendarDate, today: CalendarDate, withinDays: number): LetterReason | null {
  const two = secondBirthday(dob);
  if (today >= thirdBirthday(dob)) return null;
  if (today >= two) return 'two';
  if (two <= addDays(today, withinDays)) return 'turns-two-soon';
  return null;
}
