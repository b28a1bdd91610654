/**
 * Rules for the records a setting keeps about consent and concerns: the words allowed, the
 * dates allowed, and what to tell a person about the Hub. Pure: callers turn a problem
 * (a string) into the right error.
 */
import { type CalendarDate, compareDates } from './calendar.js';
import { DATE_INPUT_FORMS, parseDateInput } from './dates-input.js';
import type { HubAnswer } from './hub.js';

export const CONSENT_KINDS = ['share-with-health', 'parental-declaration'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CONSENT_METHODS = ['paper', 'verbal', 'electronic'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const RAISED_BY = ['setting', 'health', 'parent'] as const;
export type RaisedBy = (typeof RAISED_BY)[number];

/** The seven EYFS areas of learning, and two for what fits none of them. */
export const CONCERN_AREAS = [
  'communication-and-language',
  'personal-social-emotional',
  'physical',
  'literacy',
  'mathematics',
  'understanding-the-world',
  'expressive-arts',
  'health',
  'other',
] as const;
export type ConcernArea = (typeof CONCERN_AREAS)[number];

export const SHARE_METHODS = ['phone', 'email', 'letter', 'meeting', 'referral', 'other'] as const;

/**
 * Checks a flag's value against the words allowed. Matching ignores case and surrounding
 * space; a problem message names every valid value, so a person can fix it first time.
 */
export function choose<T extends string>(flag: string, value: string, valid: readonly T[]): T | string {
  const wanted = value.trim().toLowerCase();
  const hit = valid.find((v) => v === wanted);
  if (hit) return hit;
  return `${flag} must be one of ${valid.join(', ')}; not "${value}"`;
}

export function isProblem<T extends string>(answer: T | string, valid: readonly T[]): answer is string {
  return !(valid as readonly string[]).includes(answer);
}

export interface DateLimits {
  today: CalendarDate;
  /** the child's date of birth: nothing about a child happens before it */
  dob?: CalendarDate;
  /** the first date allowed otherwise, e.g. when the concern was raised */
  notBefore?: { date: CalendarDate; what: string };
  /** dates ahead are allowed (a due date) */
  future?: boolean;
}

/** A date given by a person, or the problem with it. */
export function checkDate(flag: string, text: string, limits: DateLimits): CalendarDate | { problem: string } {
  const date = parseDateInput(text);
  if (!date) return { problem: `${flag} must be a calendar date as ${DATE_INPUT_FORMS}, not "${text}"` };
  if (!limits.future && compareDates(date, limits.today) > 0) {
    return { problem: `${flag} ${date} is in the future (today is ${limits.today})` };
  }
  if (limits.dob && compareDates(date, limits.dob) < 0) {
    return { problem: `${flag} ${date} is before the child's date of birth (${limits.dob})` };
  }
  if (limits.notBefore && compareDates(date, limits.notBefore.date) < 0) {
    return { problem: `${flag} ${date} is before ${limits.notBefore.what} (${limits.notBefore.date})` };
  }
  return date;
}

export const HUB_SEEN_RULE = 'The Hub can share information only once the 0–19 service has seen the child.';

/**
 * What to tell a practitioner about phoning the Hub. A number is printed only when the
 * lookup is certain: a wrong phone number is the worst possible answer.
 */
export function hubAdvice(answer: HubAnswer, areaTitle: string): string[] {
  const lines: string[] = [];
  if (answer.kind === 'found') {
    lines.push(`Hub: ${answer.hub.name}, ${answer.hub.phone} (${answer.locality}; matched "${answer.matched}")`);
    if (answer.note) lines.push(answer.note);
  } else if (answer.kind === 'not-covered') {
    // The lookup's reason often starts by saying the same thing; say it once.
    const said = `${answer.matched} is not covered by the ${areaTitle} Hubs: `;
    const reason = answer.reason.startsWith(said) ? answer.reason.slice(said.length) : answer.reason;
    lines.push(`Hub: this child's home ("${answer.matched}") is not covered by the ${areaTitle} Hubs: ${reason.replace(/\.$/, '')}.`);
    lines.push("Contact the health visiting (0–19) service for the child's own area instead.");
  } else {
    lines.push(`Hub: not sure which Hub covers this child's home: ${answer.reason}.`);
    const names = [...answer.candidates, ...answer.hubs.map((h) => h.name)];
    if (names.length > 0)
      lines.push(`Could be: ${[...new Set(names)].join(', ')}. Check the address, then run: twocheck hub <place or postcode>`);
    else lines.push('Check the address, then run: twocheck hub <place or postcode>');
  }
  // The Hub's limit on what it shares is about the children it serves: a home outside its area has another service.
  if (answer.kind !== 'not-covered') lines.push(HUB_SEEN_RULE);
  return lines;
}
