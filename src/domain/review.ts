/**
 * The health visitor's Health and Development Review at 2 to 2½ years, as it comes back to the
 * setting: when and where, who saw the child, whether the setting's Progress Check was seen,
 * the ASQ-3 outcome in each of its five areas (and ASQ:SE-2 where it was used), and the actions
 * agreed. Pure: `review --from` and the prompts both pass through validateReview().
 */
import { type CalendarDate, compareDates, parseIsoDate } from './calendar.js';

export const ASQ3_AREAS = ['communication', 'gross_motor', 'fine_motor', 'problem_solving', 'personal_social'] as const;
export type Asq3Area = (typeof ASQ3_AREAS)[number];

export const ASQ3_TITLES: Record<Asq3Area, string> = {
  communication: 'Communication',
  gross_motor: 'Gross motor',
  fine_motor: 'Fine motor',
  problem_solving: 'Problem solving',
  personal_social: 'Personal-social',
};

/** Where a score falls against the questionnaire's cut-off; "close" is the monitoring zone. */
export const OUTCOMES = ['above', 'close', 'below'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The two questionnaires read the cut-off the other way round: an ASQ-3 score below it, and an
 * ASQ:SE-2 score above it, is the one to follow up.
 */
export const ASQ3_MEANING: Record<Outcome, string> = {
  above: 'above the cut-off (on schedule)',
  close: 'close to the cut-off (monitor)',
  below: 'below the cut-off (follow up)',
};
export const ASQSE2_MEANING: Record<Outcome, string> = {
  above: 'above the cut-off (follow up)',
  close: 'close to the cut-off (monitor)',
  below: 'below the cut-off (no concern)',
};

export interface Review {
  reviewed_on: CalendarDate;
  /** who saw the child: the health visitor or nursery nurse */
  reviewer: string;
  place: string | null;
  /** whether the setting's Progress Check was seen at the review */
  check_seen: boolean;
  asq3: Record<Asq3Area, Outcome>;
  /** ASQ:SE-2, where it was used */
  asq_se2: Outcome | null;
  actions: string[];
  notes: string | null;
}

const TOP = ['reviewed_on', 'reviewer', 'place', 'check_seen', 'asq3', 'asq_se2', 'actions', 'notes', '$schema', 'comment'] as const;

export type ReviewValidation = { ok: true; review: Review } | { ok: false; problems: string[] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function outcome(v: unknown, path: string, problems: string[]): Outcome | null {
  if (typeof v === 'string' && (OUTCOMES as readonly string[]).includes(v.trim().toLowerCase())) return v.trim().toLowerCase() as Outcome;
  problems.push(`${path}: must be one of ${OUTCOMES.join(', ')} (the cut-off), not ${JSON.stringify(v)}`);
  return null;
}

/** Every problem names its field; nothing is half-accepted. */
export function validateReview(raw: unknown, limits: { today: CalendarDate; dob: CalendarDate }): ReviewValidation {
  if (!isRecord(raw)) return { ok: false, problems: ['(top level): must be a JSON object'] };
  const problems: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!(TOP as readonly string[]).includes(key))
      problems.push(`${key}: unknown field (known: ${TOP.filter((k) => !k.startsWith('$') && k !== 'comment').join(', ')})`);
  }
  const text = (key: string, required: boolean): string | null => {
    const v = raw[key];
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      if (required) problems.push(`${key}: required`);
      return null;
    }
    if (typeof v !== 'string') {
      problems.push(`${key}: must be text`);
      return null;
    }
    return v.trim();
  };
  let reviewed_on: CalendarDate | null = null;
  if (raw.reviewed_on === undefined || raw.reviewed_on === null) problems.push('reviewed_on: required (YYYY-MM-DD)');
  else {
    reviewed_on = typeof raw.reviewed_on === 'string' ? parseIsoDate(raw.reviewed_on) : null;
    if (!reviewed_on) problems.push(`reviewed_on: must be a date as YYYY-MM-DD, not ${JSON.stringify(raw.reviewed_on)}`);
    else if (compareDates(reviewed_on, limits.today) > 0)
      problems.push(`reviewed_on: ${reviewed_on} is in the future (today is ${limits.today})`);
    else if (compareDates(reviewed_on, limits.dob) < 0)
      problems.push(`reviewed_on: ${reviewed_on} is before the child was born (${limits.dob})`);
  }
  const reviewer = text('reviewer', true);
  const place = text('place', false);
  const notes = text('notes', false);
  let check_seen = false;
  if (typeof raw.check_seen === 'boolean') check_seen = raw.check_seen;
  else problems.push("check_seen: required, true or false (was the setting's Progress Check seen at the review?)");

  const asq3: Partial<Record<Asq3Area, Outcome>> = {};
  if (!isRecord(raw.asq3))
    problems.push(`asq3: ${raw.asq3 === undefined ? 'required' : 'must be an object'} (with ${ASQ3_AREAS.join(', ')})`);
  else {
    for (const key of Object.keys(raw.asq3)) {
      if (!(ASQ3_AREAS as readonly string[]).includes(key))
        problems.push(`asq3.${key}: unknown area (the ASQ-3 areas: ${ASQ3_AREAS.join(', ')})`);
    }
    for (const area of ASQ3_AREAS) {
      if (raw.asq3[area] === undefined) problems.push(`asq3.${area}: required`);
      else {
        const o = outcome(raw.asq3[area], `asq3.${area}`, problems);
        if (o) asq3[area] = o;
      }
    }
  }
  const asq_se2 = raw.asq_se2 === undefined || raw.asq_se2 === null ? null : outcome(raw.asq_se2, 'asq_se2', problems);

  let actions: string[] = [];
  if (raw.actions === undefined || raw.actions === null) actions = [];
  else if (typeof raw.actions === 'string') actions = raw.actions.trim() === '' ? [] : [raw.actions.trim()];
  else if (Array.isArray(raw.actions) && raw.actions.every((a) => typeof a === 'string'))
    actions = (raw.actions as string[]).map((a) => a.trim()).filter((a) => a !== '');
  else problems.push('actions: must be a list of the actions agreed (text)');

  if (problems.length > 0 || !reviewed_on || !reviewer) return { ok: false, problems };
  return {
    ok: true,
    review: { reviewed_on, reviewer, place, check_seen, asq3: asq3 as Record<Asq3Area, Outcome>, asq_se2, actions, notes },
  };
}

/** The ASQ-3 areas to follow up (below the cut-off), and those to monitor (close to it). */
export function reviewFollowUp(review: Pick<Review, 'asq3' | 'asq_se2'>): { followUp: string[]; monitor: string[] } {
  const followUp = ASQ3_AREAS.filter((a) => review.asq3[a] === 'below').map((a) => ASQ3_TITLES[a]);
  const monitor = ASQ3_AREAS.filter((a) => review.asq3[a] === 'close').map((a) => ASQ3_TITLES[a]);
  if (review.asq_se2 === 'above') followUp.push('Social-emotional (ASQ:SE-2)');
  if (review.asq_se2 === 'close') monitor.push('Social-emotional (ASQ:SE-2)');
  return { followUp, monitor };
}

/** One line for a person: "Communication: below the cut-off (follow up); …". */
export function describeOutcomes(review: Pick<Review, 'asq3' | 'asq_se2'>): string {
  const parts = ASQ3_AREAS.map((a) => `${ASQ3_TITLES[a]}: ${ASQ3_MEANING[review.asq3[a]]}`);
  if (review.asq_se2) parts.push(`ASQ:SE-2: ${ASQSE2_MEANING[review.asq_se2]}`);
  return parts.join('; ');
}
