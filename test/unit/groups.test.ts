import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CalendarDate, addDays } from '../../src/domain/calendar.js';
import { ageInMonths } from '../../src/domain/age.js';
import { type GroupChild, type PlanOptions, isDueInWindow, planGroups, reviewWindow, sessionDate } from '../../src/domain/groups.js';

const d = (s: string) => s as CalendarDate;
const child = (ref: string, dob: string, extra: Partial<GroupChild> = {}): GroupChild => ({
  ref,
  name: `Child ${ref}`,
  dob: d(dob),
  family: null,
  room: null,
  keyPerson: null,
  ...extra,
});
const options = (extra: Partial<PlanOptions> = {}): PlanOptions => ({
  from: d('2026-12-01'),
  to: d('2027-01-31'),
  size: 6,
  spread: 3,
  minutesSaved: 10,
  ...extra,
});

describe('who is due for a group review', () => {
  it('the review window runs from the second birthday to the day before 30 months', () => {
    expect(reviewWindow(d('2024-09-10'))).toEqual({ start: '2026-09-10', end: '2027-03-09' });
  });
  it('a child born on 29 February starts their window on 1 March in a common year', () => {
    expect(reviewWindow(d('2024-02-29')).start).toBe('2026-03-01');
  });
  it('is due when the review window overlaps the planning window, on either edge', () => {
    const from = d('2026-12-01');
    const to = d('2027-01-31');
    expect(isDueInWindow(d('2025-01-31'), from, to)).toBe(true); // turns two on the last day
    expect(isDueInWindow(d('2025-02-01'), from, to)).toBe(false); // turns two the day after
    expect(isDueInWindow(d('2024-06-02'), from, to)).toBe(true); // 30 months on 2 December
    expect(isDueInWindow(d('2024-06-01'), from, to)).toBe(false); // 30 months on 1 December
  });
});

describe('planning sessions', () => {
  it('puts children of a similar age together, ages on the proposed date', () => {
    const plan = planGroups([child('A', '2024-09-10'), child('B', '2024-10-05'), child('C', '2024-11-20')], options());
    expect(plan.sessions).toHaveLength(1);
    const [s] = plan.sessions;
    expect(s?.date).toBe('2026-12-01');
    expect(s?.members.map((m) => [m.ref, m.ageMonths])).toEqual([
      ['A', 26],
      ['B', 25],
      ['C', 24],
    ]);
    expect(plan.estimate).toEqual({ minutesPerReview: 10, reviews: 3, minutes: 30, label: 'estimate' });
  });

  it('proposes the day the youngest turns two when that is inside the window', () => {
    const plan = planGroups([child('A', '2024-11-10'), child('B', '2024-12-15')], options());
    expect(plan.sessions[0]?.date).toBe('2026-12-15');
  });

  it('never exceeds the size: seven children make two sessions', () => {
    const kids = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((r) => child(r, '2024-10-10'));
    const plan = planGroups(kids, options());
    expect(plan.sessions.map((s) => s.members.length)).toEqual([6]);
    expect(plan.unplaced).toEqual([
      {
        ref: 'G',
        name: 'Child G',
        reason: 'Child A (A), Child B (B), Child C (C) and 3 more are within 3 months of age but in session 1, which is full (6 children)',
      },
    ]);
  });

  it('says truly why a child is left alone', () => {
    const west = (ref: string, dob: string) => child(ref, dob, { hub: 'West Hub' });
    // the children near Nell's age are in a session with an older child: on her birthday the ages are 4 months apart
    const nell = planGroups(
      [west('A', '2024-08-27'), west('B', '2024-12-03'), west('C', '2024-12-11'), west('D', '2024-12-19'), west('N', '2024-12-28')],
      options(),
    );
    expect(nell.sessions.map((x) => x.members.map((m) => m.ref))).toEqual([['A', 'B', 'C', 'D']]);
    expect(nell.unplaced).toEqual([
      {
        ref: 'N',
        name: 'Child N',
        reason:
          'Child B (B), Child C (C), Child D (D) are within 3 months of age but in session 1, where the ages would be 4 months apart on 2026-12-28, more than the spread of 3 months',
      },
    ]);
    // the only child near in age lives in the other Hub's area
    const hubs = planGroups(
      [west('A', '2024-08-01'), west('B', '2024-08-05'), child('E', '2024-12-20', { hub: 'East Hub' }), west('W', '2024-12-25')],
      options(),
    );
    expect(hubs.unplaced.map((u) => [u.ref, u.reason])).toEqual([
      ['E', "Child W (W) is within 3 months of age but in another Hub's area (West Hub): one session is with one Hub"],
      ['W', "Child E (E) is within 3 months of age but in another Hub's area (East Hub): one session is with one Hub"],
    ]);
    // nobody near in age at all
    const alone = planGroups([child('A', '2024-06-05'), child('B', '2024-06-10'), child('Z', '2025-01-20')], options());
    expect(alone.unplaced).toEqual([{ ref: 'Z', name: 'Child Z', reason: 'no other child due within 3 months of age' }]);
  });

  it('keeps ages within the spread', () => {
    const plan = planGroups(
      [child('A', '2024-06-05'), child('B', '2024-06-10'), child('C', '2024-11-20'), child('D', '2024-11-25')],
      options(),
    );
    expect(plan.sessions.map((s) => s.members.map((m) => m.ref))).toEqual([
      ['A', 'B'],
      ['C', 'D'],
    ]);
  });

  it('keeps siblings together even when that means a new session', () => {
    const kids = [
      child('A', '2024-10-01'),
      child('B', '2024-10-02'),
      child('T1', '2024-10-03', { family: 'F' }),
      child('T2', '2024-10-03', { family: 'F' }),
    ];
    const plan = planGroups(kids, options({ size: 3 }));
    expect(plan.sessions.map((s) => s.members.map((m) => m.ref))).toEqual([
      ['A', 'B'],
      ['T1', 'T2'],
    ]);
  });

  it('says why siblings too far apart in age cannot be placed', () => {
    const plan = planGroups([child('S1', '2024-07-01', { family: 'F' }), child('S2', '2024-11-01', { family: 'F' })], options());
    expect(plan.sessions).toEqual([]);
    expect(plan.unplaced.map((u) => u.ref)).toEqual(['S1', 'S2']);
    expect(plan.unplaced[0]?.reason).toContain('4 months apart');
  });

  it('says why siblings more than a session cannot be placed', () => {
    const kids = ['1', '2', '3'].map((n) => child(`Q${n}`, '2024-10-01', { family: 'Q' }));
    const plan = planGroups(kids, options({ size: 2 }));
    expect(plan.unplaced.every((u) => u.reason.includes('more than a session of 2'))).toBe(true);
  });

  it('groups by room when asked, families going with the eldest', () => {
    const kids = [
      child('A', '2024-10-01', { room: 'Acorns' }),
      child('B', '2024-10-02', { room: 'Oaks' }),
      child('C', '2024-10-03', { room: 'Oaks' }),
      child('D', '2024-10-04', { room: 'Acorns', family: 'F' }),
      child('E', '2024-10-04', { room: 'Oaks', family: 'F' }),
    ];
    const plan = planGroups(kids, options({ by: 'room' }));
    expect(plan.sessions.map((s) => [s.group, s.members.map((m) => m.ref)])).toEqual([
      ['Acorns', ['A', 'D', 'E']],
      ['Oaks', ['B', 'C']],
    ]);
  });

  it('groups by key person, with children who have none together', () => {
    const kids = [
      child('A', '2024-10-01', { keyPerson: 'Kim' }),
      child('B', '2024-10-02'),
      child('C', '2024-10-03'),
      child('D', '2024-10-04', { keyPerson: 'Kim' }),
    ];
    const plan = planGroups(kids, options({ by: 'key-person' }));
    expect(plan.sessions.map((s) => s.group)).toEqual(['(none recorded)', 'Kim']);
  });

  it('leaves out children not due in the window', () => {
    const plan = planGroups(
      [child('A', '2023-01-01'), child('B', '2025-06-01'), child('C', '2024-10-01'), child('D', '2024-10-02')],
      options(),
    );
    expect(plan.due).toBe(2);
    expect(plan.unplaced).toEqual([]);
  });
});

const dobArb = fc.integer({ min: 0, max: 900 }).map((n) => addDays(d('2024-01-01'), n));
const kidsArb = fc
  .uniqueArray(
    fc.record({
      ref: fc.stringMatching(/^[A-Z][0-9]{1,3}$/),
      dob: dobArb,
      family: fc.option(fc.constantFrom('F1', 'F2', 'F3'), { nil: null }),
      room: fc.option(fc.constantFrom('Acorns', 'Oaks'), { nil: null }),
    }),
    { selector: (k) => k.ref, maxLength: 40 },
  )
  .map((ks) => ks.map((k) => child(k.ref, k.dob, { family: k.family, room: k.room })));
const optsArb = fc
  .record({
    start: fc.integer({ min: 0, max: 900 }),
    length: fc.integer({ min: 0, max: 120 }),
    size: fc.integer({ min: 1, max: 8 }),
    spread: fc.integer({ min: 0, max: 6 }),
    byRoom: fc.boolean(),
  })
  .map((o): PlanOptions => {
    const from = addDays(d('2026-01-01'), o.start);
    return { from, to: addDays(from, o.length), size: o.size, spread: o.spread, minutesSaved: 10, by: o.byRoom ? 'room' : undefined };
  });

describe('the plan, for any roster and window', () => {
  it('never exceeds size or spread, and dates sit inside every window', () => {
    fc.assert(
      fc.property(kidsArb, optsArb, (kids, o) => {
        const plan = planGroups(kids, o);
        for (const s of plan.sessions) {
          expect(s.members.length).toBeLessThanOrEqual(o.size);
          expect(s.members.length).toBeGreaterThan(1);
          const ages = s.members.map((m) => ageInMonths(m.dob, s.date));
          expect(Math.max(...ages) - Math.min(...ages)).toBeLessThanOrEqual(o.spread);
          expect(s.date >= o.from && s.date <= o.to).toBe(true);
          for (const m of s.members) {
            const w = reviewWindow(m.dob);
            expect(s.date >= w.start && s.date <= w.end).toBe(true);
          }
          expect(
            sessionDate(
              kids.filter((k) => s.members.some((m) => m.ref === k.ref)),
              o.from,
              o.to,
            ),
          ).toBe(s.date);
        }
      }),
    );
  });

  it('places or lists every due child exactly once, siblings together', () => {
    fc.assert(
      fc.property(kidsArb, optsArb, (kids, o) => {
        const plan = planGroups(kids, o);
        const due = kids
          .filter((k) => isDueInWindow(k.dob, o.from, o.to))
          .map((k) => k.ref)
          .sort();
        const placed = plan.sessions.flatMap((s) => s.members.map((m) => m.ref));
        const seen = [...placed, ...plan.unplaced.map((u) => u.ref)].sort();
        expect(seen).toEqual(due);
        expect(plan.due).toBe(due.length);
        for (const family of ['F1', 'F2', 'F3']) {
          const siblings = kids.filter((k) => k.family === family && due.includes(k.ref)).map((k) => k.ref);
          const homes = new Set(siblings.map((r) => plan.sessions.find((s) => s.members.some((m) => m.ref === r))?.number ?? 'unplaced'));
          expect(homes.size).toBeLessThanOrEqual(1);
        }
        expect(plan.estimate.minutes).toBe(placed.length * 10);
      }),
    );
  });

  it('does not depend on the order the roster comes in', () => {
    fc.assert(
      fc.property(kidsArb, optsArb, fc.integer(), (kids, o, seed) => {
        const shuffled = [...kids].sort((a, b) => ((a.ref.charCodeAt(1) * seed) % 7) - ((b.ref.charCodeAt(1) * seed) % 7));
        expect(planGroups(shuffled, o)).toEqual(planGroups(kids, o));
      }),
    );
  });
});

describe('one session, one Hub', () => {
  it('never mixes West and East Hub children, whatever the ages', () => {
    const hubs = fc.array(
      fc.record({
        dob: fc.constantFrom('2024-09-10', '2024-10-05', '2024-11-20', '2024-12-01'),
        hub: fc.constantFrom('West Hub', 'East Hub'),
      }),
      { maxLength: 14 },
    );
    fc.assert(
      fc.property(hubs, (kids) => {
        const plan = planGroups(
          kids.map((k, i) => child(`C${i}`, k.dob, { hub: k.hub })),
          options(),
        );
        const hubOf = new Map(kids.map((k, i) => [`C${i}`, k.hub]));
        for (const s of plan.sessions) {
          expect(new Set(s.members.map((m) => hubOf.get(m.ref))).size).toBe(1);
          expect(s.hub).toBe(hubOf.get(s.members[0]!.ref));
        }
      }),
    );
  });
  it('does not place a child whose Hub is not certain', () => {
    const plan = planGroups(
      [
        child('A', '2024-09-10', { hub: 'West Hub' }),
        child('B', '2024-10-05', { hub: null }),
        child('C', '2024-10-06', { hub: 'West Hub' }),
      ],
      options(),
    );
    expect(plan.sessions.map((s) => s.members.map((m) => m.ref))).toEqual([['A', 'C']]);
    expect(plan.unplaced).toEqual([
      expect.objectContaining({ ref: 'B', reason: expect.stringContaining('Hub for the home is not certain') }),
    ]);
  });
});
