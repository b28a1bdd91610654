import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ready } from './world.js';

/*
 * import --skip-invalid writes the refused rows beside the roster: never over a file already
 * there unless asked (--force), never through a link planted where it goes, and a roster that
 * is refused for it changes nothing.
 */
const ROSTER = 'ref,first_name,last_name,dob\nR1,Ada,Able,01/03/2024\nR2,Ben,,02/03/2024\n';

describe('the rejects file of import --skip-invalid', () => {
  it('is not overwritten without --force, and nothing is imported when it would be', () => {
    const ws = ready([]);
    const roster = ws.write('roster.csv', ROSTER);
    const rejects = path.join(ws.dir, 'roster.rejects.csv');
    fs.writeFileSync(rejects, 'kept\n');
    const refused = ws.run(['import', roster, '--skip-invalid']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/the rejects file .*roster\.rejects\.csv is already there; nothing was changed/);
    expect(fs.readFileSync(rejects, 'utf8')).toBe('kept\n');
    expect(ws.run(['children', '--json']).stdout.trim()).toBe('[]');
    const forced = ws.run(['import', roster, '--skip-invalid', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(fs.readFileSync(rejects, 'utf8')).toMatch(/^ref,first_name,last_name,dob,reason\nR2,Ben,,02\/03\/2024,/);
    expect((fs.statSync(rejects).mode & 0o777).toString(8)).toBe('600');
  });

  it('is never written through a link planted where it goes', () => {
    const ws = ready([]);
    const roster = ws.write('roster.csv', ROSTER);
    const elsewhere = ws.write('elsewhere.txt', 'not yours\n');
    fs.symlinkSync(elsewhere, path.join(ws.dir, 'roster.rejects.csv'));
    const r = ws.run(['import', roster, '--skip-invalid', '--force']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/link/);
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('not yours\n');
  });
});
