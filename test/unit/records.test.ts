import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, addDays, parseIsoDate } from '../../src/domain/calendar.js';
import { CONCERN_AREAS, CONSENT_METHODS, HUB_SEEN_RULE, checkDate, choose, hubAdvice, isProblem } from '../../src/domain/records.js';

const d = (s: string) => parseIsoDate(s) as CalendarDate;

describe('choosing from the words allowed', () => {
  it('accepts each valid value, ignoring case and space', () => {
    for (const m of CONSENT_METHODS) expect(choose('--method', ` ${m.toUpperCase()} `, CONSENT_METHODS)).toBe(m);
  });
  it('names every valid value when the word is wrong', () => {
    const answer = choose('--method', 'fax', CONSENT_METHODS);
    expect(isProblem(answer, CONSENT_METHODS)).toBe(true);
    expect(answer).toBe('--method must be one of paper, verbal, electronic; not "fax"');
  });
  it('knows the seven EYFS areas, plus health and other', () => {
    expect(CONCERN_AREAS).toHaveLength(9);
    expect(isProblem(choose('--area', 'maths', CONCERN_AREAS), CONCERN_AREAS)).toBe(true);
    expect(choose('--area', 'mathematics', CONCERN_AREAS)).toBe('mathematics');
  });
});

describe('dates on a record', () => {
  const today = d('2026-04-01');
  const dob = d('2024-03-10');
  it('accepts today and the day of birth', () => {
    expect(checkDate('--on', '2026-04-01', { today, dob })).toBe('2026-04-01');
    expect(checkDate('--on', '2024-03-10', { today, dob })).toBe('2024-03-10');
  });
  it('refuses the future, before birth, and non-dates', () => {
    expect(checkDate('--on', '2026-04-02', { today, dob })).toEqual({ problem: '--on 2026-04-02 is in the future (today is 2026-04-01)' });
    expect(checkDate('--on', '2024-03-09', { today, dob })).toEqual({
      problem: "--on 2024-03-09 is before the child's date of birth (2024-03-10)",
    });
    expect(checkDate('--on', '2025-02-29', { today, dob })).toHaveProperty('problem');
    expect(checkDate('--on', '1/4/2026', { today, dob })).toBe('2026-04-01');
    expect(checkDate('--on', '1 April', { today, dob })).toHaveProperty('problem');
  });
  it('allows a due date ahead, but not before the day it was agreed', () => {
    const limits = { today, future: true, notBefore: { date: today, what: 'the day it was agreed' } };
    expect(checkDate('--due', '2030-01-01', limits)).toBe('2030-01-01');
    expect(checkDate('--due', '2026-03-31', limits)).toHaveProperty('problem');
  });
  it('for every day, accepts exactly the days from birth to today', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2000, max: 2000 }), (offset) => {
        const date = addDays(today, offset);
        const answer = checkDate('--on', date, { today, dob });
        const inside = date <= today && date >= dob;
        expect(typeof answer === 'string').toBe(inside);
      }),
    );
  });
});

describe('what to say about the Hub', () => {
  const west = { id: 'west', name: 'West Hub', phone: '0300 303 3923' };
  it('prints the number only when the Hub was found', () => {
    const lines = hubAdvice({ kind: 'found', hub: west, locality: 'Staffordshire Moorlands', matched: 'ST13' }, 'Staffordshire County');
    expect(lines[0]).toBe('Hub: West Hub, 0300 303 3923 (Staffordshire Moorlands; matched "ST13")');
    expect(lines.at(-1)).toBe(HUB_SEEN_RULE);
  });
  it('when unsure, lists the candidates and no phone number', () => {
    const lines = hubAdvice({ kind: 'unsure', reason: 'ST19 is split', candidates: ['Penkridge'], hubs: [west] }, 'Staffordshire County');
    expect(lines.join('\n')).not.toMatch(/\d{4} \d{3} \d{4}/);
    expect(lines.join('\n')).toContain('Could be: Penkridge, West Hub');
    expect(lines.at(-1)).toBe(HUB_SEEN_RULE);
  });
  it("when not covered, says it once even though the lookup's reason repeats it", () => {
    const reason =
      "ST1 3AA is not covered by the Staffordshire County Hubs: it is served by Stoke-on-Trent City Council's own health visiting service";
    const first = hubAdvice({ kind: 'not-covered', reason, matched: 'ST1 3AA' }, 'Staffordshire County')[0];
    expect(first).toBe(
      'Hub: this child\'s home ("ST1 3AA") is not covered by the Staffordshire County Hubs: it is served by Stoke-on-Trent City Council\'s own health visiting service.',
    );
  });

  it('when not covered, says so and points to the other service', () => {
    const lines = hubAdvice({ kind: 'not-covered', reason: 'Stoke-on-Trent has its own service', matched: 'ST4' }, 'Staffordshire County');
    expect(lines.join('\n')).toContain('not covered by the Staffordshire County Hubs');
    expect(lines.join('\n')).toContain('health visiting (0–19) service');
    expect(lines.join('\n')).not.toMatch(/0300/);
    // the Hub's limit on sharing is about the Hub's own children: not this one
    expect(lines).not.toContain(HUB_SEEN_RULE);
    expect(lines.join('\n')).not.toContain('only once');
  });
});
