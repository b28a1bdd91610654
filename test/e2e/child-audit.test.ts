import { describe, expect, it } from 'vitest';
import { SETTING_FLAGS, workspace } from '../helpers/cli.js';

/*
 * `child`'s audit is the log of what was really done, in the order it was done, told in England's
 * time: on a replayed day (--today) a letter is dated that day in the Letters section, while its
 * audit line keeps the real time, so the log never runs backwards.
 */
describe("child's audit", () => {
  it("is in England's time and reads in order on a replayed day", () => {
    const ws = workspace();
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    ws.write('roster.csv', 'ref,first_name,last_name,dob,postcode,address\nA1,Ada,Able,2023-05-10,ST13 5AA,"1 Church Street, Leek"\n');
    expect(ws.run(['import', 'roster.csv']).code).toBe(0);
    const letters = ws.run(['--today', '2025-06-01', 'letters', '--child', 'A1', '--out', 'letters']);
    expect(letters.code, letters.stderr).toBe(0);
    const out = ws.run(['child', 'A1']).stdout;
    expect(out).toContain('parent-letter: generated 2025-06-01');
    const audit = out
      .split('\nAudit\n')[1]!
      .trimEnd()
      .split('\n')
      .map((l) => l.trim());
    expect(audit).toHaveLength(2);
    expect(audit[0]).toContain(' child-added ');
    expect(audit[1]).toContain(' letter.generate ');
    const times = audit.map((l) => l.slice(0, 16));
    for (const t of times) expect(t).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect([...times].sort()).toEqual(times);
    expect(out).not.toMatch(/\d\dZ /);
  });
});
