import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, guardCell, guardCells } from '../../src/domain/csv-safe.js';
import type { ExportedChild } from '../../src/app/export.js';
import { exportCsv } from '../../src/cli/export.js';

/** What a spreadsheet may run as a formula when a cell starts with it. */
const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

describe('guardCell: a cell a spreadsheet would run is shown as text', () => {
  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'],
    ['+44 7700 900123', "'+44 7700 900123"],
    ['-Carter', "'-Carter"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\tTabbed', "'\tTabbed"],
    ['\r=1+1', "'\r=1+1"],
    ['\rReturned', "'\rReturned"],
  ])('%j becomes %j', (value, guarded) => {
    expect(guardCell(value)).toBe(guarded);
  });

  it('a negative number is guarded like the text it is in our records', () => {
    expect(guardCell(-3)).toBe("'-3");
    expect(guardCell(3)).toBe('3');
    expect(guardCell(0)).toBe('0');
  });

  it('leaves ordinary cells alone, and a trigger anywhere but first', () => {
    for (const value of ['Ada', 'Lovelace-Byron', 'a=b', '1+1', 'x@example.org', "O'Neil", ' =not first', '2024-02-29', '']) {
      expect(guardCell(value)).toBe(value);
    }
  });

  it('writes nothing for null and undefined, true and false as words, an object as JSON (guarded too)', () => {
    expect(guardCell(null)).toBe('');
    expect(guardCell(undefined)).toBe('');
    expect(guardCell(true)).toBe('true');
    expect(guardCell(false)).toBe('false');
    expect(guardCell({ a: 1 })).toBe('{"a":1}');
    expect(guardCell(['=1'])).toBe('["=1"]');
  });

  it('for any text: the result never starts with a trigger, and only an apostrophe is added', () => {
    const text = fc.tuple(fc.constantFrom('', ...TRIGGERS), fc.string()).map(([first, rest]) => first + rest);
    fc.assert(
      fc.property(text, (value) => {
        const guarded = guardCell(value);
        if (TRIGGERS.some((t) => guarded.startsWith(t))) return false;
        return guarded === value || guarded === `'${value}`;
      }),
      { numRuns: 2000 },
    );
  });

  it('guardCells guards every cell of a row', () => {
    expect(guardCells(['=1', 'Ada', '\tx', null, -1])).toEqual(["'=1", 'Ada', "'\tx", '', "'-1"]);
  });
});

describe('csvCell: guarded, then quoted when CSV needs it', () => {
  it.each([
    ['Ada', 'Ada'],
    ['Smith, Jo', '"Smith, Jo"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1,2', '"\'=1,2"'],
    ['\rx', '"\'\rx"'],
    ['\tx', "'\tx"],
    [null, ''],
  ])('%j is written %j', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('a spreadsheet reading the line gets the guarded text back, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (cells) => {
        const line = `${cells.map(csvCell).join(',')}\r\n`;
        const [read] = parse(line, { relax_column_count: true }) as string[][];
        return JSON.stringify(read) === JSON.stringify(cells.map(guardCell));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('export --csv', () => {
  const child = (more: Partial<ExportedChild>): ExportedChild => ({
    id: 1,
    ref: 'A01',
    first_name: 'Ada',
    last_name: 'Lovelace',
    dob: '2024-03-12',
    consents: [],
    letters: [],
    letter_emails: [],
    checks: [],
    concerns: [],
    dismissals: [],
    groups: [],
    check_shares: [],
    reviews: [],
    ...more,
  });

  it('guards every cell of every kind of record, and the header', () => {
    const csv = exportCsv([
      child({
        ref: '=A01',
        first_name: '\tAda',
        last_name: '\rLovelace',
        room: '@Acorns',
        postcode: '+ST13',
        consents: [{ kind: '-given' }],
        letters: [{ file: '=letter.pdf' }],
        checks: [{ data: { note: '=1' } }],
        concerns: [{ id: 7, description: '=1+1', events: [{ note: '@x' }] }],
        dismissals: [{ reason: '\tbecause' }],
        groups: [{ place: '-Hall' }],
      }),
    ]);
    const rows = parse(csv) as string[][];
    const cells = rows.flat();
    expect(cells.filter((c) => TRIGGERS.some((t) => c.startsWith(t)))).toEqual([]);
    for (const guarded of [
      "'=A01",
      "'\tAda",
      "'\rLovelace",
      "'@Acorns",
      "'+ST13",
      "'-given",
      "'=letter.pdf",
      "'=1+1",
      "'@x",
      "'\tbecause",
      "'-Hall",
    ]) {
      expect(cells).toContain(guarded);
    }
    expect(rows.map((r) => r[0])).toEqual([
      'record',
      'child',
      'consent',
      'letter',
      'check',
      'concern',
      'concern-event',
      'dismissal',
      'group',
    ]);
  });
});
