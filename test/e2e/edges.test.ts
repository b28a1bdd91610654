/**
 * Rough edges a new user met: a file that is not a roster, flags that cannot go together.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTING_FLAGS, workspace } from '../helpers/cli.js';
import { HAS_TERMINAL, onTerminal } from '../helpers/pty.js';
import { seedChildren } from '../helpers/seed.js';

const TODAY = ['--today', '2026-11-23'];

/** The first bytes of files a manager might pick by mistake; the rest hardly matters. */
const NOT_ROSTERS: [string, Buffer, string][] = [
  ['letter.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'), 'a PDF document'],
  [
    'roster.xlsx',
    Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), Buffer.from('[Content_Types].xml')]),
    'an Excel workbook (.xlsx)',
  ],
  ['roster.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'an old Excel workbook (.xls)'],
  ['photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'a PNG image'],
  ['odd.bin', Buffer.from('ref,first\x00name\n1,2\n', 'latin1'), 'a binary file'],
];

describe('import refuses a file that is not a CSV, saying what it looks like', () => {
  it.each(NOT_ROSTERS)('%s', (name, bytes, looks) => {
    const ws = workspace();
    const file = ws.write(name, bytes);
    const result = ws.run([...TODAY, 'import', file]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${file} is not a CSV file: it looks like `);
    expect(result.stderr).toContain(looks);
    expect(result.stderr).toContain('nothing was changed');
    expect(result.stderr).not.toContain('no column for');
    expect(fs.existsSync(ws.db)).toBe(false);
  });

  it.skipIf(!HAS_TERMINAL)('on a terminal too: refused before any column is offered for mapping', async () => {
    const ws = workspace();
    const [name, bytes] = NOT_ROSTERS[0]!;
    const file = ws.write(name, bytes);
    const term = onTerminal([...TODAY, 'import', file], { cwd: ws.dir, env: { TWOCHECK_DB: ws.db } });
    expect(await term.exited).toBe(3);
    expect(term.plain()).toContain('is not a CSV file: it looks like a PDF document');
    expect(term.plain()).not.toContain('Which column');
  });

  it('the same from stdin', () => {
    const ws = workspace();
    const result = ws.run([...TODAY, 'import', '-'], { input: NOT_ROSTERS[0]![1] });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('stdin is not a CSV file: it looks like a PDF document');
  });
});

describe('flags that cannot go together', () => {
  it('children --csv --json is a usage error, as for due', () => {
    const ws = workspace();
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    seedChildren(ws.db, [{ ref: 'A1', first: 'Ann', last: 'Testcase', dob: '2024-11-10' }]);
    for (const command of ['children', 'due']) {
      const result = ws.run([...TODAY, command, '--csv', '--json']);
      expect(result.code, command).toBe(2);
      expect(result.stderr).toContain('choose one of --json and --csv');
      expect(result.stdout).toBe('');
    }
  });
});
