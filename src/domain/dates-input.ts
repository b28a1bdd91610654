import { type CalendarDate, fromYmd, isValidYmd } from './calendar.js';

/**
 * A date typed by a person in an option or a prompt, read as rosters are: ISO `2026-11-20`, or
 * the UK's day first `20/11/2026` (also `20-11-2026`, `20.11.2026`, and one-digit days and
 * months, `3/7/2026`). A year is four digits: `20/11/26` could be 1926 or 2026 and is refused.
 * Returns null for anything else, including a day the calendar does not have (29/02/2027).
 */
export function parseDateInput(text: string): CalendarDate | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const uk = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[4], uk[3], uk[1]] : [];
  if (y === undefined) return null;
  const [year, month, day] = [Number(y), Number(m), Number(d)];
  return isValidYmd(year, month, day) ? fromYmd(year, month, day) : null;
}

/** The forms parseDateInput reads, for a message that names them. */
export const DATE_INPUT_FORMS = 'YYYY-MM-DD or DD/MM/YYYY';
