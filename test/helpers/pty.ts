import { type ChildProcess, execFileSync, spawn } from 'node:child_process';

import { BIN } from './cli.js';

/** Whether util-linux `script` is here to give a test a terminal; tests that need one skip without it. */
export const HAS_TERMINAL = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Runs the built binary on a real pseudo-terminal through util-linux `script`, so prompts
 * behave as they do for a person: keys go in, the screen comes out.
 */
export function onTerminal(args: string[], options: { cwd: string; env: Record<string, string> }) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const child: ChildProcess = spawn('script', ['-qfec', quoted, '/dev/null'], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH, HOME: options.cwd, TERM: 'xterm', FORCE_COLOR: '0', COLUMNS: '120', LINES: '40', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  child.stdout?.on('data', (d: Buffer) => (screen += d.toString('utf8')));
  child.stderr?.on('data', (d: Buffer) => (screen += d.toString('utf8')));
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  // eslint-disable-next-line no-control-regex
  const plain = () => screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
  return {
    plain,
    exited,
    /** Waits until the screen has shown `text` `times` times in all. */
    async waitFor(text: string, times = 1, timeoutMs = 10000): Promise<void> {
      const start = Date.now();
      while (plain().split(text).length - 1 < times) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for "${text}"; screen was:\n${plain()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    type(keys: string): void {
      child.stdin?.write(keys);
    },
  };
}

export const KEY = { enter: '\r', down: '\x1b[B', ctrlC: '\x03' } as const;
