/**
 * The health visitor's Health and Development Review coming back: recorded against the child
 * from a result file or from answers given on a terminal, and listed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Review, validateReview } from '../domain/review.js';
import { InputRejected, NotJson, UsageError, whyFileFailed } from '../errors.js';
import type { Child } from '../store/children.js';
import { currentCheck } from '../store/checks.js';
import { type ReviewRecord, addReview, reviewsForChild } from '../store/reviews.js';
import type { AppContext } from './context.js';
import { requireChild } from './record-input.js';

export type ReviewResult =
  { kind: 'recorded'; child: Child; review: ReviewRecord; warnings: string[] } | { kind: 'list'; child: Child; reviews: ReviewRecord[] };

/** The review from `from` (a JSON file) or from `answers` (what a person typed), refused whole if any part is wrong. */
export function runReview(ctx: AppContext, ref: string, given: { from: string } | { answers: unknown }): ReviewResult {
  const child = requireChild(ctx, ref);
  const db = ctx.db();
  const limits = { today: ctx.today, dob: child.dob };
  const fromFile = 'from' in given;
  const validation = validateReview(fromFile ? readJson(path.resolve(ctx.cwd, given.from), given.from) : given.answers, limits);
  if (!validation.ok) {
    throw new InputRejected(
      fromFile ? `${given.from}: the review was refused; nothing was saved` : 'the answers cannot make a review; nothing was saved',
      validation.problems,
    );
  }
  const review: Review = validation.review;
  const warnings: string[] = [];
  if (review.check_seen && !currentCheck(db, child.id))
    warnings.push(`${ref} has no completed Progress Check on record, yet the review says it was seen`);
  const recorded = addReview(db, child.id, review, ctx.by, ctx.now());
  return { kind: 'recorded', child, review: recorded, warnings };
}

/** Whether the setting has a completed Progress Check for the child: only then can it have been seen at the review. */
export function hasCompletedCheck(ctx: AppContext, child: Child): boolean {
  return currentCheck(ctx.db(), child.id) !== null;
}

/** The reviews recorded for a child. */
export function runReviewList(ctx: AppContext, ref: string): ReviewResult {
  const child = requireChild(ctx, ref);
  return { kind: 'list', child, reviews: reviewsForChild(ctx.db(), child.id) };
}

function readJson(file: string, named: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(
      `cannot read ${file}: ${whyFileFailed(err)}`,
      'give --from the path of a review result JSON file, e.g. examples/review-result.json',
    );
  }
  const json = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(json);
  } catch (err) {
    throw new NotJson(named, json, err, 'not valid JSON; nothing was saved');
  }
}
