import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { addDays, type CalendarDate, fromYmd } from '../../src/domain/calendar.js';
import { secondBirthday, thirdBirthday } from '../../src/domain/age.js';
import { hasConcerns, validateCheck } from '../../src/domain/progress-check.js';

const d = (s: string) => s as CalendarDate;
const DOB = d('2024-03-15');
const TODAY = d('2026-06-01');
const defaults = { today: TODAY, childDob: DOB, keyPerson: 'Sam Key', by: 'manager' };
const example = JSON.parse(readFileSync(new URL('../../examples/progress-check.json', import.meta.url), 'utf8')) as Record<string, unknown>;
const clone = () => structuredClone(example) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function problems(raw: unknown, over: Partial<typeof defaults> & { allowBeforeTwo?: boolean } = {}): string[] {
  const r = validateCheck(raw, { ...defaults, ...over });
  return r.ok ? [] : r.problems;
}

describe('the Progress Check at two, as a file gives it', () => {
  it('accepts the shipped example for any child aged two, with defaults applied', () => {
    const r = validateCheck(example, defaults);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.check.completed_on).toBe(TODAY);
    expect(r.check.practitioner).toBe('Sam Key');
    expect(r.check.key_person).toBe('Sam Key');
    expect(r.check.areas.physical.progress).toBe('expected');
    expect(r.check.specific_areas.literacy).toMatch(/books/);
    expect(r.check.shared_with_parents_on).toBeNull();
    expect(hasConcerns(r.check)).toBe(false);
    expect(r.warnings).toEqual([]);
  });

  it('uses the person acting when the child has no key person', () => {
    const r = validateCheck(example, { ...defaults, keyPerson: null });
    expect(r.ok && r.check.practitioner).toBe('manager');
    expect(r.ok && r.check.key_person).toBeNull();
  });

  it('keeps the practitioner and date the file gives', () => {
    const raw = { ...clone(), practitioner: ' Alex Room ', completed_on: '2026-05-20' };
    const r = validateCheck(raw, defaults);
    expect(r.ok && r.check.practitioner).toBe('Alex Room');
    expect(r.ok && r.check.completed_on).toBe('2026-05-20');
  });

  it('names the field when progress is not one of the two values', () => {
    const raw = clone();
    raw.areas.communication_and_language.progress = 'good';
    expect(problems(raw)).toEqual(['areas.communication_and_language.progress: must be "expected" or "less-than-expected", not "good"']);
  });

  it('requires concerns when progress is less than expected, and warns when no plan is agreed', () => {
    const raw = clone();
    raw.areas.physical.progress = 'less-than-expected';
    expect(problems(raw)).toEqual([expect.stringMatching(/^areas\.physical\.concerns: required when progress is "less-than-expected"/)]);
    raw.areas.physical.concerns = 'Not yet walking steadily';
    delete raw.plan_agreed;
    const r = validateCheck(raw, defaults);
    expect(r.ok).toBe(true);
    expect(r.ok && hasConcerns(r.check)).toBe(true);
    expect(r.warnings).toEqual([expect.stringMatching(/^plan_agreed:/), expect.stringMatching(/^targeted_plan: .*SENCO/)]);
  });

  it('takes the home language from the roster, and asks how it was explored when it is not English', () => {
    const r = validateCheck(clone(), { ...defaults, homeLanguage: 'Polish' });
    expect(r.ok && r.check.home_language).toBe('Polish');
    expect(r.warnings).toEqual([expect.stringMatching(/^home_language_explored: the home language is Polish/)]);
    const explored = validateCheck(
      { ...clone(), home_language_explored: 'Talked with dad about first words in Polish', agreed_with_parents_on: '2099-01-01' },
      { ...defaults, homeLanguage: 'Polish' },
    );
    expect(explored.ok).toBe(false);
    expect(!explored.ok && explored.problems).toEqual([expect.stringMatching(/^agreed_with_parents_on: 2099-01-01 is in the future/)]);
    const english = validateCheck(clone(), { ...defaults, homeLanguage: 'English' });
    expect(english.warnings).toEqual([]);
    const own = validateCheck(
      { ...clone(), home_language: 'Urdu', home_language_explored: 'With mum, using pictures' },
      { ...defaults, homeLanguage: 'English' },
    );
    expect(own.ok && own.check.home_language).toBe('Urdu');
  });

  it('reports every missing prime area and field at once', () => {
    const raw = clone();
    delete raw.areas.physical;
    raw.areas.personal_social_emotional.strengths = '  ';
    delete raw.areas.communication_and_language.next_steps;
    delete raw.areas.communication_and_language.progress;
    expect(problems(raw)).toEqual([
      'areas.communication_and_language.next_steps: required',
      'areas.communication_and_language.progress: required ("expected" or "less-than-expected")',
      'areas.personal_social_emotional.strengths: must not be empty',
      'areas.physical: required',
    ]);
    expect(problems({})).toEqual([expect.stringMatching(/^areas: required/)]);
    expect(problems([])).toEqual(['(top level): must be a JSON object']);
    expect(problems({ ...clone(), areas: { ...clone().areas, physical: 'fine' } })).toEqual([
      expect.stringMatching(/^areas\.physical: must be an object/),
    ]);
  });

  it('reports unknown fields at every level, so a typo is not lost', () => {
    const raw = clone();
    raw.parent_comments = 'typo';
    raw.areas.physcial = {};
    raw.areas.physical.strength = 'x';
    raw.specific_areas.maths = 'x';
    expect(problems(raw)).toEqual([
      expect.stringMatching(/^parent_comments: unknown field \(known: completed_on, practitioner/),
      expect.stringMatching(/^areas\.physcial: unknown field/),
      expect.stringMatching(/^areas\.physical\.strength: unknown field/),
      expect.stringMatching(/^specific_areas\.maths: unknown field/),
    ]);
  });

  it('refuses text fields that are not text and dates that are not dates', () => {
    expect(problems({ ...clone(), parents_comments: 3 })).toEqual(['parents_comments: must be text']);
    expect(problems({ ...clone(), completed_on: '01/06/2026' })[0]).toBe('completed_on: must be a date as YYYY-MM-DD, not "01/06/2026"');
    expect(problems({ ...clone(), completed_on: '2026-02-30' })[0]).toMatch(/^completed_on: must be a date/);
    expect(problems({ ...clone(), specific_areas: [] })).toEqual(['specific_areas: must be an object']);
  });

  it('refuses a check completed in the future', () => {
    expect(problems({ ...clone(), completed_on: '2026-06-02' })).toEqual([
      'completed_on: 2026-06-02 is in the future (today is 2026-06-01)',
    ]);
  });

  it('refuses a check before the second birthday unless forced, then warns', () => {
    const raw = { ...clone(), completed_on: '2026-03-14' };
    expect(problems(raw)).toEqual([expect.stringMatching(/before the child's second birthday \(2026-03-15\).*--force/)]);
    const r = validateCheck(raw, { ...defaults, allowBeforeTwo: true });
    expect(r.ok).toBe(true);
    expect(r.warnings).toEqual([expect.stringMatching(/second birthday/)]);
    expect(problems({ ...clone(), completed_on: '2024-03-14' }, { allowBeforeTwo: true })).toEqual([
      expect.stringMatching(/before the child was born/),
    ]);
  });

  it('accepts a check on the second birthday and warns after the third', () => {
    expect(problems({ ...clone(), completed_on: '2026-03-15' })).toEqual([]);
    const late = validateCheck(clone(), { ...defaults, childDob: d('2023-05-01') });
    expect(late.ok).toBe(true);
    expect(late.warnings).toEqual([expect.stringMatching(/after the child's third birthday/)]);
  });

  it('checks the date shared with parents against the check and today', () => {
    expect(problems({ ...clone(), completed_on: '2026-05-20', shared_with_parents_on: '2026-05-19' })).toEqual([
      expect.stringMatching(/^shared_with_parents_on: .*before the check/),
    ]);
    expect(problems({ ...clone(), shared_with_parents_on: '2026-06-05' })).toEqual([
      expect.stringMatching(/^shared_with_parents_on: .*future/),
    ]);
    const r = validateCheck({ ...clone(), shared_with_parents_on: '2026-06-01' }, defaults);
    expect(r.ok && r.check.shared_with_parents_on).toBe('2026-06-01');
  });

  it('for every birth date and check date: refused before two, accepted from two until today', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2019-01-01'), max: new Date('2027-12-31'), noInvalidDate: true }),
        fc.integer({ min: -400, max: 800 }),
        (born, offset) => {
          const dob = fromYmd(born.getUTCFullYear(), born.getUTCMonth() + 1, born.getUTCDate());
          const today = addDays(secondBirthday(dob), 1000);
          const on = addDays(secondBirthday(dob), offset);
          const r = validateCheck({ ...clone(), completed_on: on }, { ...defaults, today, childDob: dob });
          expect(r.ok).toBe(offset >= 0);
          const late = on >= thirdBirthday(dob);
          expect(r.warnings.some((w) => w.includes('third birthday'))).toBe(offset >= 0 && late);
        },
      ),
    );
  });
});
