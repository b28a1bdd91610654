import { afterEach, describe, expect, it, vi } from 'vitest';
import { report } from '../../src/cli/main.js';
import { UsageError, explainFailure, shownPath, whyFileFailed } from '../../src/errors.js';

function stderrOf(run: () => number): { code: number; text: string } {
  let text = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += String(chunk);
    return true;
  });
  try {
    return { code: run(), text };
  } finally {
    spy.mockRestore();
  }
}

const sqlite = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('report: every failure at the top is a plain message and a non-zero exit', () => {
  afterEach(() => vi.restoreAllMocks());

  it('an unexpected error: one line and what to do; the stack only with --debug', () => {
    const err = new TypeError('x is undefined');
    const plain = stderrOf(() => report(err, ['node', 'twocheck', 'due']));
    expect(plain.code).toBe(1);
    expect(plain.text).toContain('error: twocheck failed unexpectedly: x is undefined');
    expect(plain.text).toContain('--debug');
    expect(plain.text).not.toMatch(/\n\s+at /);
    const debug = stderrOf(() => report(err, ['node', 'twocheck', '--debug', 'due']));
    expect(debug.code).toBe(1);
    expect(debug.text).toMatch(/\n\s+at /);
  });

  it.each([
    [
      Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/x/a.pdf' }),
      'the disk is full: could not write /x/a.pdf',
    ],
    [sqlite('SQLITE_FULL', 'database or disk is full'), 'the disk is full'],
    [sqlite('SQLITE_READONLY', 'attempt to write a readonly database'), 'cannot be written: it or its folder is read-only'],
    [sqlite('SQLITE_READONLY_DBMOVED', 'moved'), 'cannot be written'],
    [sqlite('SQLITE_CORRUPT', 'database disk image is malformed'), 'is damaged'],
    [sqlite('SQLITE_NOTADB', 'file is not a database'), 'is damaged'],
    [sqlite('SQLITE_BUSY', 'database is locked'), 'is busy'],
    [
      Object.assign(new Error('EACCES'), { code: 'EACCES', path: '/x', syscall: 'open' }),
      'permission denied: you may not read or write /x',
    ],
    // the hidden temporary file written beside a document is not what the person gave: its folder is
    [
      Object.assign(new Error('EACCES'), { code: 'EACCES', path: '/x/out/.005-Ann-Bee.pdf.0123456789ab.tmp', syscall: 'open' }),
      'permission denied: the folder /x/out is not writable by you',
    ],
    [
      Object.assign(new Error('ENOSPC'), { code: 'ENOSPC', path: '/x/out/.a.pdf.0123456789ab.tmp' }),
      'the disk is full: could not write /x/out',
    ],
    [
      Object.assign(new Error('ENOENT: no such file or directory, open'), { code: 'ENOENT', path: '/x/a.json' }),
      'there is no such file or folder: /x/a.json',
    ],
    [
      Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR', path: '/x' }),
      '/x is a folder, not a file',
    ],
  ])('%s', (err, words) => {
    const { code, text } = stderrOf(() => report(err, ['node', 'twocheck']));
    expect(code).toBe(1);
    expect(text).toContain(words);
    expect(text).not.toContain('unexpectedly');
    expect(text).not.toMatch(/\n\s+at /);
    expect(text).not.toMatch(/\b(EACCES|ENOENT|EISDIR|ENOSPC)\b|\.tmp/);
  });

  it('says why a file failed in words, whichever way it went', () => {
    const e = (code: string) => Object.assign(new Error(code), { code });
    expect(whyFileFailed(e('ENOENT'))).toBe('there is no such file');
    expect(whyFileFailed(e('EISDIR'))).toBe('it is a folder, not a file');
    expect(whyFileFailed(e('EACCES'))).toBe('permission denied: it is not readable by you');
    expect(whyFileFailed(e('EACCES'), true)).toBe('permission denied: it is not writable by you');
    expect(shownPath('/a/b/.x.pdf.0123456789ab.tmp')).toBe('/a/b');
    expect(shownPath('/a/b/x.pdf')).toBe('/a/b/x.pdf');
  });

  it('keeps the exit code of a usage error, and knows nothing of other errors', () => {
    expect(stderrOf(() => report(new UsageError('bad flag'), ['node', 'twocheck'])).code).toBe(2);
    expect(explainFailure(new Error('plain'))).toBeNull();
    expect(explainFailure('a string')).toBeNull();
  });
});

describe('printable', () => {
  it('shows controls and bidi overrides as escapes; a line keeps its tabs, line ends and, with colour, only our colour codes', async () => {
    const { printable, printableLines } = await import('../../src/cli/output.js');
    expect(printable('a\u001b]0;x\u0007b\u202ec\td\ne')).toBe('a\\x1B]0;x\\x07b\\u202Ec\\x09d\\x0Ae');
    expect(printableLines('a\tb\r\nc\rd')).toBe('a\tb\r\nc\\x0Dd');
    expect(printableLines('\u001b[1mbold\u001b[22m \u001b[8mhidden', true)).toBe('\u001b[1mbold\u001b[22m \\x1B[8mhidden');
    expect(printableLines('\u001b[31mred\u001b[39m', false)).toBe('\\x1B[31mred\\x1B[39m');
  });
});
