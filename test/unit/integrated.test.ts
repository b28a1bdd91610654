import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthAnniversary, thirdBirthday } from '../../src/domain/age.js';
import { type CalendarDate, dayNumber, fromDayNumber } from '../../src/domain/calendar.js';
import { type CheckFacts, checkLateFrom, checkSuggestsConcern, integratedState, reviewResultMissing } from '../../src/domain/integrated.js';

const d = (s: string) => s as CalendarDate;
const check = (over: Partial<CheckFacts> = {}): CheckFacts => ({
  completedOn: d('2026-03-01'),
  sharedOn: null,
  sharedWithHealthOn: null,
  lessThanExpected: false,
  ...over,
});
const day = (from: string, to: string) => fc.integer({ min: dayNumber(d(from)), max: dayNumber(d(to)) }).map(fromDayNumber);

describe('less than expected suggests a concern shared with health', () => {
  const low = check({ lessThanExpected: true });
  it('flags a check with less than expected progress and no concern', () => {
    expect(checkSuggestsConcern(low, [], d('2026-03-02'), false)?.name).toBe('check-suggests-concern');
    expect(checkSuggestsConcern(check(), [], d('2026-03-02'), false)).toBeNull();
  });
  it('stands while the concern is recorded but not shared, ends once it is shared', () => {
    const raised = { raisedOn: d('2026-03-02'), closedOn: null, sharedOn: null };
    expect(checkSuggestsConcern(low, [raised], d('2026-03-03'), false)).not.toBeNull();
    expect(checkSuggestsConcern(low, [{ ...raised, sharedOn: d('2026-03-03') }], d('2026-03-03'), false)).toBeNull();
    // a replay of a day before the share still shows it
    expect(checkSuggestsConcern(low, [{ ...raised, sharedOn: d('2026-03-03') }], d('2026-03-02'), false)).not.toBeNull();
  });
  it('a concern closed before the check does not count; a dismissal ends it', () => {
    expect(
      checkSuggestsConcern(
        low,
        [{ raisedOn: d('2025-10-01'), closedOn: d('2025-12-01'), sharedOn: d('2025-10-02') }],
        d('2026-03-03'),
        false,
      ),
    ).not.toBeNull();
    expect(checkSuggestsConcern(low, [], d('2026-03-03'), true)).toBeNull();
  });
});

describe('the review result coming back', () => {
  it('is missing from the set time after the check was shared, until a review is recorded', () => {
    const shared = check({ sharedOn: d('2026-03-10') });
    expect(reviewResultMissing(shared, null, d('2026-05-04'))).toBeNull();
    expect(reviewResultMissing(shared, null, d('2026-05-05'))).toMatchObject({ name: 'review-result-missing', date: '2026-05-05' });
    expect(reviewResultMissing(shared, d('2026-05-01'), d('2026-06-01'))).toBeNull();
    expect(reviewResultMissing(check(), null, d('2027-01-01'))).toBeNull();
  });
  it('counts from the first share, with parents or with health', () => {
    const both = check({ sharedOn: d('2026-04-01'), sharedWithHealthOn: d('2026-03-05') });
    expect(reviewResultMissing(both, null, d('2026-04-30'))?.date).toBe('2026-04-30');
  });
  it('is integrated once both halves are recorded and the check shared', () => {
    expect(integratedState(null, null, d('2026-05-01'))).toBe('no-check');
    expect(integratedState(check(), null, d('2026-05-01'))).toBe('check-not-shared');
    expect(integratedState(check({ sharedOn: d('2026-03-10') }), null, d('2026-05-01'))).toBe('awaiting-review');
    expect(integratedState(check({ sharedOn: d('2026-03-10') }), d('2026-04-20'), d('2026-05-01'))).toBe('integrated');
    expect(integratedState(check({ sharedOn: d('2026-03-10') }), d('2026-04-20'), d('2026-04-19'))).toBe('awaiting-review');
    expect(integratedState(null, d('2026-04-20'), d('2026-05-01'))).toBe('review-only');
  });
});

describe('check-late counts from the later of 30 months and the start date', () => {
  it('is 30 months for a child who started before then', () => {
    expect(checkLateFrom(d('2024-01-31'), d('2025-01-01'))).toEqual({ date: monthAnniversary(d('2024-01-31'), 30), why: null });
    expect(checkLateFrom(d('2024-01-31'), null).why).toBeNull();
  });
  it('is the start date, said why, for a child who joined at 34 months', () => {
    const late = checkLateFrom(d('2024-01-15'), d('2026-11-15'));
    expect(late.date).toBe('2026-11-15');
    expect(late.why).toContain('started at the setting on 2026-11-15');
  });
  it('is never past the third birthday, and never anything but 30 months without a reason', () => {
    fc.assert(
      fc.property(day('2019-01-01', '2030-12-31'), fc.option(day('2019-01-01', '2034-12-31')), (dob, start) => {
        const late = checkLateFrom(dob, start);
        expect(late.date <= thirdBirthday(dob)).toBe(true);
        expect(late.date >= monthAnniversary(dob, 30)).toBe(true);
        if (late.date !== monthAnniversary(dob, 30)) expect(late.why).toBeTruthy();
        if (start && start > monthAnniversary(dob, 30) && start < thirdBirthday(dob)) expect(late.date).toBe(start);
      }),
      { numRuns: 2000 },
    );
  });
});
