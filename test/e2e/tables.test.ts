import { describe, expect, it } from 'vitest';
import { SETTING_FLAGS, workspace } from '../helpers/cli.js';
import { bigRoster } from '../helpers/big-roster.js';
import { HAS_TERMINAL, onTerminal } from '../helpers/pty.js';

const TODAY = '2026-11-20';

/** Words as a person reads them: split at spaces, after commas, and a path after each "/". */
const words = (text: string): string[] => text.split(/[\s,]+|(?<=\/)/).filter(Boolean);

/** A short form a narrow table may use: "2y", "11m", or a surname's initial "F.". */
const SHORT_FORM = /^(\d+[ym]|\p{Lu}\.)$/u;

function seeded() {
  const ws = workspace({ TWOCHECK_TODAY: TODAY });
  expect(ws.run(SETTING_FLAGS).code).toBe(0);
  ws.write('roster.csv', bigRoster(300, TODAY));
  expect(ws.run(['import', 'roster.csv']).code).toBe(0);
  expect(
    ws.run([
      'consent',
      'C0010',
      '--method',
      'paper',
      '--by-parent',
      'Pat Sample',
      '--note',
      'Given at the settling-in visit with both parents present in the room',
    ]).code,
  ).toBe(0);
  return ws;
}

const TABLES = [
  ['due'],
  ['children'],
  ['children', '--all'],
  ['consent', 'C0010', '--show'],
  ['templates'],
  ['groups', 'plan', '--from', '2026-12-01', '--to', '2027-01-31'],
];

describe('tables fit the terminal', () => {
  const ws = seeded();

  describe.each([80, 120])('at %i columns', (columns) => {
    it.each(TABLES.map((t) => [t.join(' '), t]))('%s: no line is wider and no word is broken', (_name, args) => {
      const full = ws.run(args as string[]);
      const fitted = ws.run(args as string[], { env: { COLUMNS: String(columns) } });
      expect(fitted.code, fitted.stderr).toBe(0);
      const lines = fitted.stdout.split('\n');
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(columns);
      const known = new Set(words(full.stdout));
      for (const word of words(fitted.stdout))
        if (!SHORT_FORM.test(word)) expect(known.has(word), `"${word}" is not a whole word`).toBe(true);
    });
  });

  it('piped with no width, the table is laid out in full, and --wide does the same on a terminal', () => {
    const piped = ws.run(['due']);
    expect(piped.stdout.split('\n')[0]).toMatch(/^ref\s+name\s+age\s+turns two\s+flags\s+next date$/);
    expect(ws.run(['due', '--wide'], { env: { COLUMNS: '80' } }).stdout).toBe(piped.stdout);
    const narrow = ws.run(['due'], { env: { COLUMNS: '80' } });
    expect(narrow.stdout.split('\n')[0]).not.toContain('turns two');
    expect(narrow.stderr).toContain('left out to fit the terminal: turns two; --wide shows every column');
  });

  it.skipIf(!HAS_TERMINAL)('on a terminal 80 columns wide', async () => {
    const term = onTerminal(['due'], { cwd: ws.dir, env: { TWOCHECK_DB: ws.db, TWOCHECK_TODAY: TODAY, COLUMNS: '80' } });
    expect(await term.exited).toBe(0);
    const lines = term.plain().split(/\r?\n/);
    expect(lines.some((l) => l.startsWith('ref'))).toBe(true);
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
  });
});
