import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, parseIsoDate } from '../../src/domain/calendar.js';
import { ageInMonths, secondBirthday, thirdBirthday, monthAnniversary } from '../../src/domain/age.js';
import { type ChildFacts, type FlagName, childStatus, keyDates } from '../../src/domain/flags.js';
import { fundedTermStart } from '../../src/domain/funding.js';

const d = (s: string): CalendarDate => parseIsoDate(s)!;

/*
 * An independent reference, written differently on purpose: it works on a JS Date in UTC,
 * asking Date to roll over (setUTCFullYear on 29 February gives 1 March by itself) and counts
 * months by stepping, with no shared helper from src/domain.
 */
const ref = {
  date(s: string): Date {
    return new Date(`${s}T00:00:00Z`);
  },
  iso(t: Date): string {
    return t.toISOString().slice(0, 10);
  },
  /** months after dob; a missing day rolls to the 1st of the next month */
  anniversary(dob: string, months: number): string {
    const b = ref.date(dob);
    const target = new Date(Date.UTC(b.getUTCFullYear(), b.getUTCMonth() + months, 1));
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
    if (b.getUTCDate() <= lastDay) target.setUTCDate(b.getUTCDate());
    else target.setUTCMonth(target.getUTCMonth() + 1, 1);
    return ref.iso(target);
  },
  ageMonths(dob: string, today: string): number {
    let m = 0;
    while (ref.anniversary(dob, m + 1) <= today) m += 1;
    return m;
  },
  funded(dob: string): string {
    const two = ref.anniversary(dob, 24);
    const [y, mo] = [Number(two.slice(0, 4)), Number(two.slice(5, 7))];
    if (mo >= 9) return `${y + 1}-01-01`;
    if (mo >= 4) return `${y}-09-01`;
    return `${y}-04-01`;
  },
  plusDays(s: string, n: number): string {
    return ref.iso(new Date(ref.date(s).getTime() + n * 86_400_000));
  },
};

const START = Date.UTC(2019, 0, 1) / 86_400_000;
const END = Date.UTC(2029, 11, 31) / 86_400_000;
const anyDate = fc.integer({ min: START, max: END }).map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10) as CalendarDate);

function facts(dob: string, more: Partial<ChildFacts> = {}): ChildFacts {
  return {
    dob: d(dob),
    leftOn: null,
    startDate: null,
    fundingBasis: null,
    letterSent: false,
    consentGiven: false,
    check: null,
    concerns: [],
    openConcerns: 0,
    reviewedOn: null,
    dismissed: [],
    hubUnsure: () => null,
    ...more,
  };
}
const names = (f: ChildFacts, today: string, within = 30): FlagName[] =>
  childStatus(f, d(today), within)
    .flags.map((x) => x.name)
    .sort();

describe('turning two, three, and months of age', () => {
  it('a 29 February child turns two on 1 March in a common year, and on 29 February in a leap year', () => {
    expect(secondBirthday(d('2024-02-29'))).toBe('2026-03-01');
    expect(thirdBirthday(d('2024-02-29'))).toBe('2027-03-01');
    expect(birthdayIn(d('2024-02-29'), 4)).toBe('2028-02-29');
    expect(ageInMonths(d('2024-02-29'), d('2026-02-28'))).toBe(23);
    expect(ageInMonths(d('2024-02-29'), d('2026-03-01'))).toBe(24);
  });
  it('a child born on the 31st reaches a month in a short month on the 1st of the next', () => {
    expect(monthAnniversary(d('2024-01-31'), 1)).toBe('2024-03-01');
    expect(monthAnniversary(d('2023-08-31'), 30)).toBe('2026-03-01');
    expect(ageInMonths(d('2023-08-31'), d('2026-02-28'))).toBe(29);
    expect(ageInMonths(d('2023-08-31'), d('2026-03-01'))).toBe(30);
  });
  it('is exactly two on the second birthday and exactly three on the third', () => {
    expect(ageInMonths(d('2024-05-10'), d('2026-05-10'))).toBe(24);
    expect(ageInMonths(d('2024-05-10'), d('2026-05-09'))).toBe(23);
    expect(ageInMonths(d('2023-05-10'), d('2026-05-10'))).toBe(36);
  });
  it('matches the reference for every date of birth 2019–2029', () => {
    fc.assert(
      fc.property(anyDate, (dob) => {
        expect(secondBirthday(dob)).toBe(ref.anniversary(dob, 24));
        expect(thirdBirthday(dob)).toBe(ref.anniversary(dob, 36));
        expect(keyDates(dob).checkLateFrom).toBe(ref.anniversary(dob, 30));
        expect(fundedTermStart(dob)).toBe(ref.funded(dob));
      }),
      { numRuns: 3000 },
    );
  });
  it('age in months matches the reference for any dob and any later day', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 1500 }), (dob, n) => {
        const today = ref.plusDays(dob, n);
        expect(ageInMonths(dob, today as CalendarDate)).toBe(ref.ageMonths(dob, today));
      }),
      { numRuns: 2000 },
    );
  });
});

function birthdayIn(dob: CalendarDate, years: number): CalendarDate {
  return monthAnniversary(dob, years * 12);
}

describe('funded two-year-old place', () => {
  it.each([
    ['2024-01-01', '2026-04-01'],
    ['2024-03-31', '2026-04-01'],
    ['2024-04-01', '2026-09-01'],
    ['2024-08-31', '2026-09-01'],
    ['2024-09-01', '2027-01-01'],
    ['2024-12-31', '2027-01-01'],
    ['2024-02-29', '2026-04-01'],
  ])('born %s: funded from %s', (dob, from) => expect(fundedTermStart(d(dob))).toBe(from));
  it('every date of birth 2019–2029: two, 30 months, three and the term start match the reference; the term start is after the second birthday, within 5 months, on 1 Jan/Apr/Sep', () => {
    for (let n = START; n <= END; n += 1) {
      const dob = new Date(n * 86_400_000).toISOString().slice(0, 10) as CalendarDate;
      const from = fundedTermStart(dob);
      const two = secondBirthday(dob);
      expect(from > two).toBe(true);
      expect(['01-01', '04-01', '09-01']).toContain(from.slice(5));
      expect(from).toBe(ref.funded(dob));
      expect(two).toBe(ref.anniversary(dob, 24));
      expect(keyDates(dob).checkLateFrom).toBe(ref.anniversary(dob, 30));
      expect(thirdBirthday(dob)).toBe(ref.anniversary(dob, 36));
    }
  });
});

describe('flags', () => {
  const dob = '2024-06-15'; // turns two 2026-06-15; 30 months 2026-12-15; three 2027-06-15
  it('turns-two-soon and consent-missing within the look-ahead only', () => {
    // 16 May + 30 days is 15 June (May has 31 days)
    expect(names(facts(dob), '2026-05-16')).toEqual(['consent-missing', 'turns-two-soon']);
    expect(names(facts(dob), '2026-05-15')).toEqual([]);
    expect(names(facts(dob), '2026-05-15', 31)).toEqual(['consent-missing', 'turns-two-soon']);
    expect(names(facts(dob, { consentGiven: true }), '2026-06-14')).toEqual(['turns-two-soon']);
  });
  it('on the second birthday: letter-due, consent-missing, check-due', () => {
    expect(names(facts(dob), '2026-06-15')).toEqual(['check-due', 'consent-missing', 'letter-due']);
    expect(names(facts(dob, { letterSent: true, consentGiven: true }), '2026-06-15')).toEqual(['check-due']);
  });
  it('check-late from 30 months, check-missed from three until dismissed', () => {
    expect(names(facts(dob, { letterSent: true, consentGiven: true }), '2026-12-14')).toEqual(['check-due']);
    expect(names(facts(dob, { letterSent: true, consentGiven: true }), '2026-12-15')).toEqual(['check-late']);
    expect(names(facts(dob, { letterSent: true, consentGiven: true }), '2027-06-14')).toEqual(['check-late']);
    expect(names(facts(dob), '2027-06-15')).toEqual(['check-missed']);
    expect(names(facts(dob, { dismissed: ['check-missed'] }), '2027-06-15')).toEqual([]);
  });
  it('a completed check ends the check flags; not shared until shared_on', () => {
    const check = { completedOn: d('2026-08-01'), sharedOn: null, sharedWithHealthOn: null, lessThanExpected: false };
    expect(names(facts(dob, { letterSent: true, consentGiven: true, check }), '2026-09-01')).toEqual(['check-not-shared']);
    expect(
      names(facts(dob, { letterSent: true, consentGiven: true, check: { ...check, sharedOn: d('2026-08-02') } }), '2026-09-01'),
    ).toEqual([]);
  });
  it('concern-open whatever the age; nothing once the child has left', () => {
    expect(
      names(
        facts('2020-01-01', {
          openConcerns: 1,
          check: { completedOn: d('2022-03-01'), sharedOn: d('2022-03-01'), sharedWithHealthOn: null, lessThanExpected: false },
        }),
        '2026-01-01',
      ),
    ).toEqual(['concern-open']);
    expect(names(facts(dob, { leftOn: d('2026-06-01') }), '2026-06-15')).toEqual([]);
    expect(names(facts(dob, { leftOn: d('2026-07-01') }), '2026-06-15')).toEqual(['check-due', 'consent-missing', 'letter-due']);
  });
  it('a 29 February child: nothing due on 28 February of a common year, all on 1 March', () => {
    expect(names(facts('2024-02-29'), '2026-02-28', 0)).toEqual([]);
    expect(names(facts('2024-02-29'), '2026-03-01', 0)).toEqual(['check-due', 'consent-missing', 'letter-due']);
  });
  it('hub-unsure while a letter to come or a concern needs the Hub, with the reason, and not otherwise', () => {
    const unsure = { hubUnsure: () => 'the postcode is missing' };
    const status = childStatus(facts('2024-06-20', unsure), d('2026-06-01'), 30);
    expect(status.flags.find((f) => f.name === 'hub-unsure')).toEqual({
      name: 'hub-unsure',
      date: '2026-06-20',
      note: 'the postcode is missing',
    });
    // a four-year-old with nothing open needs no Hub number; with an open concern it does, today
    expect(names(facts('2022-01-01', unsure), '2026-06-01')).toEqual(['check-missed']);
    expect(
      childStatus(
        facts('2022-01-01', {
          ...unsure,
          openConcerns: 1,
          check: { completedOn: d('2024-01-10'), sharedOn: d('2024-01-12'), sharedWithHealthOn: null, lessThanExpected: false },
          reviewedOn: d('2024-03-01'),
        }),
        d('2026-06-01'),
      ).flags,
    ).toEqual([
      { name: 'hub-unsure', date: '2026-06-01', note: 'the postcode is missing' },
      { name: 'concern-open', date: '2026-06-01' },
    ]);
    // the look-up is made only when a rule needs it
    let asked = 0;
    childStatus(
      facts('2022-01-01', {
        hubUnsure: () => {
          asked += 1;
          return 'x';
        },
      }),
      d('2026-06-01'),
    );
    expect(asked).toBe(0);
  });
  it('check-suggests-concern after a check with progress less than expected, until a concern is shared or it is dismissed', () => {
    const less = { completedOn: d('2026-08-01'), sharedOn: d('2026-08-02'), sharedWithHealthOn: null, lessThanExpected: true };
    const done = { letterSent: true, consentGiven: true, check: less, reviewedOn: d('2026-09-01') };
    expect(names(facts(dob, done), '2026-09-02')).toEqual(['check-suggests-concern']);
    expect(childStatus(facts(dob, done), d('2026-09-02')).flags[0]).toMatchObject({
      date: '2026-08-01',
      note: expect.stringContaining('less than expected'),
    });
    const sharedConcern = [{ raisedOn: d('2026-08-01'), closedOn: null, sharedOn: d('2026-08-03') }];
    expect(names(facts(dob, { ...done, concerns: sharedConcern, openConcerns: 1 }), '2026-09-02')).toEqual(['concern-open']);
    // a concern raised but not yet shared with anyone does not end it
    expect(names(facts(dob, { ...done, concerns: [{ ...sharedConcern[0]!, sharedOn: null }], openConcerns: 1 }), '2026-09-02')).toEqual([
      'check-suggests-concern',
      'concern-open',
    ]);
    expect(names(facts(dob, { ...done, dismissed: ['check-suggests-concern'] }), '2026-09-02')).toEqual([]);
  });
  it('review-result-missing eight weeks after the check is shared, until the review is recorded, dismissed, or the child is three and a half', () => {
    const check = { completedOn: d('2026-08-01'), sharedOn: d('2026-08-02'), sharedWithHealthOn: null, lessThanExpected: false };
    const done = { letterSent: true, consentGiven: true, check };
    expect(names(facts(dob, done), '2026-09-26')).toEqual([]);
    expect(names(facts(dob, done), '2026-09-27')).toEqual(['review-result-missing']);
    expect(names(facts(dob, { ...done, reviewedOn: d('2026-09-20') }), '2026-09-27')).toEqual([]);
    expect(names(facts(dob, { ...done, dismissed: ['review-result-missing'] }), '2026-09-27')).toEqual([]);
    expect(names(facts(dob, done), '2027-12-14')).toEqual(['review-result-missing']);
    expect(names(facts(dob, done), '2027-12-15')).toEqual([]);
  });
  it('check-late from the start date for a child who joined after 30 months, saying why; funded from only with a basis', () => {
    // 30 months is 2026-12-15; the child starts at 34 months
    const joined = facts(dob, { letterSent: true, consentGiven: true, startDate: d('2027-04-15') });
    expect(names(joined, '2027-01-10')).toEqual(['check-due']);
    const late = childStatus(joined, d('2027-04-20'));
    expect(late.dates.checkLateFrom).toBe('2027-04-15');
    expect(late.flags).toEqual([
      { name: 'check-late', date: '2027-06-15', note: expect.stringContaining('started at the setting on 2027-04-15') },
    ]);
    // joined at three: missed, and the note says the check could not be done here
    expect(childStatus(facts(dob, { startDate: d('2027-07-01') }), d('2027-07-02')).flags[0]).toMatchObject({
      name: 'check-missed',
      note: expect.stringContaining('three or over'),
    });
    expect(childStatus(facts(dob), d('2026-06-15')).dates.fundedFrom).toBeNull();
    expect(childStatus(facts(dob, { fundingBasis: 'disadvantaged' }), d('2026-06-15')).dates.fundedFrom).toBe('2026-09-01');
    expect(childStatus(facts(dob, { fundingBasis: 'working-parent' }), d('2026-06-15')).dates.fundedFrom).toBeNull();
  });
  it('every flag agrees with a reference for any child and day', () => {
    const facts$ = fc.record({
      dob: anyDate,
      n: fc.integer({ min: -60, max: 1400 }),
      within: fc.integer({ min: 0, max: 90 }),
      letterSent: fc.boolean(),
      consentGiven: fc.boolean(),
      checked: fc.boolean(),
      shared: fc.boolean(),
      concerns: fc.nat(2),
      dismissed: fc.boolean(),
      hubUnsure: fc.boolean(),
    });
    fc.assert(
      fc.property(facts$, (x) => {
        const today = ref.plusDays(x.dob, x.n);
        const f = facts(x.dob, {
          letterSent: x.letterSent,
          consentGiven: x.consentGiven,
          openConcerns: x.concerns,
          check: x.checked
            ? { completedOn: d(x.dob), sharedOn: x.shared ? d(x.dob) : null, sharedWithHealthOn: null, lessThanExpected: false }
            : null,
          dismissed: x.dismissed ? ['check-missed'] : [],
          hubUnsure: () => (x.hubUnsure ? 'the postcode is missing' : null),
        });
        const months = today < x.dob ? -1 : ref.ageMonths(x.dob, today);
        const two = ref.anniversary(x.dob, 24);
        const soon = two <= ref.plusDays(today, x.within);
        const want: string[] = [];
        if (months < 24 && soon) want.push('turns-two-soon');
        if (months >= 24 && months < 36 && !x.letterSent) want.push('letter-due');
        if (soon && months < 36 && !x.consentGiven) want.push('consent-missing');
        if (!x.checked && months >= 24 && months < 30) want.push('check-due');
        if (!x.checked && months >= 30 && months < 36) want.push('check-late');
        if (!x.checked && months >= 36 && !x.dismissed) want.push('check-missed');
        if (x.checked && !x.shared) want.push('check-not-shared');
        // given to the parents on the day of the check, and no review result back eight weeks on
        if (x.checked && x.shared && months < 42 && ref.plusDays(x.dob, 56) <= today) want.push('review-result-missing');
        if (x.concerns > 0) want.push('concern-open');
        if (x.hubUnsure && ((soon && months < 36 && !x.letterSent) || x.concerns > 0)) want.push('hub-unsure');
        expect(names(f, today, x.within)).toEqual(want.sort());
      }),
      { numRuns: 5000 },
    );
  });
});
