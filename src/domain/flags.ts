import { type CalendarDate, addDays } from './calendar.js';
import { ageInMonths, monthAnniversary, secondBirthday, thirdBirthday } from './age.js';
import { fundedTermStart } from './funding.js';

/** The flags of design section 2, in the order a manager acts on them. */
export const FLAG_NAMES = [
  'check-missed', 'check-late', 'hub-unsure', 'letter-due', 'consent-missing', 'check-due',
  'check-not-shared', 'concern-open', 'turns-two-soon',
] as const;
export type FlagName = (typeof FLAG_NAMES)[number];

export const DEFAULT_LOOK_AHEAD = 30;

/** Only check-missed can be dismissed: the others end by doing the thing. */
export const DISMISSIBLE: readonly FlagName[] = ['check-missed'];

export function isFlagName(text: string): text is FlagName {
  return (FLAG_NAMES as readonly string[]).includes(text);
}

/** What the rules need to know about one child. */
export interface ChildFacts {
  dob: CalendarDate;
  leftOn: CalendarDate | null;
  /** a parent letter has a sent_on date */
  letterSent: boolean;
  /** the latest share-with-health consent row says 'given' */
  consentGiven: boolean;
  /** the current completed check (highest completed version), if any */
  check: { completedOn: CalendarDate | null; sharedOn: CalendarDate | null } | null;
  openConcerns: number;
  dismissed: readonly string[];
  /**
   * Why the Hub for the child's home cannot be told for sure, or null when it can: asked only
   * for a child whose letter or concern needs the Hub's number, since it means a look-up.
   */
  hubUnsure: () => string | null;
}

/** The dates that matter for a child, whatever flags it carries. */
export interface KeyDates {
  turnsTwo: CalendarDate;
  /** a check not completed by this day (30 months) is late */
  checkLateFrom: CalendarDate;
  /** the third birthday: a check not completed by then is missed */
  checkMissedFrom: CalendarDate;
  fundedFrom: CalendarDate;
}

export interface Flag {
  name: FlagName;
  /** the date this flag is about: when the child turns two, or the check deadline */
  date: CalendarDate;
  /** what a person needs to know to act on it (why the Hub is unsure) */
  note?: string;
}

export interface Status {
  ageMonths: number;
  dates: KeyDates;
  flags: Flag[];
}

export function keyDates(dob: CalendarDate): KeyDates {
  return {
    turnsTwo: secondBirthday(dob),
    checkLateFrom: monthAnniversary(dob, 30),
    checkMissedFrom: thirdBirthday(dob),
    fundedFrom: fundedTermStart(dob),
  };
}

/** What the rules work out from a date of birth alone on one day. */
interface BornOn {
  dates: KeyDates;
  ageMonths: number;
  isTwo: boolean;
  isThree: boolean;
  /** before 30 months: a check not yet done is due, not late */
  beforeLate: boolean;
  /** the second birthday falls on or before the last day of the look-ahead */
  twoByHorizon: boolean;
}

export type StatusRule = (facts: ChildFacts) => Status;

/**
 * `childStatus` for many children on one day. Everything that depends only on the date of
 * birth is worked out once per date of birth (a roster of any size has a few thousand), so the
 * work per child is a handful of comparisons. Children born on the same day share one `dates`
 * object: treat it as read-only.
 */
export function statusOn(today: CalendarDate, lookAhead = DEFAULT_LOOK_AHEAD): StatusRule {
  const horizon = addDays(today, lookAhead);
  const born = new Map<string, BornOn>();
  const bornOn = (dob: CalendarDate): BornOn => {
    const dates = keyDates(dob);
    return {
      dates, ageMonths: ageInMonths(dob, today),
      isTwo: today >= dates.turnsTwo, isThree: today >= dates.checkMissedFrom,
      beforeLate: today < dates.checkLateFrom, twoByHorizon: dates.turnsTwo <= horizon,
    };
  };
  return (facts) => {
    let b = born.get(facts.dob);
    if (b === undefined) born.set(facts.dob, (b = bornOn(facts.dob)));
    const { dates, ageMonths } = b;
    const flags: Flag[] = [];
    // All flags end when the child leaves the roster.
    if (facts.leftOn !== null && facts.leftOn <= today) return { ageMonths, dates, flags };

    // Pushed in FLAG_NAMES order, so the list needs no sorting.
    const check = facts.check;
    const checkOpen = check === null && b.isTwo && !b.beforeLate;
    if (checkOpen && b.isThree && !facts.dismissed.includes('check-missed')) flags.push({ name: 'check-missed', date: dates.checkMissedFrom });
    if (checkOpen && !b.isThree) flags.push({ name: 'check-late', date: dates.checkMissedFrom });
    // A letter prints the Hub's number and a concern is phoned to the Hub: the address must
    // settle it before either, so the manager hears of it while there is time to fix it.
    const inLetterWindow = b.twoByHorizon && !b.isThree;
    if (inLetterWindow || facts.openConcerns > 0) {
      const why = facts.hubUnsure();
      if (why !== null) flags.push({ name: 'hub-unsure', date: inLetterWindow ? dates.turnsTwo : today, note: why });
    }
    if (b.isTwo && !b.isThree && !facts.letterSent) flags.push({ name: 'letter-due', date: dates.turnsTwo });
    if (b.twoByHorizon && !b.isThree && !facts.consentGiven) flags.push({ name: 'consent-missing', date: dates.turnsTwo });
    if (check === null && b.isTwo && b.beforeLate) flags.push({ name: 'check-due', date: dates.checkLateFrom });
    if (check !== null && check.sharedOn == null) flags.push({ name: 'check-not-shared', date: check.completedOn ?? today });
    if (facts.openConcerns > 0) flags.push({ name: 'concern-open', date: today });
    if (!b.isTwo && b.twoByHorizon) flags.push({ name: 'turns-two-soon', date: dates.turnsTwo });
    return { ageMonths, dates, flags };
  };
}

/**
 * The flags a child carries on `today`. `lookAhead` days sets how far ahead turns-two-soon
 * (and consent-missing, so consent can be asked for with the letter) reach.
 */
export function childStatus(facts: ChildFacts, today: CalendarDate, lookAhead = DEFAULT_LOOK_AHEAD): Status {
  return statusOn(today, lookAhead)(facts);
}
