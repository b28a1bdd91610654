/**
 * The Progress Check asked on a terminal, one section at a time. After each section the
 * answers so far are saved as the child's draft, so Ctrl+C keeps them (and changes nothing
 * else), and the next `twocheck check <ref>` offers to resume. Single-line inputs only: an
 * external editor is fragile over ssh and tmux, and a sentence or two per field is the norm.
 */
import {
  type CheckDefaults,
  completedOnRules,
  isEnglish,
  PRIME_AREAS,
  PRIME_AREA_TITLES,
  type ProgressCheck,
  SPECIFIC_AREAS,
  SPECIFIC_AREA_TITLES,
  validateCheck,
} from '../domain/progress-check.js';
import { londonDateTime } from '../domain/clock.js';
import { parseDateInput } from '../domain/dates-input.js';
import { Cancelled, InputRejected } from '../errors.js';
import { discardDraft, draftCheck, saveDraft } from '../store/checks.js';
import type { Child } from '../store/children.js';
import type { Context } from './context.js';
import { ask, loadPrompts } from './prompts.js';

type Draft = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export async function askForCheck(
  ctx: Context,
  child: Child,
  defaults: CheckDefaults,
): Promise<{ check: ProgressCheck; warnings: string[] } | null> {
  const p = await loadPrompts(ctx, `check ${child.ref} needs --from <file.json>`);
  const db = ctx.db();
  const actor = () => ({ by: ctx.by, at: ctx.now().toISOString() });
  const name = `${child.firstName} ${child.lastName}`;
  let draft: Draft = {};
  let kept = false;
  const saved = draftCheck(db, child.id);
  try {
    if (saved) {
      const resume = await ask(() =>
        p.confirm({ message: `${name} has a draft check (saved ${londonDateTime(new Date(saved.createdAt))}). Resume it?`, default: true }),
      );
      if (resume) {
        draft = saved.data as Draft;
        kept = true;
      } else discardDraft(db, child.id, actor());
    }
    const keep = () => {
      saveDraft(db, child.id, draft, actor());
      kept = true;
    };
    const text = (message: string, def: string | undefined, required: boolean) =>
      ask(() => p.input({ message, default: def, validate: (v) => (required && v.trim() === '' ? 'Please write something here' : true) }));

    if (draft.completed_on === undefined) {
      const on = await ask(() =>
        p.input({
          message: 'Date of the check (YYYY-MM-DD or DD/MM/YYYY)',
          default: defaults.today,
          validate: (v) => {
            const on = parseDateInput(v);
            if (!on) return 'A date as YYYY-MM-DD or DD/MM/YYYY';
            return completedOnRules(on, defaults).problems[0]?.replace(/^completed_on: /, '') ?? true;
          },
        }),
      );
      const practitioner = await text('Practitioner completing the check', defaults.keyPerson ?? defaults.by, true);
      const keyPerson = await text('Key person', defaults.keyPerson ?? '', false);
      draft = { ...draft, completed_on: parseDateInput(on) ?? on.trim(), practitioner, key_person: keyPerson };
      keep();
    }
    draft.areas ??= {};
    for (const area of PRIME_AREAS) {
      if (draft.areas[area]) continue;
      const title = PRIME_AREA_TITLES[area];
      const strengths = await text(`${title}: strengths`, undefined, true);
      const progress = await ask(() =>
        p.select({
          message: `${title}: progress`,
          choices: [
            { name: 'As expected', value: 'expected' },
            { name: 'Less than expected', value: 'less-than-expected' },
          ],
        }),
      );
      const concerns = progress === 'less-than-expected' ? await text(`${title}: what are the concerns?`, undefined, true) : '';
      const next_steps = await text(`${title}: next steps`, undefined, true);
      draft.areas[area] = { strengths, progress, concerns, next_steps };
      keep();
    }
    if (draft.specific_areas === undefined) {
      const notes: Record<string, string> = {};
      for (const a of SPECIFIC_AREAS) notes[a] = await text(`${SPECIFIC_AREA_TITLES[a]} (optional)`, undefined, false);
      draft.specific_areas = notes;
      keep();
    }
    if (draft.parents_comments === undefined) {
      const parents = await text("Parents' comments (optional)", undefined, false);
      const voice = await text("The child's voice (optional)", undefined, false);
      draft = { ...draft, parents_comments: parents, child_voice: voice };
      keep();
    }
    if (draft.additional_needs === undefined) {
      const needs = await text('Additional needs (optional)', undefined, false);
      const plan = await text('Plan agreed with parents (optional)', undefined, false);
      const shared = await ask(() =>
        p.input({
          message: 'Date shared with parents, if already (YYYY-MM-DD or DD/MM/YYYY, optional)',
          validate: (v) => (v.trim() === '' || parseDateInput(v) ? true : 'A date as YYYY-MM-DD or DD/MM/YYYY, or leave empty'),
        }),
      );
      draft = { ...draft, additional_needs: needs, plan_agreed: plan, shared_with_parents_on: parseDateInput(shared) ?? null };
      keep();
    }
    if (draft.learning_at_home === undefined) {
      const language = await text('Home language', defaults.homeLanguage ?? 'English', false);
      const explored = isEnglish(language || 'English')
        ? ''
        : await text('How the home language was explored with the parents', undefined, false);
      const home = await text('How the summary supports learning at home (optional)', undefined, false);
      const others = await text("Other professionals' views, where involved (optional)", undefined, false);
      const targeted = await text('Targeted plan agreed with the SENCO (optional)', undefined, false);
      const agreed = await ask(() =>
        p.input({
          message: 'Date it was agreed with the parents to give them the summary (YYYY-MM-DD or DD/MM/YYYY, optional)',
          validate: (v) => (v.trim() === '' || parseDateInput(v) ? true : 'A date as YYYY-MM-DD or DD/MM/YYYY, or leave empty'),
        }),
      );
      const health = await text("The parents' summary of the child's health (optional)", undefined, false);
      draft = {
        ...draft,
        home_language: language || null,
        home_language_explored: explored || null,
        learning_at_home: home || null,
        other_professionals: others || null,
        targeted_plan: targeted || null,
        agreed_with_parents_on: parseDateInput(agreed) ?? null,
        parents_health_summary: health || null,
      };
      keep();
    }
    const validation = validateCheck(draft, defaults);
    if (!validation.ok) {
      throw new InputRejected(
        'the answers cannot make a check; they are kept as a draft',
        validation.problems,
        `run twocheck check ${child.ref} again and answer No to "Resume it?" to start afresh`,
      );
    }
    for (const w of validation.warnings) ctx.out.warn(w);
    const go = await ask(() => p.confirm({ message: `Complete ${name}'s Progress Check and make the PDF?`, default: true }));
    if (!go) return null;
    return { check: validation.check, warnings: [] };
  } catch (err) {
    if (err instanceof Cancelled && kept) {
      throw new Cancelled(
        `Cancelled: the answers so far are kept as a draft (nothing else changed). Resume with: twocheck check ${child.ref}`,
      );
    }
    throw err;
  }
}
