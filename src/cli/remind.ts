import type { Command } from 'commander';
import { dateWord } from '../domain/due.js';
import { type FlagName } from '../domain/flags.js';
import { counted } from '../domain/words.js';
import { NotFound } from '../errors.js';
import type { Db } from '../store/db.js';
import path from 'node:path';
import { chunkedWriter } from './chunked.js';
import { type Context, withContext } from './context.js';
import { probeFolder } from '../documents/files.js';
import { runRemind } from '../app/remind.js';
import { type GenerateResult, generateLetters } from '../app/letters-batch.js';

/** What the suggestions need to know beyond the flags: letters written but not sent, open concerns. */
interface Known {
  today: string;
  unsentLetter: Set<string>;
  openConcerns: Map<string, number[]>;
}

/**
 * What to do about each flag, in the words a manager acts on, with a command that does it as
 * printed (test/e2e/faults/printing.test.ts runs every one).
 */
const ACTIONS: Record<FlagName, { title: string; command: (ref: string, known: Known) => string }> = {
  'check-missed': {
    title: 'Progress Check missed (three or over)',
    command: (r) => `twocheck check ${r}   (or: twocheck due --dismiss ${r} --flag check-missed --reason "...")`,
  },
  'check-late': { title: 'Progress Check late (30 months or over)', command: (r) => `twocheck check ${r}` },
  'check-suggests-concern': {
    title: 'Progress Check shows less than expected: record and share a concern',
    command: (r) => `twocheck concern ${r}   (or: twocheck due --dismiss ${r} --flag check-suggests-concern --reason "...")`,
  },
  'hub-unsure': {
    title: 'Hub unknown: correct the address before the letter or a call',
    command: (r) => `twocheck hub --child ${r}   (then correct the roster and import it again)`,
  },
  'letter-due': {
    title: 'Parent letter to send',
    command: (r, k) =>
      k.unsentLetter.has(r)
        ? `twocheck letters sent ${r}   (the letter is written; run this once it is posted)`
        : `twocheck letters --child ${r}   (once posted: twocheck letters sent ${r})`,
  },
  'consent-missing': { title: 'Consent to share with health not recorded', command: (r) => `twocheck consent ${r}` },
  'check-due': { title: 'Progress Check due', command: (r) => `twocheck check ${r}` },
  'check-not-shared': {
    title: 'Check not yet given to parents',
    command: (r, k) => `twocheck check ${r} --shared ${k.today}   (or the day the copy was given)`,
  },
  'review-result-missing': {
    title: 'Health and Development Review result not back',
    command: (r) => `twocheck review ${r}   (or: twocheck due --dismiss ${r} --flag review-result-missing --reason "...")`,
  },
  'concern-open': {
    title: 'Concern open',
    command: (r, k) => {
      const ids = k.openConcerns.get(r) ?? [];
      const close = ids.length === 1 ? `twocheck concern close ${ids[0]} --note "..."` : 'twocheck concern close <id> --note "..."';
      return `twocheck concern list ${r}   (when resolved: ${close})`;
    },
  },
  'turns-two-soon': { title: 'Turning two soon', command: (r) => `twocheck child ${r}` },
};

function knownFacts(db: Db, today: string): Known {
  const unsent = db
    .prepare(
      `SELECT DISTINCT c.ref FROM letters l JOIN children c ON c.id = l.child_id
    WHERE l.kind = 'parent-letter' AND l.sent_on IS NULL`,
    )
    .all() as { ref: string }[];
  const open = db
    .prepare(
      `SELECT c.ref, k.id FROM concerns k JOIN children c ON c.id = k.child_id
    WHERE k.raised_on <= ? AND (k.closed_on IS NULL OR k.closed_on > ?) ORDER BY k.id`,
    )
    .all(today, today) as { ref: string; id: number }[];
  const openConcerns = new Map<string, number[]>();
  for (const row of open) openConcerns.set(row.ref, [...(openConcerns.get(row.ref) ?? []), row.id]);
  return { today, unsentLetter: new Set(unsent.map((r) => r.ref)), openConcerns };
}

export function register(program: Command): void {
  program
    .command('remind')
    .description('for cron: print what needs doing today; print nothing when nothing does')
    .option('--within <days>', 'look-ahead in days for turns-two-soon and consent-missing', '30')
    .option('--generate', 'also write and record the parent letters that are due (once per child)')
    .option('--out <dir>', 'with --generate: folder for the letters (default: letters/<today> beside the database)')
    .option('--email <address>', 'email the summary to this address instead of printing it (see README: mail)')
    .action(
      withContext(async (ctx, command) => {
        const opts = command.opts<{ within?: string; generate?: boolean; out?: string; email?: string }>();
        const mailed = opts.email === undefined ? null : (await import('./remind-email.js')).prepareReminder(ctx, opts.email);
        // A missing database is a failure cron mails about (ctx.db() says so): under cron a mistyped
        // TWOCHECK_DB must never become a new, empty database that reports nothing, for ever.
        // Flags are checked before any letter is written, so a bad --within changes nothing.
        // An empty roster would print nothing, which cron reads as "nothing to do": it is a failure.
        if (ctx.db().prepare('SELECT 1 FROM children LIMIT 1').get() === undefined) {
          throw new NotFound(
            `no children on the roster in ${ctx.dbPath}: there is nothing to remind about`,
            'import the roster: twocheck import <roster.csv>',
          );
        }
        const result = runRemind(ctx, opts.within);
        const known = knownFacts(ctx.db(), ctx.today);
        // cron runs from an arbitrary folder, so letters go beside the database unless told otherwise
        const folder = opts.out ?? path.join(path.dirname(ctx.dbPath), 'letters', ctx.today);
        // A folder that cannot be made is said today, not on the first day a letter is due.
        if (opts.generate) probeFolder(folder);
        let written: GenerateResult | null = null;
        let failed: unknown = null;
        try {
          if (opts.generate) written = await generateLetters(ctx, { out: folder });
        } catch (err) {
          // the day's list is still printed (cron mails it), then the failure, and the exit is not 0
          failed = err;
        }
        await printDay(ctx, result, known, written, mailed);
        if (failed) throw failed;
      }),
    );
}

async function printDay(
  ctx: Context,
  result: ReturnType<typeof runRemind>,
  known: Known,
  written: GenerateResult | null,
  mailed: Awaited<ReturnType<(typeof import('./remind-email.js'))['prepareReminder']>> | null,
): Promise<void> {
  for (const warning of written?.warnings ?? []) ctx.out.warn(warning);
  const lines: string[] = [];
  if (written && written.letters.length > 0) {
    lines.push(`twocheck: wrote ${counted(written.letters.length, 'parent letter')} to print and post:`);
    for (const l of written.letters) lines.push(`  ${l.ref}  ${l.name}   ${l.file ?? ''}`);
    lines.push('  when posted, run: twocheck letters sent <ref>…', '');
  }
  // Nothing to do: no output at all, so cron sends no mail.
  if (result.groups.length === 0 && lines.length === 0) return;
  const out = mailed ? mailed.writer() : chunkedWriter(ctx);
  if (lines.length > 0) await out.line(`${lines.join('\n')}\n`);
  if (result.groups.length === 0) {
    await out.end();
    return;
  }
  await out.line(`twocheck: what needs doing on ${result.today}\n`);
  for (const g of result.groups) {
    const action = ACTIONS[g.flag];
    await out.line(`\n${action.title} (${g.flag}): ${g.children.length}\n`);
    for (const [i, row] of g.children.entries()) {
      const full = out.line(
        `  ${row.ref}  ${row.firstName} ${row.lastName}, ${row.age}, ${dateWord(g.dates[i]!, result.today)}   run: ${action.command(row.ref, known)}\n`,
      );
      if (full) await full;
    }
  }
  await out.end();
}
