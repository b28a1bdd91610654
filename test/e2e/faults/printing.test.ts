/**
 * Roster text is printed safely (control and bidi characters shown escaped), and every "run:"
 * line remind prints is a command that does the thing: each is run here, as printed.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/cli.js';
import { HAS_TERMINAL, KEY, onTerminal } from '../../helpers/pty.js';
import { query } from '../../helpers/seed.js';
import { TODAY, ready } from './world.js';

const HOSTILE = '\u001b]0;owned\u0007Eve\u001b[2J\u202eevil';
// eslint-disable-next-line no-control-regex -- the characters a terminal must never receive raw
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('roster text is printed safely', () => {
  it('children, child, due and remind (cron mail) show escapes, never the raw characters', () => {
    const ws = ready([{ ref: 'H1', first: HOSTILE, last: 'Name\u0000Nul', dob: '2024-11-12', parent: 'Par\u202eent' }]);
    const runs = [['children'], ['child', 'H1'], ['due'], ['remind'], ['due', '--json'], ['children', '--json']].map((args) => ({
      args,
      result: ws.run([...TODAY, ...args]),
    }));
    for (const { args, result } of runs) {
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expect(RAW.test(result.stdout), args.join(' ')).toBe(false);
      expect(RAW.test(result.stderr), args.join(' ')).toBe(false);
    }
    const text = runs.map((r) => r.result.stdout).join('\n');
    expect(text).toContain('\\x1B]0;owned\\x07Eve\\x1B[2J\\u202Eevil');
    // JSON keeps the value: parsed back it is the name as stored
    expect(JSON.stringify(JSON.parse(runs[5]?.result.stdout ?? '[]'))).toContain('\\u001b]0;owned');
    // stored as given
    expect(query(ws.db, "SELECT first_name AS f FROM children WHERE ref = 'H1'")).toEqual([{ f: HOSTILE }]);
  });
});

/** Splits a printed command as a shell would (words, "quoted words"), dropping `twocheck`. */
function words(command: string): string[] {
  const out = [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
  expect(out[0]).toBe('twocheck');
  return out.slice(1);
}

/** The commands on each `run:` line: the first, and any in brackets after "or:", "once posted:", "when resolved:". */
function suggestions(stdout: string): Map<string, string[]> {
  const byRef = new Map<string, string[]>();
  for (const line of stdout.split('\n')) {
    const m = /^ {2}(\S+) .*? run: (.*)$/.exec(line);
    if (!m) continue;
    const [main, extra] = (m[2] as string).split(/ {3}\(/);
    const all = [main as string];
    const inner = extra && /^(?:or|once posted|when resolved): (twocheck .*)\)$/.exec(extra);
    if (inner) all.push(inner[1] as string);
    byRef.set(m[1] as string, [...(byRef.get(m[1] as string) ?? []), ...all]);
  }
  return byRef;
}

describe('every run: suggestion remind prints does the thing', () => {
  it('letter, letter sent, concern list and close, check --shared, due --dismiss and child, each run as printed', () => {
    const ws = ready([
      { ref: 'L1', first: 'Lou', last: 'Letter', dob: '2024-11-12', parent: 'A Parent' },
      { ref: 'C1', first: 'Cas', last: 'Concern', dob: '2025-06-01', parent: 'A Parent' },
      { ref: 'S1', first: 'Sam', last: 'Shared', dob: '2024-05-01', parent: 'A Parent' },
      { ref: 'M1', first: 'Max', last: 'Missed', dob: '2023-06-01', parent: 'A Parent' },
      { ref: 'T1', first: 'Tia', last: 'Soon', dob: '2024-12-10', parent: 'A Parent' },
    ]);
    const run = (args: string[]) => {
      const r = ws.run([...TODAY, ...args]);
      expect(r.code, `twocheck ${args.join(' ')}: ${r.stderr}`).toBe(0);
      return r;
    };
    run(['concern', 'C1', '--raised-by', 'parent', '--area', 'physical', '--description', 'Not yet walking']);
    run(['check', 'S1', '--from', path.join(ROOT, 'examples', 'progress-check.json')]);
    run(['consent', 'L1', '--method', 'paper']);

    const first = suggestions(run(['remind']).stdout);
    const letter = (first.get('L1') ?? []).find((c) => c.startsWith('twocheck letters'));
    expect(letter).toBe('twocheck letters --child L1');
    run([...words(letter as string), '--out', 'letters-out']);
    expect(query(ws.db, "SELECT count(*) AS n FROM letters l JOIN children c ON c.id = l.child_id WHERE c.ref = 'L1'")).toEqual([{ n: 1 }]);

    // no address: the Hub is unknown, and the suggestion shows why (it has no number to give, so exits 1)
    const hub = (first.get('L1') ?? []).find((c) => c.startsWith('twocheck hub'));
    expect(hub).toBe('twocheck hub --child L1');
    const why = ws.run([...TODAY, ...words(hub as string)]);
    expect(why.stdout).toContain('the home address and postcode are missing');

    const second = suggestions(run(['remind']).stdout);
    // the letter is written now: the suggestion is to record it as sent, and it works
    const sent = (second.get('L1') ?? []).find((c) => c.startsWith('twocheck letters'));
    expect(sent).toBe('twocheck letters sent L1');
    run(words(sent as string));
    expect(query(ws.db, 'SELECT sent_on FROM letters')).toEqual([{ sent_on: '2026-11-23' }]);

    const concern = (second.get('C1') ?? []).filter((c) => c.startsWith('twocheck concern'));
    expect(concern[0]).toBe('twocheck concern list C1');
    expect(run(words(concern[0] as string)).stdout).toContain('Not yet walking');
    expect(concern[1]).toMatch(/^twocheck concern close \d+ --note "\.\.\."$/);
    run(words(concern[1] as string));

    const shared = (second.get('S1') ?? []).find((c) => c.includes('--shared'));
    expect(shared).toBe('twocheck check S1 --shared 2026-11-23');
    run(words(shared as string));

    const dismiss = (second.get('M1') ?? []).find((c) => c.includes('--dismiss'));
    expect(dismiss).toBeDefined();
    run(words(dismiss as string));

    const child = (second.get('T1') ?? []).find((c) => c.startsWith('twocheck child'));
    expect(child).toBe('twocheck child T1');
    expect(run(words(child as string)).stdout).toContain('Tia');

    // each done thing is no longer asked for
    const after = run(['remind']).stdout;
    expect(after).not.toMatch(/L1 .*letters/);
    expect(after).not.toMatch(/C1 .*concern/);
    expect(after).not.toMatch(/S1 .*--shared/);
    expect(after).not.toMatch(/M1 .*check-missed/);
  });
});

describe('the Integrated Review suggestions remind prints', () => {
  it('check-suggests-concern and review-result-missing: their dismissals run as printed, and the flags go', () => {
    const ws = ready([
      {
        ref: 'P1',
        first: 'Pip',
        last: 'Prime',
        dob: '2024-08-01',
        parent: 'A Parent',
        postcode: 'ST13 5AA',
        address: '1 Church Street, Leek',
      },
      {
        ref: 'R1',
        first: 'Rae',
        last: 'Review',
        dob: '2024-05-01',
        parent: 'A Parent',
        postcode: 'ST13 5AA',
        address: '1 Church Street, Leek',
      },
    ]);
    const db = new Database(ws.db);
    db.exec(`INSERT INTO checks (child_id, version, status, completed_on, recorded_on, practitioner, data, shared_on, less_than_expected, created_by, created_at)
      SELECT id, 1, 'completed', '2026-11-01', '2026-11-01', 'Kim Key', '{}', '2026-11-02', ref = 'P1', 'test', '2026-11-01T09:00:00Z' FROM children;
      UPDATE checks SET completed_on = '2026-08-01', recorded_on = '2026-08-01', shared_on = '2026-08-02' WHERE child_id = (SELECT id FROM children WHERE ref = 'R1');`);
    db.close();
    const printed = suggestions(ws.run([...TODAY, 'remind']).stdout);
    expect(printed.get('P1')).toContain('twocheck concern P1');
    expect(printed.get('R1')).toContain('twocheck review R1');
    for (const [ref, flag] of [
      ['P1', 'check-suggests-concern'],
      ['R1', 'review-result-missing'],
    ] as const) {
      const dismiss = (printed.get(ref) ?? []).find((c) => c.includes('--dismiss'));
      expect(dismiss).toBe(`twocheck due --dismiss ${ref} --flag ${flag} --reason "..."`);
      const r = ws.run([...TODAY, ...words(dismiss as string)]);
      expect(r.code, r.stderr).toBe(0);
    }
    expect(ws.run([...TODAY, 'remind']).stdout).not.toMatch(/check-suggests-concern|review-result-missing/);
  });
});

describe.skipIf(!HAS_TERMINAL)('a suggestion that asks its questions on a terminal (skipped without util-linux script)', () => {
  it('twocheck consent <ref>, run as remind prints it, records the consent', async () => {
    const ws = ready([{ ref: 'T1', first: 'Tia', last: 'Soon', dob: '2024-12-10', parent: 'A Parent' }]);
    const printed = suggestions(ws.run([...TODAY, 'remind']).stdout).get('T1') ?? [];
    const consent = printed.find((c) => c.startsWith('twocheck consent'));
    expect(consent).toBe('twocheck consent T1');
    const term = onTerminal([...TODAY, ...words(consent as string)], { cwd: ws.dir, env: { TWOCHECK_DB: ws.db } });
    for (const question of ['Consent to', 'Given or withdrawn', 'Given by', 'On (', 'How', 'Note']) {
      await term.waitFor(question);
      term.type(KEY.enter);
    }
    expect(await term.exited).toBe(0);
    expect(query(ws.db, 'SELECT status, given_by AS givenBy FROM consents')).toEqual([{ status: 'given', givenBy: 'A Parent' }]);
    expect(
      suggestions(ws.run([...TODAY, 'remind']).stdout)
        .get('T1')
        ?.some((c) => c.startsWith('twocheck consent')),
    ).toBeFalsy();
  });
});
