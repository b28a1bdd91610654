/**
 * The `due` list: which children carry which flags on a day, most urgent first. Pure: the
 * children and their records come in, rows come out.
 */
import { describeAge } from './age.js';
import type { CalendarDate } from './calendar.js';
import { type FlagRecords, type RosterEntry, factsOn } from './facts.js';
import { FLAG_NAMES, type Flag, type FlagName, type Status, statusOn } from './flags.js';

export interface DueRow {
  ref: string;
  firstName: string;
  lastName: string;
  dob: CalendarDate;
  turnsTwo: CalendarDate;
  ageMonths: number;
  age: string;
  flags: FlagName[];
  /**
   * The next deadline still ahead among the flags carried; when every flag's date lies on or
   * before the day, the date the most urgent flag has been open since. Printed "by …" or "since …".
   */
  nextDate: CalendarDate;
  checkLateFrom: CalendarDate;
  checkMissedFrom: CalendarDate;
  fundedFrom: CalendarDate | null;
  room: string | null;
  keyPerson: string | null;
}

export interface Flagged<C> {
  child: C;
  status: Status;
  /** the flags asked for that the child carries, most urgent first; never empty */
  carried: Flag[];
}

/**
 * The children carrying one of `wanted` (every flag when null) on `today`, looking `within` days
 * ahead. `hubUnsure` says why a child's Hub cannot be told for sure (null when it can).
 */
export function flaggedOn<C extends RosterEntry & { records: FlagRecords }>(
  children: Iterable<C>,
  today: CalendarDate,
  within: number,
  wanted: readonly FlagName[] | null,
  hubUnsure: (child: C) => string | null,
): Flagged<C>[] {
  const statusOf = statusOn(today, within);
  const found: Flagged<C>[] = [];
  for (const child of children) {
    const status = statusOf(factsOn(child, child.records, today, () => hubUnsure(child)));
    const carried = wanted ? status.flags.filter((f) => wanted.includes(f.name)) : status.flags;
    if (carried.length > 0) found.push({ child, status, carried });
  }
  return found;
}

export interface Named {
  ref: string;
  firstName: string;
  lastName: string;
  room: string | null;
  keyPerson: string | null;
}

/** "by 2026-11-29" for a date still ahead of `today`, "since 2025-09-14" for one on or before it. */
export function dateWord(date: CalendarDate, today: CalendarDate): string {
  return `${date > today ? 'by' : 'since'} ${date}`;
}

/** The next deadline ahead of `today` among `carried`, else the most urgent flag's date. */
function nextDateOf(carried: readonly Flag[], today: CalendarDate): CalendarDate {
  let next: CalendarDate | null = null;
  for (const f of carried) if (f.date > today && (next === null || f.date < next)) next = f.date;
  return next ?? (carried[0] as Flag).date;
}

/**
 * One row per flagged child, most urgent flag first, then that flag's date (an older deadline
 * is more overdue), then ref; each with what `named` gave for it and the flags it carries.
 */
export function dueRows<C extends { dob: CalendarDate }, N extends Named>(
  flagged: readonly Flagged<C>[],
  named: (child: C) => N,
  today: CalendarDate,
): { row: DueRow; child: C; details: N; carried: Flag[] }[] {
  const ages = new Map<number, string>();
  const rows = flagged.map(({ child, status, carried }) => {
    const details = named(child);
    const first = carried[0] as Flag;
    let age = ages.get(status.ageMonths);
    if (age === undefined) ages.set(status.ageMonths, (age = describeAge(status.ageMonths)));
    const row: DueRow = {
      ref: details.ref,
      firstName: details.firstName,
      lastName: details.lastName,
      dob: child.dob,
      turnsTwo: status.dates.turnsTwo,
      ageMonths: status.ageMonths,
      age,
      flags: carried.map((f) => f.name),
      nextDate: nextDateOf(carried, today),
      checkLateFrom: status.dates.checkLateFrom,
      checkMissedFrom: status.dates.checkMissedFrom,
      fundedFrom: status.dates.fundedFrom,
      room: details.room,
      keyPerson: details.keyPerson,
    };
    return { row, child, details, carried, rank: FLAG_NAMES.indexOf(first.name), first: first.date };
  });
  // ISO dates and refs order as text
  const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort((a, b) => a.rank - b.rank || byText(a.first, b.first) || byText(a.row.ref, b.row.ref));
  return rows.map(({ row, child, details, carried }) => ({ row, child, details, carried }));
}
