import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { workspace } from '../helpers/cli.js';
import { HAS_TERMINAL, KEY, onTerminal } from '../helpers/pty.js';

const TODAY = ['--today', '2026-11-23'];

function children(db: string): { ref: string; dob: string; address: string | null }[] {
  if (!fs.existsSync(db)) return [];
  const d = new Database(db, { readonly: true });
  try {
    return d.prepare('SELECT ref, dob, address FROM children ORDER BY id').all() as { ref: string; dob: string; address: string | null }[];
  } finally {
    d.close();
  }
}

describe('import: dates, rows and mappings', () => {
  it('refuses a file with dates both ways round, naming the column, the lines and --date-order; --date-order settles it', () => {
    const ws = workspace();
    ws.write('mixed.csv', 'ref,first name,surname,dob\n1,Ada,Hall,19/05/2023\n2,Ben,Cole,04/03/2024\n3,Cy,Park,5/20/2023\n');
    const r = ws.run([...TODAY, 'import', 'mixed.csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('mixed.csv:2: "19/05/2023" in "dob" can only be day first');
    expect(r.stderr).toContain('mixed.csv:4: "5/20/2023" in "dob" can only be month first');
    expect(r.stderr).toContain('--date-order dmy');
    expect(r.stdout).toBe('');
    const dmy = ws.run([...TODAY, 'import', 'mixed.csv', '--date-order', 'dmy']);
    expect(dmy.code).toBe(3);
    expect(dmy.stderr).toContain('mixed.csv:4: dob: "5/20/2023" is not a date: month 20? this column is read day first');
    ws.write('us.csv', 'ref,first name,surname,dob\n1,Ada,Hall,04/03/2024\n2,Ben,Cole,12/11/2023\n');
    expect(ws.run([...TODAY, 'import', 'us.csv', '--date-order', 'mdy']).code).toBe(0);
    expect(children(ws.db).map(({ ref, dob }) => ({ ref, dob }))).toEqual([
      { ref: '1', dob: '2024-04-03' },
      { ref: '2', dob: '2023-12-11' },
    ]);
    expect(ws.run([...TODAY, 'import', 'us.csv', '--date-order', 'ymd']).code).toBe(2);
  });

  it('reads back every date month first when a late row proves it, and writes nothing read the other way', () => {
    const ws = workspace();
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},Kid,N${i},${1 + (i % 12)}/${1 + (i % 12) + (i % 12 === 11 ? 0 : 0)}/2024`);
    ws.write('late.csv', `ref,first name,surname,dob\n${rows.join('\n')}\n3000,Late,Proof,3/4/2024\n3001,Last,Proof,1/31/2024\n`);
    const r = ws.run([...TODAY, 'import', 'late.csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('late.csv:3003: "1/31/2024" in "dob"');
    const kept = children(ws.db);
    expect(kept.find((k) => k.ref === '3000')?.dob).toBe('2024-03-04');
    expect(kept).toHaveLength(3002);
  });

  it('refuses a row with more cells than the header, a control character and an overlong name, by file:line; warns of a lost letter', () => {
    const ws = workspace();
    ws.write(
      'r.csv',
      `ref,first name,surname,dob,address\n1,Ada,Hall,01/02/2024,1 High St, Leek\n2,B\u0000n,Cole,01/02/2024,\n3,${'x'.repeat(201)},Park,01/02/2024,\n4,Minh,Nguy?n,01/02/2024,\n`,
    );
    const r = ws.run([...TODAY, 'import', 'r.csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('r.csv:2: row: has 6 cells but the header has 5');
    expect(r.stderr).toContain('r.csv:3: first name: holds the control character U+0000');
    expect(r.stderr).toContain('r.csv:4: first_name: is 201 characters long');
    expect(r.stderr).toContain('r.csv:5: last_name: "Nguy?n" has a "?" where a letter should be');
    expect(r.stderr).toContain('CSV UTF-8');
    ws.write('ok.csv', 'ref,first name,surname,dob\n4,Minh,Nguy?n,01/02/2024\n');
    const ok = ws.run([...TODAY, 'import', 'ok.csv']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain('ok.csv:2: last_name: "Nguy?n" has a "?"');
  });

  it('saves nothing without a terminal and never prompts; --mapping and the same header row reuse a saved mapping', () => {
    const ws = workspace();
    ws.write('odd.csv', 'Kid,Fam name,Born on\nKit,Reed,05/05/2024\n');
    const refused = ws.run([...TODAY, 'import', 'odd.csv']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('--map first_name="Kid" --map last_name="Fam name" --map dob="Born on"');
    expect(refused.stderr).not.toContain('?');
    expect(fs.existsSync(ws.db)).toBe(false);
    ws.write('first.csv', 'ref,first name,surname,dob\n9,Amy,Lee,06/06/2024\n');
    expect(ws.run([...TODAY, 'import', 'first.csv']).code).toBe(0);
    // a mapping saved on a terminal is stored like this one, made through the database
    const d = new Database(ws.db);
    d.prepare("INSERT INTO roster_mappings VALUES ('register', 'kid,famname,bornon', ?, 'test', '2026-11-01T00:00:00Z')").run(
      JSON.stringify(['first_name=Kid', 'last_name=Fam name', 'dob=Born on']),
    );
    d.close();
    const again = ws.run([...TODAY, 'import', 'odd.csv']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('Used the saved mapping "register" (same header row as before)');
    ws.write('other.csv', 'Kid,Fam name,Born on,Room\nKit,Reed,05/05/2024,Oaks\n');
    expect(ws.run([...TODAY, 'import', 'other.csv']).code).toBe(3);
    const named = ws.run([...TODAY, 'import', 'other.csv', '--mapping', 'register']);
    expect(named.code, named.stderr).toBe(0);
    expect(ws.run([...TODAY, 'import', 'other.csv', '--mapping', 'nope']).stderr).toContain('no saved mapping "nope"; saved: register');
  });

  it.skipIf(!HAS_TERMINAL)('on a terminal, asks for the missing columns with their first values and saves the mapping', async () => {
    const ws = workspace();
    ws.write('odd.csv', 'Kid,Fam name,Born on\nKit,Reed,05/05/2024\nAmy,Lee,06/06/2024\n');
    const t = onTerminal([...TODAY, 'import', 'odd.csv'], { cwd: ws.dir, env: { TWOCHECK_DB: ws.db } });
    // no column looks like an ID: the name-and-birth key is offered first
    await t.waitFor('child’s ID (ref)');
    expect(t.plain()).toMatch(/❯ None: know each child by first name, last name and date of birth/);
    t.type(KEY.enter);
    await t.waitFor('child’s first name');
    expect(t.plain()).toContain('Kid  e.g. “Kit”');
    t.type(KEY.enter);
    await t.waitFor('child’s last name');
    t.type(KEY.enter);
    await t.waitFor('date of birth?');
    t.type(KEY.enter);
    await t.waitFor('Import the roster this way?');
    t.type(KEY.enter);
    await t.waitFor('Save this mapping');
    t.type(`register${KEY.enter}`);
    expect(await t.exited).toBe(0);
    expect(t.plain()).toContain('Saved this mapping as "register"');
    expect(children(ws.db).map((c) => c.dob)).toEqual(['2024-05-05', '2024-06-06']);
    const again = ws.run([...TODAY, 'import', 'odd.csv']);
    expect(again.stderr).toContain('Used the saved mapping "register"');
    expect(again.stderr).toContain('0 added, 0 updated, 2 unchanged');
  });

  it.skipIf(!HAS_TERMINAL)(
    'offers an ID-like column as the ref, every other column for the fields left, and shows the rows before importing',
    async () => {
      const ws = workspace();
      ws.write(
        'odd.csv',
        'Kid No,Given,Family,Born On,Home\nA1,Tess,Ogden,03/04/2024,"1 Mill Lane, Leek"\nA2,Ravi,Patel,12/12/2024,"2 Mill Lane, Leek"\n',
      );
      const t = onTerminal([...TODAY, 'import', 'odd.csv'], { cwd: ws.dir, env: { TWOCHECK_DB: ws.db } });
      await t.waitFor('child’s ID (ref)');
      expect(t.plain()).toContain('❯ Kid No  e.g. “A1”');
      t.type(KEY.enter);
      await t.waitFor('child’s first name');
      t.type(KEY.enter);
      // "Family" is offered for the last name, though it first looked like the family (siblings) column
      await t.waitFor('child’s last name');
      expect(t.plain()).toContain('❯ Family  e.g. “Ogden”');
      t.type(KEY.enter);
      await t.waitFor('date of birth?');
      t.type(KEY.enter);
      // each value on its own line, quoted: an address with a comma is one value
      await t.waitFor('What does “Home” hold?');
      expect(t.plain()).toMatch(/The column “Home”, first values:\r?\n {2}“1 Mill Lane, Leek”\r?\n {2}“2 Mill Lane, Leek”/);
      expect(t.plain()).toContain('❯ home address');
      t.type(KEY.enter);
      await t.waitFor('Import the roster this way?');
      const preview = t.plain();
      expect(preview).toContain('The first rows, as they will be imported:');
      expect(preview).toMatch(/ID \(ref\)\s+“A1”/);
      expect(preview).toMatch(/date of birth\s+“2024-04-03”/);
      expect(preview).toMatch(/home address\s+“1 Mill Lane, Leek”/);
      expect(children(ws.db)).toEqual([]);
      t.type(KEY.enter);
      await t.waitFor('Save this mapping');
      t.type(KEY.enter);
      expect(await t.exited).toBe(0);
      expect(t.plain()).not.toContain('no ID column');
      const kids = children(ws.db);
      expect(kids.map((c) => [c.ref, c.address])).toEqual([
        ['A1', '1 Mill Lane, Leek'],
        ['A2', '2 Mill Lane, Leek'],
      ]);
    },
  );

  it.skipIf(!HAS_TERMINAL)('answering no at the preview imports nothing', async () => {
    const ws = workspace();
    ws.write('odd.csv', 'Kid No,Given,Family,Born On\nA1,Tess,Ogden,03/04/2024\n');
    const t = onTerminal([...TODAY, 'import', 'odd.csv'], { cwd: ws.dir, env: { TWOCHECK_DB: ws.db } });
    for (const question of ['child’s ID (ref)', 'child’s first name', 'child’s last name', 'date of birth?']) {
      await t.waitFor(question);
      t.type(KEY.enter);
    }
    await t.waitFor('Import the roster this way?');
    t.type(`n${KEY.enter}`);
    expect(await t.exited).toBe(0);
    expect(t.plain()).toContain('Not imported: nothing was changed.');
    expect(fs.existsSync(ws.db)).toBe(false);
  });
});
