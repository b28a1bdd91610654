import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { describeOutcomes, reviewFollowUp, validateReview } from '../../src/domain/review.js';

const d = (s: string) => s as CalendarDate;
const limits = { today: d('2026-11-23'), dob: d('2024-05-14') };
const example = JSON.parse(fs.readFileSync(new URL('../../examples/review-result.json', import.meta.url), 'utf8'));

describe('the Health and Development Review result', () => {
  it('accepts the example', () => {
    const v = validateReview(example, limits);
    expect(v.ok).toBe(true);
    if (v.ok)
      expect(v.review).toMatchObject({
        reviewed_on: '2026-11-23',
        check_seen: true,
        asq_se2: null,
        actions: expect.arrayContaining([expect.stringContaining('two-word')]),
      });
  });
  it('names every problem by its field and accepts nothing half', () => {
    const v = validateReview(
      { reviewed_on: '2026-12-01', asq3: { communication: 'low', gross_motr: 'above' }, check_seen: 'yes', extra: 1 },
      limits,
    );
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problems).toEqual(
      expect.arrayContaining([
        'extra: unknown field (known: reviewed_on, reviewer, place, check_seen, asq3, asq_se2, actions, notes)',
        'reviewed_on: 2026-12-01 is in the future (today is 2026-11-23)',
        'reviewer: required',
        expect.stringContaining('check_seen: required, true or false'),
        'asq3.communication: must be one of above, close, below (the cut-off), not "low"',
        expect.stringContaining('asq3.gross_motr: unknown area'),
        'asq3.gross_motor: required',
      ]),
    );
  });
  it('reads the cut-off the right way for each questionnaire', () => {
    const r = { asq3: { ...example.asq3, fine_motor: 'below' }, asq_se2: 'above' as const };
    expect(reviewFollowUp(r)).toEqual({ followUp: ['Fine motor', 'Social-emotional (ASQ:SE-2)'], monitor: ['Communication'] });
    expect(describeOutcomes(r)).toContain('ASQ:SE-2: above the cut-off (follow up)');
    expect(describeOutcomes(r)).toContain('Gross motor: above the cut-off (on schedule)');
  });
});
