import { describeOutcomes, reviewFollowUp } from '../domain/review.js';
import type { ReviewRecord } from '../store/reviews.js';

/** The review as one line for `check --show` and `child`. */
export function reviewLine(r: ReviewRecord): string {
  const { followUp, monitor } = reviewFollowUp(r);
  const outcome = followUp.length > 0 ? `follow up: ${followUp.join(', ')}` : monitor.length > 0 ? `monitor: ${monitor.join(', ')}` : 'all areas above the cut-off';
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
