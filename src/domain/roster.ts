import { ageInMonths } from './age.js';
import { type CalendarDate, addDays, fromYmd, isValidYmd, ymd } from './calendar.js';
import { isEmailAddress } from './contact.js';

/**
 * The roster's rules: which column is which field, and what a good value looks like.
 * Pure: the reader hands in header names and strings; this says what they mean or what is wrong.
 */

export const ROSTER_FIELDS = [
  'ref', 'first_name', 'last_name', 'dob', 'address', 'postcode', 'parent_name', 'parent2_name',
  'parent_email', 'parent_phone', 'key_person', 'room', 'language', 'funded', 'family', 'start_date',
] as const;
export type RosterField = (typeof ROSTER_FIELDS)[number];

export const REQUIRED_FIELDS: readonly RosterField[] = ['ref', 'first_name', 'last_name', 'dob'];

/** A child's row after validation, in the store's terms (null = the cell was empty). */
export type RosterValues = Partial<Record<RosterField, string | boolean | null>>;

export interface RowProblem {
  field: string;
  problem: string;
}

/** Headers are compared without case, spaces or punctuation: "D.O.B" = "dob" = "D O B". */
export function headerKey(header: string): string {
  return header.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const SYNONYMS: Record<RosterField, readonly string[]> = {
  ref: ['ref', 'reference', 'childref', 'childreference', 'childid', 'id', 'childno', 'childnumber', 'pupilid', 'upn'],
  first_name: ['firstname', 'childsfirstname', 'childfirstname', 'forename', 'forenames', 'givenname', 'firstnames', 'childsforename'],
  last_name: ['lastname', 'surname', 'familyname', 'childslastname', 'childlastname', 'childssurname', 'childsurname'],
  dob: ['dob', 'dateofbirth', 'birthdate', 'birthday', 'childsdob', 'childsdateofbirth', 'born'],
  address: ['address', 'homeaddress', 'addressline', 'street'],
  postcode: ['postcode', 'postalcode', 'homepostcode', 'zip'],
  parent_name: ['parentname', 'parent', 'parentcarer', 'parentcarername', 'carer', 'mainparent', 'parent1', 'parent1name', 'contactname', 'guardian'],
  parent2_name: ['parent2name', 'parent2', 'secondparent', 'parentcarer2', 'secondcarer'],
  parent_email: ['parentemail', 'email', 'emailaddress', 'parent1email', 'contactemail'],
  parent_phone: ['parentphone', 'phone', 'telephone', 'mobile', 'phonenumber', 'parent1phone', 'contactphone', 'contactnumber'],
  key_person: ['keyperson', 'keyworker', 'keypractitioner'],
  room: ['room', 'group', 'class', 'roomname'],
  language: ['language', 'homelanguage', 'firstlanguage', 'languagespoken'],
  funded: ['funded', 'funding', 'fundedplace', 'twoyearfunding', '2yearfunding', 'funded2', 'fundedtwo', 'ftwo'],
  family: ['family', 'familyid', 'familyref', 'household', 'siblinggroup'],
  start_date: ['startdate', 'started', 'datestarted', 'joined', 'startingdate'],
};

const BY_KEY = new Map<string, RosterField>();
for (const field of ROSTER_FIELDS) for (const s of SYNONYMS[field]) BY_KEY.set(s, field);

export interface HeaderMapping {
  /** column index → field, or null for a column we do not use */
  columns: (RosterField | null)[];
  problems: string[];
}

/**
 * The `--map` values as header key -> field; a value that is not `field=Header` is a problem of
 * the command line, found before any file is read.
 */
export function readMapOptions(overrides: readonly string[]): { forced: Map<string, RosterField>; problems: string[] } {
  const problems: string[] = [];
  const forced = new Map<string, RosterField>();
  for (const o of overrides) {
    const eq = o.indexOf('=');
    const [a, b] = eq < 0 ? ['', ''] : [o.slice(0, eq).trim(), o.slice(eq + 1).trim()];
    const asField = (s: string) => (ROSTER_FIELDS as readonly string[]).includes(s) ? (s as RosterField) : null;
    const field = asField(a) ?? asField(b);
    if (!field || !a || !b) {
      problems.push(`--map "${o}": write field=Header, where field is one of ${ROSTER_FIELDS.join(', ')}`);
      continue;
    }
    forced.set(headerKey(field === a ? b : a), field);
  }
  return { forced, problems };
}

/**
 * Maps each header to a field. `overrides` are `field=Header` (or `Header=field`, either way
 * round, as long as one side is a field name); they win over synonyms.
 */
export function mapHeaders(headers: readonly string[], overrides: readonly string[] = []): HeaderMapping {
  const { forced, problems } = readMapOptions(overrides);
  const columns: (RosterField | null)[] = [];
  const taken = new Map<RosterField, string>();
  const forcedFields = new Set(forced.values());
  for (const header of headers) {
    const key = headerKey(header);
    let field = forced.get(key) ?? null;
    if (!field) {
      const guess = BY_KEY.get(key) ?? null;
      field = guess && !forcedFields.has(guess) ? guess : null;
    }
    if (field && taken.has(field)) {
      problems.push(`columns "${taken.get(field)}" and "${header}" both mean ${field}: use --map ${field}=<header> to choose`);
      field = null;
    }
    if (field) taken.set(field, header);
    columns.push(field);
  }
  for (const [key, field] of forced) {
    if (!headers.some((h) => headerKey(h) === key)) problems.push(`--map ${field}: no column "${key}" among the headers`);
  }
  const missing = REQUIRED_FIELDS.filter((f) => !taken.has(f));
  if (missing.length > 0) {
    problems.push(
      `no column for ${missing.join(', ')}; headers found: ${headers.map((h) => `"${h}"`).join(', ')}; ` +
      `use --map field=Header (fields: ${ROSTER_FIELDS.join(', ')})`,
    );
  }
  return { columns, problems };
}

/** The oldest child an early-years roster plausibly holds. */
export const MAX_AGE_MONTHS = 7 * 12;

/** Excel's day 1 is 1900-01-01, and it counts a 29 February 1900 that never was: from 61 on, day 0 is 1899-12-30. */
const EXCEL_EPOCH = fromYmd(1899, 12, 30);

/**
 * A date as spreadsheets write it, or a reason why not:
 * - `dd/mm/yyyy` (UK; `-` or `.` also separate), with `d/m/yy`: a two-digit year is 20yy unless
 *   that is after this year, then 19yy (a roster's children are born this century);
 * - `yyyy-mm-dd` (ISO);
 * - an Excel serial number of 4 or 5 digits (1900 date system; 45000 = 2023-03-15).
 * Month-first US dates are not recognised: 12/31/2024 is refused, not guessed.
 */
export function parseRosterDate(text: string, today: CalendarDate): { date: CalendarDate } | { problem: string } {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) return checked(Number(iso[1]), Number(iso[2]), Number(iso[3]), t);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (uk) {
    let year = Number(uk[3]);
    if ((uk[3] ?? '').length === 2) {
      const thisYear = ymd(today).year;
      year += 2000;
      if (year > thisYear) year -= 100;
    }
    return checked(year, Number(uk[2]), Number(uk[1]), t);
  }
  if (/^\d{4,5}$/.test(t)) {
    return { date: addDays(EXCEL_EPOCH, Number(t)) };
  }
  return { problem: `"${t}" is not a date: write dd/mm/yyyy, yyyy-mm-dd or an Excel date` };
}

function checked(year: number, month: number, day: number, text: string): { date: CalendarDate } | { problem: string } {
  if (!isValidYmd(year, month, day)) {
    if (month > 12 && day <= 12) return { problem: `"${text}" is not a date: month ${month}? dates are read day first (dd/mm/yyyy)` };
    return { problem: `"${text}" is not a date that exists` };
  }
  return { date: fromYmd(year, month, day) };
}

const POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

/** `st135aa` → `ST13 5AA`; null when it is not shaped like a UK postcode. */
export function normalisePostcode(text: string): string | null {
  const squashed = text.toUpperCase().replace(/\s+/g, '');
  const m = POSTCODE.exec(squashed);
  return m ? `${m[1]} ${m[2]}` : null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'funded', 'x']);
const NO = new Set(['no', 'n', 'false', '0', 'not funded']);

export function parseYesNo(text: string): boolean | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** Whitespace that collapsing would change: a run of two or more, or anything but a plain space. */
const UNEVEN_SPACE = /\s\s|[^\S ]/;

/** Validates one row (field → raw cell) and returns the cleaned values and every problem. */
export function validateRow(raw: Partial<Record<RosterField, string>>, today: CalendarDate): { values: RosterValues; problems: RowProblem[] } {
  const values: RosterValues = {};
  const problems: RowProblem[] = [];
  const bad = (field: string, problem: string) => problems.push({ field, problem });
  for (const key in raw) {
    const field = key as RosterField;
    const trimmed = (raw[field] ?? '').trim();
    // Collapse inner runs of spaces for names; keep the text otherwise exactly as typed (accents, leading zeros).
    // Most cells have nothing to collapse, and testing is cheaper than rebuilding the string per cell.
    const text = field === 'address' || !UNEVEN_SPACE.test(trimmed) ? trimmed : trimmed.replace(/\s+/g, ' ');
    if (text === '') {
      if (REQUIRED_FIELDS.includes(field)) bad(field, 'is empty (required)');
      else values[field] = null;
      continue;
    }
    switch (field) {
      case 'dob':
      case 'start_date': {
        const parsed = parseRosterDate(text, today);
        if ('problem' in parsed) {
          bad(field, parsed.problem);
          break;
        }
        values[field] = parsed.date;
        if (field === 'dob') {
          if (parsed.date > today) bad(field, `${parsed.date} is in the future`);
          else if (ageInMonths(parsed.date, today) >= MAX_AGE_MONTHS) bad(field, `${parsed.date} would make the child ${Math.floor(ageInMonths(parsed.date, today) / 12)}: too old for an early-years roster`);
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
        const yn = parseYesNo(text);
        if (yn === undefined) bad(field, `"${text}" is not yes or no`);
        else values.funded = yn;
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
  const dob = values.dob;
  const start = values.start_date;
  if (typeof dob === 'string' && typeof start === 'string' && start < dob) bad('start_date', `${start} is before the date of birth`);
  return { values, problems };
}
