import type { CalendarDate } from '../domain/calendar.js';
import { INTEGRATED_WORDS, integratedState } from '../domain/integrated.js';
import { type Asq3Area, type Outcome, describeOutcomes, reviewFollowUp } from '../domain/review.js';
import type { TimelineRecords } from '../store/timeline.js';
import type { ReviewRecord } from '../store/reviews.js';

/** The review as one line for `check --show` and `child`. */
export function reviewLine(r: ReviewRecord): string {
  const { followUp, monitor } = reviewFollowUp(r);
  const outcome =
    followUp.length > 0
      ? `follow up: ${followUp.join(', ')}`
      : monitor.length > 0
        ? `monitor: ${monitor.join(', ')}`
        : 'all areas above the cut-off';
  return `review ${r.reviewed_on} by ${r.reviewer}${r.place ? ` at ${r.place}` : ''}; Progress Check ${r.check_seen ? 'seen' : 'not seen'}; ${outcome}`;
}

/** Every line a person reads about one review. */
export function reviewLines(r: ReviewRecord): string[] {
  return [
    reviewLine(r),
    `  ASQ-3: ${describeOutcomes(r)}`,
    ...r.actions.map((a) => `  action: ${a}`),
    ...(r.notes ? [`  notes: ${r.notes}`] : []),
  ];
}

/** The review part of a child's timeline: each result, and where the Integrated Review stands. */
export function integratedLines(r: TimelineRecords, today: CalendarDate): string[] {
  const current = r.checks.filter((c) => c.status === 'completed' && c.completed_on !== null && c.completed_on <= today).at(-1);
  const healthShare = current ? r.check_shares.filter((s) => s.version === current.version && s.on_date <= today)[0] : undefined;
  const check = current
    ? {
        completedOn: current.completed_on as CalendarDate,
        sharedOn: current.shared_on && current.shared_on <= today ? (current.shared_on as CalendarDate) : null,
        sharedWithHealthOn: (healthShare?.on_date ?? null) as CalendarDate | null,
        lessThanExpected: false,
      }
    : null;
  const reviewedOn = (r.reviews.filter((v) => v.reviewed_on <= today).at(-1)?.reviewed_on ?? null) as CalendarDate | null;
  const lines = [`  ${INTEGRATED_WORDS[integratedState(check, reviewedOn, today)]}`];
  for (const v of r.reviews) {
    const review = { asq3: v.asq3 as Record<Asq3Area, Outcome>, asq_se2: v.asq_se2 as Outcome | null };
    lines.push(
      `  ${v.reviewed_on} by ${v.reviewer}${v.place ? ` at ${v.place}` : ''}; Progress Check ${v.check_seen ? 'seen' : 'not seen'}`,
    );
    lines.push(`    ASQ-3: ${describeOutcomes(review)}`);
    for (const a of v.actions) lines.push(`    action: ${a}`);
  }
  return lines;
}
