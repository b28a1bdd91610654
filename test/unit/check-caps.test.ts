import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/calendar.js';
import { MAX_TEXT, validateCheck } from '../../src/domain/progress-check.js';

const problems = (v: ReturnType<typeof validateCheck>): string => (v.ok ? '' : v.problems.join('\n'));

const example = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'progress-check.json'), 'utf8')) as Record<
  string,
  unknown
>;
const defaults = { today: '2026-11-23' as CalendarDate, childDob: '2024-06-01' as CalendarDate, keyPerson: 'Sam', by: 'jo' };
const withComment = (comment: string) => ({ ...example, parents_comments: comment });

describe('check --from caps its text fields', () => {
  it('takes the example as it is', () => {
    expect(validateCheck(example, defaults).ok).toBe(true);
  });

  it('refuses a field over the cap, naming the field and the size', () => {
    const v = validateCheck(withComment('a'.repeat(MAX_TEXT + 1)), defaults);
    expect(v.ok).toBe(false);
    expect(problems(v)).toContain(`parents_comments: too long (${MAX_TEXT + 1} characters; at most ${MAX_TEXT}`);
    expect(validateCheck(withComment('a'.repeat(MAX_TEXT)), defaults).ok).toBe(true);
  });

  it('refuses NUL and terminal controls, keeps line breaks and tabs', () => {
    for (const bad of ['a\u0000b', 'a\u001b[2Jb', 'a\u0007b']) {
      const v = validateCheck(withComment(bad), defaults);
      expect(v.ok, JSON.stringify(bad)).toBe(false);
      expect(problems(v)).toContain('parents_comments: holds a control character');
    }
    expect(validateCheck(withComment('line one\nline two\tand a tab'), defaults).ok).toBe(true);
  });
});
