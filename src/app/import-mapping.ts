import { parseRosterDate } from '../domain/roster-dates.js';
import type { RosterField } from '../domain/roster.js';
import type { Layout } from '../domain/roster-layout.js';
import { InputRejected } from '../errors.js';
import type { RosterSource } from '../cli/roster-file.js';

/** The first values of each column, for a person choosing which column is which. */
export function previewOf(source: RosterSource, index: number): string[] {
  return source.preview.map((r) => (r.cells[index] ?? '').trim()).filter((v) => v !== '').slice(0, 3);
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

  constructor(readonly source: RosterSource, readonly layout: Layout, readonly saved: string[], file: string) {
    const taken = new Set<number>();
    const maps = layout.missing.map((field) => {
      const i = guess(source, layout, field, taken);
      if (i === null) return `--map ${field}="<header>"`;
      taken.add(i);
      return `--map ${field}="${source.headers[i]}"`;
    });
    const suggestion = `twocheck import ${/\s/.test(file) ? `"${file}"` : file} ${maps.join(' ')}`;
    const at = `${source.name}:${source.headerLine}: header`;
    super(`${source.name}: no column for ${layout.missing.join(', ')}; nothing was changed`, [
      `${at}: headers found: ${source.headers.map((h) => `"${h}"`).join(', ')}`,
      `${at}: fields missing: ${layout.missing.join(', ')}`,
      `saved mappings: ${saved.length > 0 ? saved.join(', ') : 'none'}`,
    ], `Say which column holds each field, for example:\n  ${suggestion}\n(on a terminal, twocheck asks, and can save the answer as a mapping for next time)`);
    this.missing = layout.missing;
    this.headers = source.headers;
    this.suggestion = suggestion;
  }
}
