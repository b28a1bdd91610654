import fs from 'node:fs';
import type { Command } from 'commander';
import { type CalendarDate, londonDate } from '../domain/calendar.js';
import { DATE_INPUT_FORMS, parseDateInput } from '../domain/dates-input.js';
import { counted } from '../domain/words.js';
import { InputRejected, NotFound, UsageError } from '../errors.js';
import { findChild } from '../store/children.js';
import { type LetterRow, lettersFor, markLettersSent } from '../store/letters.js';
import { type Context, withContext } from './context.js';
import { DEFAULT_WITHIN, type GenerateResult, generateLetters } from './letters-batch.js';

interface LettersFlags {
  child?: string[];
  within?: string;
  out?: string;
  merged?: string;
  force?: boolean;
  dryRun?: boolean;
  json?: boolean;
  email?: boolean;
  verbose?: boolean;
}

export function register(program: Command): void {
  const letters = program
    .command('letters')
    .description('write parent letters for children turning two (one PDF each, and/or one file to print); records them')
    .option('--child <ref>', 'a child to write for, whatever their age (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .option('--within <days>', `also children turning two within this many days (default ${DEFAULT_WITHIN})`)
    .option('--out <dir>', 'folder for one PDF per child (default: letters/<today>)')
    .option('--merged <file.pdf>', 'also one PDF holding every letter, to print in one go (alone: only this file)')
    .option('--force', 'write again for children who already have a letter; overwrite files')
    .option('--dry-run', 'list what would be written; write and record nothing')
    .option('--json', 'print the result as JSON')
    .option('--email', 'also email each letter not yet sent to the parent email(s) on record (see README: mail)')
    .option('--verbose', 'name each child passed over because a letter is already written')
    .action(withContext(async (ctx, command) => {
      const flags = command.opts<LettersFlags>();
      // mail settings are checked before any letter is written
      const email = flags.email ? await import('./letters-email.js') : null;
      const mail = email?.prepareEmail(ctx, flags.dryRun === true) ?? null;
      const result = await runLetters(ctx, flags);
      if (!email || !flags.json) renderLetters(ctx, result, flags.json === true, flags.verbose === true || (flags.child?.length ?? 0) > 0);
      if (email) await email.emailLetters(ctx, mail, flags, result);
    }));

  letters
    .command('sent')
    .description('record that parent letters were given or posted (only letters whose file exists)')
    .argument('<ref...>', 'children whose letter was sent')
    .option('--on <date>', 'the day it was sent (default today)')
    .action(withContext((ctx, command) => {
      const refs = command.args;
      const on = command.opts<{ on?: string }>().on;
      const result = runLettersSent(ctx, refs, on);
      for (const line of result.marked) ctx.out.data(`${line.ref}\tsent ${line.sentOn}\t${line.file}`);
      for (const ref of result.alreadySent) ctx.out.info(`${ref}: already recorded as sent.`);
      if (result.marked.length > 0) ctx.out.done(`Recorded ${counted(result.marked.length, 'letter')} as sent.`);
    }));
}

export async function runLetters(ctx: Context, flags: LettersFlags): Promise<GenerateResult> {
  let within: number | undefined;
  if (flags.within !== undefined) {
    if (!/^\d{1,3}$/.test(flags.within)) throw new UsageError(`--within takes a number of days from 0 to 999, not "${flags.within}"`);
    within = Number(flags.within);
  }
  const out = flags.out ?? (flags.merged ? undefined : `letters/${ctx.today}`);
  let bar: { start(total: number, at: number): void; update(n: number): void; stop(): void } | undefined;
  let started = false;
  if (ctx.out.progressAllowed && !flags.dryRun) {
    const { default: progress } = await import('cli-progress');
    bar = new progress.SingleBar({ stream: ctx.out.stderr as NodeJS.WriteStream, format: 'letters {bar} {value}/{total}', clearOnComplete: true }, progress.Presets.shades_classic);
  }
  try {
    return await generateLetters(ctx, {
      children: flags.child, within, out, merged: flags.merged, force: flags.force, dryRun: flags.dryRun,
      onProgress: bar && ((done, total) => {
        if (!started) { bar.start(total, 0); started = true; }
        bar.update(done);
      }),
    });
  } finally {
    if (started) bar?.stop();
  }
}

function renderLetters(ctx: Context, result: GenerateResult, json: boolean, verbose: boolean): void {
  for (const warning of result.warnings) ctx.out.warn(warning);
  if (json) { ctx.out.json(result); return; }
  // a daily run passes over the same children until their letters are marked sent: one line says so
  if (verbose) for (const s of result.skipped) ctx.out.info(`${s.ref} ${s.name}: skipped, ${s.why}`);
  else for (const line of skippedSummary(ctx, result.skipped.map((s) => s.ref))) ctx.out.info(line);
  if (result.letters.length === 0) { ctx.out.info('No parent letters to write today.'); return; }
  for (const l of result.letters) ctx.out.data(`${l.ref}\t${l.name}\t${l.reason}\t${l.hub}\t${l.file ?? ''}`);
  const n = result.letters.length;
  const what = counted(n, 'parent letter');
  if (result.dryRun) ctx.out.info(`Dry run: would write ${what}${result.merged ? ` and ${result.merged}` : ''}; nothing written.`);
  else ctx.out.done(`Wrote and recorded ${what}${result.merged ? `; to print: ${result.merged}` : ''}. When posted, run: twocheck letters sent <ref>…`);
}

/** "12 already written, not yet marked sent: …" and, if any, how many were written and sent. */
function skippedSummary(ctx: Context, refs: readonly string[]): string[] {
  if (refs.length === 0) return [];
  const db = ctx.db();
  let unsent = 0;
  for (const ref of refs) {
    const child = findChild(db, ref);
    if (child && !lettersFor(db, child.id).at(-1)?.sentOn) unsent += 1;
  }
  const lines: string[] = [];
  if (unsent > 0) lines.push(`${unsent} already written, not yet marked sent: see twocheck letters sent --help (--verbose names them)`);
  if (refs.length > unsent) lines.push(`${refs.length - unsent} already written and sent (--force writes again; --verbose names them)`);
  return lines;
}

export interface SentResult {
  marked: { ref: string; sentOn: CalendarDate; file: string }[];
  alreadySent: string[];
}

/** All or nothing: every ref must have a letter whose file is still there. */
export function runLettersSent(ctx: Context, refs: string[], on: string | undefined): SentResult {
  const sentOn = on === undefined ? ctx.today : parseDateInput(on);
  if (!sentOn) throw new UsageError(`--on must be a date as ${DATE_INPUT_FORMS}, not "${on}"`);
  if (sentOn > ctx.today) throw new UsageError(`--on ${sentOn} is in the future`);
  const db = ctx.db();
  const problems: string[] = [];
  const toMark: { ref: string; letter: LetterRow }[] = [];
  const alreadySent: string[] = [];
  for (const ref of [...new Set(refs)]) {
    const child = findChild(db, ref);
    if (!child) { problems.push(`${ref}: no child with this ref`); continue; }
    const latest = lettersFor(db, child.id).at(-1);
    if (!latest) problems.push(`${ref}: no parent letter recorded; write it first: twocheck letters --child ${ref}`);
    else if (latest.sentOn) alreadySent.push(ref);
    else if (!fs.existsSync(latest.file)) problems.push(`${ref}: the letter file ${latest.file} is gone; write it again: twocheck letters --child ${ref} --force`);
    else if (sentOn < londonDate(new Date(latest.generatedAt))) {
      problems.push(`${ref}: --on ${sentOn} is before the letter was written (${londonDate(new Date(latest.generatedAt))})`);
    } else toMark.push({ ref, letter: latest });
  }
  if (problems.length > 0) {
    if (problems.length === refs.length && problems.every((p) => p.endsWith('no child with this ref'))) throw new NotFound(problems.join('; '));
    throw new InputRejected('no letter was marked sent', problems);
  }
  markLettersSent(db, toMark.map((m) => m.letter), sentOn, ctx.by, ctx.now().toISOString());
  return { marked: toMark.map((m) => ({ ref: m.ref, sentOn, file: m.letter.file })), alreadySent };
}
