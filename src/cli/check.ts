import type { Command } from 'commander';
import { Option } from 'commander';
import type { CalendarDate } from '../domain/calendar.js';
import { UsageError } from '../errors.js';
import {
  type CheckVersions,
  type RecordCheckOptions,
  checkVersions,
  recordCheck,
  recordGivenToParents,
  requireChild,
} from '../app/check.js';
import { registerShare } from './check-share.js';
import { type Context, withContext } from './context.js';
import { camelKeys } from './json-keys.js';
import { reviewLine } from './review-text.js';
import { printVersions } from './check-versions.js';
import { checkTemplate } from './check-template.js';

interface CheckFlags extends RecordCheckOptions {
  template?: boolean;
  shared?: string;
  show?: boolean;
  json?: boolean;
  shareWith?: string;
}

export function register(program: Command): void {
  const check = program
    .command('check')
    .description('write the Progress Check at two for a child, make its PDF and keep the record')
    .argument('<ref>', "the child's reference")
    .option('--from <file>', 'take the check from a JSON file (--template prints one to fill in) instead of asking')
    .option('--template', 'print a check file ready to fill in for this child, for --from; change nothing')
    .option('--amend', 'record a new version of a check already completed (needs --reason)')
    .option('--reason <text>', 'why the check is amended, or why --force is right')
    .option('--force', 'accept a check dated before the second birthday (needs --reason)')
    .option('--shared <date>', 'record the day the copy was given to parents (YYYY-MM-DD or DD/MM/YYYY)')
    .option('--show', 'list the versions kept, with any health shares and the review result; change nothing')
    .option('--json', 'with --show (or alone): the versions as JSON')
    .option('--out <folder>', 'where to write the PDF', 'checks')
    // moved to `check share`; kept hidden so an old script is told where, not just "unknown option"
    .addOption(new Option('--share-with <whom>').hideHelp())
    .action(
      withContext(async (ctx, command) => {
        const ref = command.args[0] as string;
        const opts = command.opts<CheckFlags>();
        if (opts.shareWith !== undefined) {
          throw new UsageError(
            '--share-with has moved to its own command',
            `twocheck check share ${ref} --with "${opts.shareWith}" --how <phone|letter|meeting|…>, or --email <address> to send it`,
          );
        }
        if (opts.template) {
          ctx.out.json(checkTemplate(requireChild(ctx, ref), ctx.today));
          return;
        }
        if (opts.show || (opts.json && !opts.from)) {
          renderVersions(ctx, checkVersions(ctx, ref), opts.json === true);
          return;
        }
        if (opts.shared !== undefined) {
          const { child, record } = recordGivenToParents(ctx, ref, opts.shared);
          ctx.out.done(
            `Recorded: ${child.firstName} ${child.lastName}'s Progress Check (version ${record.version}) given to parents on ${record.sharedOn as CalendarDate}.`,
          );
          return;
        }
        const result = await recordCheck(ctx, ref, opts, async (child, defaults) => {
          const { askForCheck } = await import('./check-interactive.js');
          return askForCheck(ctx, child, defaults);
        });
        const name = `${result.child.firstName} ${result.child.lastName}`;
        if (result.kind === 'kept-as-draft') {
          ctx.out.info(`Kept as a draft for ${name}; nothing completed. Run twocheck check ${result.child.ref} to resume.`);
          return;
        }
        for (const w of result.warnings) ctx.out.warn(w);
        if (opts.json) ctx.out.json(result.record);
        else ctx.out.data(result.record.pdfPath ?? '');
        ctx.out.done(
          `Progress Check for ${name} recorded (version ${result.record.version}); give parents a copy, then: twocheck check ${result.child.ref} --shared <date>`,
        );
      }),
    );
  registerShare(check);
}

function renderVersions(ctx: Context, result: CheckVersions, json: boolean): void {
  if (json) {
    ctx.out.json(
      camelKeys({ ref: result.child.ref, versions: result.versions, sharedWithHealth: result.sharedWithHealth, reviews: result.reviews }),
    );
    return;
  }
  if (result.versions.length === 0) ctx.out.info(`${result.child.firstName} ${result.child.lastName} has no Progress Check yet.`);
  if (result.versions.length > 0) printVersions(ctx, result.versions);
  for (const h of result.sharedWithHealth) {
    ctx.out.data(
      `v${h.version}  shared with ${h.withWhom} by ${h.how} ${h.onDate}${h.withoutConsentReason ? `  without consent (safeguarding): ${h.withoutConsentReason}` : ''}`,
    );
  }
  for (const r of result.reviews) ctx.out.data(reviewLine(r));
}
