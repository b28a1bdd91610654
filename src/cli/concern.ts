import type { Command } from 'commander';
import {
  type ActionOptions,
  type RecordOptions,
  type ShareOptions,
  actionNumber,
  missingForRecord,
  runConcernAction,
  runConcernClose,
  runConcernList,
  runConcernRecord,
  runConcernShare,
} from '../app/concern.js';
import { CONCERN_AREAS, RAISED_BY, SHARE_METHODS } from '../domain/records.js';
import { fullName } from '../app/record-input.js';
import { type Context, withContext } from './context.js';
import { ask, loadPrompts } from './prompts.js';

export function register(program: Command): void {
  const concern = program.command('concern').description('record a concern, who it was shared with, follow-up actions, and its close');

  concern
    .command('record <ref>', { isDefault: true })
    .description('record a new concern for a child (the default: `concern <ref>` does this)')
    .option('--raised-by <who>', `who raised it: ${RAISED_BY.join(', ')}`)
    .option('--area <area>', `the area: ${CONCERN_AREAS.join(', ')}`)
    .option('--description <text>', 'what was noticed')
    .option('--on <date>', 'when it was raised (default today)')
    .option('--list', "list the child's concerns instead (as `concern list <ref>`)")
    .option('--json', 'with --list: as JSON; otherwise the recorded concern as JSON')
    .action(
      withContext(async (ctx, command) => {
        const ref = command.args[0] as string;
        const opts = command.opts<RecordOptions & { list?: boolean; json?: boolean }>();
        if (opts.list) return listConcerns(ctx, ref, opts.json === true);
        const result = runConcernRecord(ctx, ref, await askForMissing(ctx, opts));
        if (opts.json) {
          ctx.out.json({ concern: result.concern, hub: result.hub, advice: result.advice });
          return;
        }
        ctx.out.done(`Recorded concern ${result.concern.id} for ${fullName(result.child)} (${result.child.ref}).`);
        for (const line of result.advice) ctx.out.data(line);
      }),
    );

  concern
    .command('list <ref>')
    .description("a child's concerns with what was shared and done")
    .option('--json', 'as JSON')
    .action(withContext((ctx, command) => listConcerns(ctx, command.args[0] as string, command.opts().json === true)));

  concern
    .command('share <id>')
    .description('record who the concern was shared with, how and when')
    .requiredOption('--with <whom>', 'who it was shared with, e.g. "West Hub"')
    .requiredOption('--how <how>', `how: ${SHARE_METHODS.join(', ')}`)
    .option('--on <date>', 'when (default today)')
    .option('--note <text>', 'what was said or agreed')
    .option('--without-consent', 'share although consent to share is missing or withdrawn (safeguarding; needs --reason)')
    .option('--reason <text>', 'with --without-consent: why safeguarding overrides consent (kept in the audit log)')
    .action(
      withContext((ctx, command) => {
        const shared = runConcernShare(ctx, command.args[0] as string, command.opts<ShareOptions>());
        for (const w of shared.warnings) ctx.out.warn(w);
        const e = shared.event;
        ctx.out.done(
          `Concern ${shared.concern.id}: shared with ${e.withWhom} by ${e.how} on ${e.onDate}${shared.withoutConsentReason ? ' without consent (safeguarding; the reason is in the audit log)' : ''}.`,
        );
      }),
    );

  concern
    .command('action <id>')
    .description('add a follow-up action (--note, --due), or mark one done (--action <n> --done)')
    .option('--note <text>', 'the action')
    .option('--due <date>', 'when it should be done by')
    .option('--done <date>', 'when it was done')
    .option('--action <n>', 'the number of an action already recorded, to mark it done')
    .option('--on <date>', 'when the action was agreed (default today)')
    .action(
      withContext((ctx, command) => {
        const r = runConcernAction(ctx, command.args[0] as string, command.opts<ActionOptions>());
        if (r.kind === 'done') ctx.out.done(`Concern ${r.concern.id}: action ${r.number} done on ${r.doneOn}.`);
        else
          ctx.out.done(
            `Concern ${r.concern.id}: action ${r.number} recorded${r.event.dueOn ? `, due ${r.event.dueOn}` : ''}${r.event.doneOn ? `, done ${r.event.doneOn}` : ''}.`,
          );
      }),
    );

  concern
    .command('close <id>')
    .description('close a resolved concern')
    .option('--on <date>', 'when (default today)')
    .option('--note <text>', 'how it was resolved')
    .action(
      withContext((ctx, command) => {
        const closed = runConcernClose(ctx, command.args[0] as string, command.opts<{ on?: string; note?: string }>());
        ctx.out.done(`Concern ${closed.concern.id} closed on ${closed.on}.`);
      }),
    );

  // main() overrides exits only one level down; these are two levels down.
  for (const sub of concern.commands) sub.exitOverride();
}

/** On a terminal, what the flags did not give is asked for; elsewhere the use case names it. */
async function askForMissing(ctx: Context, opts: RecordOptions): Promise<RecordOptions> {
  const missing = missingForRecord(opts);
  if (missing.length === 0) return opts;
  const prompts = await loadPrompts(ctx, `concern needs ${missing.join(', ')}`);
  const answers = { ...opts };
  answers.raisedBy ??= await ask(() => prompts.select({ message: 'Raised by', choices: RAISED_BY.map((v) => ({ name: v, value: v })) }));
  answers.area ??= await ask(() => prompts.select({ message: 'Area', choices: CONCERN_AREAS.map((v) => ({ name: v, value: v })) }));
  if (!answers.description?.trim())
    answers.description = (
      await ask(() => prompts.input({ message: 'What was noticed', validate: (v) => v.trim() !== '' || 'Describe it' }))
    ).trim();
  return answers;
}

function listConcerns(ctx: Context, ref: string, json: boolean): void {
  const { child, concerns } = runConcernList(ctx, ref);
  if (json) {
    ctx.out.json({ ref: child.ref, concerns });
    return;
  }
  if (concerns.length === 0) {
    ctx.out.info(`No concerns recorded for ${child.ref}.`);
    return;
  }
  const p = ctx.out.paint;
  for (const c of concerns) {
    const state = c.closedOn ? p.green(`closed ${c.closedOn}`) : p.yellow('open');
    ctx.out.data(`${p.bold(`#${c.id}`)}  ${c.raisedOn}  ${c.area}  raised by ${c.raisedBy}  ${state}`);
    ctx.out.data(`    ${c.description}`);
    for (const e of c.events) {
      const n = actionNumber(c, e.id);
      if (e.kind === 'shared') ctx.out.data(`    ${e.onDate}  shared with ${e.withWhom} by ${e.how}${e.note ? `: ${e.note}` : ''}`);
      else
        ctx.out.data(
          `    ${e.onDate}  action ${n}: ${e.note}${e.dueOn ? `  due ${e.dueOn}` : ''}${e.doneOn ? `  done ${e.doneOn}` : e.dueOn && e.dueOn < ctx.today ? p.red('  overdue') : ''}`,
        );
    }
    if (c.closedNote) ctx.out.data(`    closed: ${c.closedNote}`);
  }
}
