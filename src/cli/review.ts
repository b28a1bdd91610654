import type { Command } from 'commander';
import { hasCompletedCheck, runReview, runReviewList } from '../app/review.js';
import { ASQ3_AREAS, ASQ3_MEANING, ASQ3_TITLES, ASQSE2_MEANING, OUTCOMES } from '../domain/review.js';
import { parseDateInput } from '../domain/dates-input.js';
import type { Child } from '../store/children.js';
import { type Context, withContext } from './context.js';
import { ask, loadPrompts } from './prompts.js';
import { fullName, requireChild } from '../app/record-input.js';
import { camelKeys } from './json-keys.js';
import { reviewLines } from './review-text.js';

interface ReviewOptions {
  from?: string;
  show?: boolean;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('review')
    .argument('<ref>', "the child's reference")
    .description("record the health visitor's Health and Development Review result (ASQ-3 outcome, agreed actions)")
    .option('--from <file>', 'take the review from a JSON file (see examples/review-result.json) instead of asking')
    .option('--show', "list the child's reviews, change nothing")
    .option('--json', 'as JSON (the recorded review, or with --show the list)')
    .action(
      withContext(async (ctx, command) => {
        const opts = command.opts<ReviewOptions>();
        const ref = command.args[0] as string;
        const result =
          opts.show || (opts.json && !opts.from)
            ? runReviewList(ctx, ref)
            : runReview(ctx, ref, opts.from ? { from: opts.from } : { answers: await askForReview(ctx, requireChild(ctx, ref)) });
        if (result.kind === 'list') {
          if (opts.json) ctx.out.json(camelKeys({ ref: result.child.ref, reviews: result.reviews }));
          else if (result.reviews.length === 0) ctx.out.info(`No Health and Development Review recorded for ${result.child.ref} yet.`);
          else for (const r of result.reviews) for (const line of reviewLines(r)) ctx.out.data(line);
          return;
        }
        for (const w of result.warnings) ctx.out.warn(w);
        if (opts.json) ctx.out.json(camelKeys(result.review));
        else for (const line of reviewLines(result.review)) ctx.out.data(line);
        ctx.out.done(`Recorded the Health and Development Review for ${fullName(result.child)} (${result.child.ref}).`);
      }),
    );
}

/** On a terminal: the review, question by question; the use case checks the answers. */
async function askForReview(ctx: Context, child: Child): Promise<unknown> {
  const p = await loadPrompts(ctx, `review ${child.ref} needs --from <file.json>`);
  ctx.out.info(`Health and Development Review for ${fullName(child)} (${child.ref}), born ${child.dob}.`);
  const reviewed_on = await ask(() =>
    p.input({
      message: 'Date of the review (YYYY-MM-DD or DD/MM/YYYY)',
      default: ctx.today,
      validate: (v) => (parseDateInput(v) ? true : 'A date as YYYY-MM-DD or DD/MM/YYYY'),
    }),
  );
  const reviewer = await ask(() =>
    p.input({ message: 'Who did the review (health visitor)', validate: (v) => v.trim() !== '' || 'Who saw the child?' }),
  );
  const place = await ask(() => p.input({ message: 'Where (optional)' }));
  // A check the setting never completed cannot have been seen: say so rather than ask.
  const hasCheck = hasCompletedCheck(ctx, child);
  if (!hasCheck) ctx.out.info(`${child.ref} has no completed Progress Check on record, so it is recorded as not seen at the review.`);
  const check_seen =
    hasCheck && (await ask(() => p.confirm({ message: "Was the setting's Progress Check seen at the review?", default: true })));
  const asq3: Record<string, string> = {};
  for (const area of ASQ3_AREAS) {
    asq3[area] = await ask(() =>
      p.select({ message: `ASQ-3 ${ASQ3_TITLES[area]}`, choices: OUTCOMES.map((o) => ({ name: ASQ3_MEANING[o], value: o })) }),
    );
  }
  const se2 = await ask(() =>
    p.select({
      message: 'ASQ:SE-2 (social-emotional)',
      choices: [{ name: 'not used', value: '' }, ...OUTCOMES.map((o) => ({ name: ASQSE2_MEANING[o], value: o }))],
    }),
  );
  const actions: string[] = [];
  for (;;) {
    const action = await ask(() =>
      p.input({ message: actions.length === 0 ? 'Action agreed (empty for none)' : 'Another action (empty when done)' }),
    );
    if (action.trim() === '') break;
    actions.push(action.trim());
  }
  const notes = await ask(() => p.input({ message: 'Notes (optional)' }));
  return {
    reviewed_on: parseDateInput(reviewed_on),
    reviewer,
    place: place || null,
    check_seen,
    asq3,
    asq_se2: se2 || null,
    actions,
    notes: notes || null,
  };
}
