import { beforeEach, describe, expect, it } from 'vitest';
import { insertChildren, query } from '../helpers/children.js';
import { SETTING_FLAGS, workspace } from '../helpers/cli.js';

const TODAY = ['--today', '2026-04-01'];
const RECORD = ['--raised-by', 'setting', '--area', 'communication-and-language', '--description', 'Few words yet'];
const SEEN_RULE = 'The Hub can share information only once the 0–19 service has seen the child.';
const PHONE = /\d{4} \d{3} \d{4}/;

describe('twocheck concern', () => {
  let ws: ReturnType<typeof workspace>;
  beforeEach(() => {
    ws = workspace();
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    insertChildren(ws.db, [
      { ref: 'L1', first_name: 'Ivy', last_name: 'Marchbank', dob: '2024-01-15', address: '3 Mill Lane, Leek', postcode: 'ST13 6BB' },
      {
        ref: 'S1',
        first_name: 'Otto',
        last_name: 'Fenwright',
        dob: '2024-01-20',
        address: '9 Hill Road, Hanley, Stoke-on-Trent',
        postcode: 'ST1 3AA',
      },
    ]);
  });

  it('records a concern and says which Hub to phone, with the rule about sharing', () => {
    const result = ws.run([...TODAY, 'concern', 'L1', ...RECORD]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Recorded concern 1 for Ivy Marchbank (L1).');
    expect(result.stdout).toMatch(/^Hub: /);
    expect(result.stdout).toContain(SEEN_RULE);
    // ST13 is wholly inside Staffordshire Moorlands, the West Hub's locality: a certain match
    expect(result.stdout).toContain('Hub: West Hub, 0300 303 3923 (Staffordshire Moorlands;');
    const rows = query<{ area: string; raised_on: string }>(ws.db, 'SELECT area, raised_on FROM concerns');
    expect(rows).toEqual([{ area: 'communication-and-language', raised_on: '2026-04-01' }]);
    const json = JSON.parse(ws.run([...TODAY, 'concern', 'L1', ...RECORD, '--json']).stdout);
    expect(json.hub).toMatchObject({
      kind: 'found',
      hub: { id: 'west', name: 'West Hub', phone: '0300 303 3923' },
      locality: 'Staffordshire Moorlands',
    });
  });

  it("never prints a Staffordshire number for a Stoke-on-Trent home, nor the Hub's limit on sharing", () => {
    const result = ws.run([...TODAY, 'concern', 'S1', ...RECORD]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(PHONE);
    expect(result.stdout).toContain("Stoke-on-Trent City Council's own health visiting service");
    expect(result.stdout).not.toContain(SEEN_RULE);
    const json = JSON.parse(ws.run([...TODAY, 'concern', 'S1', ...RECORD, '--json']).stdout);
    expect(['unsure', 'not-covered']).toContain(json.hub.kind);
    expect(json.concern.ref).toBe('S1');
  });

  it('refuses an area it does not know, naming the EYFS areas', () => {
    const result = ws.run([...TODAY, 'concern', 'L1', '--raised-by', 'setting', '--area', 'maths', '--description', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--area must be one of communication-and-language, personal-social-emotional, physical');
    expect(ws.run([...TODAY, 'concern', 'L1', '--raised-by', 'teacher', '--area', 'physical', '--description', 'x']).stderr).toContain(
      '--raised-by must be one of setting, health, parent',
    );
    expect(ws.run([...TODAY, 'concern', 'L1', '--area', 'physical']).stderr).toContain('concern needs --raised-by, --description');
    expect(query(ws.db, 'SELECT * FROM concerns')).toHaveLength(0);
  });

  it('shares, follows up and closes, each on the record', () => {
    ws.run(['--today', '2026-03-01', 'concern', 'L1', ...RECORD]);
    ws.run(['--today', '2026-03-01', 'consent', 'L1', '--method', 'paper', '--by-parent', 'Pat Marchbank']);
    const shared = ws.run([
      ...TODAY,
      'concern',
      'share',
      '1',
      '--with',
      'West Hub',
      '--how',
      'phone',
      '--on',
      '2026-03-02',
      '--note',
      'spoke to duty HV',
    ]);
    expect(shared.code).toBe(0);
    expect(shared.stderr).toContain('Concern 1: shared with West Hub by phone on 2026-03-02.');
    expect(ws.run([...TODAY, 'concern', 'share', '1', '--with', 'West Hub', '--how', 'pigeon']).stderr).toContain(
      '--how must be one of phone',
    );
    expect(ws.run([...TODAY, 'concern', 'share', '1', '--with', 'West Hub', '--how', 'phone', '--on', '2026-02-01']).stderr).toContain(
      'before the concern was raised',
    );

    const action = ws.run([...TODAY, 'concern', 'action', '1', '--note', 'Ask about a speech referral', '--due', '2026-04-15']);
    expect(action.code).toBe(0);
    // actions are numbered among the concern's actions: the first is 1, though a share came before it
    expect(action.stderr).toContain('action 1 recorded, due 2026-04-15');
    expect(ws.run([...TODAY, 'concern', 'action', '1', '--due', '2026-04-15']).stderr).toContain('--note');
    const missing = ws.run([...TODAY, 'concern', 'action', '1', '--action', '2', '--done', '2026-03-31']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('concern 1 has no action 2 (its actions are 1 to 1)');
    expect(ws.run([...TODAY, 'concern', 'action', '1', '--action', '1', '--done', '31/03/2026']).stderr).toContain(
      'action 1 done on 2026-03-31',
    );

    const listed = ws.run([...TODAY, 'concern', 'list', 'L1']);
    expect(listed.stdout).toContain('#1  2026-03-01  communication-and-language  raised by setting  open');
    expect(listed.stdout).toContain('2026-03-02  shared with West Hub by phone: spoke to duty HV');
    expect(listed.stdout).toContain('action 1: Ask about a speech referral  due 2026-04-15  done 2026-03-31');

    const closed = ws.run([...TODAY, 'concern', 'close', '1', '--note', 'Referral made; settled']);
    expect(closed.code).toBe(0);
    expect(ws.run([...TODAY, 'concern', 'close', '1']).code).toBe(2);
    const json = JSON.parse(ws.run(['concern', 'L1', '--list', '--json']).stdout);
    expect(json.concerns[0]).toMatchObject({ id: 1, closedOn: '2026-04-01', closedNote: 'Referral made; settled' });
    expect(json.concerns[0].events).toHaveLength(2);
    const actions = query<{ action: string }>(ws.db, "SELECT action FROM audit WHERE action LIKE 'concern.%' ORDER BY id");
    expect(actions.map((a) => a.action)).toEqual([
      'concern.record',
      'concern.share',
      'concern.action',
      'concern.action-done',
      'concern.close',
    ]);
  });

  it('exits 2 when a required flag of a subcommand is missing, and 1 for an unknown concern', () => {
    expect(ws.run(['concern', 'share', '1', '--with', 'West Hub']).code).toBe(2);
    const unknown = ws.run(['concern', 'close', '42']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no concern number 42');
  });
});
