import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/cli.js';

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
