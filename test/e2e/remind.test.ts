import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { BIN, SETTING_FLAGS, workspace } from '../helpers/cli.js';

/** As cron runs it: only PATH, HOME and TWOCHECK_DB, cwd /, no stdin, no terminal. */
function cron(args: string[], db: string) {
  return spawnSync(process.execPath, [BIN, '--today', '2026-11-23', 'remind', ...args], {
    cwd: '/',
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: '/tmp', TWOCHECK_DB: db },
  });
}

describe('twocheck remind: failures cron can see, nothing half-done', () => {
  it('fails (and makes no database) when TWOCHECK_DB names a file that is not there', () => {
    const ws = workspace();
    const typo = path.join(ws.dir, 'data', 'twochek.db');
    const r = cron([], typo);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`no database at ${typo}`);
    expect(fs.existsSync(typo)).toBe(false);
  });

  it('refuses a bad --within before --generate writes or records any letter', () => {
    const ws = workspace();
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    ws.write('r.csv', 'ref,first_name,last_name,dob,address,postcode\nR1,Rita,Ready,2024-10-01,"1 Ball Haye Road, Leek",ST13 6AR\n');
    expect(ws.run(['import', 'r.csv']).code).toBe(0);
    const r = cron(['--generate', '--within', 'abc'], ws.db);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--within');
    expect(fs.existsSync(path.join(ws.dir, 'data', 'letters'))).toBe(false);
    const audit = ws.run(['--today', '2026-11-23', 'child', 'R1', '--json']);
    expect(JSON.parse(audit.stdout).letters).toEqual([]);
  });
});
