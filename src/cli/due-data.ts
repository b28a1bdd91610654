import { type CalendarDate, addDays } from '../domain/calendar.js';
import { describeAge } from '../domain/age.js';
import { DEFAULT_LOOK_AHEAD, FLAG_NAMES, type FlagName, childStatus, isFlagName, urgency } from '../domain/flags.js';
import { UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import { childrenWithFacts } from '../store/status.js';

export interface DueOptions {
  within?: string;
  flag?: string[];
  room?: string;
  keyPerson?: string;
}

export interface DueRow {
  ref: string;
  firstName: string;
  lastName: string;
  dob: CalendarDate;
  turnsTwo: CalendarDate;
  ageMonths: number;
  age: string;
  flags: FlagName[];
  nextDate: CalendarDate;
  checkLateFrom: CalendarDate;
  checkMissedFrom: CalendarDate;
  fundedFrom: CalendarDate;
  room: string | null;
  keyPerson: string | null;
}

export interface DueResult {
  today: CalendarDate;
  within: number;
  children: DueRow[];
}

/** Validated at the boundary: a bad value names the valid ones. */
export function parseDueOptions(opts: DueOptions): { within: number; flags: FlagName[] | null } {
  let within = DEFAULT_LOOK_AHEAD;
  if (opts.within !== undefined) {
    if (!/^\d{1,4}$/.test(opts.within)) throw new UsageError(`--within must be a whole number of days (0–9999), not "${opts.within}"`);
    within = Number(opts.within);
  }
  let flags: FlagName[] | null = null;
  if (opts.flag && opts.flag.length > 0) {
    flags = [];
    for (const f of opts.flag.flatMap((v) => v.split(','))) {
      const name = f.trim();
      if (!isFlagName(name)) throw new UsageError(`unknown flag "${name}"; valid flags: ${FLAG_NAMES.join(', ')}`);
      flags.push(name);
    }
  }
  return { within, flags };
}

export function runDue(db: Db, today: CalendarDate, opts: DueOptions): DueResult {
  const { within, flags: wanted } = parseDueOptions(opts);
  const horizon = addDays(today, within);
  const found: { row: DueRow; key: [number, number] }[] = [];
  for (const child of childrenWithFacts(db, { today, horizon, room: opts.room, keyPerson: opts.keyPerson })) {
    const status = childStatus(child.facts, today, within);
    let carried = status.flags;
    if (wanted) carried = carried.filter((f) => wanted.includes(f.name));
    if (carried.length === 0) continue;
    const s = { ...status, flags: carried };
    found.push({
      key: urgency(s),
      row: {
        ref: child.ref, firstName: child.firstName, lastName: child.lastName, dob: child.facts.dob,
        turnsTwo: status.dates.turnsTwo, ageMonths: status.ageMonths, age: describeAge(status.ageMonths),
        flags: carried.map((f) => f.name), nextDate: carried[0]!.date,
        checkLateFrom: status.dates.checkLateFrom, checkMissedFrom: status.dates.checkMissedFrom,
        fundedFrom: status.dates.fundedFrom, room: child.room, keyPerson: child.keyPerson,
      },
    });
  }
  found.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || (a.row.ref < b.row.ref ? -1 : a.row.ref > b.row.ref ? 1 : 0));
  return { today, within, children: found.map((f) => f.row) };
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
