import { type CalendarDate, daysInMonth, fromYmd, ymd } from './calendar.js';

/**
 * The date `months` whole months after `dob`. Where that month has no such day (a 31st, or
 * 29 February in a common year) the anniversary falls on the 1st of the next month: a child
 * born on 29 February turns two on 1 March in a common year.
 */
export function monthAnniversary(dob: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = ymd(dob);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  if (day <= daysInMonth(y, m)) return fromYmd(y, m, day);
  return m === 12 ? fromYmd(y + 1, 1, 1) : fromYmd(y, m + 1, 1);
}

export function birthday(dob: CalendarDate, years: number): CalendarDate {
  return monthAnniversary(dob, years * 12);
}

export function secondBirthday(dob: CalendarDate): CalendarDate {
  return birthday(dob, 2);
}

export function thirdBirthday(dob: CalendarDate): CalendarDate {
  return birthday(dob, 3);
}

/** Completed months of age on `today` (negative before birth is not meaningful: returns -1). */
export function ageInMonths(dob: CalendarDate, today: CalendarDate): number {
  if (today < dob) return -1;
  const a = ymd(dob);
  const t = ymd(today);
  let months = (t.year - a.year) * 12 + (t.month - a.month);
  if (monthAnniversary(dob, months) > today) months -= 1;
  return months;
}

/** "2 years 3 months", as a parent reads an age. */
export function describeAge(months: number): string {
  if (months < 0) return 'not yet born';
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const y = years === 1 ? '1 year' : `${years} years`;
  const m = rest === 1 ? '1 month' : `${rest} months`;
  if (years === 0) return m;
  return rest === 0 ? y : `${y} ${m}`;
}
