import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInMonths, monthAnniversary } from '../../src/domain/age.js';
import { type CalendarDate, dayNumber, daysBetween, fromDayNumber } from '../../src/domain/calendar.js';
import { reviewStage, reviewWhen } from '../../src/domain/timing.js';
import { typographic } from '../../src/documents/names.js';
import { TEMPLATES_DIR } from '../../src/store/areas.js';

const d = (s: string) => s as CalendarDate;
const letters = path.join(TEMPLATES_DIR, 'letters');

describe('timing true for the child', () => {
  it('tells a child under two "between two and two and a half", and no child older than that', () => {
    expect(reviewWhen(d('2024-06-01'), d('2026-05-01'), 'Gus')).toBe('when Gus is between two and two and a half');
    expect(reviewWhen(d('2024-04-01'), d('2026-11-05'), 'Gus')).not.toContain('between two and two and a half'); // 2y7m
    expect(reviewWhen(d('2023-10-01'), d('2026-11-05'), 'Tia')).toContain('if Tia has not had it yet'); // 37 months
    const day = fc.integer({ min: dayNumber(d('2019-01-01')), max: dayNumber(d('2030-12-31')) }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 1500 }), (dob, later) => {
        const on = fromDayNumber(dayNumber(dob) + later);
        const months = ageInMonths(dob, on);
        const words = reviewWhen(dob, on, 'Gus');
        if (months >= 24) expect(words).not.toContain('between two and two and a half');
        if (months >= 30) expect(words).not.toContain('before Gus is two and a half');
        const left = daysBetween(on, monthAnniversary(dob, 30));
        const due = months < 28 ? 'due' : left > 14 ? 'weeks' : 'days';
        expect(reviewStage(dob, on)).toBe(months < 24 ? 'before' : months < 30 ? due : months < 36 ? 'late' : 'past');
      }),
      { numRuns: 2000 },
    );
  });
  it('says "the next few months" only while two months or more are left before two and a half, and "nearly" in the last fortnight', () => {
    // 29 months 25 days: two and a half in six days
    expect(reviewWhen(d('2024-05-29'), d('2026-11-23'), 'Sienna')).toBe(
      'now, as Sienna is nearly two and a half (ask the health visiting team if it is not booked yet)',
    );
    expect(reviewWhen(d('2024-05-29'), d('2026-10-23'), 'Sienna')).toBe('in the next few weeks, before Sienna is two and a half');
    expect(reviewWhen(d('2024-05-29'), d('2026-09-29'), 'Sienna')).toBe('in the next few weeks, before Sienna is two and a half'); // 28 months
    expect(reviewWhen(d('2024-05-29'), d('2026-09-28'), 'Sienna')).toBe('in the next few months, before Sienna is two and a half'); // 27 months
    const day = fc.integer({ min: dayNumber(d('2019-01-01')), max: dayNumber(d('2030-12-31')) }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.integer({ min: 700, max: 940 }), (dob, later) => {
        const on = fromDayNumber(dayNumber(dob) + later);
        const left = daysBetween(on, monthAnniversary(dob, 30));
        for (const language of ['en', 'pl']) {
          const words = reviewWhen(dob, on, 'Gus', language);
          if (/next few months|najbliższych miesiącach/.test(words)) expect(on < monthAnniversary(dob, 28)).toBe(true);
          if (/next few weeks|najbliższych tygodniach/.test(words)) expect(left > 14 && on >= monthAnniversary(dob, 28)).toBe(true);
          if (/nearly|wkrótce/.test(words)) expect(left >= 1 && left <= 14).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
  it('never puts a name into the Polish words', () => {
    for (const on of ['2026-01-01', '2026-07-01', '2027-01-01', '2028-01-01'])
      expect(reviewWhen(d('2024-06-01'), d(on), 'Łucja', 'pl')).not.toContain('Łucja');
  });
});

describe('the letter templates', () => {
  const source = (file: string) => fs.readFileSync(path.join(letters, file), 'utf8');
  it('tell parents nothing of the Hub’s limit on sharing with settings', () => {
    for (const file of fs.readdirSync(letters)) {
      expect(source(file)).not.toMatch(/only once|dopiero wtedy/);
    }
  });
  it('Polish: a name slot never needs a case ending (only after a colon, in brackets, or as the subject at a sentence start)', () => {
    const NAMES = /\{\{(child\.first_name|child\.full_name|child\.last_name|parent\.name|key_person)\}\}/g;
    for (const file of fs.readdirSync(letters).filter((f) => f.endsWith('.pl.md'))) {
      for (const line of source(file).split('\n')) {
        for (const m of line.matchAll(NAMES)) {
          const before = line.slice(0, m.index).trimEnd();
          const safe = before === '' || before.endsWith(':') || before.endsWith('(') || /[.!?]$/.test(before);
          expect(safe, `${file}: "${line}"`).toBe(true);
        }
      }
      expect(source(file)).not.toMatch(/Szanowni Państwo \{\{/);
    }
  });
  it('use typographic apostrophes', () => {
    for (const file of fs.readdirSync(letters)) expect(source(file).split('---').slice(2).join('---')).not.toMatch(/\p{L}'\p{L}/u);
  });
  it('typographic() turns keyboard quotes into printer’s quotes', () => {
    expect(typographic("the child's \"red bike\" and 'sand'")).toBe('the child’s “red bike” and ‘sand’');
  });
});
