import type { Command } from 'commander';
import { type FlagName } from '../domain/flags.js';
import { counted } from '../domain/words.js';
import path from 'node:path';
import { chunkedWriter } from './chunked.js';
import { withContext } from './context.js';
import { runRemind } from '../app/remind.js';
import { type GenerateResult, generateLetters } from './letters-batch.js';

/** What to do about each flag, in the words a manager acts on, with the command to run. */
const ACTIONS: Record<FlagName, { title: string; command: (ref: string) => string }> = {
  'check-missed': { title: 'Progress Check missed (three or over)', command: (r) => `twocheck check ${r}   (or: twocheck due --dismiss ${r} --flag check-missed --reason "...")` },
  'check-late': { title: 'Progress Check late (30 months or over)', command: (r) => `twocheck check ${r}` },
  'check-suggests-concern': { title: 'Progress Check shows less than expected: record and share a concern', command: (r) => `twocheck concern ${r} --raised-by setting --area <area> --description "..."   (or: twocheck due --dismiss ${r} --flag check-suggests-concern --reason "...")` },
  'hub-unsure': { title: 'Hub unknown: correct the address before the letter or a call', command: (r) => `twocheck hub --child ${r}   (then correct the roster and import it again)` },
  'letter-due': { title: 'Parent letter to send', command: (r) => `twocheck letters --child ${r}   (once posted: twocheck letters sent ${r})` },
  'consent-missing': { title: 'Consent to share with health not recorded', command: (r) => `twocheck consent ${r}` },
  'check-due': { title: 'Progress Check due', command: (r) => `twocheck check ${r}` },
  'check-not-shared': { title: 'Check not yet given to parents', command: (r) => `twocheck check ${r}` },
  'review-result-missing': { title: 'Health and Development Review result not back', command: (r) => `twocheck review ${r} --from result.json   (once the health visiting team has sent it)` },
  'concern-open': { title: 'Concern open', command: (r) => `twocheck concern ${r}` },
  'turns-two-soon': { title: 'Turning two soon', command: (r) => `twocheck child ${r}` },
};

export function register(program: Command): void {
  program
    .command('remind')
    .description('for cron: print what needs doing today; print nothing when nothing does')
    .option('--within <days>', 'look-ahead in days for turns-two-soon and consent-missing', '30')
    .option('--generate', 'also write and record the parent letters that are due (once per child)')
    .option('--out <dir>', 'with --generate: folder for the letters (default: letters/<today> beside the database)')
    .option('--email <address>', 'email the summary to this address instead of printing it (see README: mail)')
    .action(withContext(async (ctx, command) => {
      const opts = command.opts<{ within?: string; generate?: boolean; out?: string; email?: string }>();
      const mailed = opts.email === undefined ? null : (await import('./remind-email.js')).prepareReminder(ctx, opts.email);
      // A missing database is a failure cron mails about (ctx.db() says so): under cron a mistyped
      // TWOCHECK_DB must never become a new, empty database that reports nothing, for ever.
      // Flags are checked before any letter is written, so a bad --within changes nothing.
      const result = runRemind(ctx, opts.within);
      // cron runs from an arbitrary folder, so letters go beside the database unless told otherwise
      const written: GenerateResult | null = opts.generate
        ? await generateLetters(ctx, { out: opts.out ?? path.join(path.dirname(ctx.dbPath), 'letters', ctx.today) })
        : null;
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
        for (const row of g.children) {
          const full = out.line(`  ${row.ref}  ${row.firstName} ${row.lastName}, ${row.age}, ${row.nextDate}   run: ${action.command(row.ref)}\n`);
          if (full) await full;
        }
      }
      await out.end();
    }));
}
