/**
 * The facts the flag rules need about one child on one day, worked out from that child's plain
 * records. This is the only place that says which record counts as what: `due`, `child`,
 * `remind` and everything else that asks for flags pass records here, never facts of their own.
 *
 * Every fact stands as it did on `today`: a record dated after it (a letter's posting, a
 * consent, a check completed or shared, a concern raised, shared or closed, a review) does not
 * count yet, so a replay of an earlier day (`--today`) sees that day as it was.
 */
import type { CalendarDate } from './calendar.js';
import type { ChildFacts } from './flags.js';
import { type FundingBasis, basisOnRecord } from './funding.js';

/** The records of one child that the flag rules read, with the field names the tables use. */
export interface FlagRecords {
  letters: readonly { kind: string; sent_on: string | null }[];
  /** the latest recorded (highest id) that counts on a day decides consent */
  consents: readonly { id: number; kind: string; status: string; on_date: string }[];
  /**
   * The highest completed version that counts on a day is the current check.
   * `less_than_expected`: 1 when a prime area showed progress less than expected.
   */
  checks: readonly {
    version: number;
    status: string;
    completed_on: string | null;
    recorded_on: string | null;
    shared_on: string | null;
    less_than_expected: number | null;
  }[];
  /** each time a check version was shared with health */
  check_shares: readonly { version: number; on_date: string }[];
  concerns: readonly { id: number; raised_on: string; closed_on: string | null }[];
  /** what was done about each concern; a 'shared' event shares it outside the setting */
  concern_events: readonly { concern_id: number; kind: string; on_date: string }[];
  /** the health visitor's Health and Development Review results that came back */
  reviews: readonly { reviewed_on: string }[];
  dismissals: readonly { flag: string }[];
}

/** What a child is on the roster, as far as the rules care. */
export interface RosterEntry {
  dob: CalendarDate;
  leftOn: CalendarDate | null;
  startDate: CalendarDate | null;
  funded: boolean | null;
  fundingBasis?: string | null;
}

const NO_CONCERNS: ChildFacts['concerns'] = Object.freeze([]);
const NO_DISMISSALS: readonly string[] = Object.freeze([]);

/**
 * `hubUnsure` says why the Hub for the child's home cannot be told for sure (null when it can);
 * it is asked only when a rule needs it.
 */
export function factsOn(child: RosterEntry, records: FlagRecords, today: CalendarDate, hubUnsure: () => string | null): ChildFacts {
  const by = (date: string | null): date is CalendarDate => date !== null && date <= today;
  let consent: FlagRecords['consents'][number] | undefined;
  for (const c of records.consents) {
    if (c.kind === 'share-with-health' && by(c.on_date) && (consent === undefined || c.id > consent.id)) consent = c;
  }
  // An amendment often keeps the first version's completion date, so it counts only once it
  // has been recorded too; the first version counts from its own date.
  let current: FlagRecords['checks'][number] | undefined;
  for (const c of records.checks) {
    if (
      c.status === 'completed' &&
      by(c.completed_on) &&
      (c.version === 1 || by(c.recorded_on ?? c.completed_on)) &&
      (current === undefined || c.version > current.version)
    )
      current = c;
  }
  let sharedWithHealthOn: CalendarDate | null = null;
  if (current) {
    for (const s of records.check_shares) {
      if (s.version === current.version && by(s.on_date) && (sharedWithHealthOn === null || s.on_date < sharedWithHealthOn))
        sharedWithHealthOn = s.on_date;
    }
  }
  // most children have no concern and no dismissal: one shared empty list each, not thousands
  const concerns =
    records.concerns.length === 0
      ? NO_CONCERNS
      : records.concerns
          .filter((c) => by(c.raised_on))
          .map((c) => {
            let sharedOn: CalendarDate | null = null;
            for (const e of records.concern_events) {
              if (e.concern_id === c.id && e.kind === 'shared' && by(e.on_date) && (sharedOn === null || e.on_date < sharedOn))
                sharedOn = e.on_date;
            }
            return { raisedOn: c.raised_on as CalendarDate, closedOn: by(c.closed_on) ? c.closed_on : null, sharedOn };
          });
  let reviewedOn: CalendarDate | null = null;
  for (const r of records.reviews) if (by(r.reviewed_on) && (reviewedOn === null || r.reviewed_on > reviewedOn)) reviewedOn = r.reviewed_on;
  const basis: FundingBasis | null = basisOnRecord(child);
  return {
    dob: child.dob,
    leftOn: child.leftOn,
    startDate: child.startDate,
    fundingBasis: basis,
    letterSent: records.letters.some((l) => l.kind === 'parent-letter' && by(l.sent_on)),
    consentGiven: consent?.status === 'given',
    check: current
      ? {
          completedOn: current.completed_on as CalendarDate,
          sharedOn: by(current.shared_on) ? current.shared_on : null,
          sharedWithHealthOn,
          lessThanExpected: current.less_than_expected === 1,
        }
      : null,
    concerns,
    openConcerns: concerns.length === 0 ? 0 : concerns.filter((c) => c.closedOn === null).length,
    reviewedOn,
    // a dismissal is a decision about the child, not an event: it counts on every day
    dismissed: records.dismissals.length === 0 ? NO_DISMISSALS : records.dismissals.map((d) => d.flag),
    hubUnsure,
  };
}
