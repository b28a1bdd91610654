import { type CalendarDate, fromYmd, ymd } from './calendar.js';
import { secondBirthday } from './age.js';

/**
 * The first day of a funded two-year-old place in England: the start of the term after the
 * second birthday. Birthday 1 Jan–31 Mar → 1 April; 1 Apr–31 Aug → 1 September;
 * 1 Sep–31 Dec → 1 January of the next year.
 */
export function fundedTermStart(dob: CalendarDate): CalendarDate {
  const { year, month } = ymd(secondBirthday(dob));
  if (month <= 3) return fromYmd(year, 4, 1);
  if (month <= 8) return fromYmd(year, 9, 1);
  return fromYmd(year + 1, 1, 1);
}
