import { type CalendarDate, addDays } from '../domain/calendar.js';
import { describeAge } from '../domain/age.js';
import { DEFAULT_LOOK_AHEAD, FLAG_NAMES, type FlagName, isFlagName, statusOn } from '../domain/flags.js';
import { UsageError } from '../errors.js';
import type { HomeAddress } from '../domain/hub.js';
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
  /** each listed child's home, in the same order, when asked for (`withHome`) */
  homes?: HomeAddress[];
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

export function runDue(db: Db, today: CalendarDate, opts: DueOptions, withHome = false): DueResult {
  const { within, flags: wanted } = parseDueOptions(opts);
  const horizon = addDays(today, within);
  const statusOf = statusOn(today, within);
  const ages = new Map<number, string>();
  const found: { row: DueRow; rank: number; home: HomeAddress | null }[] = [];
  // The query reads only children who might carry a wanted flag; the rules decide which do.
  for (const child of childrenWithFacts(db, { today, horizon, room: opts.room, keyPerson: opts.keyPerson, flags: wanted, withHome })) {
    const status = statusOf(child.facts);
    let carried = status.flags;
    if (wanted) carried = carried.filter((f) => wanted.includes(f.name));
    const first = carried[0];
    if (first === undefined) continue;
    let age = ages.get(status.ageMonths);
    if (age === undefined) ages.set(status.ageMonths, (age = describeAge(status.ageMonths)));
    found.push({
      rank: FLAG_NAMES.indexOf(first.name),
      row: {
        ref: child.ref, firstName: child.firstName, lastName: child.lastName, dob: child.facts.dob,
        turnsTwo: status.dates.turnsTwo, ageMonths: status.ageMonths, age,
        flags: carried.map((f) => f.name), nextDate: first.date,
        checkLateFrom: status.dates.checkLateFrom, checkMissedFrom: status.dates.checkMissedFrom,
        fundedFrom: status.dates.fundedFrom, room: child.room, keyPerson: child.keyPerson,
      },
      home: withHome ? { address: child.address ?? null, postcode: child.postcode ?? null } : null,
    });
  }
  // As urgency() orders: most urgent flag, then its date (ISO dates order as text), then ref.
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  found.sort((a, b) => a.rank - b.rank || byText(a.row.nextDate, b.row.nextDate) || byText(a.row.ref, b.row.ref));
  const result: DueResult = { today, within, children: found.map((f) => f.row) };
  if (withHome) result.homes = found.map((f) => f.home!);
  return result;
}

