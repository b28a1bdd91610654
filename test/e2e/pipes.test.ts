import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/cli.js';

describe('output into a pipe', () => {
  it('stops quietly when the reader closes the pipe early, as `| head -1` does', async () => {
    const dir = tempDir();
    const child = spawn(process.execPath, [BIN, '--help'], { cwd: dir, env: { PATH: process.env.PATH, HOME: dir } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
