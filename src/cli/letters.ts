import type { Command } from 'commander';
import path from 'node:path';
import { counted } from '../domain/words.js';
import { type Column, tableLines, tableWidth } from './table.js';
import { type Context, withContext } from './context.js';
import { DEFAULT_WITHIN, type GenerateResult } from '../app/letters-batch.js';
import { type LettersOptions, alreadyWritten, runLetters, runLettersSent } from '../app/letters.js';
import { importPackage } from './packages.js';

interface LettersFlags extends LettersOptions {
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
    .action(
      withContext(async (ctx, command) => {
        const flags = command.opts<LettersFlags>();
        // mail settings are checked before any letter is written
        const email = flags.email ? await import('./letters-email.js') : null;
        const mail = email?.prepareEmail(ctx, flags.dryRun === true) ?? null;
        const result = await lettersWithProgress(ctx, flags);
        if (!email || !flags.json)
          renderLetters(ctx, result, flags.json === true, flags.verbose === true || (flags.child?.length ?? 0) > 0);
        if (email) await email.emailLetters(ctx, mail, flags, result);
      }),
    );

  letters
    .command('sent')
    .description('record that parent letters were given or posted (only letters whose file exists)')
    .argument('<ref...>', 'children whose letter was sent')
    .option('--on <date>', 'the day it was sent (default today)')
    .action(
      withContext((ctx, command) => {
        const refs = command.args;
        const on = command.opts<{ on?: string }>().on;
        const result = runLettersSent(ctx, refs, on);
        for (const line of result.marked) ctx.out.data(`${line.ref}\tsent ${line.sentOn}\t${line.file}`);
        for (const ref of result.alreadySent) ctx.out.info(`${ref}: already recorded as sent.`);
        if (result.marked.length > 0) ctx.out.done(`Recorded ${counted(result.marked.length, 'letter')} as sent.`);
      }),
    );
}

/** The letters, with a progress bar on a terminal. */
async function lettersWithProgress(ctx: Context, flags: LettersFlags): Promise<GenerateResult> {
  let bar: { start(total: number, at: number): void; update(n: number): void; stop(): void } | undefined;
  let started = false;
  if (ctx.out.progressAllowed && !flags.dryRun) {
    const { default: progress } = await importPackage<{ default: typeof import('cli-progress') }>('cli-progress');
    bar = new progress.SingleBar(
      { stream: ctx.out.stderr as NodeJS.WriteStream, format: 'letters {bar} {value}/{total}', clearOnComplete: true },
      progress.Presets.shades_classic,
    );
  }
  try {
    return await runLetters(
      ctx,
      flags,
      bar &&
        ((done, total) => {
          if (!started) {
            bar.start(total, 0);
            started = true;
          }
          bar.update(done);
        }),
    );
  } finally {
    if (started) bar?.stop();
  }
}

function renderLetters(ctx: Context, result: GenerateResult, json: boolean, verbose: boolean): void {
  for (const warning of result.warnings) ctx.out.warn(warning);
  if (json) {
    ctx.out.json(result);
    return;
  }
  // a daily run passes over the same children until their letters are marked sent: one line says so
  if (verbose) for (const s of result.skipped) ctx.out.info(`${s.ref} ${s.name}: skipped, ${s.why}`);
  else
    for (const line of skippedSummary(
      alreadyWritten(
        ctx,
        result.skipped.map((s) => s.ref),
      ),
    ))
      ctx.out.info(line);
  if (result.letters.length === 0) {
    ctx.out.info('No parent letters to write today.');
    return;
  }
  const width = tableWidth(ctx.out.stdout, ctx.env);
  if (width === undefined) for (const l of result.letters) ctx.out.data(`${l.ref}\t${l.name}\t${l.reason}\t${l.hub}\t${l.file ?? ''}`);
  else {
    // on a terminal: a table for its width, the file named from here, and its path wrapped at a "/" if need be
    const columns: Column[] = [
      { header: 'ref' },
      { header: 'child' },
      { header: 'why', drop: 2 },
      { header: 'Hub', drop: 1 },
      { header: 'file', wrap: true },
    ];
    const rows = result.letters.map((l) => [l.ref, l.name, l.reason, l.hub, l.file ? path.relative(ctx.cwd, l.file) || l.file : '']);
    const { lines, dropped } = tableLines(columns, rows, width, ctx.out.paint.bold);
    for (const line of lines) ctx.out.data(line);
    if (dropped.length > 0) ctx.out.info(`(left out to fit the terminal: ${dropped.join(', ')}; --json, or piped, gives every field)`);
  }
  const n = result.letters.length;
  const what = counted(n, 'parent letter');
  if (result.dryRun) ctx.out.info(`Dry run: would write ${what}${result.merged ? ` and ${result.merged}` : ''}; nothing written.`);
  else
    ctx.out.done(
      `Wrote and recorded ${what}${result.merged ? `; to print: ${result.merged}` : ''}. When posted, run: twocheck letters sent <ref>…`,
    );
}

/** "12 already written, not yet marked sent: …" and, if any, how many were written and sent. */
function skippedSummary(counts: { unsent: number; sent: number }): string[] {
  const lines: string[] = [];
  if (counts.unsent > 0)
    lines.push(`${counts.unsent} already written, not yet marked sent: see twocheck letters sent --help (--verbose names them)`);
  if (counts.sent > 0) lines.push(`${counts.sent} already written and sent (--force writes again; --verbose names them)`);
  return lines;
}
