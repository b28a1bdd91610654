import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { consentToShare, hubShareCheck, isParentShare, overrideProblem } from '../../src/domain/consent.js';
import type { HubAnswer } from '../../src/domain/hub.js';

const d = (s: string) => s as CalendarDate;
const given = (on: string) => ({ kind: 'share-with-health', status: 'given', onDate: on, givenBy: 'A Parent' });
const withdrawn = (on: string) => ({ kind: 'share-with-health', status: 'withdrawn', onDate: on });
const west = { id: 'west', name: 'West Hub', phone: '0300 303 3923' };
const HUBS = ['West Hub', 'East Hub'];

describe('consent to share with health', () => {
  it('is missing when none was ever recorded, or only a Parental Declaration', () => {
    expect(consentToShare([], d('2026-01-01'))).toMatchObject({ ok: false, missing: 'never' });
    expect(consentToShare([{ kind: 'parental-declaration', status: 'given', onDate: '2025-01-01' }], d('2026-01-01'))).toMatchObject({
      ok: false,
      missing: 'never',
    });
  });
  it('stands when the latest is given, and not when the latest is a withdrawal', () => {
    expect(consentToShare([given('2025-05-01')], d('2026-01-01'))).toEqual({ ok: true, since: '2025-05-01', givenBy: 'A Parent' });
    expect(consentToShare([given('2025-05-01'), withdrawn('2025-09-01')], d('2026-01-01'))).toMatchObject({
      ok: false,
      missing: 'withdrawn',
      since: '2025-09-01',
    });
    expect(consentToShare([given('2025-05-01'), withdrawn('2025-09-01'), given('2025-10-01')], d('2026-01-01')).ok).toBe(true);
  });
  it('follows the record made last, as the store lists them: a withdrawal recorded later but dated earlier still withdraws', () => {
    expect(consentToShare([given('2025-03-01'), withdrawn('2025-02-01')], d('2026-01-01'))).toMatchObject({
      ok: false,
      missing: 'withdrawn',
    });
  });
  it('names the consent record it relied on, when the store gives its id', () => {
    expect(consentToShare([{ id: 7, ...given('2025-03-01') }], d('2026-01-01'))).toMatchObject({ ok: true, id: 7 });
  });
  it('does not count a record dated after the day asked about', () => {
    expect(consentToShare([given('2025-05-01'), withdrawn('2025-09-01')], d('2025-08-31')).ok).toBe(true);
    expect(consentToShare([given('2025-05-01')], d('2025-04-30')).ok).toBe(false);
  });
  it('always follows the last record on or before the day', () => {
    const row = fc.record({
      status: fc.constantFrom('given', 'withdrawn'),
      onDate: fc.constantFrom('2025-01-01', '2025-06-01', '2026-01-01'),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const records = rows.map((r) => ({ kind: 'share-with-health', ...r }));
        const last = records.filter((r) => r.onDate <= '2025-12-31').at(-1);
        expect(consentToShare(records, d('2025-12-31')).ok).toBe(last?.status === 'given');
      }),
    );
  });
});

describe('the safeguarding override', () => {
  it('needs a reason, and a reason needs the override', () => {
    expect(overrideProblem(true, undefined)).toContain('needs --reason');
    expect(overrideProblem(true, '  ')).toContain('needs --reason');
    expect(overrideProblem(false, 'why')).toContain('goes with --without-consent');
    expect(overrideProblem(true, 'risk of harm')).toBeNull();
    expect(overrideProblem(false, undefined)).toBeNull();
  });
  it('telling the parents themselves is not a share with health', () => {
    expect(isParentShare('the parents')).toBe(true);
    expect(isParentShare('Mum at pick-up')).toBe(true);
    expect(isParentShare('West Hub')).toBe(false);
  });
});

describe('a share with a Hub goes to the child’s own Hub', () => {
  const found: HubAnswer = { kind: 'found', hub: west, locality: 'Staffordshire Moorlands', matched: 'Leek' };
  const stoke: HubAnswer = {
    kind: 'not-covered',
    matched: 'Hanley',
    reason:
      'Hanley is not covered by the Staffordshire County Hubs: it is served by Stoke-on-Trent City Council’s own health visiting service',
  };
  const unsure: HubAnswer = { kind: 'unsure', reason: 'unknown place', candidates: [], hubs: [] };
  it('passes the child’s Hub and anyone who is not a Hub', () => {
    expect(hubShareCheck('West Hub', found, HUBS)).toEqual({});
    expect(hubShareCheck('west hub duty line', found, HUBS)).toEqual({});
    expect(hubShareCheck('GP', stoke, HUBS)).toEqual({});
  });
  it('refuses another Hub, and any Hub for a home the Hubs do not cover, naming the right service', () => {
    expect(hubShareCheck('East Hub', found, HUBS).problem).toContain("in West Hub's area, not East Hub's");
    const refused = hubShareCheck('West Hub', stoke, HUBS).problem;
    expect(refused).toContain('not covered by West Hub');
    expect(refused).toContain('Stoke-on-Trent City Council’s own health visiting service');
  });
  it('warns, without refusing, when the home cannot be placed', () => {
    expect(hubShareCheck('West Hub', unsure, HUBS)).toEqual({ warning: expect.stringContaining('could not confirm') });
  });
});
