import type { Command } from 'commander';
import { type ConsentOptions, missingForConsent, runConsent, runConsentHistory } from '../app/consent.js';
import { CONSENT_KINDS, CONSENT_METHODS } from '../domain/records.js';
import type { Child } from '../store/children.js';
import type { Consent } from '../store/consents.js';
import { type Context, withContext } from './context.js';
import { ask, loadPrompts } from './prompts.js';
import { type Column, droppedNote, tableLines, tableWidth } from './table.js';
import { dateFlag, fullName, requireChild } from '../app/record-input.js';

export function register(program: Command): void {
  program
    .command('consent')
    .argument('<ref>', "the child's reference")
    .description('record consent given or withdrawn (sharing with health, or the Parental Declaration)')
    .option('--kind <kind>', `what is consented to: ${CONSENT_KINDS.join(' or ')} (default share-with-health)`)
    .option('--by-parent <name>', "the parent or carer who gave it (default: the child's parent on the roster)")
    .option('--on <date>', 'the date it was given or withdrawn (default today)')
    .option('--method <how>', `how: ${CONSENT_METHODS.join(', ')}`)
    .option('--withdraw', 'record a withdrawal; the earlier consent stays on the record')
    .option('--note <text>', 'anything worth keeping with it')
    .option('--show', "list the child's consent history, change nothing")
    .option('--json', 'with --show: the history as JSON')
    .action(
      withContext(async (ctx, command) => {
        const ref = command.args[0] as string;
        const opts = command.opts<ConsentOptions & { show?: boolean; json?: boolean }>();
        if (opts.show || opts.json) {
          const { child, consents } = runConsentHistory(ctx, ref);
          printHistory(ctx, child, consents, opts.json === true);
          return;
        }
        const { show: _show, json: _json, ...given } = opts;
        const result = runConsent(ctx, ref, await askForConsent(ctx, ref, given));
        for (const warning of result.warnings) ctx.out.warn(warning);
        const c = result.consent;
        ctx.out.done(
          `Recorded: ${c.kind} ${c.status} by ${c.givenBy} on ${c.onDate} (${c.method}) for ${fullName(result.child)} (${result.child.ref}).`,
        );
      }),
    );
}

/**
 * On a terminal, what the flags did not give is asked for (everything, when no flag was given);
 * the answers go to the use case as if typed as flags.
 */
async function askForConsent(ctx: Context, ref: string, opts: ConsentOptions): Promise<ConsentOptions> {
  const nothingGiven = Object.values(opts).every((v) => v === undefined);
  const child = requireChild(ctx, ref);
  const missing = missingForConsent(child, opts);
  if (missing.length === 0 && !(nothingGiven && ctx.interactive)) return opts;
  const prompts = await loadPrompts(ctx, `consent needs ${missing.join(' and ')}`);
  const limits = { today: ctx.today, dob: child.dob };
  const answers: ConsentOptions = { ...opts };
  ctx.out.info(`Consent for ${fullName(child)} (${child.ref}), born ${child.dob}.`);
  if (nothingGiven) {
    answers.kind = await ask(() =>
      prompts.select({
        message: 'Consent to',
        default: 'share-with-health',
        choices: [
          { name: 'share information with health visiting', value: 'share-with-health' },
          { name: 'Parental Declaration (funded two-year-old place)', value: 'parental-declaration' },
        ],
      }),
    );
    answers.withdraw = await ask(() =>
      prompts.select({
        message: 'Given or withdrawn',
        choices: [
          { name: 'given', value: false },
          { name: 'withdrawn', value: true },
        ],
      }),
    );
  }
  if (nothingGiven || missing.includes('--by-parent')) {
    answers.byParent = (
      await ask(() =>
        prompts.input({
          message: 'Given by (parent or carer)',
          default: opts.byParent ?? child.parentName ?? '',
          validate: (v) => (v.trim() === '' ? 'Who gave it?' : true),
        }),
      )
    ).trim();
  }
  if (nothingGiven) {
    answers.on = await ask(() =>
      prompts.input({
        message: 'On (YYYY-MM-DD or DD/MM/YYYY)',
        default: ctx.today,
        validate: (v) => {
          try {
            dateFlag('date', v, limits);
            return true;
          } catch (e) {
            return (e as Error).message;
          }
        },
      }),
    );
  }
  if (missing.includes('--method')) {
    answers.method = await ask(() => prompts.select({ message: 'How', choices: CONSENT_METHODS.map((m) => ({ name: m, value: m })) }));
  }
  if (nothingGiven) {
    const note = (await ask(() => prompts.input({ message: 'Note (optional)' }))).trim();
    if (note) answers.note = note;
  }
  return answers;
}

function printHistory(ctx: Context, child: Child, history: Consent[], json: boolean): void {
  if (json) {
    ctx.out.json({ ref: child.ref, consents: history });
    return;
  }
  if (history.length === 0) {
    ctx.out.info(`No consent recorded for ${child.ref} yet. Record it: twocheck consent ${child.ref} --method paper`);
    return;
  }
  const p = ctx.out.paint;
  const status = (text: string, row: number): string => (history[row]!.status === 'given' ? p.green(text) : p.yellow(text));
  // on a narrow terminal the method goes first, then who recorded it; the notes wrap
  const columns: Column[] = [
    { header: 'date' },
    { header: 'kind' },
    { header: 'status', style: status },
    { header: 'given by' },
    { header: 'method', drop: 1 },
    { header: 'recorded by', drop: 2 },
    { header: 'note', wrap: true },
  ];
  const rows = history.map((c) => [c.onDate, c.kind, c.status, c.givenBy, c.method, c.recordedBy, c.note ?? '']);
  const { lines, dropped } = tableLines(columns, rows, tableWidth(ctx.out.stdout, ctx.env), p.bold);
  for (const line of lines) ctx.out.data(line);
  const note = droppedNote(dropped);
  if (note) ctx.out.info(note);
}
