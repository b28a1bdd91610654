import { spawn } from 'node:child_process';

import { describe, expect, it } from 'vitest';

import { BIN, SETTING_FLAGS, workspace } from '../helpers/cli.js';

/** The raw screen of a run on a pseudo-terminal (util-linux `script`), escapes and all. */
async function screenOf(
  args: string[],
  cwd: string,
  db: string,
  extra: Record<string, string> = {},
): Promise<{ code: number | null; screen: string }> {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qfec', quoted, '/dev/null'], {
    cwd,
    env: { PATH: process.env.PATH, HOME: cwd, TERM: 'xterm', TWOCHECK_DB: db, ...extra },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let cancelled = false;
  child.stdin.on('error', () => undefined);
  child.stdout.on('data', (d: Buffer) => {
    screen += d.toString('utf8');
    if (!cancelled && screen.includes('Consent to')) {
      cancelled = true;
      child.stdin.write('\x03');
    }
  });
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, screen };
}

// A colour escape (SGR), as opposed to the cursor movements a prompt needs.
// eslint-disable-next-line no-control-regex
const COLOUR = /\x1b\[[0-9;]*m/;

// On a terminal --no-color must reach the prompts too, not only the tables and messages.
describe('prompts and --no-color', () => {
  it('draws the consent prompt without colour when --no-color is given, and with it otherwise', async () => {
    const ws = workspace();
    ws.run(SETTING_FLAGS);
    ws.write('r.csv', 'ref,first_name,last_name,dob\nP1,Pia,Plain,01/01/2024\n');
    expect(ws.run(['import', 'r.csv']).code).toBe(0);

    const coloured = await screenOf(['--today', '2026-11-23', 'consent', 'P1'], ws.dir, ws.db);
    expect(coloured.code).toBe(130);
    expect(coloured.screen).toMatch(COLOUR);

    const plain = await screenOf(['--today', '2026-11-23', '--no-color', 'consent', 'P1'], ws.dir, ws.db);
    expect(plain.code).toBe(130);
    expect(plain.screen).toContain('Consent to');
    expect(plain.screen).not.toMatch(COLOUR);

    const forced = await screenOf(['--today', '2026-11-23', '--no-color', 'consent', 'P1'], ws.dir, ws.db, { FORCE_COLOR: '1' });
    expect(forced.code).toBe(130);
    expect(forced.screen).not.toMatch(COLOUR);
    expect(forced.screen).not.toContain('Warning');
  });
});
