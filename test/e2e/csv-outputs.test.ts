import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { workspace } from '../helpers/cli.js';
import { insertChildren } from '../helpers/children.js';
import { seedDatabase } from '../helpers/seed.js';

/*
 * Every CSV twocheck writes is opened in a spreadsheet, which runs a cell that starts with
 * = + - @, a tab or a carriage return. Children whose details start with each of those go
 * through every CSV output; no cell may come out unguarded.
 */
const TRIGGERS = /^[=+\-@\t\r]/;
const ws = workspace({ TWOCHECK_TODAY: '2026-06-01' });

beforeAll(() => {
  seedDatabase(ws.db, '');
  // born in June 2024: each turns two within the month, so `due` lists them all
  insertChildren(ws.db, [
    { ref: '=R1', first_name: '=HYPERLINK("http://x")', last_name: '\tTab', dob: '2024-06-10', key_person: '@Kay', postcode: '+ST13 5AA' },
    { ref: 'R2', first_name: '\rCarriage', last_name: '-Minus', dob: '2024-06-20', key_person: '\tKim', postcode: '-' },
  ]);
});

function cells(csv: string): string[][] {
  return parse(csv, { relax_column_count: true }) as string[][];
}

function unguarded(rows: string[][]): string[] {
  return rows.flat().filter((c) => TRIGGERS.test(c));
}

const NAMES = ['\'=HYPERLINK("http://x")', "'\tTab", "'\rCarriage", "'-Minus"];

describe('every CSV output is guarded against formula injection', () => {
  it('children --csv', () => {
    const r = ws.run(['children', '--csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = cells(r.stdout);
    expect(unguarded(rows)).toEqual([]);
    for (const name of [...NAMES, "'=R1", "'@Kay", "'\tKim", "'+ST13 5AA", "'-"]) expect(rows.flat()).toContain(name);
  });

  it('due --csv', () => {
    const r = ws.run(['due', '--csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = cells(r.stdout);
    expect(rows).toHaveLength(3);
    expect(unguarded(rows)).toEqual([]);
    for (const name of [...NAMES, "'=R1", "'@Kay", "'\tKim"]) expect(rows.flat()).toContain(name);
  });

  it('export --csv', () => {
    const r = ws.run(['export', '--csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = cells(r.stdout);
    expect(unguarded(rows)).toEqual([]);
    for (const name of [...NAMES, "'=R1", "'@Kay", "'\tKim", "'+ST13 5AA", "'-"]) expect(rows.flat()).toContain(name);
  });

  it('the rejects file import --skip-invalid writes', () => {
    const roster = ws.write(
      'roster.csv',
      [
        'ref,first_name,last_name,dob,key_person',
        'R3,Good,Row,2024-06-01,Kim',
        '=R4,"=HYPERLINK(""http://x"")",@At,not a date,+Plus',
        'R5,"\tTab",=2+5,2024-13-40,-Minus',
        '',
      ].join('\r\n'),
    );
    const r = ws.run(['import', roster, '--skip-invalid', '--rejects', 'refused.csv']);
    expect(r.code, r.stderr).toBe(0);
    const rows = cells(fs.readFileSync(`${ws.dir}/refused.csv`, 'utf8'));
    expect(rows).toHaveLength(3);
    expect(unguarded(rows)).toEqual([]);
    for (const value of ["'=R4", '\'=HYPERLINK("http://x")', "'@At", "'+Plus", "'\tTab", "'=2+5", "'-Minus"]) {
      expect(rows.flat()).toContain(value);
    }
  });
});
