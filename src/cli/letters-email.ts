/**
 * `letters --email`: the mail settings are checked before any letter is written; then each
 * letter written and not yet sent goes to the parents, with a progress bar on a terminal, and
 * the run ends with who got what, who was skipped and what failed (exit 1 if anything did).
 */
import { counted } from '../domain/words.js';
import { TwocheckError } from '../errors.js';
import { type LetterEmailResult, planLetterEmails, sendLetterEmails } from '../app/email-letters.js';
import { type MailConfig, loadMailConfig } from '../app/mail-config.js';
import { realPace } from '../mail/deliver.js';
import type { Context } from './context.js';
import type { GenerateResult } from '../app/letters-batch.js';
import { importPackage } from './packages.js';

/** Null on a dry run whose settings are not complete: it lists who would get what all the same. */
export function prepareEmail(ctx: Context, dryRun: boolean): MailConfig | null {
  try {
    return loadMailConfig(ctx);
  } catch (error) {
    if (!dryRun || !(error instanceof TwocheckError)) throw error;
    ctx.out.warn(`${error.message}; a real run would stop here${error.hint ? ` (${error.hint})` : ''}`);
    return null;
  }
}

export async function emailLetters(
  ctx: Context,
  config: MailConfig | null,
  flags: { child?: string[]; dryRun?: boolean; json?: boolean },
  letters: GenerateResult,
): Promise<void> {
  const wouldWrite = letters.letters
    .filter((l) => l.status === 'would-write')
    .map((l) => ({ ref: l.ref, file: l.file === letters.merged ? null : l.file, template: l.template }));
  const { planned, result } = planLetterEmails(ctx, { children: flags.child, wouldWrite, dryRun: flags.dryRun });
  if (!flags.dryRun && config && planned.length > 0) {
    const mailer = await config.open();
    const bar = await progressBar(
      ctx,
      planned.reduce((n, p) => n + p.to.length, 0),
    );
    try {
      await sendLetterEmails(ctx, config, planned, result, { mailer, pace: realPace(), onProgress: bar?.update });
    } finally {
      bar?.stop();
      mailer.close();
    }
  }
  render(ctx, result, letters, flags.json === true);
}

function render(ctx: Context, r: LetterEmailResult, letters: GenerateResult, json: boolean): void {
  for (const w of r.warnings) ctx.out.warn(w);
  if (json) {
    for (const w of letters.warnings) ctx.out.warn(w);
    ctx.out.json({ ...letters, email: r });
  } else {
    for (const s of r.sent) ctx.out.data(`${s.ref}\t${s.name}\temailed\t${s.to}\t${s.messageId}`);
    for (const w of r.wouldSend) ctx.out.data(`${w.ref}\t${w.name}\twould email\t${w.to}\t${w.language}\t${w.file}`);
    for (const s of r.skipped) ctx.out.info(`${s.ref} ${s.name}: not emailed, ${s.why}`);
  }
  for (const f of r.failed) ctx.out.error(`${f.ref} ${f.name}: ${f.to ? `not emailed to ${f.to}` : 'not emailed'}: ${f.why}`);
  if (r.notTried.length > 0)
    ctx.out.error(`not tried, as the server stopped taking messages: ${r.notTried.map((n) => `${n.ref} (${n.to})`).join(', ')}`);
  if (r.dryRun) {
    ctx.out.info(
      r.wouldSend.length === 0
        ? 'Dry run: no letters to email.'
        : `Dry run: would email ${counted(r.wouldSend.length, 'message')}; nothing sent.`,
    );
    return;
  }
  const sent =
    r.sent.length > 0
      ? `Emailed ${counted(r.sent.length, 'parent letter')} through ${r.server} and recorded ${r.sent.length === 1 ? 'it' : 'them'} as sent.`
      : 'No letters were emailed.';
  const trouble = r.failed.length + r.notTried.length;
  if (trouble === 0) {
    if (r.sent.length > 0) ctx.out.done(sent);
    else if (r.skipped.length === 0) ctx.out.info('No letters to email: none is waiting to be sent.');
    return;
  }
  throw new TwocheckError(
    `${sent} ${counted(trouble, 'message')} could not be sent (listed above); nothing is recorded for them`,
    'fix the cause and run the same command again: parents already emailed are not emailed twice',
  );
}

async function progressBar(ctx: Context, total: number): Promise<{ update(done: number): void; stop(): void } | null> {
  if (!ctx.out.progressAllowed || total < 2) return null;
  const { default: progress } = await importPackage<{ default: typeof import('cli-progress') }>('cli-progress');
  const bar = new progress.SingleBar(
    { stream: ctx.out.stderr as NodeJS.WriteStream, format: 'email {bar} {value}/{total}', clearOnComplete: true },
    progress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
