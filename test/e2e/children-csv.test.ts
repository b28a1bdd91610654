import { describe, expect, it } from 'vitest';
import { SETTING_FLAGS, workspace } from '../helpers/cli.js';

/*
 * `children --csv` is the roster as `import` reads it: a file exported and imported again, into
 * the same database or a new one, gives the same children, funding basis included (a
 * working-parent child's funded-from date follows the basis).
 */
const ROSTER = [
  'ref,first_name,last_name,dob,postcode,address,funded,Eligibility Code',
  'W1,Wren,Parent,2024-10-01,ST13 6AR,"1 A St, Leek",Working parents,',
  'W2,Cody,Holder,2024-10-01,ST13 6AR,"1 A St, Leek",,12345678901',
  'D1,Dot,Twos,2024-02-29,ST13 6AR,"1 A St, Leek",2YO,',
  'U1,Una,Versal,2024-03-01,ST13 6AR,"1 A St, Leek",yes,',
  'N1,Nia,Fund,2024-10-01,ST13 6AR,"1 A St, Leek",no,',
  'E1,Eli,Blank,2024-10-01,ST13 6AR,"1 A St, Leek",,',
  '',
].join('\n');

function withoutIds(json: string): unknown[] {
  return (JSON.parse(json) as Record<string, unknown>[]).map(({ id: _id, ...rest }) => rest);
}

describe('children --csv imports again as it is', () => {
  it('keeps the funding basis through an export and a re-import', () => {
    const first = workspace({ TWOCHECK_TODAY: '2026-11-23' });
    expect(first.run(SETTING_FLAGS).code).toBe(0);
    first.write('roster.csv', ROSTER);
    const imported = first.run(['import', 'roster.csv']);
    expect(imported.code, imported.stderr).toBe(0);
    const before = first.run(['children', '--json']);
    const bases = Object.fromEntries(
      (JSON.parse(before.stdout) as { ref: string; fundingBasis: string | null }[]).map((c) => [c.ref, c.fundingBasis]),
    );
    expect(bases).toEqual({ W1: 'working-parent', W2: 'working-parent', D1: 'disadvantaged', U1: null, N1: null, E1: null });

    const csv = first.run(['children', '--csv']).stdout;
    expect(csv.split('\n')[0]).toContain('funded,funding_basis');

    // into the same database: nothing changes
    first.write('again.csv', csv);
    const again = first.run(['import', 'again.csv']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('0 added, 0 updated, 6 unchanged');
    expect(withoutIds(first.run(['children', '--json']).stdout)).toEqual(withoutIds(before.stdout));

    // into a new database: the same children, the same funded-from dates
    const second = workspace({ TWOCHECK_TODAY: '2026-11-23' });
    expect(second.run(SETTING_FLAGS).code).toBe(0);
    second.write('from-export.csv', csv);
    const moved = second.run(['import', 'from-export.csv']);
    expect(moved.code, moved.stderr).toBe(0);
    expect(withoutIds(second.run(['children', '--json']).stdout)).toEqual(withoutIds(before.stdout));
    // the audit times differ; everything above them is the same
    const record = (ws: typeof first, ref: string) => ws.run(['child', ref]).stdout.split('\nAudit')[0];
    for (const ref of ['W1', 'W2', 'D1', 'U1', 'N1']) expect(record(second, ref)).toBe(record(first, ref));
  });
});
