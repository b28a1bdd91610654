import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ASQ3_AREAS, ASQ3_MEANING, ASQ3_TITLES, ASQSE2_MEANING, OUTCOMES, type Review, validateReview } from '../domain/review.js';
import { parseIsoDate } from '../domain/calendar.js';
import { InputRejected, NotJson, UsageError } from '../errors.js';
import type { Child } from '../store/children.js';
import { currentCheck } from '../store/checks.js';
import { type ReviewRecord, addReview, reviewsForChild } from '../store/reviews.js';
import { type Context, withContext } from './context.js';
import { ask, loadPrompts } from './prompts.js';
import { fullName, requireChild } from '../app/record-input.js';
import { reviewLines } from './review-text.js';

export interface ReviewOptions { from?: string; show?: boolean; json?: boolean }

export type ReviewResult =
  | { kind: 'recorded'; child: Child; review: ReviewRecord; warnings: string[] }
  | { kind: 'list'; child: Child; reviews: ReviewRecord[] };

export function register(program: Command): void {
  program
    .command('review')
    .argument('<ref>', "the child's reference")
    .description("record the health visitor's Health and Development Review result (ASQ-3 outcome, agreed actions)")
    .option('--from <file>', 'take the review from a JSON file (see examples/review-result.json) instead of asking')
    .option('--show', "list the child's reviews, change nothing")
    .option('--json', 'as JSON (the recorded review, or with --show the list)')
    .action(withContext(async (ctx, command) => {
      const opts = command.opts<ReviewOptions>();
      const result = await runReview(ctx, command.args[0] as string, opts);
      if (result.kind === 'list') {
        if (opts.json) ctx.out.json({ ref: result.child.ref, reviews: result.reviews });
        else if (result.reviews.length === 0) ctx.out.info(`No Health and Development Review recorded for ${result.child.ref} yet.`);
        else for (const r of result.reviews) for (const line of reviewLines(r)) ctx.out.data(line);
        return;
      }
      for (const w of result.warnings) ctx.out.warn(w);
      if (opts.json) ctx.out.json(result.review);
      else for (const line of reviewLines(result.review)) ctx.out.data(line);
      ctx.out.done(`Recorded the Health and Development Review for ${fullName(result.child)} (${result.child.ref}).`);
    }));
}

export async function runReview(ctx: Context, ref: string, opts: ReviewOptions): Promise<ReviewResult> {
  const child = requireChild(ctx, ref);
  const db = ctx.db();
  if (opts.show || (opts.json && !opts.from)) return { kind: 'list', child, reviews: reviewsForChild(db, child.id) };
  const limits = { today: ctx.today, dob: child.dob };
  let review: Review;
  if (opts.from) {
    const validation = validateReview(readJson(path.resolve(ctx.cwd, opts.from), opts.from), limits);
    if (!validation.ok) throw new InputRejected(`${opts.from}: the review was refused; nothing was saved`, validation.problems);
    review = validation.review;
  } else {
    review = await askForReview(ctx, child);
  }
  const warnings: string[] = [];
  const check = currentCheck(db, child.id);
  if (review.check_seen && !check) warnings.push(`${ref} has no completed Progress Check on record, yet the review says it was seen`);
  const recorded = addReview(db, child.id, review, ctx.by, ctx.now());
  return { kind: 'recorded', child, review: recorded, warnings };
}

async function askForReview(ctx: Context, child: Child): Promise<Review> {
  const p = await loadPrompts(ctx, `review ${child.ref} needs --from <file.json>`);
  ctx.out.info(`Health and Development Review for ${fullName(child)} (${child.ref}), born ${child.dob}.`);
  const reviewed_on = await ask(() => p.input({
    message: 'Date of the review (YYYY-MM-DD)', default: ctx.today,
    validate: (v) => (parseIsoDate(v.trim()) ? true : 'A date as YYYY-MM-DD'),
  }));
  const reviewer = await ask(() => p.input({ message: 'Who did the review (health visitor)', validate: (v) => v.trim() !== '' || 'Who saw the child?' }));
  const place = await ask(() => p.input({ message: 'Where (optional)' }));
  const check_seen = await ask(() => p.confirm({ message: "Was the setting's Progress Check seen at the review?", default: true }));
  const asq3: Record<string, string> = {};
  for (const area of ASQ3_AREAS) {
    asq3[area] = await ask(() => p.select({ message: `ASQ-3 ${ASQ3_TITLES[area]}`, choices: OUTCOMES.map((o) => ({ name: ASQ3_MEANING[o], value: o })) }));
  }
  const se2 = await ask(() => p.select({
    message: 'ASQ:SE-2 (social-emotional)',
    choices: [{ name: 'not used', value: '' }, ...OUTCOMES.map((o) => ({ name: ASQSE2_MEANING[o], value: o }))],
  }));
  const actions: string[] = [];
  for (;;) {
    const action = await ask(() => p.input({ message: actions.length === 0 ? 'Action agreed (empty for none)' : 'Another action (empty when done)' }));
    if (action.trim() === '') break;
    actions.push(action.trim());
  }
  const notes = await ask(() => p.input({ message: 'Notes (optional)' }));
  const validation = validateReview({
    reviewed_on: reviewed_on.trim(), reviewer, place: place || null, check_seen, asq3, asq_se2: se2 || null, actions, notes: notes || null,
  }, { today: ctx.today, dob: child.dob });
  if (!validation.ok) throw new InputRejected('the answers cannot make a review; nothing was saved', validation.problems);
  return validation.review;
}

function readJson(file: string, named: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`cannot read ${file}: ${code === 'ENOENT' ? 'there is no such file' : (err as Error).message}`,
      'give --from the path of a review result JSON file, e.g. examples/review-result.json');
  }
  const json = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(json);
  } catch (err) {
    throw new NotJson(named, json, err, 'not valid JSON; nothing was saved');
  }
}
