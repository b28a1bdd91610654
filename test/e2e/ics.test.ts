import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { SETTING_FLAGS, workspace } from '../helpers/cli.js';
import { bigRoster } from '../helpers/big-roster.js';

const TODAY = '2026-11-20';

/** The events of an iCalendar file, read by ical.js, an independent RFC 5545 parser. */
function events(file: string) {
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
  expect(calendar.name).toBe('vcalendar');
  expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  expect(calendar.getFirstPropertyValue('prodid')).toBeTruthy();
  return calendar.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c);
    // RFC 5545 3.6.1: UID and DTSTAMP are required in every event
    expect(c.getFirstPropertyValue('dtstamp')).toBeTruthy();
    return { uid: e.uid, summary: e.summary, description: e.description, start: e.startDate, end: e.endDate, location: e.location };
  });
}

function seeded() {
  const ws = workspace({ TWOCHECK_TODAY: TODAY });
  expect(ws.run(SETTING_FLAGS).code).toBe(0);
  ws.write('roster.csv', bigRoster(40, TODAY));
  expect(ws.run(['import', 'roster.csv']).code).toBe(0);
  return ws;
}

describe('calendars', () => {
  it('due --ics: each check window, with ref and first name only, and UIDs that stay the same', () => {
    const ws = seeded();
    const first = ws.run(['due', '--ics', 'checks.ics']);
    expect(first.code, first.stderr).toBe(0);
    const one = events(path.join(ws.dir, 'checks.ics'));
    expect(one.length).toBeGreaterThan(10);
    for (const e of one) expect(e.summary).toMatch(/^Progress Check window: [A-Z][a-z]+(-[A-Z][a-z]+)? \(C\d{4}\)$/);
    // an all-day event from the second birthday up to 30 months, when the check is late
    const missed = one[0]!;
    expect(missed.start.isDate).toBe(true);
    expect(missed.description).toContain(`Due from ${missed.start.toString()} (age two)`);
    expect(missed.description).toContain(`late from ${missed.end.toString()} (30 months)`);
    // no surname, address or postcode: a calendar needs no more than the ref and first name
    const text = fs.readFileSync(path.join(ws.dir, 'checks.ics'), 'utf8');
    for (const word of ['Featherstonehaugh', 'Church Street', 'ST13']) expect(text).not.toContain(word);

    // a later run (another day, a changed name) gives each child's event the same UID, so a calendar updates it
    expect(ws.run(['--today', '2026-11-27', 'due', '--ics', 'again.ics']).code).toBe(0);
    const two = events(path.join(ws.dir, 'again.ics'));
    const uids = new Map(one.map((e) => [/\((C\d+)\)/.exec(e.summary)![1], e.uid]));
    for (const e of two) {
      const ref = /\((C\d+)\)/.exec(e.summary)![1]!;
      if (uids.has(ref)) expect(e.uid).toBe(uids.get(ref));
    }
    expect(new Set(one.map((e) => e.uid)).size).toBe(one.length);

    expect(ws.run(['due', '--ics', 'full.ics', '--full-names']).code).toBe(0);
    expect(fs.readFileSync(path.join(ws.dir, 'full.ics'), 'utf8')).toContain('Featherstonehaugh');
  });

  it('groups ics: each session at its time in England, with its UID kept across runs', () => {
    const ws = seeded();
    const created = ws.run([
      'groups',
      'create',
      '--from',
      '2026-12-01',
      '--to',
      '2027-01-31',
      '--time',
      '10:00',
      '--place',
      'Leek Library',
    ]);
    expect(created.code, created.stderr).toBe(0);
    expect(ws.run(['groups', 'ics', 'sessions.ics']).code).toBe(0);
    const one = events(path.join(ws.dir, 'sessions.ics'));
    expect(one.length).toBeGreaterThan(0);
    const first = one[0]!;
    expect(first.location).toBe('Leek Library');
    expect(first.summary).toMatch(/^Group Health and Development Review #1 /);
    // 10:00 in England in December is 10:00 UTC
    expect(first.start.toJSDate().toISOString()).toMatch(/T10:00:00\.000Z$/);
    expect(first.description).toContain('Children: ');
    expect(first.description).not.toMatch(/Featherstonehaugh|Okonkwo|Patel/);

    expect(ws.run(['groups', 'ics', 'again.ics']).code).toBe(0);
    expect(events(path.join(ws.dir, 'again.ics')).map((e) => e.uid)).toEqual(one.map((e) => e.uid));
  });

  it('overwrites a file already there only with --force, for due --ics and groups ics alike', () => {
    const ws = seeded();
    expect(ws.run(['groups', 'create', '--from', '2026-12-01', '--to', '2027-01-31']).code).toBe(0);
    for (const args of [
      ['due', '--ics', 'mine.ics'],
      ['groups', 'ics', 'mine.ics'],
    ]) {
      const mine = ws.write('mine.ics', "the manager's own calendar\n");
      const refused = ws.run(args);
      expect(refused.code, args.join(' ')).toBe(2);
      expect(refused.stderr).toContain(`${mine} is already there; nothing was written`);
      expect(refused.stderr).toContain('add --force to overwrite it');
      expect(refused.stdout).toBe('');
      expect(fs.readFileSync(mine, 'utf8')).toBe("the manager's own calendar\n");
      const forced = ws.run([...args, '--force']);
      expect(forced.code, forced.stderr).toBe(0);
      expect(events(mine).length).toBeGreaterThan(0);
    }
  });

  it('names the folder when it cannot write the calendar, and writes nothing', () => {
    const ws = seeded();
    const r = ws.run(['due', '--ics', 'nowhere/checks.ics']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write the calendar to .*nowhere\/checks\.ics: the folder .* does not exist/);
  });
});
