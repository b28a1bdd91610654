/** A roster from a FIFO or from process substitution is read once, whole, and imported. */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../../helpers/cli.js';
import { query } from '../../helpers/seed.js';
import { ready } from './world.js';

const ROSTER = 'ref,first_name,last_name,dob\nP1,Ann,Pipe,2024-01-01\nP2,Bo,Pipe,2024-02-01\n';

describe('rosters that are not plain files', () => {
  it('a FIFO is imported, not hung on', () => {
    const ws = ready([]);
    const fifo = path.join(ws.dir, 'roster.fifo');
    execFileSync('mkfifo', [fifo]);
    // the writer is a shell of its own, so this test never blocks on the FIFO itself
    const result = spawnSync('bash', ['-c', `printf '%s' "$ROSTER" > roster.fifo & exec "$NODE" "$BIN" import roster.fifo`], {
      cwd: ws.dir,
      encoding: 'utf8',
      timeout: 30_000,
      env: { PATH: process.env.PATH, HOME: ws.dir, TWOCHECK_DB: ws.db, ROSTER, NODE: process.execPath, BIN },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(query(ws.db, 'SELECT count(*) AS n FROM children')).toEqual([{ n: 2 }]);
    expect(fs.existsSync(fifo)).toBe(true);
  });

  it('process substitution, import <(…), is imported', () => {
    const ws = ready([]);
    ws.write('r.csv', ROSTER);
    const result = spawnSync('bash', ['-c', '"$NODE" "$BIN" import <(cat r.csv)'], {
      cwd: ws.dir,
      encoding: 'utf8',
      timeout: 30_000,
      env: { PATH: process.env.PATH, HOME: ws.dir, TWOCHECK_DB: ws.db, NODE: process.execPath, BIN },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('is empty');
    expect(query(ws.db, 'SELECT count(*) AS n FROM children')).toEqual([{ n: 2 }]);
  });
});
