import { stringify } from 'csv-stringify/sync';
import { ROSTER_COLUMNS, type RosterColumn } from '../domain/roster.js';
import type { Child } from '../store/children.js';
import type { ChildListed } from '../app/children.js';
import { guardCells } from '../domain/csv-safe.js';
import { shortAge } from './due-table.js';
import { type Column, tableLines } from './table.js';

/** A roster field's name as the Child record spells it: first_name → firstName. */
const fieldKey = (field: string): keyof Child => field.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()) as keyof Child;

/**
 * The CSV's columns: the roster's own, as `import` reads them, with the funding basis beside
 * `funded` (a working-parent child's funded-from date depends on it), then the day a leaver left.
 */
export function childrenCsvHeader(all: boolean): string[] {
  return all ? [...ROSTER_COLUMNS, 'left_on'] : [...ROSTER_COLUMNS];
}

/**
 * `children --csv`: the same columns whatever the roster holds (an empty roster gives the header
 * alone), named as `import` reads them, so the file imports again as it is.
 */
export function childrenCsv(children: readonly ChildListed[], all: boolean): string {
  const header = childrenCsvHeader(all);
  const cell = (c: ChildListed, field: string): unknown => {
    const value = c[fieldKey(field as RosterColumn | 'left_on')];
    if (typeof value === 'boolean') return value ? 'yes' : 'no';
    return value;
  };
  return stringify([header, ...children.map((c) => guardCells(header.map((f) => cell(c, f))))]);
}

/**
 * The columns of `children`, and what gives way first on a narrow terminal: the age is written
 * short, then the postcode, the date of birth (the age says it), the key person and the room go.
 */
const COLUMNS: { key: keyof ChildListed; column: Column }[] = [
  { key: 'ref', column: { header: 'ref' } },
  { key: 'firstName', column: { header: 'first name' } },
  { key: 'lastName', column: { header: 'last name', wrap: true } },
  { key: 'dob', column: { header: 'born', drop: 3 } },
  { key: 'age', column: { header: 'age', shortAt: 1, short: shortAge, shortHeader: 'age' } },
  { key: 'room', column: { header: 'room', drop: 5 } },
  { key: 'keyPerson', column: { header: 'key person', drop: 4 } },
  { key: 'postcode', column: { header: 'postcode', drop: 2 } },
  { key: 'leftOn', column: { header: 'left' } },
];

export function childrenTable(children: readonly ChildListed[], all: boolean, width: number | undefined, bold: (s: string) => string) {
  const columns = COLUMNS.filter(({ key }) => key !== 'leftOn' || all);
  const rows = children.map((c) => columns.map(({ key }) => (c[key] === null || c[key] === undefined ? '' : String(c[key]))));
  return tableLines(
    columns.map(({ column }) => column),
    rows,
    width,
    bold,
  );
}
