import { describe, expect, it } from 'vitest';
import { checkTemplate } from '../../src/cli/check-template.js';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { validateCheck } from '../../src/domain/progress-check.js';
import type { Child } from '../../src/store/children.js';

const child = {
  id: 1,
  ref: '001',
  firstName: 'Amelia',
  lastName: 'Hartley',
  dob: '2024-06-03',
  keyPerson: 'Priya Shah',
} as Child;
const today = '2026-11-20' as CalendarDate;

/** Every blank text in the template, filled as a practitioner would. */
function filled(value: unknown, key = ''): unknown {
  if (value === '') return key === 'completed_on' ? today : 'Seen in play.';
  if (Array.isArray(value)) return value.map((v) => filled(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, filled(v, k)]));
  return value;
}

describe('check --template', () => {
  it('leaves the date of the check for the person to fill: the day it is done, not the day it was printed', () => {
    const template = checkTemplate(child, today);
    expect(template.completed_on).toBe('');
    expect(String(template.comment)).toContain('completed_on is the day the check was done');
    const result = validateCheck(template, { today, childDob: child.dob, keyPerson: child.keyPerson, by: 'jo' });
    expect(result.ok ? [] : result.problems).toContainEqual(expect.stringContaining('completed_on'));
  });

  it('names only fields --from reads, so a filled template is accepted as it is', () => {
    const result = validateCheck(filled(checkTemplate(child, today)), { today, childDob: child.dob, keyPerson: child.keyPerson, by: 'jo' });
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('left blank, is refused section by section, never saved empty', () => {
    const result = validateCheck(checkTemplate(child, today), { today, childDob: child.dob, keyPerson: child.keyPerson, by: 'jo' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.some((p) => p.includes('areas.physical.strengths'))).toBe(true);
  });
});
