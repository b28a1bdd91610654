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
