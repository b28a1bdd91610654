import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { FIXTURES, workspace } from '../helpers/cli.js';

const ROSTERS = path.join(FIXTURES, 'rosters');
const TODAY = ['--today', '2026-11-23'];

type Row = Record<string, string | number | null>;

function rows(db: string): Row[] {
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT * FROM children ORDER BY id').all() as Row[];
  } finally {
    d.close();
  }
}

/** ref, first name, last name, date of birth, postcode: exactly as each export's children should be kept. */
const LAYOUTS: Record<string, [string, string, string, string, string | null][]> = {
  'funding-bulk-import.csv': [
    ['EY0001', 'Isla', 'Marsh', '2024-02-14', 'ST13 6HU'],
    ['EY0002', 'Reuben', 'Okafor', '2023-07-03', 'ST13 7AA'],
    ['EY0003', 'Zoë', 'Brontë', '2024-11-09', 'ST15 8AB'],
  ],
  'eyworks-child-profile.csv': [
    ['1041', 'Amara', 'Osei', '2024-03-21', 'WS11 1AA'],
    ['1042', 'Theo', 'Kowalski', '2023-12-30', 'ST16 2LZ'],
    ['1043', 'Maja', 'Lindqvist', '2024-05-02', 'WV8 2ER'],
  ],
  'sims-applicants.csv': [
    ['P2026-01', 'Yusuf', 'Rahman', '2023-04-18', 'DE14 1BG'],
    ['P2026-02', 'Eloise', 'Fairweather', '2023-01-27', 'B79 7QE'],
  ],
  'bromcom-students.csv': [
    ['000412', 'Freddie', 'Ashworth', '2023-10-11', 'WS13 7AA'],
    ['000413', 'Niamh', 'O’Connell', '2024-02-29', 'WS13 6JH'],
  ],
  'parent-app-bulk.csv': [
    ['mary-jane-smith-2024-08-07', 'Mary Jane', 'Smith', '2024-08-07', null],
    ['ada-van-der-berg-2024-01-15', 'Ada', 'van der Berg', '2024-01-15', null],
    ['minh-anh-nguyen-2023-06-28', 'Minh Anh', 'Nguyen', '2023-06-28', null],
  ],
  'google-forms-uk.csv': [
    ['ivy-hughes-2024-04-03', 'Ivy', 'Hughes', '2024-04-03', 'ST13 5AA'],
    ['musa-ali-2023-11-12', 'Musa', 'Ali', '2023-11-12', 'ST21 6AA'],
    ['poppy-price-2024-05-25', 'Poppy', 'Price', '2024-05-25', 'ST19 5AY'],
  ],
  // month first: 3/4/2024 is 4 March, 11/12/2023 is 12 November, because 5/19/2023 can only be month first
  'google-forms-us.csv': [
    ['eli-cole-2024-03-04', 'Eli', 'Cole', '2024-03-04', 'ST13 5NW'],
    ['lucia-reyes-2023-11-12', 'Lucia', 'Reyes', '2023-11-12', 'ST15 8AP'],
    ['jun-park-2023-05-19', 'Jun', 'Park', '2023-05-19', 'ST16 1DJ'],
    ['ada-hall-2024-07-08', 'Ada', 'Hall', '2024-07-08', 'ST16 1BB'],
  ],
  'working-families-codes.csv': [
    ['harriet-blake-2024-09-22', 'Harriet', 'Blake', '2024-09-22', 'ST17 4AB'],
    ['oscar-nwosu-2023-12-04', 'Oscar', 'Nwosu', '2023-12-04', 'ST18 0AA'],
  ],
  'famly-children.csv': [
    ['6f1c2a9e-3b1d-4c55-9a3e-1d2f3a4b5c6d', 'Wren', 'Hollis', '2024-06-03', null],
    ['0a9b8c7d-6e5f-4a3b-8c1d-2e3f4a5b6c7d', 'Kofi', 'Mensah', '2023-10-17', null],
  ],
};

describe('import of real export layouts, with no flags', () => {
  for (const [file, expected] of Object.entries(LAYOUTS)) {
    it(`${file}: names, dates and postcodes exactly, and a second import changes nothing`, () => {
      const ws = workspace();
      const first = ws.run([...TODAY, 'import', path.join(ROSTERS, file)]);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toContain(`${expected.length} added, 0 updated, 0 unchanged, 0 left, 0 rejected`);
      const kept = rows(ws.db);
      expect(kept.map((r) => [r.ref, r.first_name, r.last_name, r.dob, r.postcode])).toEqual(expected);
      const again = ws.run([...TODAY, 'import', path.join(ROSTERS, file)]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain(`0 added, 0 updated, ${expected.length} unchanged, 0 left, 0 rejected`);
      expect(rows(ws.db)).toEqual(kept);
    });
  }

  it('joins address lines and parent names, and understands funding words', () => {
    const ws = workspace();
    ws.run([...TODAY, 'import', path.join(ROSTERS, 'funding-bulk-import.csv')]);
    const kept = rows(ws.db);
    expect(kept.map((r) => [r.address, r.parent_name, r.parent2_name, r.funded, r.funding_basis])).toEqual([
      ['12 Derby Street, Leek, Staffordshire', 'Hannah Marsh', null, 1, 'disadvantaged'],
      ['Rose Cottage, Mill Lane, Cheddleton, Leek, Staffordshire', 'Grace Okafor', 'Femi Okafor', 1, 'working-parent'],
      ['4a Church Street, Stone', 'Lucy Brontë', null, null, null],
    ]);
    const codes = workspace();
    codes.run([...TODAY, 'import', path.join(ROSTERS, 'working-families-codes.csv')]);
    expect(rows(codes.db).map((r) => [r.parent_name, r.funded, r.funding_basis])).toEqual([
      ['Chloe Blake', 1, 'working-parent'],
      ['Daniel Nwosu', 1, 'working-parent'],
    ]);
  });

  it('says which column it chose, and that a roster with no ID column is matched by name and date of birth', () => {
    const ws = workspace();
    const sims = ws.run([...TODAY, 'import', path.join(ROSTERS, 'sims-applicants.csv')]);
    expect(sims.stderr).toContain('ref: used "Pupil Reference" (the setting’s own ID, before UPN); not "UPN"');
    expect(sims.stderr).toContain('parent_phone: used "Mobile Telephone"; not "Home Telephone"');
    const forms = ws.run([...TODAY, 'import', path.join(ROSTERS, 'google-forms-uk.csv')]);
    expect(forms.stderr).toContain('This roster has no ID column');
    expect(forms.stderr).toContain('matched that way next time');
    const us = ws.run([...TODAY, 'import', path.join(ROSTERS, 'google-forms-us.csv')]);
    expect(us.stderr).toContain('google-forms-us.csv:4: "5/19/2023" in "Child\'s date of birth"');
  });

  it('lists a child whose name was corrected as new plus missing, never merged', () => {
    const ws = workspace();
    ws.write('r.csv', 'Child name,DOB\nIvy Hughes,03/04/2024\nMusa Ali,12/11/2023\n');
    ws.run([...TODAY, 'import', 'r.csv']);
    ws.write('r.csv', 'Child name,DOB\nIvy Hughes-Khan,03/04/2024\nMusa Ali,12/11/2023\n');
    const r = ws.run([...TODAY, 'import', 'r.csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1 added, 0 updated, 1 unchanged');
    expect(r.stderr).toContain('1 child on record not in this roster: ivy-hughes-2024-04-03 (Ivy Hughes)');
    expect(rows(ws.db).map((k) => [k.ref, k.left_on])).toEqual([
      ['ivy-hughes-2024-04-03', null],
      ['musa-ali-2023-11-12', null],
      ['ivy-hughes-khan-2024-04-03', null],
    ]);
  });
});
