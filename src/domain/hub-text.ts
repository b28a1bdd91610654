/** How typed place names and postcodes are made comparable. */

/** "Newcastle-u-Lyme", "newcastle under  lyme" and "Newcastle-under-Lyme" all become one key. */
export function placeKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => (w === 'upon' ? 'on' : w === 'u' ? 'under' : w))
    .join(' ');
}

export interface Postcode {
  outcode: string;
  /** "ST10 4", when the sector is known */
  sector: string | null;
  /** "ST10 4AB", for a full postcode */
  full: string | null;
}

/** A full postcode ("st104ab"), a sector ("ST10 4") or an outcode ("st10"); null when it is none. */
export function parsePostcode(text: string): Postcode | null {
  const t = text.toUpperCase().replace(/\s+/g, ' ').trim();
  const squashed = t.replace(/ /g, '');
  const full = /^([A-Z]{1,2}\d[A-Z\d]?)(\d)([A-Z]{2})$/.exec(squashed);
  if (full) return { outcode: full[1]!, sector: `${full[1]} ${full[2]}`, full: `${full[1]} ${full[2]}${full[3]}` };
  const sector = /^([A-Z]{1,2}\d[A-Z\d]?) (\d)$/.exec(t);
  if (sector) return { outcode: sector[1]!, sector: `${sector[1]} ${sector[2]}`, full: null };
  if (/^[A-Z]{1,2}\d[A-Z\d]?$/.test(squashed)) return { outcode: squashed, sector: null, full: null };
  return null;
}

/** Finds a full postcode inside an address line, as people often type it there. */
export function postcodeIn(text: string): Postcode | null {
  const m = /\b([A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2})\b/.exec(text);
  return m ? parsePostcode(m[1]!) : null;
}

/** Levenshtein distance, to offer "did you mean" names and never to pick one. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}

const STREET_WORDS = new Set([
  'road',
  'rd',
  'street',
  'st',
  'lane',
  'ln',
  'avenue',
  'ave',
  'close',
  'drive',
  'way',
  'crescent',
  'grove',
  'place',
  'court',
  'terrace',
  'gardens',
  'walk',
  'mews',
  'row',
  'square',
  'view',
  'rise',
  'flat',
  'house',
  'cottages',
  'park',
  'green',
  'croft',
  'meadow',
  'meadows',
  'fold',
  'bank',
  'hill',
  'gate',
]);

/**
 * The lines of an address that can name a town or village: those without a house number. A
 * line with a street word ("12 Stafford Road" names a road, not Stafford) is marked, so only a
 * line that is a place name as a whole ("Hill Ridware") is read from it.
 */
export function addressLines(address: string): { key: string; street: boolean }[] {
  return address
    .split(/[,\n;]+/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/\d/.test(line))
    .map(placeKey)
    .filter((key) => key !== '')
    .map((key) => ({ key, street: key.split(' ').some((w) => STREET_WORDS.has(w)) }));
}
