import { PRIME_AREAS, SPECIFIC_AREAS } from '../domain/progress-check.js';
import type { CalendarDate } from '../domain/calendar.js';
import type { Child } from '../store/children.js';

/**
 * `check <ref> --template`: a Progress Check file ready to fill in, with every field `--from`
 * reads and the child's key person already in. Blank text is refused by `--from`, so a section
 * left unfilled is named rather than saved empty; the date too, which is the day the check is
 * done, not the day the template was printed.
 */
export function checkTemplate(child: Child, today: CalendarDate): Record<string, unknown> {
  const area = { strengths: '', progress: 'expected', concerns: '', next_steps: '' };
  return {
    comment:
      `Progress Check for ${child.firstName} ${child.lastName} (${child.ref}). Fill in, then: twocheck check ${child.ref} --from <this file>. ` +
      'progress is "expected" or "less-than-expected"; concerns are needed when less than expected. ' +
      `completed_on is the day the check was done, as YYYY-MM-DD (today is ${today}); it is left for you to fill, ` +
      'as a template is often printed days before. Leave out what does not apply. This comment is ignored.',
    completed_on: '',
    practitioner: child.keyPerson ?? '',
    key_person: child.keyPerson ?? '',
    areas: Object.fromEntries(PRIME_AREAS.map((name) => [name, { ...area }])),
    specific_areas: Object.fromEntries(SPECIFIC_AREAS.map((name) => [name, ''])),
    parents_comments: '',
    child_voice: '',
    additional_needs: '',
    plan_agreed: '',
  };
}
