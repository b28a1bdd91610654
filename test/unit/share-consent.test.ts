import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { type ConsentRecord, consentToShare } from '../../src/domain/share-consent.js';

const day = (d: string) => d as CalendarDate;
const rec = (id: number, status: string, onDate: string, kind = 'share-with-health'): ConsentRecord => ({ id, kind, status, onDate });

describe('current consent to share with health', () => {
  it('none recorded: no', () => {
    expect(consentToShare([], day('2026-05-01'))).toEqual({ ok: false, why: 'no consent to share with health is recorded' });
    expect(consentToShare([rec(1, 'given', '2026-01-01', 'parental-declaration')], day('2026-05-01')).ok).toBe(false);
  });

  it('given: yes; withdrawn since: no, saying when', () => {
    expect(consentToShare([rec(1, 'given', '2026-01-01')], day('2026-05-01'))).toMatchObject({ ok: true, consent: { id: 1 } });
    expect(consentToShare([rec(1, 'given', '2026-01-01'), rec(2, 'withdrawn', '2026-03-02')], day('2026-05-01')))
      .toEqual({ ok: false, why: 'consent to share with health was withdrawn on 02/03/2026' });
  });

  it('a record dated after today does not count yet (a replay with --today)', () => {
    expect(consentToShare([rec(1, 'given', '2026-06-01')], day('2026-05-01')).ok).toBe(false);
    expect(consentToShare([rec(1, 'given', '2026-01-01'), rec(2, 'withdrawn', '2026-06-01')], day('2026-05-01')).ok).toBe(true);
  });

  it('the record made last stands, as for the consent-missing flag', () => {
    // given again after a withdrawal
    expect(consentToShare([rec(1, 'withdrawn', '2026-01-01'), rec(2, 'given', '2026-02-01')], day('2026-05-01')).ok).toBe(true);
    // a withdrawal recorded later but dated earlier still withdraws
    expect(consentToShare([rec(1, 'given', '2026-03-01'), rec(2, 'withdrawn', '2026-02-01')], day('2026-05-01')).ok).toBe(false);
  });

  it('for any history, the answer is the status of the last record dated by today', () => {
    const dates = fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, '0')}`);
    fc.assert(fc.property(fc.array(fc.record({ status: fc.constantFrom('given', 'withdrawn'), onDate: dates, kind: fc.constantFrom('share-with-health', 'parental-declaration') })), dates, (rows, today) => {
      const history = rows.map((r, i) => rec(i + 1, r.status, r.onDate, r.kind));
      const last = history.filter((r) => r.kind === 'share-with-health' && r.onDate <= today).at(-1);
      expect(consentToShare(history, day(today)).ok).toBe(last?.status === 'given');
    }));
  });
});
