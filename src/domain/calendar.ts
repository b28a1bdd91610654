/**
 * Calendar dates in England, as `YYYY-MM-DD` strings. All arithmetic is done on whole days
 * counted in UTC, so nothing here can shift with the machine's time zone.
 */
export type CalendarDate = string & { readonly __calendarDate: unique symbol };

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

export function fromYmd(year: number, month: number, day: number): CalendarDate {
  if (!isValidYmd(year, month, day)) throw new RangeError(`not a calendar date: ${year}-${month}-${day}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as CalendarDate;
}

/** Strict `YYYY-MM-DD`; returns null for anything else, including 2023-02-29. */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = ISO.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? fromYmd(y, mo, d) : null;
}

export function ymd(date: CalendarDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Days since 1970-01-01. */
export function dayNumber(date: CalendarDate): number {
  const { year, month, day } = ymd(date);
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function fromDayNumber(n: number): CalendarDate {
  const d = new Date(n * MS_PER_DAY);
  return fromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** b − a in days. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Made on first use: building a time-zone formatter costs start-up time that most runs never need.
let londonFormat: Intl.DateTimeFormat | undefined;

/** The date on a calendar on a wall in England at this instant. */
export function londonDate(instant: Date): CalendarDate {
  londonFormat ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const parts = londonFormat.formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return fromYmd(get('year'), get('month'), get('day'));
}

const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const longFormats = new Map<string, Intl.DateTimeFormat | null>();

/**
 * "3 March 2026", as a letter to parents writes it; in a letter in another language, as that
 * language writes a date ("3 marca 2026"). A language Intl does not know gets the English form.
 */
export function formatLongDate(date: CalendarDate, language = 'en'): string {
  const { year, month, day } = ymd(date);
  const format = language === 'en' ? null : longFormatFor(language);
  // UTC on both sides, so the day printed is the calendar date whatever the machine's zone
  return format ? format.format(Date.UTC(year, month - 1, day)) : `${day} ${LONG_MONTHS[month - 1]} ${year}`;
}

function longFormatFor(language: string): Intl.DateTimeFormat | null {
  if (!longFormats.has(language)) {
    const known = Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0 && !language.startsWith('en');
    longFormats.set(
      language,
      known ? new Intl.DateTimeFormat(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) : null,
    );
  }
  return longFormats.get(language) ?? null;
}

/** "03/03/2026", as the roster and most UK systems write it. */
export function formatUkDate(date: CalendarDate): string {
  const { year, month, day } = ymd(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}
