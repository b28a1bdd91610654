/**
 * The flags a child can carry on a day, and the rule for each. The facts come from
 * domain/facts.ts; nothing else decides a flag.
 */
import { type CalendarDate, addDays } from './calendar.js';
import { ageInMonths, monthAnniversary, secondBirthday, thirdBirthday } from './age.js';
import { type FundingBasis, fundedTermStart } from './funding.js';
import { type CheckFacts, type ConcernFacts, checkLateFrom, checkSuggestsConcern, reviewResultMissing } from './integrated.js';

/** Every flag, in the order a manager acts on them. */
export const FLAG_NAMES = [
  'check-missed',
  'check-late',
  'check-suggests-concern',
  'hub-unsure',
  'letter-due',
  'consent-missing',
  'check-due',
  'check-not-shared',
  'review-result-missing',
  'concern-open',
  'turns-two-soon',
] as const;
export type FlagName = (typeof FLAG_NAMES)[number];

export const DEFAULT_LOOK_AHEAD = 30;

/** A review result not back is followed up by the setting until the child is three and a half. */
export const REVIEW_FOLLOW_UP_MONTHS = 42;

/**
 * The flags a manager can end with a recorded reason: a check that can no longer be done, a
 * "less than expected" the setting has judged, a review result that will not come back. The
 * others end by doing the thing.
 */
export const DISMISSIBLE: readonly FlagName[] = ['check-missed', 'check-suggests-concern', 'review-result-missing'];

export function isFlagName(text: string): text is FlagName {
  return (FLAG_NAMES as readonly string[]).includes(text);
}

/** What the rules need to know about one child. */
export interface ChildFacts {
  dob: CalendarDate;
  leftOn: CalendarDate | null;
  /** the day the child started at the setting, if the roster says */
  startDate: CalendarDate | null;
  /** the basis of a funded place on record, or null when not funded */
  fundingBasis: FundingBasis | null;
  /** a parent letter has a sent_on date */
  letterSent: boolean;
  /** the latest share-with-health consent row says 'given' */
  consentGiven: boolean;
  /** the current completed check (highest completed version), if any */
  check: CheckFacts | null;
  /** concerns raised by the day, with when each was closed and first shared */
  concerns: readonly ConcernFacts[];
  openConcerns: number;
  /** the latest Health and Development Review result recorded by the day */
  reviewedOn: CalendarDate | null;
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
  /** a check not completed by this day is late: 30 months, or a later start at the setting */
  checkLateFrom: CalendarDate;
  /** the third birthday: a check not completed by then is missed */
  checkMissedFrom: CalendarDate;
  /** the first day of a funded place, by the basis on record; null when not funded or not known */
  fundedFrom: CalendarDate | null;
}

export interface Flag {
  name: FlagName;
  /** the date this flag is about: when the child turns two, or the check deadline */
  date: CalendarDate;
  /** what a person needs to know to act on it: why the Hub is unsure, why late is not 30 months */
  note?: string;
}

export interface Status {
  ageMonths: number;
  dates: KeyDates;
  flags: Flag[];
}

/**
 * The earliest date of birth whose letters, consents, shares with health and review results a
 * rule can read on `today`. A child born before it is three and a half or older (with days to
 * spare for month ends): past the letter, consent and review follow-up rules, the only ones that
 * read those records. A roster's oldest children are then read with their checks and concerns
 * alone; test/app/due.test.ts holds that no child the rules would flag is missed.
 */
export function youngRecordsFrom(today: CalendarDate): CalendarDate {
  return addDays(monthAnniversary(today, -REVIEW_FOLLOW_UP_MONTHS), -4);
}

/** The dates for a child born on `dob`, not yet knowing the start date or funding. */
export function keyDates(dob: CalendarDate): KeyDates {
  return {
    turnsTwo: secondBirthday(dob),
    checkLateFrom: monthAnniversary(dob, 30),
    checkMissedFrom: thirdBirthday(dob),
    fundedFrom: null,
  };
}

/** What the rules work out from a date of birth alone on one day. */
interface BornOn {
  dates: KeyDates;
  fundedTerm: CalendarDate;
  ageMonths: number;
  isTwo: boolean;
  isThree: boolean;
  /** the second birthday falls on or before the last day of the look-ahead */
  twoByHorizon: boolean;
}

export type StatusRule = (facts: ChildFacts) => Status;

/**
 * `childStatus` for many children on one day. Everything that depends only on the date of
 * birth is worked out once per date of birth (a roster of any size has a few thousand), so the
 * work per child is a handful of comparisons. Children born on the same day with the same
 * dates share one `dates` object: treat it as read-only.
 */
export function statusOn(today: CalendarDate, lookAhead = DEFAULT_LOOK_AHEAD): StatusRule {
  const horizon = addDays(today, lookAhead);
  const born = new Map<string, BornOn>();
  const bornOn = (dob: CalendarDate): BornOn => {
    const dates = keyDates(dob);
    return {
      dates,
      fundedTerm: fundedTermStart(dob),
      ageMonths: ageInMonths(dob, today),
      isTwo: today >= dates.turnsTwo,
      isThree: today >= dates.checkMissedFrom,
      twoByHorizon: dates.turnsTwo <= horizon,
    };
  };
  return (facts) => {
    let b = born.get(facts.dob);
    if (b === undefined) born.set(facts.dob, (b = bornOn(facts.dob)));
    const ageMonths = b.ageMonths;
    // A child who started after 30 months is late from the start; the disadvantaged offer
    // starts the term after the second birthday (a working-parent code's date is not on record).
    const late = facts.startDate === null ? null : checkLateFrom(facts.dob, facts.startDate);
    const funded = facts.fundingBasis === 'disadvantaged' ? b.fundedTerm : null;
    const dates =
      (late?.why ?? null) === null && funded === null
        ? b.dates
        : { ...b.dates, checkLateFrom: late?.date ?? b.dates.checkLateFrom, fundedFrom: funded };
    const lateNote = late?.why ?? undefined;
    const beforeLate = today < dates.checkLateFrom;
    const flags: Flag[] = [];
    // All flags end when the child leaves the roster.
    if (facts.leftOn !== null && facts.leftOn <= today) return { ageMonths, dates, flags };

    // Pushed in FLAG_NAMES order, so the list needs no sorting.
    const check = facts.check;
    const counted = check;
    const checkOpen = counted === null && b.isTwo && !beforeLate;
    const note = (text: string | undefined): { note?: string } => (text === undefined ? {} : { note: text });
    if (checkOpen && b.isThree && !facts.dismissed.includes('check-missed'))
      flags.push({ name: 'check-missed', date: dates.checkMissedFrom, ...note(lateNote) });
    if (checkOpen && !b.isThree) flags.push({ name: 'check-late', date: dates.checkMissedFrom, ...note(lateNote) });
    const suggests = checkSuggestsConcern(counted, facts.concerns, today, facts.dismissed.includes('check-suggests-concern'));
    if (suggests) flags.push({ name: 'check-suggests-concern', date: suggests.date, note: suggests.why });
    // A letter prints the Hub's number and a concern is phoned to the Hub: the address must
    // settle it before either, so the manager hears of it while there is time to fix it (and
    // not after, when the number is no longer needed).
    const inLetterWindow = b.twoByHorizon && !b.isThree;
    const letterToCome = inLetterWindow && !facts.letterSent;
    if (letterToCome || facts.openConcerns > 0) {
      const why = facts.hubUnsure();
      if (why !== null) flags.push({ name: 'hub-unsure', date: letterToCome ? dates.turnsTwo : today, note: why });
    }
    if (b.isTwo && !b.isThree && !facts.letterSent) flags.push({ name: 'letter-due', date: dates.turnsTwo });
    if (inLetterWindow && !facts.consentGiven) flags.push({ name: 'consent-missing', date: dates.turnsTwo });
    if (counted === null && b.isTwo && beforeLate) flags.push({ name: 'check-due', date: dates.checkLateFrom });
    if (counted !== null && counted.sharedOn === null) flags.push({ name: 'check-not-shared', date: counted.completedOn });
    // The review is at two to two and a half; past three and a half, following it up is the
    // health visiting team's, not the setting's.
    const missing =
      facts.dismissed.includes('review-result-missing') || ageMonths >= REVIEW_FOLLOW_UP_MONTHS
        ? null
        : reviewResultMissing(counted, facts.reviewedOn, today);
    if (missing) flags.push({ name: 'review-result-missing', date: missing.date, note: missing.why });
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
