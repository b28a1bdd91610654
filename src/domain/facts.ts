/**
 * The facts the flag rules need about one child on one day, worked out from that child's plain
 * records. This is the only place that says which record counts as what: `due`, `child`,
 * `remind` and everything else that asks for flags pass records here, never facts of their own.
 *
 * Every fact stands as it did on `today`: a record dated after it (a letter's posting, a
 * consent, a check completed or shared, a concern raised or closed) does not count yet, so a
 * replay of an earlier day (`--today`) sees that day as it was.
 */
import type { CalendarDate } from './calendar.js';
import type { ChildFacts } from './flags.js';

/** The records of one child that the flag rules read, with the field names the tables use. */
export interface FlagRecords {
  letters: readonly { kind: string; sent_on: string | null }[];
  /** the latest recorded (highest id) that counts on a day decides consent */
  consents: readonly { id: number; kind: string; status: string; on_date: string }[];
  /** the highest completed version that counts on a day is the current check */
  checks: readonly { version: number; status: string; completed_on: string | null; recorded_on: string | null; shared_on: string | null }[];
  concerns: readonly { raised_on: string; closed_on: string | null }[];
  dismissals: readonly { flag: string }[];
}

/** What a child is on the roster, as far as the rules care. */
export interface RosterEntry {
  dob: CalendarDate;
  leftOn: CalendarDate | null;
}

/**
 * `hubUnsure` says why the Hub for the child's home cannot be told for sure (null when it can);
 * it is asked only when a rule needs it.
 */
export function factsOn(child: RosterEntry, records: FlagRecords, today: CalendarDate, hubUnsure: () => string | null): ChildFacts {
  const by = (date: string | null): boolean => date !== null && date <= today;
  let consent: FlagRecords['consents'][number] | undefined;
  for (const c of records.consents) {
    if (c.kind === 'share-with-health' && by(c.on_date) && (consent === undefined || c.id > consent.id)) consent = c;
  }
  // An amendment often keeps the first version's completion date, so it counts only once it
  // has been recorded too; the first version counts from its own date.
  let current: FlagRecords['checks'][number] | undefined;
  for (const c of records.checks) {
    if (c.status === 'completed' && by(c.completed_on) && (c.version === 1 || by(c.recorded_on ?? c.completed_on))
      && (current === undefined || c.version > current.version)) current = c;
  }
  let openConcerns = 0;
  for (const c of records.concerns) if (by(c.raised_on) && !by(c.closed_on)) openConcerns += 1;
  return {
    dob: child.dob,
    leftOn: child.leftOn,
    letterSent: records.letters.some((l) => l.kind === 'parent-letter' && by(l.sent_on)),
    consentGiven: consent?.status === 'given',
    check: current
      ? { completedOn: current.completed_on as CalendarDate, sharedOn: by(current.shared_on) ? (current.shared_on as CalendarDate) : null }
      : null,
    openConcerns,
    // a dismissal is a decision about the child, not an event: it counts on every day
    dismissed: records.dismissals.map((d) => d.flag),
    hubUnsure,
  };
}
