/**
 * The rules that close the loop of the Integrated Review (design section 2): a check with
 * progress less than expected suggests a concern shared with health; a check shared without the
 * review result coming back is followed up; the review is integrated once both halves are
 * recorded and shared; and "late" counts from when the setting could have done the check.
 * Pure: the flag list gathers the facts and calls these.
 */
import { monthAnniversary, thirdBirthday } from './age.js';
import { type CalendarDate, addDays } from './calendar.js';

/** Days after the check is shared before a missing review result is followed up. */
export const REVIEW_RESULT_WAIT_DAYS = 56;

export interface CheckFacts {
  completedOn: CalendarDate;
  /** the copy given to parents, who carry it to the review */
  sharedOn: CalendarDate | null;
  /** the first day it was shared with health, if it was */
  sharedWithHealthOn: CalendarDate | null;
  /** any prime area with progress less than expected */
  lessThanExpected: boolean;
}

export interface ConcernFacts {
  raisedOn: CalendarDate;
  closedOn: CalendarDate | null;
  /** the first day it was shared with anyone outside the setting */
  sharedOn: CalendarDate | null;
}

export interface SuggestedFlag {
  name: 'check-suggests-concern' | 'review-result-missing';
  date: CalendarDate;
  why: string;
}

/**
 * "Less than expected" in a prime area suggests a concern, shared with health. The flag stands
 * until a concern that was open when the check was done (or raised since) has been shared, or
 * the manager dismisses it with a reason.
 */
export function checkSuggestsConcern(
  check: CheckFacts | null,
  concerns: readonly ConcernFacts[],
  today: CalendarDate,
  dismissed: boolean,
): SuggestedFlag | null {
  if (!check || !check.lessThanExpected || dismissed || check.completedOn > today) return null;
  const followed = concerns.some(
    (c) =>
      (c.closedOn === null || c.closedOn >= check.completedOn) &&
      c.raisedOn <= today &&
      c.sharedOn !== null &&
      c.sharedOn <= today &&
      c.sharedOn >= minDate(c.raisedOn, check.completedOn),
  );
  if (followed) return null;
  return {
    name: 'check-suggests-concern',
    date: check.completedOn,
    why: 'the Progress Check shows progress less than expected in a prime area: record a concern and share it with health (with consent), or dismiss with a reason',
  };
}

/** The first day the check left the setting: given to parents or shared with health. */
export function checkSharedOn(check: CheckFacts | null): CalendarDate | null {
  if (!check) return null;
  const days = [check.sharedOn, check.sharedWithHealthOn].filter((d): d is CalendarDate => d !== null);
  return days.length === 0 ? null : days.reduce((a, b) => (a < b ? a : b));
}

/** A check shared, and after the wait still no review result recorded. */
export function reviewResultMissing(
  check: CheckFacts | null,
  reviewedOn: CalendarDate | null,
  today: CalendarDate,
  wait = REVIEW_RESULT_WAIT_DAYS,
): SuggestedFlag | null {
  const shared = checkSharedOn(check);
  if (!shared || shared > today) return null;
  if (reviewedOn !== null && reviewedOn <= today) return null;
  const due = addDays(shared, wait);
  if (today < due) return null;
  return {
    name: 'review-result-missing',
    date: due,
    why: `the Progress Check was shared on ${shared} and no Health and Development Review result is recorded ${wait} days on: ask the health visiting team, then: twocheck review <ref>`,
  };
}

export type IntegratedState = 'no-check' | 'check-not-shared' | 'awaiting-review' | 'review-only' | 'integrated';

/** Where the Integrated Review stands: integrated once both halves are recorded and the check shared. */
export function integratedState(check: CheckFacts | null, reviewedOn: CalendarDate | null, today: CalendarDate): IntegratedState {
  const reviewed = reviewedOn !== null && reviewedOn <= today;
  if (!check || check.completedOn > today) return reviewed ? 'review-only' : 'no-check';
  const shared = checkSharedOn(check);
  if (!shared || shared > today) return 'check-not-shared';
  return reviewed ? 'integrated' : 'awaiting-review';
}

export const INTEGRATED_WORDS: Record<IntegratedState, string> = {
  'no-check': 'no Progress Check yet',
  'check-not-shared': 'Progress Check done, not yet shared',
  'awaiting-review': 'Progress Check shared; waiting for the Health and Development Review result',
  'review-only': 'Health and Development Review recorded; no Progress Check yet',
  integrated: 'integrated: the Progress Check was shared and the review result is recorded',
};

/**
 * The day a check not yet done becomes late: 30 months, or the day the child started at the
 * setting if that is later (a setting cannot check a child before it knows them). Never past
 * the third birthday, and whenever it is not 30 months the reason says why.
 */
export function checkLateFrom(dob: CalendarDate, startDate: CalendarDate | null): { date: CalendarDate; why: string | null } {
  const thirty = monthAnniversary(dob, 30);
  const three = thirdBirthday(dob);
  if (!startDate || startDate <= thirty) return { date: thirty, why: null };
  if (startDate < three)
    return { date: startDate, why: `started at the setting on ${startDate}, after 30 months: late from the start date` };
  return { date: three, why: `started at the setting on ${startDate}, at three or over: the check at two could not be done here` };
}

function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a < b ? a : b;
}
