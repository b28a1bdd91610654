import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SETTING_FLAGS, workspace } from '../helpers/cli.js';
import { pdfInfo, pdfStructure, pdfText } from '../helpers/pdf.js';
import { query, seedChildren } from '../helpers/seed.js';

const TODAY = ['--today', '2026-11-23'];
const ROSTER = [
  {
    ref: 'A1',
    first: 'Zoë',
    last: 'Wiśniewska',
    dob: '2024-11-20',
    address: '4 Mill Lane, Leek',
    postcode: 'ST13 6BB',
    parent: 'Łucja Wiśniewska',
    parent2: 'Ştefan Wiśniewski',
    language: 'pl',
    funded: 1 as const,
  },
  {
    ref: 'A2',
    first: 'Ольга',
    last: 'Nguyễn',
    dob: '2024-12-01',
    address: '1 High Street, Stone',
    postcode: 'ST15 8AA',
    parent: 'Nguyễn Thị Mai',
  },
  { ref: 'A3', first: 'Αλέξανδρος', last: 'Smith', dob: '2024-06-01', parent: 'Jane Smith' },
  { ref: 'B1', first: 'Not', last: 'Yet', dob: '2025-06-01' },
  { ref: 'B2', first: 'Too', last: 'Old', dob: '2023-06-01' },
];

function ready(extra: typeof ROSTER = []) {
  const ws = workspace({ SOURCE_DATE_EPOCH: '1795000000' });
  expect(ws.run(SETTING_FLAGS).code).toBe(0);
  seedChildren(ws.db, [...ROSTER, ...extra]);
  return ws;
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('twocheck letters', () => {
  beforeAll(() => {
    expect(fs.existsSync(path.join(__dirname, '..', '..', 'dist', 'cli', 'letters.js'))).toBe(true);
  });

  it('refuses without the setting and names the command', () => {
    const ws = workspace();
    const result = ws.run(['letters']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('twocheck setup');
  });

  it('writes one letter per child due, with every name readable, records them, and a rerun writes nothing', async () => {
    const ws = ready();
    const result = ws.run([...TODAY, 'letters']);
    expect(result.code, result.stderr).toBe(0);
    const dir = path.join(ws.dir, 'letters', '2026-11-23');
    expect(fs.readdirSync(dir).sort()).toEqual(['A1-Zoe-Wisniewska.pdf', 'A2-Nguyen.pdf', 'A3-Smith.pdf']);
    const zoe = flat(await pdfText(path.join(dir, 'A1-Zoe-Wisniewska.pdf')));
    expect(zoe).toContain('Łucja Wiśniewska and Ştefan Wiśniewski');
    expect(zoe).toContain('Little Acorns Nursery');
    expect(zoe).toContain('Ocena postępów w wieku dwóch lat – dziecko: Zoë'); // the Polish variant, the name never inflected
    expect(zoe).toContain('23 listopada 2026'); // its dates written in Polish, the letter's date
    expect(zoe).toContain('20 listopada 2026'); // and the second birthday
    expect(zoe).not.toContain('November');
    expect(zoe).toContain('Kierownik placówki, Little Acorns Nursery'); // and its sign-off
    expect(zoe).toContain('kontakt z opiekunem dziecka'); // no key person on the roster: said in Polish
    expect(zoe).not.toContain('key person');
    const olga = flat(await pdfText(path.join(dir, 'A2-Nguyen.pdf')));
    expect(olga).toContain('Nguyễn Thị Mai');
    expect(olga).toContain('Ольга');
    expect(flat(await pdfText(path.join(dir, 'A3-Smith.pdf')))).toContain('Αλέξανδρος');
    // The number printed is the one `hub --child` gives; a child with no address gets none.
    expect(olga).toContain('West Hub, phone 0300 303 3923');
    expect(olga).not.toContain('only once'); // the Hub's limit on sharing is told to the setting, not to parents
    const hub = ws.run(['hub', '--child', 'A2']);
    expect(hub.stdout).toContain('West Hub  0300 303 3923');
    const alexandros = flat(await pdfText(path.join(dir, 'A3-Smith.pdf')));
    expect(alexandros).not.toMatch(/0300 303/);
    expect(result.stderr).toContain('Αλέξανδρος Smith (A3): no Hub number printed');
    expect(result.stderr).not.toContain('(A2): no Hub number');
    const info = await pdfInfo(path.join(dir, 'A2-Nguyen.pdf'));
    expect(info.info).toMatchObject({ Title: 'Your child’s Progress Check at two', Author: 'Little Acorns Nursery' });
    // tagged for a screen reader: the letter's sections as headings, its bullets as one list
    const structure = await pdfStructure(path.join(dir, 'A2-Nguyen.pdf'));
    expect(structure.marked).toBe(true);
    expect(structure.roles.slice(0, 3)).toEqual(['Document', 'Sect', 'P']);
    expect(structure.roles).toContain('H1');
    expect(structure.roles.join(' ')).toContain('L LI Lbl LBody LI Lbl LBody');

    const rows = query<{ ref: string; kind: string; file: string; sha256: string; template: string }>(
      ws.db,
      'SELECT c.ref, l.kind, l.file, l.sha256, l.template FROM letters l JOIN children c ON c.id = l.child_id ORDER BY c.ref',
    );
    expect(rows.map((r) => r.ref)).toEqual(['A1', 'A2', 'A3']);
    expect(rows[0]).toMatchObject({
      kind: 'parent-letter',
      template: 'templates/letters/parent-letter.pl.md',
      file: path.join(dir, 'A1-Zoe-Wisniewska.pdf'),
    });
    expect(query(ws.db, "SELECT * FROM audit WHERE action = 'letter.generate'")).toHaveLength(3);

    const again = ws.run([...TODAY, 'letters']);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('3 already written, not yet marked sent: see twocheck letters sent --help');
    expect(again.stderr.trim().split('\n')).toHaveLength(2); // that line and "No parent letters to write today."
    expect(ws.run([...TODAY, 'letters', '--verbose']).stderr).toContain('already recorded');
    expect(query(ws.db, 'SELECT * FROM letters')).toHaveLength(3);
  });

  it('gives the same bytes when SOURCE_DATE_EPOCH is fixed', () => {
    const a = ready();
    const b = ready();
    a.run([...TODAY, 'letters', '--child', 'A1', '--out', 'x']);
    b.run([...TODAY, 'letters', '--child', 'A1', '--out', 'x']);
    const file = 'x/A1-Zoe-Wisniewska.pdf';
    expect(fs.readFileSync(path.join(a.dir, file)).equals(fs.readFileSync(path.join(b.dir, file)))).toBe(true);
  });

  it('keeps hostile names inside the output folder', () => {
    const ws = ready([
      { ref: '../../escape', first: '..', last: '/etc/passwd', dob: '2024-11-01' },
      { ref: 'CON', first: '', last: '', dob: '2024-11-01' },
      { ref: 'C:\\Windows', first: 'a\u0000b', last: '*?<>|', dob: '2024-11-01' },
    ]);
    const result = ws.run([...TODAY, 'letters', '--out', 'out']);
    expect(result.code, result.stderr).toBe(0);
    const outDir = path.join(ws.dir, 'out');
    const files = fs.readdirSync(outDir);
    expect(files).toHaveLength(6);
    for (const f of files) expect(f).toMatch(/^[A-Za-z0-9-]+\.pdf$/);
    expect(files).toContain('file-CON.pdf');
    expect(fs.readdirSync(ws.dir).sort()).toEqual(['.config', 'data', 'out'].filter((d) => fs.existsSync(path.join(ws.dir, d))));
  });

  it('refuses to overwrite a letter file without --force, writing nothing', () => {
    const ws = ready();
    ws.write('out/A2-Nguyen.pdf', 'not mine');
    const result = ws.run([...TODAY, 'letters', '--out', 'out']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('A2-Nguyen.pdf');
    expect(result.stderr).toContain('--force');
    expect(fs.readdirSync(path.join(ws.dir, 'out'))).toEqual(['A2-Nguyen.pdf']);
    expect(query(ws.db, 'SELECT * FROM letters')).toHaveLength(0);
    expect(ws.run([...TODAY, 'letters', '--out', 'out', '--force']).code).toBe(0);
    expect(fs.readFileSync(path.join(ws.dir, 'out', 'A2-Nguyen.pdf'), 'latin1').startsWith('%PDF')).toBe(true);
  });

  it('writes one merged print file where --merged says, relative to the working folder', async () => {
    const ws = ready();
    const result = ws.run([...TODAY, 'letters', '--merged', 'print/all.pdf', '--child', 'A1', '--child', 'A2']);
    expect(result.code, result.stderr).toBe(0);
    const merged = path.join(ws.dir, 'print', 'all.pdf');
    expect((await pdfInfo(merged)).pages).toBe(2);
    const text = flat(await pdfText(merged));
    expect(text).toContain('Zoë');
    expect(text).toContain('Nguyễn Thị Mai');
    expect(fs.existsSync(path.join(ws.dir, 'letters'))).toBe(false);
    expect(query<{ file: string }>(ws.db, 'SELECT file FROM letters').map((r) => r.file)).toEqual([merged, merged]);
  });

  it('--dry-run lists and writes nothing', () => {
    const ws = ready([{ ref: 'C1', first: 'Soon', last: 'Two', dob: '2024-12-13' }]);
    const result = ws.run([...TODAY, 'letters', '--dry-run', '--within', '30']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('A1\tZoë Wiśniewska');
    expect(result.stdout).toContain('C1\tSoon Two\tturns-two-soon');
    expect(result.stdout).not.toMatch(/B1|B2/);
    expect(ws.run([...TODAY, 'letters', '--dry-run']).stdout).not.toContain('C1');
    expect(fs.existsSync(path.join(ws.dir, 'letters'))).toBe(false);
    expect(query(ws.db, 'SELECT * FROM letters')).toHaveLength(0);
  });

  it('marks letters sent only where the file exists, all or nothing', () => {
    const ws = ready();
    ws.run([...TODAY, 'letters', '--out', 'out']);
    fs.rmSync(path.join(ws.dir, 'out', 'A2-Nguyen.pdf'));
    const refused = ws.run([...TODAY, 'letters', 'sent', 'A1', 'A2']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('A2: the letter file');
    expect(query(ws.db, 'SELECT * FROM letters WHERE sent_on IS NOT NULL')).toHaveLength(0);
    const early = ws.run([...TODAY, 'letters', 'sent', 'A1', '--on', '2026-11-20']);
    expect(early.code).toBe(3);
    expect(early.stderr).toContain('A1: --on 2026-11-20 is before the letter was written (2026-11-23)');
    const ok = ws.run([...TODAY, 'letters', 'sent', 'A1', '--on', '23/11/2026']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(query(ws.db, "SELECT sent_on FROM letters WHERE sent_on = '2026-11-23'")).toHaveLength(1);
    expect(query(ws.db, "SELECT * FROM audit WHERE action = 'letter.sent'")).toHaveLength(1);
  });

  it('reports a broken edited template with file, line and column, exit 3, writing nothing', () => {
    const ws = ready();
    expect(ws.run(['templates', 'init']).code).toBe(0);
    const file = path.join(ws.dir, '.config', 'twocheck', 'templates', 'letters', 'parent-letter.md');
    fs.appendFileSync(file, 'Bye {{child.nmae}}\n');
    const result = ws.run([...TODAY, 'letters', '--child', 'A2']);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/parent-letter\.md:\d+:5: unknown placeholder \{\{child\.nmae\}\}/);
    expect(query(ws.db, 'SELECT * FROM letters')).toHaveLength(0);
  });

  it('a failure half-way keeps the letters already written recorded, and records none of the rest', () => {
    const ws = ready();
    ws.write('out/A2-Nguyen.pdf/blocker', 'a folder where the letter should go');
    const result = ws.run([...TODAY, 'letters', '--out', 'out', '--force']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('writing the letter for Ольга Nguyễn (A2) failed');
    expect(result.stderr).toContain('2 letters were written and recorded (A3, A1)');
    const rows = query<{ ref: string }>(ws.db, 'SELECT c.ref FROM letters l JOIN children c ON c.id = l.child_id ORDER BY l.id');
    expect(rows.map((r) => r.ref)).toEqual(['A3', 'A1']);
    expect(fs.readdirSync(path.join(ws.dir, 'out')).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
