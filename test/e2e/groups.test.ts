import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ROOT, SETTING_FLAGS, workspace } from '../helpers/cli.js';
import { pdfText } from '../helpers/pdf.js';

const TODAY = ['--today', '2026-11-23'];
const WINDOW = ['--from', '2026-12-01', '--to', '2027-01-31'];

/** Synthetic children: three due together (two of them twins), one too old, one not yet two. */
function seed(db: string): void {
  const sql = new Database(db);
  const insert = sql.prepare(`INSERT INTO children (ref, first_name, last_name, dob, parent_name, address, postcode,
    key_person, room, family, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'x', 'x')`);
  insert.run('001', 'Amara', 'Testwell', '2024-09-10', 'Pat Testwell', '2 Mill Lane, Leek', 'ST13 6BB', 'Kim', 'Acorns', null);
  insert.run('002', 'Zoë', 'Sample', '2024-10-05', 'Sam Sample', '5 Mill Lane, Leek', 'ST13 6BB', 'Kim', 'Acorns', 'F1');
  insert.run('003', 'Zak', 'Sample', '2024-10-05', 'Sam Sample', '5 Mill Lane, Leek', 'ST13 6BB', 'Lee', 'Oaks', 'F1');
  insert.run('006', 'Eli', 'Eastley', '2024-10-01', 'Em Eastley', '3 Market Street, Tamworth', 'B79 7LU', 'Kim', 'Acorns', null);
  insert.run('007', 'Sol', 'Stokes', '2024-10-02', 'Su Stokes', '9 Hill Road, Hanley, Stoke-on-Trent', 'ST1 3AA', 'Kim', 'Acorns', null);
  insert.run('004', 'Old', 'Enough', '2023-01-01', null, null, null, null, null, null);
  insert.run('005', 'Cai', 'Later', '2025-08-01', null, null, null, null, null, null);
  sql.close();
}

describe('twocheck groups', () => {
  it('plans, creates, invites and records attendance', async () => {
    const ws = workspace();
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    seed(ws.db);

    const plan = ws.run([...TODAY, 'groups', 'plan', ...WINDOW]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('Session 1: 2026-12-01, West Hub, 3 children');
    expect(plan.stderr + plan.stdout).toContain('Children due 2026-12-01 to 2027-01-31');
    // one session never mixes Hubs: the East Hub child has no other East Hub child to join,
    // and a Stoke-on-Trent child is seen by the city's own service
    expect(plan.stdout).toMatch(
      /006\s+Eli Eastley\s+Amara Testwell \(001\), Zoë Sample \(002\), Zak Sample \(003\) are within 3 months of age but in another Hub's area \(West Hub\)/,
    );
    expect(plan.stdout).toMatch(/007\s+Sol Stokes\s+the Hub for the home is not certain, or the Hubs do not cover it/);
    expect(plan.stdout).toMatch(/001\s+Amara Testwell\s+2 years 2 months/);
    expect(plan.stdout).toMatch(/003\s+Zak Sample\s+2 years 1 month/);
    expect(plan.stdout).toContain('Estimated professional time saved: 30 minutes');
    expect(plan.stdout).toContain('an estimate');
    expect(plan.stdout).not.toContain('Old Enough');

    const json = JSON.parse(ws.run([...TODAY, 'groups', 'plan', ...WINDOW, '--json']).stdout);
    expect(json.sessions[0].members.map((m: { ref: string }) => m.ref)).toEqual(['001', '002', '003']);
    expect(json.estimate).toEqual({ minutesPerReview: 10, reviews: 3, minutes: 30, label: 'estimate' });

    const byRoom = JSON.parse(ws.run([...TODAY, 'groups', 'plan', ...WINDOW, '--group-by', 'room', '--json']).stdout);
    expect(byRoom.sessions).toHaveLength(1); // the twins go with the elder's room, together
    expect(byRoom.sessions[0].group).toBe('Acorns');

    const create = ws.run([
      ...TODAY,
      'groups',
      'create',
      ...WINDOW,
      '--time',
      '10:00',
      '--place',
      'The Oaks room',
      '--lead',
      'Kim Lee',
      '--health-visitor',
      'Rita Health',
    ]);
    expect(create.code).toBe(0);
    expect(create.stderr).toContain('Saved 1 session: #1.');
    expect(ws.run([...TODAY, 'groups', 'plan', ...WINDOW]).stdout).not.toContain('Session 1');

    // no consent to share with health: nobody is invited to a review with health
    const refused = ws.run([...TODAY, 'groups', 'invite', '1', '--out', 'invites']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('no current consent to share with health for 001 (no consent to share with health is recorded), 002');
    expect(refused.stderr).toContain('twocheck consent <ref> --method paper');
    expect(fs.existsSync(path.join(ws.dir, 'invites'))).toBe(false);
    for (const ref of ['001', '002', '003'])
      expect(ws.run(['--today', '2026-11-01', 'consent', ref, '--method', 'paper', '--by-parent', 'Sam Sample']).code).toBe(0);
    expect(ws.run([...TODAY, 'consent', '003', '--withdraw', '--method', 'verbal', '--by-parent', 'Sam Sample']).code).toBe(0);
    const withdrawn = ws.run([...TODAY, 'groups', 'invite', '1', '--out', 'invites']);
    expect(withdrawn.code).toBe(1);
    expect(withdrawn.stderr).toContain('003 (the consent to share with health was withdrawn on 2026-11-23)');
    expect(withdrawn.stderr).not.toContain('001');
    expect(ws.run([...TODAY, 'groups', 'invite', '1', '--without-consent']).code).toBe(2);
    const invite = ws.run([
      ...TODAY,
      'groups',
      'invite',
      '1',
      '--out',
      'invites',
      '--without-consent',
      '--reason',
      'Child protection plan: health visitor must see Zak',
    ]);
    expect(invite.code).toBe(0);
    const files = fs.readdirSync(path.join(ws.dir, 'invites')).sort();
    expect(files).toEqual([
      'group-invitation-session-1-001-Amara-Testwell.pdf',
      'group-invitation-session-1-002-Zoe-Sample.pdf',
      'group-invitation-session-1-003-Zak-Sample.pdf',
    ]);
    const text = await pdfText(path.join(ws.dir, 'invites', files[1] as string));
    expect(text).toContain('Dear Sam Sample');
    expect(text).toContain('A group Health and Development Review for Zoë');
    expect(text).toContain('When: 1 December 2026, 10:00');
    expect(text).toContain('Where: The Oaks room');
    expect(text).toContain('Health visitor: Rita Health');
    expect(text).toContain('Little Acorns Nursery');

    const sql = new Database(ws.db, { readonly: true });
    const letters = sql.prepare('SELECT kind, session_id, sha256 FROM letters ORDER BY id').all() as { kind: string; session_id: number }[];
    expect(letters).toHaveLength(3);
    expect(letters.every((l) => l.kind === 'group-invitation' && l.session_id === 1)).toBe(true);
    sql.close();

    // not before the session's day: no one can have come yet
    const early = ws.run(['--today', '2026-11-23', 'groups', 'attend', '1', '001', '002']);
    expect(early.code).toBe(2);
    expect(early.stderr).toMatch(/session #1 is on \d{4}-\d{2}-\d{2}, after today \(2026-11-23\)/);
    expect(ws.run(['--today', '2027-02-01', 'groups', 'attend', '1', '001', '002']).code).toBe(0);
    expect(ws.run(['--today', '2027-02-01', 'groups', 'attend', '1', '003', '--absent']).code).toBe(0);
    const wrong = ws.run(['--today', '2027-02-01', 'groups', 'attend', '1', '004']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('not in session #1: 004');

    const list = ws.run(['groups', 'list']);
    expect(list.stdout).toContain('#1 2026-12-01: 10:00, The Oaks room, lead Kim Lee, health visitor Rita Health');
    expect(list.stdout).toMatch(/001\s+Amara Testwell\s+attended/);
    expect(list.stdout).toMatch(/003\s+Zak Sample\s+absent/);

    // What the child's timeline reads: attended = 1 joined to the session's date.
    const check = new Database(ws.db, { readonly: true });
    const attended = check
      .prepare(
        `SELECT c.ref, s.on_date FROM group_members m JOIN group_sessions s ON s.id = m.session_id
      JOIN children c ON c.id = m.child_id WHERE m.attended = 1 ORDER BY c.ref`,
      )
      .all();
    expect(attended).toEqual([
      { ref: '001', on_date: '2026-12-01' },
      { ref: '002', on_date: '2026-12-01' },
    ]);
    const override = check.prepare("SELECT by, details, child_id FROM audit WHERE action = 'consent.override'").all() as {
      details: string;
    }[];
    expect(override).toHaveLength(1);
    expect(JSON.parse(override[0]!.details)).toMatchObject({
      reason: 'Child protection plan: health visitor must see Zak',
      what: 'invitation to group review #1',
    });
    const audits = check
      .prepare("SELECT action FROM audit WHERE action LIKE 'group-%' ORDER BY id")
      .all()
      .map((r) => (r as { action: string }).action);
    expect(audits).toEqual([
      'group-session-created',
      'group-invitation-generated',
      'group-invitation-generated',
      'group-invitation-generated',
      'group-attended',
      'group-attended',
      'group-absent',
    ]);
    check.close();

    // The twin marked absent can be planned again.
    expect(ws.run([...TODAY, 'groups', 'plan', ...WINDOW]).stdout).toContain('003');
  });

  it('invites from an edited copy of the template, and writes nothing when the copy is wrong', async () => {
    const ws = workspace();
    ws.run(SETTING_FLAGS);
    seed(ws.db);
    expect(ws.run([...TODAY, 'groups', 'create', ...WINDOW]).code).toBe(0);
    for (const ref of ['001', '002', '003']) ws.run([...TODAY, 'consent', ref, '--method', 'paper', '--by-parent', 'Sam Sample']);
    const edited = path.join(ws.dir, '.config', 'twocheck', 'templates', 'letters', 'group-invitation.md');
    const shipped = fs.readFileSync(path.join(ROOT, 'templates', 'letters', 'group-invitation.md'), 'utf8');
    fs.mkdirSync(path.dirname(edited), { recursive: true });
    fs.writeFileSync(edited, shipped.replace('Yours sincerely,', 'Please bring a snack.\n\n{{session.nonsense}}\n\nYours sincerely,'));
    const bad = ws.run([...TODAY, 'groups', 'invite', '1']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('session.nonsense');
    expect(fs.existsSync(path.join(ws.dir, 'letters'))).toBe(false);

    fs.writeFileSync(edited, shipped.replace('Yours sincerely,', 'Please bring a snack.\n\nYours sincerely,'));
    expect(ws.run([...TODAY, 'groups', 'invite', '1']).code).toBe(0);
    const text = await pdfText(path.join(ws.dir, 'letters', 'group-invitation-session-1-001-Amara-Testwell.pdf'));
    expect(text).toContain('Please bring a snack.');
    expect(text).toContain('Where: Little Acorns Nursery'); // no --place: the setting itself
  });

  it('rejects bad flags with exit 2 and says nothing to do on an empty roster', () => {
    const ws = workspace();
    expect(ws.run(['groups', 'invite', '7']).stderr).toContain('no database at');
    expect(ws.run(SETTING_FLAGS).code).toBe(0);
    expect(ws.run(['groups', 'plan', '--from', '2026-13-01', '--to', '2027-01-31']).code).toBe(2);
    expect(ws.run(['groups', 'plan', ...WINDOW, '--size', '0']).stderr).toContain('--size must be a whole number of at least 1');
    expect(ws.run(['groups', 'plan', ...WINDOW, '--group-by', 'colour']).code).toBe(2);
    expect(ws.run(['groups', 'invite', '7']).stderr).toContain('no group session #7');
    const empty = ws.run(['groups', 'create', ...WINDOW]);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('Nothing to save');
  });
});
