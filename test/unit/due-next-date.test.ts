import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { type Flagged, dateWord, dueRows } from '../../src/domain/due.js';
import { type Flag, keyDates } from '../../src/domain/flags.js';

/*
 * `due`'s "next date" is one rule: the next deadline still ahead among the flags a child
 * carries, or, when every one lies behind, the date the most urgent flag has been open since.
 * It is printed "by …" when ahead and "since …" when not.
 */
const d = (s: string) => s as CalendarDate;
const TODAY = d('2026-11-23');

function row(dob: string, flags: Flag[]) {
  const child = { dob: d(dob) };
  const flagged: Flagged<typeof child>[] = [{ child, status: { ageMonths: 0, dates: keyDates(d(dob)), flags }, carried: flags }];
  const named = () => ({ ref: 'R1', firstName: 'Sienna', lastName: 'Hollins', room: null, keyPerson: null });
  const [first] = dueRows(flagged, named, TODAY);
  return { ...first!.row, flagDates: Object.fromEntries(first!.carried.map((f) => [f.name, f.date])) };
}

describe("due's next date", () => {
  it('is the deadline still ahead, not a start date behind (29 months 25 days: late in six days)', () => {
    const r = row('2024-05-29', [
      { name: 'letter-due', date: d('2026-05-29') },
      { name: 'consent-missing', date: d('2026-05-29') },
      { name: 'check-due', date: d('2026-11-29') },
    ]);
    expect(r.nextDate).toBe('2026-11-29');
    expect(r.flagDates).toEqual({ 'letter-due': '2026-05-29', 'consent-missing': '2026-05-29', 'check-due': '2026-11-29' });
  });
  it('is the earliest of several deadlines ahead', () => {
    const r = row('2024-12-03', [
      { name: 'consent-missing', date: d('2026-12-10') },
      { name: 'turns-two-soon', date: d('2026-12-03') },
    ]);
    expect(r.nextDate).toBe('2026-12-03');
  });
  it('is the most urgent flag’s date when every deadline has passed', () => {
    expect(row('2022-09-14', [{ name: 'check-missed', date: d('2025-09-14') }]).nextDate).toBe('2025-09-14');
    expect(
      row('2024-01-01', [
        { name: 'check-not-shared', date: d('2026-03-01') },
        { name: 'letter-due', date: d('2026-01-01') },
      ]).nextDate,
    ).toBe('2026-03-01');
  });
  it('reads "by" ahead and "since" on or before the day', () => {
    expect(dateWord(d('2026-11-29'), TODAY)).toBe('by 2026-11-29');
    expect(dateWord(d('2026-11-23'), TODAY)).toBe('since 2026-11-23');
    expect(dateWord(d('2025-09-14'), TODAY)).toBe('since 2025-09-14');
  });
});
