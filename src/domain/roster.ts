import { ageInMonths } from './age.js';
import type { CalendarDate } from './calendar.js';
import { isEmailAddress } from './contact.js';
import { type DateOrder, parseRosterDate } from './roster-dates.js';
import { type FundingBasis, MAX_NAME_LENGTH, combineFunding, hasLostLetter, readFunding } from './roster-fields.js';
import type { FundingPart } from './roster-headers.js';

/**
 * The roster's rules: what a good value looks like. Pure: the reader hands in strings; this
 * says what they mean or what is wrong. Which column is which field: roster-layout.ts.
 */

export const ROSTER_FIELDS = [
  'ref',
  'first_name',
  'last_name',
  'dob',
  'address',
  'postcode',
  'parent_name',
  'parent2_name',
  'parent_email',
  'parent_phone',
  'key_person',
  'room',
  'language',
  'funded',
  'family',
  'start_date',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

/**
 * What is kept of a roster row: every field, with the funding basis (read from the funding
 * words) beside `funded`. The store's columns and the CSV that re-imports are these.
 */
export type RosterColumn = RosterField | 'funding_basis';
export const ROSTER_COLUMNS: readonly RosterColumn[] = ROSTER_FIELDS.flatMap((f): RosterColumn[] =>
  f === 'funded' ? [f, 'funding_basis'] : [f],
);

/** A roster with no ID column is keyed by name and date of birth, so only these must be there. */
export const REQUIRED_FIELDS: readonly RosterField[] = ['first_name', 'last_name', 'dob'];

/** A child's row after validation, in the store's terms (null = the cell was empty). */
export type RosterValues = Partial<Record<RosterField, string | boolean | null>> & { funding_basis?: FundingBasis | null };

/** One row as the layout reads it: a cell's text per field, and the funding cells, which combine. */
export type RawRow = Partial<Record<RosterField, string>> & { funding?: { part: FundingPart; text: string }[]; oneWordName?: boolean };

export interface RowProblem {
  field: string;
  problem: string;
}

export { parseRosterDate } from './roster-dates.js';
export { headerKey } from './roster-headers.js';

/** The oldest child an early-years roster plausibly holds. */
export const MAX_AGE_MONTHS = 7 * 12;

const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

/** `st135aa` → `ST13 5AA`; null when it is not shaped like a UK postcode. */
export function normalisePostcode(text: string): string | null {
  const squashed = text.toUpperCase().replace(/\s+/g, '');
  const m = POSTCODE.exec(squashed);
  return m ? `${m[1]} ${m[2]}` : null;
}

/** funded as yes or no (null for an empty cell, undefined for words that are neither). */
export function parseYesNo(text: string): boolean | null | undefined {
  const f = readFunding('funded', text);
  return f === undefined ? undefined : f.funded;
}

/** Whitespace that collapsing would change: a run of two or more, or anything but a plain space. */
const UNEVEN_SPACE = /\s\s|[^\S ]/;
const NAMES = new Set<string>(['first_name', 'last_name', 'parent_name', 'parent2_name', 'key_person']);

export interface RowResult {
  values: RosterValues;
  problems: RowProblem[];
  /** things imported as they are that a person should look at */
  warnings: RowProblem[];
}

/**
 * Validates one row (field → raw cell) and returns the cleaned values, every problem and any
 * warnings. `orders` says how each date field is read (day first unless the file proves otherwise).
 */
export function validateRow(raw: RawRow, today: CalendarDate, orders: Partial<Record<'dob' | 'start_date', DateOrder>> = {}): RowResult {
  const values: RosterValues = {};
  const problems: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const bad = (field: string, problem: string) => problems.push({ field, problem });
  for (const key in raw) {
    if (key === 'funding' || key === 'oneWordName') continue;
    const field = key as RosterField;
    const trimmed = (raw[field] ?? '').trim();
    // Collapse inner runs of spaces for names; keep the text otherwise exactly as typed (accents, leading zeros).
    // Most cells have nothing to collapse, and testing is cheaper than rebuilding the string per cell.
    const text = field === 'address' || !UNEVEN_SPACE.test(trimmed) ? trimmed : trimmed.replace(/\s+/g, ' ');
    if (text === '') {
      if (field === 'last_name' && raw.oneWordName) values.last_name = '';
      else if (REQUIRED_FIELDS.includes(field) || field === 'ref') bad(field, 'is empty (required)');
      else values[field] = null;
      if (field === 'funded') values.funding_basis = null;
      continue;
    }
    if (NAMES.has(field)) {
      if (text.length > MAX_NAME_LENGTH) {
        bad(field, `is ${text.length} characters long; a name is at most ${MAX_NAME_LENGTH} (is the row broken?)`);
        continue;
      }
      if (hasLostLetter(text)) {
        warnings.push({
          field,
          problem: `"${text}" has a "?" where a letter should be: Excel's plain "CSV" loses letters it cannot encode; save as "CSV UTF-8" and import again`,
        });
      }
    }
    switch (field) {
      case 'dob':
      case 'start_date': {
        const parsed = parseRosterDate(text, today, orders[field] ?? 'dmy');
        if ('problem' in parsed) {
          bad(field, parsed.problem);
          break;
        }
        values[field] = parsed.date;
        if (field === 'dob') {
          if (parsed.date > today) bad(field, `${parsed.date} is in the future`);
          else if (ageInMonths(parsed.date, today) >= MAX_AGE_MONTHS)
            bad(
              field,
              `${parsed.date} would make the child ${Math.floor(ageInMonths(parsed.date, today) / 12)}: too old for an early-years roster`,
            );
        }
        break;
      }
      case 'postcode': {
        const pc = normalisePostcode(text);
        if (pc) values.postcode = pc;
        else bad(field, `"${text}" is not a UK postcode`);
        break;
      }
      case 'funded': {
        const f = readFunding('funded', text);
        if (f === undefined)
          bad(field, `"${text}" is not yes or no, nor a kind of funding (2YO, disadvantaged, working parents, universal)`);
        else {
          values.funded = f.funded;
          values.funding_basis = f.basis;
        }
        break;
      }
      case 'parent_email':
        if (isEmailAddress(text)) values[field] = text;
        else bad(field, `"${text}" is not an email address`);
        break;
      default:
        values[field] = text;
    }
  }
  if (raw.funding) {
    const readings = [];
    for (const { part, text } of raw.funding) {
      const f = readFunding(part, text);
      if (f === undefined)
        bad('funded', `"${text.trim()}" is not a kind of funding (yes/no, 2YO, disadvantaged, working parents, universal, hours)`);
      else readings.push(f);
    }
    const combined = combineFunding(readings);
    values.funded = combined.funded;
    values.funding_basis = combined.basis;
  }
  const dob = values.dob;
  const start = values.start_date;
  if (typeof dob === 'string' && typeof start === 'string' && start < dob) bad('start_date', `${start} is before the date of birth`);
  return { values, problems, warnings };
}
