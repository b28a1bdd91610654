import { type RawRow, REQUIRED_FIELDS, ROSTER_FIELDS, type RosterField } from './roster.js';
import { joinAddress, joinName, splitFullName } from './roster-fields.js';
import { type AddressLine, type FundingPart, type Part, headerKey, looksLikeDateHeader, recognise } from './roster-headers.js';

/**
 * A roster's layout: for each field, the column (or columns) it comes from, chosen from the
 * header row by roster-headers.ts, with `--map` and saved mappings winning over recognition.
 */

/** What `--map` may name: the roster's fields, and full_name for a column to split. */
export const MAP_FIELDS = [...ROSTER_FIELDS, 'full_name'] as const;
export type MapField = (typeof MAP_FIELDS)[number];

export interface Column {
  index: number;
  header: string;
}

export interface Layout {
  headers: readonly string[];
  /** field → where it comes from, in words, for --dry-run and messages */
  sources: Partial<Record<RosterField, string>>;
  /** choices made between columns that could mean the same field, said once on import */
  choices: string[];
  /** headers not used, with why */
  ignored: { header: string; reason: string }[];
  /** required fields no column gives */
  missing: RosterField[];
  /** no ID column: children are keyed by name and date of birth */
  keyed: boolean;
  /** date columns (used or not) whose values say how the file writes dates */
  dateColumns: Column[];
  /** cells → one raw row */
  read(cells: readonly string[]): RawRow;
}

/**
 * The `--map` values as header key → field; a value that is not `field=Header` is a problem of
 * the command line, found before any file is read.
 */
export function readMapOptions(overrides: readonly string[]): { forced: Map<string, MapField>; problems: string[] } {
  const problems: string[] = [];
  const forced = new Map<string, MapField>();
  for (const o of overrides) {
    const eq = o.indexOf('=');
    const [a, b] =
      eq < 0
        ? ['', '']
        : [
            o.slice(0, eq).trim(),
            o
              .slice(eq + 1)
              .trim()
              .replace(/^"(.*)"$/, '$1'),
          ];
    const asField = (s: string) => ((MAP_FIELDS as readonly string[]).includes(s) ? (s as MapField) : null);
    const field = asField(a) ?? asField(b);
    if (!field || !a || !b) {
      problems.push(`--map "${o}": write field=Header, where field is one of ${MAP_FIELDS.join(', ')}`);
      continue;
    }
    forced.set(headerKey(field === a ? b : a), field);
  }
  return { forced, problems };
}

function partFor(field: MapField): Part {
  if (field === 'address') return { field, line: 'whole' };
  if (field === 'parent_name' || field === 'parent2_name') return { field, name: 'whole' };
  if (field === 'funded') return { field, funding: 'funded' };
  return { field } as Part;
}

function slot(part: Part): string {
  if (part.field === 'address') return `address:${part.line}`;
  if (part.field === 'parent_name' || part.field === 'parent2_name') return `${part.field}:${part.name}`;
  if (part.field === 'funded') return `funded:${part.funding}`;
  return part.field;
}

const OWN_ID = 'the setting’s own ID';

/**
 * Chooses a column for each field. Where two columns could mean one field, the lower rank wins
 * (a setting's own Id over UPN, Mobile over Home telephone, Start date over Enrolment date, a
 * "Child …" header over the same without "Child"), then the leftmost; the choice is said.
 */
export function planLayout(headers: readonly string[], overrides: readonly string[] = []): Layout & { problems: string[] } {
  const { forced, problems } = readMapOptions(overrides);
  const forcedFields = new Set(forced.values());
  const best = new Map<string, { part: Part; rank: number; col: Column; others: Column[] }>();
  const ignored: { header: string; reason: string }[] = [];
  const dateColumns: Column[] = [];
  headers.forEach((header, index) => {
    const col = { index, header };
    const key = headerKey(header);
    if (looksLikeDateHeader(header)) dateColumns.push(col);
    const forcedField = forced.get(key);
    let found: { part: Part; rank: number } | null;
    if (forcedField) found = { part: partFor(forcedField), rank: -1 };
    else {
      const r = recognise(header);
      if (r && 'ignore' in r) {
        ignored.push({ header, reason: r.ignore });
        return;
      }
      found = r;
      if (found && forcedFields.has(found.part.field as MapField)) found = null;
    }
    if (!found) {
      if (header.trim() !== '') ignored.push({ header, reason: 'not a field twocheck keeps' });
      return;
    }
    const s = slot(found.part);
    const held = best.get(s);
    if (!held) best.set(s, { ...found, col, others: [] });
    else if (found.rank < held.rank) best.set(s, { ...found, col, others: [...held.others, held.col] });
    else held.others.push(col);
  });
  for (const [key, field] of forced) {
    if (!headers.some((h) => headerKey(h) === key)) problems.push(`--map ${field}: no column "${key}" among the headers`);
  }
  const get = (s: string) => best.get(s)?.col ?? null;
  const choices: string[] = [];
  for (const [s, b] of best) {
    if (b.others.length === 0) continue;
    const field = s.split(':')[0];
    const why =
      field === 'ref' && b.rank < 2 && b.others.some((o) => ID_LIKE_UPN.test(headerKey(o.header))) ? ` (${OWN_ID}, before UPN)` : '';
    choices.push(`${field}: used "${b.col.header}"${why}; not ${b.others.map((o) => `"${o.header}"`).join(', ')}`);
    for (const o of b.others) ignored.push({ header: o.header, reason: `"${b.col.header}" gives ${field}` });
  }
  const sources: Partial<Record<RosterField, string>> = {};
  const q = (c: Column) => `"${c.header}"`;
  const one = (field: RosterField) => {
    const c = get(field);
    if (c) sources[field] = q(c);
    return c;
  };
  const ref = one('ref');
  let first = one('first_name');
  let last = one('last_name');
  const full = get('full_name');
  const splitFull = full !== null && (first === null || last === null);
  if (splitFull) {
    first = null;
    last = null;
    sources.first_name = `${q(full)} (split: all but the surname)`;
    sources.last_name = `${q(full)} (split: the surname)`;
  } else if (full) ignored.push({ header: full.header, reason: 'first and last name have columns of their own' });
  const dob = one('dob');
  const simple = (['postcode', 'key_person', 'room', 'language', 'family', 'start_date', 'parent_email', 'parent_phone'] as const)
    .map((f) => [f, one(f)] as const)
    .filter(([, c]) => c !== null) as [RosterField, Column][];
  const contact = get('parent_contact');
  if (contact) {
    if (!sources.parent_email) sources.parent_email = `${q(contact)} (the values with an @)`;
    if (!sources.parent_phone) sources.parent_phone = `${q(contact)} (the values without an @)`;
  }
  const addressWhole = get('address:whole');
  const addressParts = (['house', 'line1', 'line2', 'line3', 'town', 'county'] as const)
    .map((line) => [line, get(`address:${line}`)] as const)
    .filter(([, c]) => c !== null) as [AddressLine, Column][];
  if (addressWhole) {
    sources.address = q(addressWhole);
    for (const [, c] of addressParts) ignored.push({ header: c.header, reason: `"${addressWhole.header}" gives the address` });
  } else if (addressParts.length > 0)
    sources.address = addressParts.map(([, c]) => q(c)).join(' + ') + (addressParts.length > 1 ? ' (joined)' : '');
  const person = (field: 'parent_name' | 'parent2_name') => {
    const whole = get(`${field}:whole`);
    const f = get(`${field}:first`);
    const l = get(`${field}:last`);
    if (whole) sources[field] = q(whole);
    else if (f || l)
      sources[field] =
        [f, l]
          .filter((c): c is Column => c !== null)
          .map(q)
          .join(' + ') + (f && l ? ' (joined)' : '');
    return { whole, f, l };
  };
  const p1 = person('parent_name');
  const p2 = person('parent2_name');
  const funding = (['funded', 'type', 'basis', 'hours', 'code'] as const)
    .map((part) => [part, get(`funded:${part}`)] as const)
    .filter(([, c]) => c !== null) as [FundingPart, Column][];
  if (funding.length > 0) sources.funded = funding.map(([, c]) => q(c)).join(' + ');
  const keyed = ref === null;
  if (keyed) sources.ref = '(no ID column: first name + last name + date of birth)';
  const missing = REQUIRED_FIELDS.filter((f) => !sources[f]);

  const read = (cells: readonly string[]): RawRow => {
    const raw: RawRow = {};
    const cell = (c: Column | null) => (c ? (cells[c.index] ?? '') : '');
    if (ref) raw.ref = cell(ref);
    if (splitFull && full) {
      const { first: f, last: l } = splitFullName(cell(full));
      raw.first_name = f;
      raw.last_name = l;
      if (f !== '' && l === '') raw.oneWordName = true;
    } else {
      if (first) raw.first_name = cell(first);
      if (last) raw.last_name = cell(last);
    }
    if (dob) raw.dob = cell(dob);
    for (const [f, c] of simple) raw[f] = cell(c);
    if (contact) {
      const text = cell(contact);
      for (const piece of text.split(/[;/,]|\s+or\s+|\s+and\s+/)) {
        const t = piece.trim();
        if (t === '') continue;
        if (t.includes('@')) raw.parent_email ??= t;
        else raw.parent_phone ??= t;
      }
    }
    if (addressWhole) raw.address = cell(addressWhole);
    else if (addressParts.length > 0) {
      const parts: Partial<Record<AddressLine, string>> = {};
      for (const [line, c] of addressParts) parts[line] = cell(c);
      raw.address = joinAddress(parts);
    }
    for (const [field, p] of [
      ['parent_name', p1],
      ['parent2_name', p2],
    ] as const) {
      if (p.whole) raw[field] = cell(p.whole);
      else if (p.f || p.l) raw[field] = joinName(cell(p.f), cell(p.l));
    }
    if (funding.length === 1 && funding[0]?.[0] === 'funded') raw.funded = cell(funding[0][1]);
    else if (funding.length > 0) raw.funding = funding.map(([part, c]) => ({ part, text: cell(c) }));
    return raw;
  };
  return { headers, sources, choices, ignored, missing, keyed, dateColumns, read, problems };
}

const ID_LIKE_UPN = /upn|uniquepupilnumber/;
