/**
 * On an 80-column terminal nothing breaks mid-word: messages wrap between words, the letters
 * list is a table for the width, and every --help example fits. Piped output is as it was.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLES, exampleLines } from '../../src/cli/examples.js';
import { SETTING_FLAGS, runCli, workspace } from '../helpers/cli.js';
import { HAS_TERMINAL, onTerminal } from '../helpers/pty.js';
import { seedChildren } from '../helpers/seed.js';

const TODAY = ['--today', '2026-11-23'];

/** Words as a person reads them: split at spaces, and a path after each "/". */
const words = (text: string): string[] => text.split(/\s+|(?<=\/)/).filter(Boolean);

/** The screen as lines of text: line ends as LF, and the progress bar (drawn over itself, then cleared) taken out. */
const lines = (screen: string): string =>
  screen
    .replace(/\r/g, '')
    // eslint-disable-next-line no-control-regex
    .replace(/\x1b[78]/g, '')
    .replace(/letters [░█]+ \d+\/\d+/g, '');

function withLetterDue() {
  const ws = workspace();
  expect(ws.run(SETTING_FLAGS).code).toBe(0);
  seedChildren(ws.db, [{ ref: 'N1', first: 'Nell', last: 'Longfellow-Testcase', dob: '2024-11-10' }]);
  return ws;
}

describe.skipIf(!HAS_TERMINAL)('at 80 columns on a terminal', () => {
  it('messages wrap between words, and say the same words as when piped', async () => {
    const ws = withLetterDue();
    const out = 'a/folder/with/a/rather/long/name/so/that/the/message/runs/past/the/edge';
    const piped = ws.run([...TODAY, 'letters', '--out', out, '--dry-run']);
    const term = onTerminal([...TODAY, 'letters', '--out', `${out}-2`, '--dry-run'], {
      cwd: ws.dir,
      env: { TWOCHECK_DB: ws.db, COLUMNS: '80' },
    });
    expect(await term.exited).toBe(0);
    const screen = lines(term.plain());
    for (const line of screen.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    // piped, the long message is one line, as before
    expect(piped.stderr.split('\n').some((l) => l.length > 80)).toBe(true);
    // the same words, and on a terminal the list's table header
    const table = 'ref child why Hub file (left out to fit the terminal: why, Hub; --json, or piped, gives every field)';
    const known = new Set(words(`${table}\n${piped.stdout}\n${piped.stderr}`.replaceAll(out, `${out}-2`)));
    for (const word of words(screen)) expect(known.has(word), `"${word}" is not a whole word`).toBe(true);
  });

  it('the letters list is a table for the width, naming each file from the current folder', async () => {
    const ws = withLetterDue();
    const term = onTerminal([...TODAY, 'letters', '--out', 'letters/2026-11-23'], {
      cwd: ws.dir,
      env: { TWOCHECK_DB: ws.db, COLUMNS: '80' },
    });
    expect(await term.exited).toBe(0);
    const screen = lines(term.plain());
    expect(screen).toMatch(/^ref\s+child\s+.*file/m);
    // the path breaks after a "/" when it does not fit
    expect(screen).toMatch(/N1\s+Nell Longfellow-Testcase\s+letters\/2026-11-23\/\n\s+N1-Nell-Longfellow-Testcase\.pdf\n/);
    expect(screen).not.toContain(ws.dir);
    for (const line of screen.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  });
});

describe('piped, the letters list is unchanged', () => {
  it('tab-separated, with the full path', () => {
    const ws = withLetterDue();
    const r = ws.run([...TODAY, 'letters', '--out', 'out']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`N1\tNell Longfellow-Testcase\ttwo\tnot printed\t${ws.dir}/out/N1-Nell-Longfellow-Testcase.pdf\n`);
  });
});

describe('--help examples fit 80 columns', () => {
  it.each(Object.keys(EXAMPLES))('%s', (name) => {
    const help = runCli([...name.split(' '), '--help']);
    expect(help.code).toBe(0);
    for (const line of help.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('an example broken over lines is the same command pasted back', () => {
    for (const line of Object.values(EXAMPLES).flat()) {
      const shown = exampleLines(line);
      const pasted = shown
        .map((l) => l.replace(/ \\$/, '').trim())
        .join(' ')
        .replace(/^\$ /, '');
      expect(pasted).toBe(line);
    }
  });
});
