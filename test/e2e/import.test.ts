import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, workspace } from '../helpers/cli.js';

const ROSTERS = path.join(FIXTURES, 'rosters');
const TODAY = ['--today', '2026-11-23'];

function snapshot(db: string): string {
  const d = new Database(db, { readonly: true });
  try {
    return JSON.stringify([d.prepare('SELECT * FROM children ORDER BY id').all(), d.prepare('SELECT * FROM audit ORDER BY id').all()]);
  } finally {
    d.close();
  }
}

function childrenJson(ws: ReturnType<typeof workspace>, ...extra: string[]) {
  const r = ws.run([...TODAY, 'children', '--json', ...extra]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    ref: string;
    firstName: string;
    lastName: string;
    dob: string;
    postcode: string | null;
    age: string;
    leftOn: string | null;
  }[];
}

describe('twocheck import', () => {
  it('imports a clean roster with refs as text, and re-importing changes nothing', () => {
    const ws = workspace();
    const first = ws.run([...TODAY, 'import', path.join(ROSTERS, 'clean.csv')]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('3 added, 0 updated, 0 unchanged, 0 left, 0 rejected');
    const kids = childrenJson(ws);
    expect(kids.find((k) => k.ref === '007')).toMatchObject({ firstName: 'Ada', dob: '2024-03-12', postcode: 'ST13 5AA' });
    expect(kids.find((k) => k.ref === '009')).toMatchObject({ lastName: 'Ashby, Jones', dob: '2024-07-27' });
    const before = snapshot(ws.db);
    const again = ws.run([...TODAY, 'import', path.join(ROSTERS, 'clean.csv')]);
    expect(again.stderr).toContain('0 added, 0 updated, 3 unchanged');
    // only the import's own summary line is new in the audit
    const [children, audit] = JSON.parse(snapshot(ws.db)) as [
      { id: number; ref: string }[],
      { action: string; child_id: number | null; details: string }[],
    ];
    expect(JSON.stringify(children)).toBe(JSON.stringify(JSON.parse(before)[0]));
    expect(audit.filter((a) => a.action !== 'roster-imported')).toHaveLength(3);
    // one child-added row per child, naming it (written in bulk at the end of the import)
    const added = audit.filter((a) => a.action === 'child-added');
    expect(added.map((a) => [a.child_id, JSON.parse(a.details)])).toEqual(children.map((c) => [c.id, { ref: c.ref }]));
  });

  it('refuses a bad roster with every problem as file:line: field and changes nothing', () => {
    const ws = workspace();
    ws.run([...TODAY, 'import', path.join(ROSTERS, 'clean.csv')]);
    const before = snapshot(ws.db);
    const file = ws.write('bad.csv', fs.readFileSync(path.join(ROSTERS, 'bad.csv')));
    const r = ws.run([...TODAY, 'import', 'bad.csv']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    for (const line of [
      'bad.csv:3: first_name: is empty (required)',
      'bad.csv:4: dob: "31/02/2024" is not a date: month 31? this column is read month first',
      'bad.csv:5: dob: 2030-01-01 is in the future',
      'bad.csv:6: dob: 2010-01-01 would make the child 16',
      'bad.csv:7: postcode: "ZZ" is not a UK postcode',
      'bad.csv:7: funded: "maybe" is not yes or no',
      'bad.csv:9: ref: "401" is also on line 2',
      'bad.csv:10: ref: is empty (required)',
    ])
      expect(r.stderr).toContain(line);
    // 12/31/2024 can only be month first, so the column is read month first, not refused
    expect(r.stderr).not.toContain('bad.csv:11');
    expect(r.stderr).toContain('nothing was changed');
    expect(snapshot(ws.db)).toBe(before);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('refuses a quote that is never closed, naming the line where it opens, and changes nothing', () => {
    const ws = workspace();
    ws.run([...TODAY, 'import', path.join(ROSTERS, 'clean.csv')]);
    const before = snapshot(ws.db);
    ws.write('quote.csv', 'ref,first name,last name,dob\n501,Amy,Smith,01/02/2025\n502,"Bo,Lee,01/02/2025\n503,Cy,Ng,01/02/2025\n');
    const r = ws.run([...TODAY, 'import', 'quote.csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('quote.csv:3: a quoted value opens with " and is never closed');
    expect(r.stderr).not.toContain('    at ');
    expect(snapshot(ws.db)).toBe(before);
  });

  it('with --skip-invalid imports the good rows and writes the rejects with a reason', () => {
    const ws = workspace();
    ws.write('bad.csv', fs.readFileSync(path.join(ROSTERS, 'bad.csv')));
    const r = ws.run([...TODAY, 'import', 'bad.csv', '--skip-invalid']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('2 added, 0 updated, 0 unchanged, 0 left, 7 rejected');
    const rejects = fs.readFileSync(path.join(ws.dir, 'bad.rejects.csv'), 'utf8');
    expect(rejects.split('\n')[0]).toBe('ref,first_name,last_name,dob,postcode,funded,parent_email,reason');
    expect(rejects).toContain('dob: ""31/02/2024"" is not a date: month 31?');
    const ws2 = workspace();
    ws2.write('bad.csv', fs.readFileSync(path.join(ROSTERS, 'bad.csv')));
    const other = ws2.run([...TODAY, 'import', 'bad.csv', '--skip-invalid', '--rejects', 'no/such/folder/r.csv']);
    expect(other.code).toBe(1);
    // nothing imported: the database left holds no roster (and no setting), so it is refused
    expect(ws2.run([...TODAY, 'children', '--json']).stderr).toContain('holds no setting and no roster yet');
  });

  it('reads Windows-1252, UTF-8 with BOM, UTF-16 and semicolons, keeping accents', () => {
    const ws = workspace();
    for (const f of ['windows-1252.csv', 'utf8-bom.csv', 'semicolon.csv']) {
      const r = ws.run([...TODAY, 'import', path.join(ROSTERS, f)]);
      expect(r.code, r.stderr).toBe(0);
    }
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode('ref\tfirst_name\tlast_name\tdob\r\n501\tChloé\tMüller\t2024-05-05\r\n', 'utf16le'),
    ]);
    ws.write('u16.txt', utf16);
    expect(ws.run([...TODAY, 'import', 'u16.txt']).stderr).toContain('(utf16le, tab)');
    const names = childrenJson(ws).map((k) => `${k.ref} ${k.firstName} ${k.lastName}`);
    expect(names).toEqual(
      expect.arrayContaining([
        '101 Zoë Brontë',
        '102 José Núñez',
        '301 Siân Llŷr',
        '302 Åsa Öberg',
        '201 Amélie Dupont',
        '202 Luca; Jr Rossi',
        '501 Chloé Müller',
      ]),
    );
    expect(childrenJson(ws).find((k) => k.ref === '102')?.dob).toBe('2024-04-03');
  });

  it('reads stdin, and --map for headers it does not know', () => {
    const ws = workspace();
    const r = ws.run([...TODAY, 'import', '-', '--map', 'ref=Pupil', '--map', 'Born=dob'], {
      input: 'Pupil,Forename,Surname,Born\n0042,Kit,Reed,05/05/2024\n',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(childrenJson(ws)[0]).toMatchObject({ ref: '0042', dob: '2024-05-05' });
    const missing = ws.run([...TODAY, 'import', '-'], { input: 'Kid,Born on\nKit,05/05/2024\n' });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('stdin:1: header: fields missing: first_name, last_name, dob');
    expect(missing.stderr).toContain('headers found: "Kid", "Born on"');
    expect(missing.stderr).toContain('twocheck import - --map first_name="Kid" --map last_name="<header>" --map dob="Born on"');
    expect(missing.stderr).toContain('saved mappings: none');
    // a --map that is not field=Header is a mistake on the command line, not in the file
    const typo = ws.run([...TODAY, 'import', '-', '--map', 'Pupil'], { input: 'Pupil,Forename,Surname,Born\n' });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('error: --map "Pupil": write field=Header');
  });

  it('records an update as a diff in the audit, and --dry-run changes nothing', () => {
    const ws = workspace();
    ws.write('r.csv', 'ref,first_name,last_name,dob,room\n007,Ada,Lovelace,2024-03-12,Acorns\n008,Ben,Carter,2024-03-13,Acorns\n');
    ws.run([...TODAY, 'import', 'r.csv']);
    ws.write('r.csv', 'ref,first_name,last_name,dob,room\n007,Ada,Lovelace,2024-03-12,Oaks\n');
    const before = snapshot(ws.db);
    const dry = ws.run([...TODAY, 'import', 'r.csv', '--dry-run', '--mark-missing-left']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('update  007  Ada Lovelace  room: Acorns → Oaks');
    expect(dry.stdout).toContain('room          ← "room": Oaks');
    expect(dry.stdout).toContain('leave  008');
    expect(dry.stderr).toContain('Nothing was changed');
    expect(snapshot(ws.db)).toBe(before);

    const real = ws.run([...TODAY, 'import', 'r.csv', '--mark-missing-left', '2026-11-20']);
    expect(real.stderr).toContain('0 added, 1 updated, 0 unchanged, 1 left, 0 rejected');
    const d = new Database(ws.db, { readonly: true });
    const audit = d.prepare("SELECT action, details FROM audit WHERE action IN ('child-updated', 'child-left') ORDER BY id").all() as {
      action: string;
      details: string;
    }[];
    d.close();
    expect(JSON.parse(audit[0]?.details ?? '{}').diff).toEqual({ room: { from: 'Acorns', to: 'Oaks' } });
    expect(audit[1]?.action).toBe('child-left');
    expect(childrenJson(ws).map((k) => k.ref)).toEqual(['007']);
    expect(childrenJson(ws, '--all').find((k) => k.ref === '008')?.leftOn).toBe('2026-11-20');
  });

  it('imports the demo roster', () => {
    const ws = workspace();
    const r = ws.run([...TODAY, 'import', path.join(ROOT, 'examples', 'roster.csv')]);
    expect(r.stderr).toContain('30 added');
    const table = ws.run([...TODAY, 'children']);
    expect(table.stdout).toMatch(/^ref\s+first name/);
    expect(table.stdout).toContain('Amelia      Hartley');
    expect(table.stdout).toContain('1 year 11 months');
    const csv = ws.run([...TODAY, 'children', '--csv']);
    expect(csv.stdout.split('\n')[0]).toContain('ref,first_name,last_name,dob');
  });
});
