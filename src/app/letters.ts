/**
 * Parent letters: write and record those due (generateLetters does the work), and record the
 * day letters were posted.
 */
import fs from 'node:fs';
import { type CalendarDate, londonDate } from '../domain/calendar.js';
import { DATE_INPUT_FORMS, parseDateInput } from '../domain/dates-input.js';
import { InputRejected, NotFound, UsageError } from '../errors.js';
import { findChild } from '../store/children.js';
import { type LetterRow, lettersFor, markLettersSent } from '../store/letters.js';
import type { AppContext } from './context.js';
import { type GenerateResult, generateLetters } from './letters-batch.js';

export interface LettersOptions {
  child?: string[];
  within?: string;
  out?: string;
  merged?: string;
  force?: boolean;
  dryRun?: boolean;
}

/** The letters wanted today (or for the children named), written and recorded. */
export async function runLetters(
  ctx: AppContext,
  options: LettersOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<GenerateResult> {
  let within: number | undefined;
  if (options.within !== undefined) {
    if (!/^\d{1,3}$/.test(options.within)) throw new UsageError(`--within takes a number of days from 0 to 999, not "${options.within}"`);
    within = Number(options.within);
  }
  const out = options.out ?? (options.merged ? undefined : `letters/${ctx.today}`);
  return generateLetters(ctx, {
    children: options.child,
    within,
    out,
    merged: options.merged,
    force: options.force,
    dryRun: options.dryRun,
    onProgress,
  });
}

/** Of these children passed over for a letter already written, how many letters are not yet marked sent, and how many are. */
export function alreadyWritten(ctx: AppContext, refs: readonly string[]): { unsent: number; sent: number } {
  const db = ctx.db();
  let unsent = 0;
  for (const ref of refs) {
    const child = findChild(db, ref);
    if (child && !lettersFor(db, child.id).at(-1)?.sentOn) unsent += 1;
  }
  return { unsent, sent: refs.length - unsent };
}

export interface SentResult {
  marked: { ref: string; sentOn: CalendarDate; file: string }[];
  alreadySent: string[];
}

/** All or nothing: every ref must have a letter whose file is still there. */
export function runLettersSent(ctx: AppContext, refs: string[], on: string | undefined): SentResult {
  const sentOn = on === undefined ? ctx.today : parseDateInput(on);
  if (!sentOn) throw new UsageError(`--on must be a date as ${DATE_INPUT_FORMS}, not "${on}"`);
  if (sentOn > ctx.today) throw new UsageError(`--on ${sentOn} is in the future`);
  const db = ctx.db();
  const problems: string[] = [];
  const toMark: { ref: string; letter: LetterRow }[] = [];
  const alreadySent: string[] = [];
  for (const ref of [...new Set(refs)]) {
    const child = findChild(db, ref);
    if (!child) {
      problems.push(`${ref}: no child with this ref`);
      continue;
    }
    const latest = lettersFor(db, child.id).at(-1);
    if (!latest) problems.push(`${ref}: no parent letter recorded; write it first: twocheck letters --child ${ref}`);
    else if (latest.sentOn) alreadySent.push(ref);
    else if (!fs.existsSync(latest.file))
      problems.push(`${ref}: the letter file ${latest.file} is gone; write it again: twocheck letters --child ${ref} --force`);
    else if (sentOn < londonDate(new Date(latest.generatedAt))) {
      problems.push(`${ref}: --on ${sentOn} is before the letter was written (${londonDate(new Date(latest.generatedAt))})`);
    } else toMark.push({ ref, letter: latest });
  }
  if (problems.length > 0) {
    if (problems.length === refs.length && problems.every((p) => p.endsWith('no child with this ref')))
      throw new NotFound(problems.join('; '));
    throw new InputRejected('no letter was marked sent', problems);
  }
  markLettersSent(
    db,
    toMark.map((m) => m.letter),
    sentOn,
    ctx.by,
    ctx.now().toISOString(),
  );
  return { marked: toMark.map((m) => ({ ref: m.ref, sentOn, file: m.letter.file })), alreadySent };
}
