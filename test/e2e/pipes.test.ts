import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bigRoster } from '../helpers/big-roster.js';
import { BIN, tempDir, workspace } from '../helpers/cli.js';

describe('output into a pipe', () => {
  it('stops quietly when the reader closes the pipe early, as `| head -1` does', () => {
    const dir = tempDir();
    // Whether the writer meets the closed pipe depends on timing, so try it several times.
    for (let i = 0; i < 8; i += 1) {
      const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" help hub | head -1`], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: dir },
      });
      expect(result.stdout).toMatch(/^Usage: twocheck hub/);
      expect(result.stderr).toBe('');
    }
  });
});

describe('hub writes its answer straight to a file or a pipe', () => {
  const run = (line: string) => {
    const dir = tempDir();
    return spawnSync('sh', ['-c', line.replaceAll('twocheck', `"${process.execPath}" "${BIN}"`)], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: dir },
    });
  };

  it('the whole answer, into a pipe and into a file', () => {
    const piped = run('twocheck hub Leek | cat');
    expect(piped.stdout).toMatch(/^West Hub {2}0300 303 3923\n {2}for Leek: Staffordshire Moorlands locality\n/);
    expect(run('twocheck hub Leek > answer.txt && cat answer.txt').stdout).toBe(piped.stdout);
    expect(piped.stderr).toBe('');
  });

  it('an unsure answer still goes to stdout and its error to stderr, with exit 1', () => {
    const r = run('twocheck hub Cheadle > answer.txt 2> errors.txt; echo "exit $?"; cat answer.txt errors.txt');
    expect(r.stdout).toMatch(/^exit 1\nNot sure which Hub\n[\s\S]*error: no Hub number: not sure which Hub covers Cheadle\n$/);
  });

  it('stops quietly, exit 0, when the reader has already gone', () => {
    // `true` has exited before twocheck writes, so the write meets a pipe with no reader
    const r = run('{ sleep 0.3; twocheck hub Leek --explain; echo "exit $?" >&2; } | true');
    expect(r.stderr).toBe('exit 0\n');
  });
});

describe('a long list and a warning into one slow pipe', () => {
  it('writes the warning after the last line of the list, never inside one', () => {
    const ws = workspace();
    // 580 children, a table of about 77 KB (more than a pipe holds, by less than a chunk), and every tenth child in
    // a Cheadle with no postcode, whose Hub is unsure
    const roster = bigRoster(580, '2026-11-23')
      .split('\n')
      .map((l, i) => (i % 10 === 3 ? l.replace(/"\d+ Church Street, Leek",ST13 5AA/, '"Mill Lane, Cheadle",') : l))
      .join('\n');
    ws.write('roster.csv', roster);
    expect(ws.run(['import', 'roster.csv']).code).toBe(0);
    // a reader that takes 4 KB at a time, a little slower than the list is written
    const reader = ws.write(
      'slow-reader.cjs',
      `const fs = require('node:fs');
      const chunk = Buffer.alloc(4096);
      const pause = () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
      for (;;) {
        const n = fs.readSync(0, chunk);
        if (n === 0) break;
        fs.writeSync(1, chunk.subarray(0, n));
        pause();
      }`,
    );
    const line = `"${process.execPath}" "${BIN}" --today 2026-11-23 due 2>&1 | "${process.execPath}" "${reader}"`;
    const r = spawnSync('sh', ['-c', line], {
      cwd: ws.dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: ws.dir, TWOCHECK_DB: ws.db },
    });
    const lines = r.stdout.trimEnd().split('\n');
    const warning = lines.findIndex((l) => l.startsWith('warning: '));
    // the table whole, then the warning and the children it names, each line whole
    expect(warning).toBeGreaterThan(400);
    expect(lines.slice(1, warning).filter((l) => !/^C\d{4} .*(by|since) \d{4}-\d{2}-\d{2}$/.test(l))).toEqual([]);
    const named = lines.slice(warning + 1);
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((l) => !/^ {2}(C\d{4} .*: there is a Cheadle|… and \d+ more$)/.test(l))).toEqual([]);
  });
});
