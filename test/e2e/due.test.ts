import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { BIN, SETTING_FLAGS, workspace } from '../helpers/cli.js';
import { childSql, query, seedDatabase } from '../helpers/seed.js';

// Today in these tests: 15 June 2026.
const TODAY = '2026-06-15';
const ws = workspace({ TWOCHECK_TODAY: TODAY });
const dbPath = ws.db as string;
const T = '2026-01-01T09:00:00.000Z';

beforeAll(() => {
  seedDatabase(
    dbPath,
    [
      childSql('A01', 'Ada', 'Able', '2024-07-01', { room: 'Tigers' }), // turns two 1 July: soon
      childSql('B02', 'Ben', 'Brook', '2024-06-15', { room: 'Tigers' }), // two today
      childSql('C03', 'Cara', 'Cole', '2023-11-01'), // 31 months: late
      childSql('D04', 'Dan', 'Dale', '2023-01-10'), // three: missed
      childSql('E05', 'Eve', 'Eden', '2023-12-01'), // check done, not shared; concern open
      childSql('G07', '@Gus', '=SUM(1)', '2024-06-20'), // turns two soon; a formula-looking name
      childSql('H08', 'Hal', 'Hart', '2025-01-01'), // nothing yet
      childSql('L09', 'Lou', 'Left', '2023-01-10', { leftOn: '2026-01-01' }), // left: no flags
      // homes whose Hub is sure, so that hub-unsure is tested on its own below
      "UPDATE children SET address = '1 Church Street, Leek', postcode = 'ST13 5AA';",
      "UPDATE children SET funded = 1 WHERE ref = 'C03';",
      `INSERT INTO letters (child_id, kind, template, template_hash, file, sha256, generated_at, generated_by, sent_on)
       SELECT id, 'parent-letter', 'parent-letter', 'h', 'letters/' || ref || '.pdf', 'abc', '${T}', 'mgr', '2025-12-01'
       FROM children WHERE ref IN ('C03', 'D04', 'E05');`,
      `INSERT INTO consents (child_id, kind, status, given_by, on_date, method, recorded_by, recorded_at)
       SELECT id, 'share-with-health', 'given', 'Parent', '2025-12-01', 'paper', 'mgr', '${T}' FROM children WHERE ref IN ('C03', 'D04', 'E05');`,
      `INSERT INTO consents (child_id, kind, status, given_by, on_date, method, recorded_by, recorded_at)
       SELECT id, 'share-with-health', 'withdrawn', 'Parent', '2026-01-05', 'verbal', 'mgr', '${T}' FROM children WHERE ref = 'E05';`,
      `INSERT INTO consents (child_id, kind, status, given_by, on_date, method, recorded_by, recorded_at)
       SELECT id, 'share-with-health', 'given', 'Parent', '2026-02-01', 'paper', 'mgr', '${T}' FROM children WHERE ref = 'E05';`,
      `INSERT INTO checks (child_id, version, status, completed_on, recorded_on, practitioner, data, pdf_path, pdf_sha256, shared_on, created_by, created_at)
       SELECT id, 1, 'completed', '2026-03-01', '2026-03-01', 'Kim Key', '{}', 'checks/E05-v1.pdf', 'aa11', '2026-03-02', 'mgr', '${T}' FROM children WHERE ref = 'E05';`,
      `INSERT INTO checks (child_id, version, status, completed_on, recorded_on, practitioner, data, pdf_path, pdf_sha256, amend_reason, created_by, created_at)
       SELECT id, 2, 'completed', '2026-03-01', '2026-04-01', 'Kim Key', '{}', 'checks/E05-v2.pdf', 'bb22', 'speech added', 'mgr', '${T}' FROM children WHERE ref = 'E05';`,
      `INSERT INTO concerns (child_id, raised_by, area, description, raised_on, recorded_by, recorded_at)
       SELECT id, 'setting', 'speech', 'few words', '2026-04-01', 'mgr', '${T}' FROM children WHERE ref = 'E05';`,
      `INSERT INTO concern_events (concern_id, kind, with_whom, how, on_date, note, recorded_by, recorded_at)
       SELECT id, 'shared', 'West Hub', 'phone', '2026-04-02', 'referred', 'mgr', '${T}' FROM concerns;`,
      `INSERT INTO group_sessions (id, on_date, place, created_by, created_at) VALUES (1, '2026-05-01', 'Hall', 'mgr', '${T}');
     INSERT INTO group_members (session_id, child_id, attended) SELECT 1, id, 1 FROM children WHERE ref = 'E05';`,
    ].join('\n'),
  );
});

interface Row {
  ref: string;
  flags: string[];
  turnsTwo: string;
  ageMonths: number;
  fundedFrom: string;
  firstName: string;
}
const json = (args: string[] = []): Row[] => {
  const r = ws.run(['due', '--json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Row[];
};

describe('twocheck due', () => {
  it('lists every child carrying a flag, most urgent first', () => {
    const rows = json();
    expect(rows.map((r) => [r.ref, r.flags])).toEqual([
      ['D04', ['check-missed']],
      ['C03', ['check-late']],
      ['B02', ['letter-due', 'consent-missing', 'check-due']],
      ['G07', ['consent-missing', 'turns-two-soon']],
      ['A01', ['consent-missing', 'turns-two-soon']],
      ['E05', ['check-not-shared', 'concern-open']],
    ]);
    const b = rows.find((r) => r.ref === 'B02')!;
    // a funded-from date only for a child on a funded place
    expect(b).toMatchObject({ firstName: 'Ben', turnsTwo: '2026-06-15', ageMonths: 24, fundedFrom: null });
    expect(rows.find((r) => r.ref === 'C03')!.fundedFrom).toBe('2026-01-01');
  });

  it('prints a plain table when piped', () => {
    const r = ws.run(['due']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^ref\s+name\s+age\s+turns two\s+flags\s+next date$/);
    expect(lines[1]).toMatch(/^D04\s+Dan Dale\s+3 years 5 months\s+2025-01-10\s+check-missed\s+since 2026-01-10$/);
    // two today: the letter is due since today, and the next deadline is the check's, at 30 months
    expect(lines.find((l) => l.startsWith('B02'))).toMatch(/letter-due, consent-missing, check-due\s+by 2026-12-15$/);
    expect(lines).toHaveLength(7);
  });

  it('a bad day is named where it came from: --today or TWOCHECK_TODAY', () => {
    const fromEnv = ws.run(['due'], { env: { TWOCHECK_TODAY: 'bad' } });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('TWOCHECK_TODAY must be a calendar date as YYYY-MM-DD or DD/MM/YYYY, not "bad"');
    const fromFlag = ws.run(['--today', 'bad', 'due']);
    expect(fromFlag.code).toBe(2);
    expect(fromFlag.stderr).toContain('--today must be a calendar date');
    expect(ws.run(['due'], { env: { TWOCHECK_TODAY: '1700-01-01' } }).stderr).toContain('TWOCHECK_TODAY 1700-01-01 is not a day');
  });

  it('--help names every flag --dismiss takes', () => {
    const help = ws.run(['due', '--help']).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(
      '--dismiss <ref> stop flagging one of check-missed, check-suggests-concern, review-result-missing for this child',
    );
  });

  it('remind gives each flag its own date, "by" ahead and "since" behind', () => {
    const r = ws.run(['remind']);
    expect(r.code, r.stderr).toBe(0);
    const group = (flag: string) => r.stdout.split(`(${flag}):`)[1]!.split('\n\n')[0]!;
    expect(group('letter-due')).toContain('B02  Ben Brook, 2 years, since 2026-06-15');
    expect(group('check-due')).toContain('B02  Ben Brook, 2 years, by 2026-12-15');
    expect(group('check-missed')).toContain('D04  Dan Dale, 3 years 5 months, since 2026-01-10');
  });

  it('--within widens the look-ahead; --flag and --room filter', () => {
    expect(json(['--within', '0']).map((r) => r.ref)).not.toContain('A01');
    expect(json(['--flag', 'check-late', '--flag', 'check-missed']).map((r) => r.ref)).toEqual(['D04', 'C03']);
    expect(json(['--room', 'tigers']).map((r) => r.ref)).toEqual(['B02', 'A01']);
  });

  it('refuses an unknown flag, naming the valid ones', () => {
    const r = ws.run(['due', '--flag', 'late']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown flag "late".*check-late/);
    expect(ws.run(['due', '--within', 'soon']).code).toBe(2);
  });

  it('--csv is safe to open in a spreadsheet', () => {
    const r = ws.run(['due', '--csv', '--flag', 'turns-two-soon']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\r\n');
    expect(lines[0]).toBe(
      'ref,first_name,last_name,dob,turns_two,age_months,flags,next_date,check_late_from,check_missed_from,funded_from,room,key_person',
    );
    expect(lines[1]).toMatch(/^G07,'@Gus,'=SUM\(1\),2024-06-20,/);
  });

  it('says so on stderr when nothing is due, and exits 0', () => {
    const quiet = workspace({ TWOCHECK_TODAY: TODAY });
    seedDatabase(quiet.db as string, childSql('H08', 'Hal', 'Hart', '2025-01-01'));
    const r = quiet.run(['due']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Nothing due/);
  });
});

describe('twocheck remind (cron)', () => {
  /** As cron runs it: only PATH, HOME and TWOCHECK_DB, cwd /, no stdin, no terminal. */
  const cron = (args: string[], tz?: string, db = dbPath) =>
    spawnSync(process.execPath, [BIN, 'remind', ...args], {
      cwd: '/',
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: '/tmp', TWOCHECK_DB: db, ...(tz ? { TZ: tz } : {}) },
    });

  it('prints what needs doing, grouped by flag, with the command to run', () => {
    const r = cron(['--today', TODAY]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`twocheck: what needs doing on ${TODAY}`);
    expect(r.stdout).toMatch(/Progress Check missed \(three or over\) \(check-missed\): 1\n {2}D04 {2}Dan Dale/);
    expect(r.stdout).toMatch(/Parent letter to send \(letter-due\): 1\n {2}B02 .*run: twocheck letters --child B02/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('prints nothing at all on a quiet day', () => {
    const quiet = workspace();
    seedDatabase(quiet.db as string, childSql('H08', 'Hal', 'Hart', '2025-01-01'));
    const r = cron(['--today', TODAY], undefined, quiet.db as string);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('');
  });

  it('gives the same answer in any machine time zone', () => {
    const base = cron(['--today', TODAY]).stdout;
    for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles']) expect(cron(['--today', TODAY], tz).stdout).toBe(base);
  });

  it('--generate writes the letters due beside the database, once', () => {
    const home = workspace();
    expect(home.run(SETTING_FLAGS).code).toBe(0);
    seedDatabase(home.db as string, childSql('B02', 'Ben', 'Brook', '2024-06-15'));
    const first = cron(['--generate', '--today', TODAY], undefined, home.db as string);
    expect(first.status, first.stderr).toBe(0);
    const folder = path.join(path.dirname(home.db as string), 'letters', TODAY);
    expect(first.stdout).toContain('twocheck: wrote 1 parent letter to print and post:');
    expect(first.stdout).toContain(path.join(folder, 'B02-Ben-Brook.pdf'));
    expect(fs.readdirSync(folder)).toEqual(['B02-Ben-Brook.pdf']);
    // written is not posted: the letter stays due until `letters sent` records it
    expect(first.stdout).toContain('(letter-due)');

    const second = cron(['--generate', '--today', TODAY], undefined, home.db as string);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).not.toContain('wrote');
    expect(query(home.db as string, "SELECT * FROM letters WHERE kind = 'parent-letter'")).toHaveLength(1);
  });
});

describe('replaying an earlier day with --today', () => {
  const on = (day: string, args: string[] = []): [string, string[]][] => {
    const r = ws.run(['--today', day, 'due', '--json', ...args]);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout || '[]') as Row[]).filter((x) => ['E05', 'L09'].includes(x.ref)).map((x) => [x.ref, x.flags]);
  };

  it('counts only what was recorded as done by that day', () => {
    // Eve: consent withdrawn on 5 January, given again on 1 February; checked 1 March, shared
    // the next day; amended on 1 April (keeping the check's date), the day a concern was raised
    expect(on('2026-01-20')).toEqual([['E05', ['consent-missing', 'check-due']]]);
    expect(on('2026-02-15')).toEqual([['E05', ['check-due']]]);
    expect(on('2026-03-01')).toEqual([['E05', ['check-not-shared']]]);
    expect(on('2026-03-15')).toEqual([]);
    expect(on('2026-04-01')).toEqual([['E05', ['check-not-shared', 'concern-open']]]);
    const child = JSON.parse(ws.run(['--today', '2026-02-15', 'child', 'E05', '--json']).stdout);
    expect(child.flags.map((f: { name: string }) => f.name)).toEqual(['check-due']);
  });

  it('lists a child who had not yet left the roster', () => {
    // Lou left on 1 January 2026
    expect(on('2025-12-31')).toContainEqual(['L09', ['check-late', 'letter-due', 'consent-missing']]);
    expect(on('2025-12-31', ['--flag', 'check-late'])).toContainEqual(['L09', ['check-late']]);
    expect(on('2026-01-01').map(([ref]) => ref)).not.toContain('L09');
  });
});

describe('dismissing check-missed', () => {
  it('needs a reason, records it with an audit line, and the flag goes', () => {
    expect(ws.run(['due', '--dismiss', 'D04', '--flag', 'check-missed']).code).toBe(2);
    expect(ws.run(['due', '--dismiss', 'D04', '--flag', 'check-late', '--reason', 'x']).code).toBe(2);
    expect(ws.run(['due', '--dismiss', 'ZZZ', '--flag', 'check-missed', '--reason', 'x']).code).toBe(1);
    const r = ws.run(['due', '--dismiss', 'D04', '--flag', 'check-missed', '--reason', 'joined at 3 years 2 months', '--by', 'Mgr']);
    expect(r.code, r.stderr).toBe(0);
    expect(json().map((x) => x.ref)).not.toContain('D04');
    const child = JSON.parse(ws.run(['child', 'D04', '--json']).stdout);
    expect(child.dismissals[0]).toMatchObject({ flag: 'check-missed', reason: 'joined at 3 years 2 months', by: 'Mgr' });
    expect(child.audit[0]).toMatchObject({ action: 'dismiss-flag', by: 'Mgr' });
  });

  it('a flag already dismissed: says who and why, and records nothing new', () => {
    const again = ws.run(['due', '--dismiss', 'D04', '--flag', 'check-missed', '--reason', 'another reason', '--by', 'Other']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain('check-missed was already dismissed for D04');
    expect(again.stderr).toContain('by Mgr');
    expect(again.stderr).toContain('"joined at 3 years 2 months". Nothing new was recorded.');
    const child = JSON.parse(ws.run(['child', 'D04', '--json']).stdout);
    expect(child.dismissals).toHaveLength(1);
    expect(child.dismissals[0]).toMatchObject({ reason: 'joined at 3 years 2 months', by: 'Mgr' });
    expect(child.audit.filter((a: { action: string }) => a.action === 'dismiss-flag')).toHaveLength(1);
  });
});

describe('twocheck child', () => {
  it('shows the timeline: dates, flags, every consent and check version, concerns, groups', () => {
    const r = ws.run(['child', 'E05']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('E05  Eve Eden');
    expect(r.stdout).toMatch(/turns two\s+2025-12-01/);
    expect(r.stdout).toMatch(/check window\s+2025-12-01 to 2026-12-01 \(late from 2026-06-01/);
    expect(r.stdout).not.toContain('funded from'); // not funded on the roster: no funded-from date
    expect(r.stdout).toContain('check-not-shared');
    expect(r.stdout).toContain('withdrawn');
    expect(r.stdout).toMatch(/version 1: completed, completed 2026-03-01 by Kim Key, shared with parents 2026-03-02/);
    expect(r.stdout).toMatch(/version 2: .*not shared with parents; amended: speech added \(recorded 2026-04-01\)/);
    expect(r.stdout).toContain('checks/E05-v2.pdf  sha256 bb22');
    expect(r.stdout).toMatch(/2026-04-02 shared with West Hub \(phone\): referred/);
    expect(r.stdout).toMatch(/2026-05-01 at Hall: attended/);
  });

  it('--json gives the same as one object', () => {
    const r = ws.run(['child', 'E05', '--json']);
    const c = JSON.parse(r.stdout);
    expect(c.child.ref).toBe('E05');
    expect(c.checks.map((k: { version: number; pdfPath: string }) => [k.version, k.pdfPath])).toEqual([
      [1, 'checks/E05-v1.pdf'],
      [2, 'checks/E05-v2.pdf'],
    ]);
    // camelCase, as every --json: no key anywhere holds an underscore, but a check's own data, kept as written
    const keys = (v: unknown, key = ''): string[] =>
      key === 'data' || v === null || typeof v !== 'object'
        ? []
        : Array.isArray(v)
          ? v.flatMap((x) => keys(x))
          : Object.entries(v).flatMap(([k, x]) => [k, ...keys(x, k)]);
    expect(keys(c).filter((k) => k.includes('_'))).toEqual([]);
    expect(c.consents.map((k: { status: string }) => k.status)).toEqual(['given', 'withdrawn', 'given']);
    expect(c.flags.map((f: { name: string }) => f.name)).toEqual(['check-not-shared', 'concern-open']);
    expect(c.concerns[0].events).toHaveLength(1);
  });

  it('names an unknown ref', () => {
    const r = ws.run(['child', 'NOPE']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no child with the ref "NOPE"/);
  });
});

describe('the Integrated Review flags', () => {
  it('a check with less than expected progress, a review result not back, and late from a late start', () => {
    const iw = workspace({ TWOCHECK_TODAY: TODAY });
    seedDatabase(
      iw.db as string,
      [
        childSql('P01', 'Pip', 'Prime', '2024-01-10'), // 29 months: check done, less than expected
        childSql('R02', 'Rae', 'Review', '2023-12-01'), // 30 months: check shared in March, no review back
        childSql('S03', 'Sol', 'Start', '2023-11-01'), // 31 months, started at the setting at 33 months
        "UPDATE children SET address = '1 Church Street, Leek', postcode = 'ST13 5AA';",
        "UPDATE children SET start_date = '2026-08-01' WHERE ref = 'S03';",
        `INSERT INTO letters (child_id, kind, template, template_hash, file, sha256, generated_at, generated_by, sent_on)
         SELECT id, 'parent-letter', 'parent-letter', 'h', 'l.pdf', 'abc', '${T}', 'mgr', '2026-01-01' FROM children;`,
        `INSERT INTO consents (child_id, kind, status, given_by, on_date, method, recorded_by, recorded_at)
         SELECT id, 'share-with-health', 'given', 'Parent', '2026-01-01', 'paper', 'mgr', '${T}' FROM children;`,
        `INSERT INTO checks (child_id, version, status, completed_on, recorded_on, practitioner, data, shared_on, less_than_expected, created_by, created_at)
         SELECT id, 1, 'completed', '2026-06-01', '2026-06-01', 'Kim Key', '{}', '2026-06-02', 1, 'mgr', '${T}' FROM children WHERE ref = 'P01';`,
        `INSERT INTO reviews (child_id, reviewed_on, reviewer, check_seen, actions, recorded_by, recorded_at)
         SELECT id, '2026-06-10', 'HV', 1, '[]', 'mgr', '${T}' FROM children WHERE ref = 'P01';`,
        `INSERT INTO checks (child_id, version, status, completed_on, recorded_on, practitioner, data, shared_on, less_than_expected, created_by, created_at)
         SELECT id, 1, 'completed', '2026-03-01', '2026-03-01', 'Kim Key', '{}', '2026-03-05', 0, 'mgr', '${T}' FROM children WHERE ref = 'R02';`,
      ].join('\n'),
    );
    const rows = JSON.parse(iw.run(['due', '--json']).stdout) as Row[];
    expect(rows.map((r) => [r.ref, r.flags])).toEqual([
      ['P01', ['check-suggests-concern']],
      ['S03', ['check-due']],
      ['R02', ['review-result-missing']],
    ]);
    // S03 started after 30 months: late from the start date, and child says why
    expect(rows.find((r) => r.ref === 'S03')).toMatchObject({ checkLateFrom: '2026-08-01' });
    expect(iw.run(['--today', '2026-08-02', 'child', 'S03']).stdout).toMatch(
      /check-late \(2026-11-01: started at the setting on 2026-08-01, after 30 months/,
    );
    expect(iw.run(['remind']).stdout).toMatch(/Health and Development Review result not back \(review-result-missing\): 1\n {2}R02 /);
    // the setting judged it: dismissed with a reason, the flag goes
    const dismissed = iw.run(['due', '--dismiss', 'P01', '--flag', 'check-suggests-concern', '--reason', 'the SENCO saw Pip; no concern']);
    expect(dismissed.code, dismissed.stderr).toBe(0);
    expect((JSON.parse(iw.run(['due', '--json']).stdout) as Row[]).map((r) => r.ref)).toEqual(['S03', 'R02']);
  });
});

describe('a child whose Hub cannot be determined', () => {
  it('carries hub-unsure, named with the reason by due (on stderr); child shows why, while a known home shows its Hub', () => {
    const home = workspace({ TWOCHECK_TODAY: TODAY });
    seedDatabase(
      home.db as string,
      [
        childSql('K01', 'Kit', 'Known', '2024-06-15'),
        childSql('N02', 'Nia', 'Nowhere', '2024-06-15'),
        childSql('S03', 'Sam', 'Stoke', '2024-06-15'),
        "UPDATE children SET address = '4 Derby Street, Leek', postcode = 'ST13 6HU' WHERE ref = 'K01';",
        "UPDATE children SET address = '2 Mill Lane, Norton', postcode = NULL WHERE ref = 'N02';",
        "UPDATE children SET address = '40 Hanley Road, Stoke-on-Trent', postcode = 'ST1 3AA' WHERE ref = 'S03';",
      ].join('\n'),
    );
    const due = home.run(['due']);
    expect(due.code).toBe(0);
    expect(due.stderr).toContain('no Hub number for 1 of these children (hub-unsure)');
    expect(due.stderr).toMatch(/N02 {2}Nia Nowhere: /);
    // Stoke-on-Trent is a sure answer (another service), not a guess to fix
    expect(due.stderr).not.toContain('S03');
    expect(due.stderr).not.toContain('K01');
    const listed = JSON.parse(home.run(['due', '--json']).stdout) as { ref: string; flags: string[] }[];
    expect(listed.map((r) => [r.ref, r.flags.includes('hub-unsure')])).toEqual([
      ['N02', true],
      ['K01', false],
      ['S03', false],
    ]);
    expect(home.run(['due', '--json']).stderr).toBe('');
    const remind = home.run(['remind']).stdout;
    expect(remind).toContain('Hub unknown: correct the address before the letter or a call (hub-unsure): 1');
    expect(remind).toContain('run: twocheck hub --child N02');

    expect(home.run(['child', 'K01']).stdout).toMatch(/Hub +West Hub 0300 303 3923/);
    const unsure = home.run(['child', 'N02']).stdout;
    expect(unsure).toMatch(/Hub +cannot be determined: .*fix the address \(twocheck hub --child N02/);
    expect(unsure).not.toMatch(/0300 303/);
    const json = JSON.parse(home.run(['child', 'S03', '--json']).stdout) as { hub: { kind: string } };
    expect(json.hub.kind).toBe('not-covered');
  });
});
