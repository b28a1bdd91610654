import type { CalendarDate } from '../domain/calendar.js';
import { type DateOrder, parseRosterDate } from '../domain/roster-dates.js';
import { ROSTER_FIELDS, type RosterField, normalisePostcode, validateRow } from '../domain/roster.js';
import { stableKey } from '../domain/roster-fields.js';
import { type Layout, planLayout } from '../domain/roster-layout.js';
import { InputRejected } from '../errors.js';
import type { RosterSource } from './roster-file.js';

/** The first values of each column, for a person choosing which column is which. */
export function previewOf(source: RosterSource, index: number): string[] {
  return source.preview
    .map((r) => (r.cells[index] ?? '').trim())
    .filter((v) => v !== '')
    .slice(0, 3);
}

/** Each field in the words a manager uses, for the mapping prompt and its preview. */
export const FIELD_WORDS: Record<RosterField, string> = {
  ref: 'ID (ref)',
  first_name: 'first name',
  last_name: 'last name',
  dob: 'date of birth',
  address: 'home address',
  postcode: 'postcode',
  parent_name: 'parent’s name',
  parent2_name: 'second parent’s name',
  parent_email: 'parent’s email',
  parent_phone: 'parent’s phone',
  key_person: 'key person',
  room: 'room',
  language: 'home language',
  funded: 'funded place',
  family: 'family (siblings)',
  start_date: 'start date',
};

/** A header or values that look like a child's ID: "Kid No", "Child Code", "A1", "0042". */
export function looksLikeId(source: RosterSource, index: number): boolean {
  const header = (source.headers[index] ?? '').toLowerCase();
  if (/\b(no|num|number|id|ref|reference|code|urn)\b|#/.test(header)) return true;
  const values = previewOf(source, index);
  return values.length > 1 && new Set(values).size === values.length && values.every((v) => /^[A-Za-z]{0,4}-?\d{1,8}$/.test(v));
}

/**
 * Columns that gave no field and are not left out on purpose (a parent's detail, a timestamp):
 * a person may still say what they hold.
 */
export function unplacedColumns(layout: Layout): number[] {
  return layout.ignored
    .filter((i) => i.reason === 'not a field twocheck keeps')
    .map((i) => layout.headers.indexOf(i.header))
    .filter((i) => i >= 0);
}

/** Fields no column gives yet, the ID first when the roster has none. */
export function unplacedFields(layout: Layout): RosterField[] {
  return ROSTER_FIELDS.filter((f) => (f === 'ref' ? layout.keyed : !layout.sources[f]));
}

/** The field a column most likely holds, from its first values, for the prompt's default. */
export function likelyField(source: RosterSource, index: number, open: readonly RosterField[]): RosterField | null {
  const values = previewOf(source, index);
  if (values.length === 0) return null;
  const all = (test: (v: string) => boolean) => values.every(test);
  const pick = (f: RosterField) => (open.includes(f) ? f : null);
  if (all((v) => v.includes('@'))) return pick('parent_email');
  if (all((v) => normalisePostcode(v) !== null)) return pick('postcode');
  if (all((v) => /^[+\d][\d ()-]{8,}$/.test(v))) return pick('parent_phone');
  if (all((v) => /^(yes|no|y|n|true|false)$/i.test(v))) return pick('funded');
  if (all((v) => 'date' in parseRosterDate(v, '2100-01-01' as never))) return pick(open.includes('dob') ? 'dob' : 'start_date');
  if (
    all((v) => /\d/.test(v) && /\p{L}{3}/u.test(v) && (v.includes(',') || /\b(street|st|road|rd|lane|close|avenue|drive|way)\b/i.test(v)))
  )
    return pick('address');
  return null;
}

/** A cell as a person should read it in a preview: quoted, so commas and spaces are plain to see. */
export function quoted(value: string | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return `“${value}”`;
}

/** The first rows of the roster as `map` would import them, field by field, before anything changes. */
export function previewMapped(source: RosterSource, map: readonly string[], today: CalendarDate, order: DateOrder = 'dmy') {
  const layout = planLayout(source.headers, map);
  return source.preview.slice(0, 3).map(({ line, cells }) => {
    const { values, problems } = validateRow(layout.read(cells), today, { dob: order, start_date: order });
    const ref =
      layout.keyed && typeof values.first_name === 'string' && typeof values.last_name === 'string' && typeof values.dob === 'string'
        ? stableKey(values.first_name, values.last_name, values.dob)
        : values.ref;
    const fields = ROSTER_FIELDS.filter((f) => f === 'ref' || layout.sources[f] !== undefined).map((f) => ({
      field: f,
      words: FIELD_WORDS[f],
      value: f === 'ref' ? (ref ?? null) : (values[f] ?? null),
    }));
    return { line, fields, problems: problems.map((p) => `${p.field}: ${p.problem}`) };
  });
}

/** A column that could hold `field`, from its first values: dates for dob, words for names. */
function guess(source: RosterSource, layout: Layout, field: RosterField, taken: Set<number>): number | null {
  const used = Object.values(layout.sources).join(' ');
  for (let i = 0; i < source.headers.length; i++) {
    if (taken.has(i) || used.includes(`"${source.headers[i]}"`)) continue;
    const values = previewOf(source, i);
    if (values.length === 0) continue;
    const dates = values.every((v) => 'date' in parseRosterDate(v, '2100-01-01' as never));
    const words = values.every((v) => /^\p{L}[\p{L}'’ -]*$/u.test(v));
    if (field === 'dob' ? dates : words) return i;
  }
  return null;
}

/**
 * The header row lacks a required field, and no prompt may ask (or none was answered): says the
 * headers found, the fields missing, the --map line that would fix it, and the saved mappings.
 */
export class MappingNeeded extends InputRejected {
  readonly missing: RosterField[];
  readonly headers: readonly string[];
  readonly suggestion: string;

  constructor(
    readonly source: RosterSource,
    readonly layout: Layout,
    readonly saved: string[],
    file: string,
  ) {
    const taken = new Set<number>();
    const maps = layout.missing.map((field) => {
      const i = guess(source, layout, field, taken);
      if (i === null) return `--map ${field}="<header>"`;
      taken.add(i);
      return `--map ${field}="${source.headers[i]}"`;
    });
    const suggestion = `twocheck import ${/\s/.test(file) ? `"${file}"` : file} ${maps.join(' ')}`;
    const at = `${source.name}:${source.headerLine}: header`;
    super(
      `${source.name}: no column for ${layout.missing.join(', ')}; nothing was changed`,
      [
        `${at}: headers found: ${source.headers.map((h) => `"${h}"`).join(', ')}`,
        `${at}: fields missing: ${layout.missing.join(', ')}`,
        `saved mappings: ${saved.length > 0 ? saved.join(', ') : 'none'}`,
      ],
      `Say which column holds each field, for example:\n  ${suggestion}\n(on a terminal, twocheck asks, and can save the answer as a mapping for next time)`,
    );
    this.missing = layout.missing;
    this.headers = source.headers;
    this.suggestion = suggestion;
  }
}
