import { type CalendarDate, addDays, fromYmd, isValidYmd, ymd } from './calendar.js';

/**
 * Dates as spreadsheets write them, and which way round a file writes them. A date such as
 * 05/04/2024 reads two ways; the file decides, never a guess: see DateOrderEvidence.
 */

export const DATE_ORDERS = ['dmy', 'mdy'] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

/** Excel's day 1 is 1900-01-01, and it counts a 29 February 1900 that never was: from 61 on, day 0 is 1899-12-30. */
const EXCEL_EPOCH = fromYmd(1899, 12, 30);

/** A time of day after a date, as forms and exports add it: "01/09/2026 08:12:05", "2024-03-12T00:00:00Z". */
const TIME = /(?:[ T]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|GMT|BST|UTC))?)$/i;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/;
const SERIAL = /^(\d{4,5})(?:\.\d+)?$/;
const NAMED_DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?[\s/.-]+([a-z]{3,9})\.?[\s/.,-]+(\d{2}|\d{4})$/i;
const NAMED_MONTH_FIRST = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthNamed(word: string): number | null {
  const w = word.toLowerCase();
  const i = MONTHS.indexOf(w.slice(0, 3));
  if (i < 0) return null;
  // "Sept" is the one common abbreviation longer than three letters
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][
    i
  ] as string;
  return full.startsWith(w) || w === 'sept' ? i + 1 : null;
}

function withoutTime(text: string): string {
  const t = text.trim();
  // Most cells are a bare date: the time pattern runs only where a time could be.
  return t.length > 10 || t.includes(':') ? t.replace(TIME, '') : t;
}

function fullYear(digits: string, today: CalendarDate): number {
  let year = Number(digits);
  if (digits.length === 2) {
    year += 2000;
    if (year > ymd(today).year) year -= 100;
  }
  return year;
}

/**
 * A date as spreadsheets write it, or a reason why not:
 * - `dd/mm/yyyy` (or `mm/dd/yyyy` when `order` is `mdy`; `-` or `.` also separate), with `d/m/yy`:
 *   a two-digit year is 20yy unless that is after this year, then 19yy;
 * - `yyyy-mm-dd` (ISO); `12 Mar 2024`, `12-Mar-24`, `March 12, 2024`;
 * - an Excel serial number of 4 or 5 digits (1900 date system; 45000 = 2023-03-15);
 * - any of these followed by a time of day, which is dropped.
 */
export function parseRosterDate(text: string, today: CalendarDate, order: DateOrder = 'dmy'): { date: CalendarDate } | { problem: string } {
  const t = withoutTime(text);
  const iso = ISO.exec(t);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), t, null);
  const numeric = NUMERIC.exec(t);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    return checked(fullYear(numeric[3] ?? '', today), month, day, t, order);
  }
  const serial = SERIAL.exec(t);
  if (serial) return { date: addDays(EXCEL_EPOCH, Number(serial[1])) };
  const dayFirst = NAMED_DAY_FIRST.exec(t);
  const dm = dayFirst ? monthNamed(dayFirst[2] ?? '') : null;
  if (dayFirst && dm) return checked(fullYear(dayFirst[3] ?? '', today), dm, Number(dayFirst[1]), t, null);
  const monthFirst = NAMED_MONTH_FIRST.exec(t);
  const mm = monthFirst ? monthNamed(monthFirst[1] ?? '') : null;
  if (monthFirst && mm) return checked(Number(monthFirst[3]), mm, Number(monthFirst[2]), t, null);
  return { problem: `"${text.trim()}" is not a date: write dd/mm/yyyy, yyyy-mm-dd or an Excel date` };
}

function checked(
  year: number,
  month: number,
  day: number,
  text: string,
  order: DateOrder | null,
): { date: CalendarDate } | { problem: string } {
  if (!isValidYmd(year, month, day)) {
    if (order && month > 12 && day <= 12) {
      const how = order === 'dmy' ? 'day first (dd/mm/yyyy)' : 'month first (mm/dd/yyyy)';
      return { problem: `"${text}" is not a date: month ${month}? this column is read ${how}` };
    }
    return { problem: `"${text}" is not a date that exists` };
  }
  return { date: fromYmd(year, month, day) };
}

/**
 * What one value says about the order of its column: `dmy` or `mdy` when it exists only read
 * that way (19/05/2023, 5/19/2023), `ambiguous` when it exists both ways and means two days
 * (05/04/2024), null when the order does not matter (ISO, 05/05/2024, not a date).
 */
export function dateEvidence(text: string, today: CalendarDate): DateOrder | 'ambiguous' | null {
  const m = NUMERIC.exec(withoutTime(text));
  if (!m) return null;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a === b) return null;
  const year = fullYear(m[3] ?? '', today);
  const asDmy = isValidYmd(year, b, a);
  const asMdy = isValidYmd(year, a, b);
  if (asDmy && asMdy) return 'ambiguous';
  if (asDmy) return 'dmy';
  if (asMdy) return 'mdy';
  return null;
}

export interface DateProof {
  column: number;
  header: string;
  line: number;
  text: string;
}

interface ColumnEvidence {
  header: string;
  dmy: DateProof | null;
  mdy: DateProof | null;
  ambiguous: DateProof | null;
}

export interface DateConflict {
  header: string;
  /** a value that exists only day first, and one that exists only month first */
  dmy: DateProof;
  mdy: DateProof;
}

export interface DateOrders {
  /** column index → the order its values are read in */
  orders: Map<number, DateOrder>;
  /** the column and lines that prove the file month-first, when it is */
  because: DateProof[];
  conflicts: DateConflict[];
}

/**
 * The order of each date column, from every value in the file. A column whose values include
 * one that can only be month-first (5/19/2023) is month-first; one that can only be day-first
 * (19/05/2023) is day-first; both is a conflict, and the file is refused. A column with
 * nothing to decide by (every value reads both ways) follows the file's other date columns
 * (a form's Timestamp column counts), and is day-first when nothing in the file says otherwise.
 */
export class DateOrderEvidence {
  private readonly columns = new Map<number, ColumnEvidence>();

  constructor(private readonly today: CalendarDate) {}

  track(column: number, header: string): void {
    this.columns.set(column, { header, dmy: null, mdy: null, ambiguous: null });
  }

  tracked(): number[] {
    return [...this.columns.keys()];
  }

  /** Records one value; true when it is the first of its kind to prove an order for its column. */
  observe(column: number, text: string, line: number): boolean {
    const c = this.columns.get(column);
    if (!c) return false;
    const e = dateEvidence(text, this.today);
    if (e === null) return false;
    if (e === 'ambiguous') {
      c.ambiguous ??= { column, header: c.header, line, text: text.trim() };
      return false;
    }
    if (c[e]) return false;
    c[e] = { column, header: c.header, line, text: text.trim() };
    return true;
  }

  resolve(): DateOrders {
    const orders = new Map<number, DateOrder>();
    const conflicts: DateConflict[] = [];
    const because: DateProof[] = [];
    const fileDmy: DateProof[] = [];
    const fileMdy: DateProof[] = [];
    for (const c of this.columns.values()) {
      if (c.dmy && c.mdy) conflicts.push({ header: c.header, dmy: c.dmy, mdy: c.mdy });
      else if (c.dmy) fileDmy.push(c.dmy);
      else if (c.mdy) fileMdy.push(c.mdy);
    }
    for (const [column, c] of this.columns) {
      if (c.dmy && c.mdy) continue;
      if (c.mdy) {
        orders.set(column, 'mdy');
        because.push(c.mdy);
      } else if (c.dmy) {
        orders.set(column, 'dmy');
      } else if (fileMdy.length > 0 && fileDmy.length > 0 && c.ambiguous) {
        conflicts.push({ header: c.header, dmy: fileDmy[0] as DateProof, mdy: fileMdy[0] as DateProof });
      } else if (fileMdy.length > 0) {
        orders.set(column, 'mdy');
        because.push(fileMdy[0] as DateProof);
      } else {
        orders.set(column, 'dmy');
      }
    }
    return { orders, because, conflicts };
  }
}
