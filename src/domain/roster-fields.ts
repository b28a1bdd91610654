import type { AddressLine, FundingPart } from './roster-headers.js';
import { ADDRESS_ORDER } from './roster-headers.js';

/** Fields a roster spreads over several columns or packs into one, put together or taken apart. */

/** Words that belong to the surname that follows them: "Ada van der Berg" → "van der Berg". */
const SURNAME_PARTICLES = new Set([
  'van',
  'von',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'des',
  'la',
  'le',
  'st',
  'st.',
  'bin',
  'binti',
  'bint',
  'ibn',
  'al',
  'el',
  'ap',
  'ter',
  'ten',
  'dos',
  'das',
  'do',
  'y',
  'mac',
  'mc',
  'ó',
  'o’',
  "o'",
  'ní',
  'ni',
  'nic',
]);

/**
 * A full name as one cell, taken apart:
 * - "Surname, First names" (a comma) → last name before it, first names after it;
 * - otherwise the last word is the last name, with any particles before it (van, de, al, bin…),
 *   and everything before that is the first name ("Mary Jane Smith" → "Mary Jane" + "Smith");
 *   a hyphenated surname is one word;
 * - one word cannot be split sensibly: it is kept whole as the first name, with no last name.
 */
export function splitFullName(full: string): { first: string; last: string } {
  const text = full.trim().replace(/\s+/g, ' ');
  const comma = text.indexOf(',');
  if (comma > 0 && comma < text.length - 1) {
    const last = text.slice(0, comma).trim();
    const first = text
      .slice(comma + 1)
      .trim()
      .replace(/^,\s*/, '');
    if (last && first) return { first, last };
  }
  const words = text
    .replace(/,/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  if (words.length < 2) return { first: words.join(' '), last: '' };
  let start = words.length - 1;
  while (start > 1 && SURNAME_PARTICLES.has((words[start - 1] ?? '').toLowerCase())) start -= 1;
  return { first: words.slice(0, start).join(' '), last: words.slice(start).join(' ') };
}

/**
 * Address lines joined in order (house, line 1–3, town, county), empty ones left out: a house
 * number goes before the street with a space ("12 High Street"), anything else with a comma.
 */
export function joinAddress(parts: Partial<Record<AddressLine, string>>): string {
  const out: string[] = [];
  for (const line of ADDRESS_ORDER) {
    const text = (parts[line] ?? '').trim().replace(/\s+/g, ' ');
    if (text === '') continue;
    const previous = out[out.length - 1];
    if (line === 'line1' && previous !== undefined && /^\d+[a-z]?$/i.test(previous)) out[out.length - 1] = `${previous} ${text}`;
    else out.push(text);
  }
  // A line that repeats the one before it (a town typed twice) is said once.
  return out.filter((p, i) => i === 0 || p.toLowerCase() !== out[i - 1]?.toLowerCase()).join(', ');
}

/** First and last name columns of one person, as one name. */
export function joinName(first: string, last: string): string {
  return [first.trim(), last.trim()]
    .filter((s) => s !== '')
    .join(' ')
    .replace(/\s+/g, ' ');
}

export const FUNDING_BASES = ['disadvantaged', 'working-parent'] as const;
export type FundingBasis = (typeof FUNDING_BASES)[number];

export interface Funding {
  funded: boolean | null;
  basis: FundingBasis | null;
}

const YES = new Set(['yes', 'y', 'true', '1', 'funded', 'x', 'eligible', 'approved', 'valid']);
const NO = new Set([
  'no',
  'n',
  'false',
  '0',
  'not funded',
  'none',
  'unfunded',
  'private',
  'n a',
  'na',
  'not eligible',
  'self funded',
  'fee paying',
  'paying',
  'nil',
]);

/** "TwoYearOld_Disadvantaged" → "two year old disadvantaged": camel case, digits and punctuation apart. */
function words(text: string): string {
  return text
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .replace(/([0-9])([A-Za-z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * What a funding cell says: funded yes or no and, where it names one, the basis. "2YO",
 * "Disadvantaged", "FEET", "EYPP 2" and "TwoYearOld_Disadvantaged" are the disadvantaged
 * two-year-old offer; "Working parents", "Extended", "30 hours", "WPE" and an eligibility code
 * (11 digits) are the working-parent entitlement; "Universal" or hours alone are funded with no
 * basis. Undefined when the words mean nothing known.
 */
export function readFunding(part: FundingPart, text: string): Funding | undefined {
  const t = text.trim();
  if (t === '') return { funded: null, basis: null };
  const w = words(t);
  if (part === 'code') return /^\d{11}$/.test(t.replace(/\s/g, '')) ? { funded: true, basis: 'working-parent' } : undefined;
  const hours = /^(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)?$/i.exec(t);
  if (hours && part !== 'funded') return { funded: Number(hours[1]) > 0, basis: null };
  if (NO.has(w)) return { funded: false, basis: null };
  if (/\b(disadvantaged|2 ?yo|2 year|two year|twos|feet|ften|2 s|fe 2|eypp 2|low income)\b/.test(w))
    return { funded: true, basis: 'disadvantaged' };
  if (/\b(working ?parents?|wpe|extended|30 hours?|thirty hours|wp|working families)\b/.test(w))
    return { funded: true, basis: 'working-parent' };
  if (YES.has(w) || /\b(universal|15 hours?|funded|entitlement)\b/.test(w)) return { funded: true, basis: null };
  return undefined;
}

/** Several funding cells of one child together: any basis named wins; funded if any says so. */
export function combineFunding(readings: readonly Funding[]): Funding {
  let funded: boolean | null = null;
  let basis: FundingBasis | null = null;
  for (const r of readings) {
    if (r.funded === true) funded = true;
    else if (r.funded === false && funded === null) funded = false;
    basis ??= r.basis;
  }
  if (basis) funded = true;
  return { funded, basis };
}

/**
 * The ref of a child on a roster with no ID column: first name, last name and date of birth,
 * lower case, accents and punctuation dropped, words joined by hyphens:
 * "Zoë", "O'Brien-Smith", 2024-02-01 → "zoe-obrien-smith-2024-02-01". The same child gets the same
 * key on every import; a corrected name or date of birth gives a new key.
 */
export function stableKey(first: string, last: string, dob: string): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’`]/g, '')
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '');
  return [slug(first), slug(last), dob].filter((s) => s !== '').join('-');
}

/** A "?" with a letter beside it: what Excel's plain "CSV" writes for a letter it cannot encode ("Nguy?n"). */
export function hasLostLetter(text: string): boolean {
  return text.includes('?') && /\p{L}\?|\?\p{L}/u.test(text);
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** The first control character in a cell (tab and line breaks are allowed), as `U+0000`; null when none. */
export function controlCharacter(text: string): string | null {
  const m = CONTROL.exec(text);
  return m ? `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** The longest name kept: longer is a broken row (a whole line in one cell), not a name. */
export const MAX_NAME_LENGTH = 200;
