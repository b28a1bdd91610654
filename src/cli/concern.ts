import type { Command } from 'commander';
import type { HubAnswer } from '../domain/hub.js';
import { CONCERN_AREAS, RAISED_BY, SHARE_METHODS, hubAdvice } from '../domain/records.js';
import { UsageError } from '../errors.js';
import type { Child } from '../store/children.js';
import {
  type Concern, addConcern, addConcernEvent, closeConcern, concernsForChild, getConcern, markActionDone,
} from '../store/concerns.js';
import { type Context, withContext } from './context.js';
import { type Override, checkOverrideFlags, shareGate } from '../app/share-gate.js';
import { recordConsentOverride } from '../store/consents.js';
import { isParentShare } from '../domain/consent.js';
import { homeHubs } from './home-hub.js';
import { ask, loadPrompts } from './prompts.js';
import { choiceFlag, dateFlag, fullName, requireChild, textFlag } from './recordInput.js';

export interface RecordOptions { raisedBy?: string; area?: string; description?: string; on?: string }

export interface RecordResult { child: Child; concern: Concern; hub: HubAnswer; advice: string[] }

export function register(program: Command): void {
  const concern = program
    .command('concern')
    .description('record a concern, who it was shared with, follow-up actions, and its close');

  concern.command('record <ref>', { isDefault: true })
    .description('record a new concern for a child (the default: `concern <ref>` does this)')
    .option('--raised-by <who>', `who raised it: ${RAISED_BY.join(', ')}`)
    .option('--area <area>', `the area: ${CONCERN_AREAS.join(', ')}`)
    .option('--description <text>', 'what was noticed')
    .option('--on <date>', 'when it was raised (default today)')
    .option('--list', "list the child's concerns instead (as `concern list <ref>`)")
    .option('--json', 'with --list: as JSON; otherwise the recorded concern as JSON')
    .action(withContext(async (ctx, command) => {
      const ref = command.args[0] as string;
      const opts = command.opts<RecordOptions & { list?: boolean; json?: boolean }>();
      if (opts.list) return listConcerns(ctx, ref, opts.json === true);
      const result = await runConcernRecord(ctx, ref, opts);
      if (opts.json) {
        ctx.out.json({ concern: result.concern, hub: result.hub, advice: result.advice });
        return;
      }
      ctx.out.done(`Recorded concern ${result.concern.id} for ${fullName(result.child)} (${result.child.ref}).`);
      for (const line of result.advice) ctx.out.data(line);
    }));

  concern.command('list <ref>')
    .description("a child's concerns with what was shared and done")
    .option('--json', 'as JSON')
    .action(withContext((ctx, command) => listConcerns(ctx, command.args[0] as string, command.opts().json === true)));

  concern.command('share <id>')
    .description('record who the concern was shared with, how and when')
    .requiredOption('--with <whom>', 'who it was shared with, e.g. "West Hub"')
    .requiredOption('--how <how>', `how: ${SHARE_METHODS.join(', ')}`)
    .option('--on <date>', 'when (default today)')
    .option('--note <text>', 'what was said or agreed')
    .option('--without-consent', 'share although consent to share is missing or withdrawn (safeguarding; needs --reason)')
    .option('--reason <text>', 'with --without-consent: why safeguarding overrides consent (kept in the audit log)')
    .action(withContext((ctx, command) => {
      const opts = command.opts<{ with: string; how: string; on?: string; note?: string } & Override>();
      const c = concernById(ctx, command.args[0] as string);
      const withWhom = textFlag('--with', opts.with) as string;
      const how = choiceFlag('--how', opts.how, SHARE_METHODS);
      const onDate = eventDate(ctx, c, '--on', opts.on);
      const note = textFlag('--note', opts.note);
      const child = requireChild(ctx, c.ref);
      const gate = isParentShare(withWhom)
        ? { withoutConsentReason: checkOverrideFlags(opts), warnings: [] }
        : shareGate(ctx, child, { what: `concern ${c.id}`, withWhom, on: onDate, withoutConsent: opts.withoutConsent, reason: opts.reason });
      const db = ctx.db();
      const event = db.transaction(() => {
        if (gate.withoutConsentReason) recordConsentOverride(db, child.id, { what: `concern ${c.id}`, withWhom, reason: gate.withoutConsentReason, on: onDate }, ctx.by, ctx.now());
        return addConcernEvent(db, c, { kind: 'shared', withWhom, how, onDate, note }, ctx.by, ctx.now());
      })();
      for (const w of gate.warnings) ctx.out.warn(w);
      ctx.out.done(`Concern ${c.id}: shared with ${event.withWhom} by ${event.how} on ${event.onDate}${gate.withoutConsentReason ? ' without consent (safeguarding; the reason is in the audit log)' : ''}.`);
    }));

  concern.command('action <id>')
    .description('add a follow-up action (--note, --due), or mark one done (--action <n> --done)')
    .option('--note <text>', 'the action')
    .option('--due <date>', 'when it should be done by')
    .option('--done <date>', 'when it was done')
    .option('--action <n>', 'the number of an action already recorded, to mark it done')
    .option('--on <date>', 'when the action was agreed (default today)')
    .action(withContext((ctx, command) => {
      const opts = command.opts<{ note?: string; due?: string; done?: string; action?: string; on?: string }>();
      const c = concernById(ctx, command.args[0] as string);
      if (opts.action !== undefined) {
        if (opts.done === undefined) throw new UsageError('--action needs --done <date>');
        const n = idFlag('--action', opts.action);
        const done = markActionDone(ctx.db(), c, actionEventId(c, n), eventDate(ctx, c, '--done', opts.done), ctx.by, ctx.now());
        ctx.out.done(`Concern ${c.id}: action ${n} done on ${done.doneOn}.`);
        return;
      }
      const note = textFlag('--note', opts.note);
      if (!note) throw new UsageError('an action needs --note "what will be done"');
      const onDate = eventDate(ctx, c, '--on', opts.on);
      const event = addConcernEvent(ctx.db(), c, {
        kind: 'action', note, onDate,
        dueOn: opts.due === undefined ? null : dateFlag('--due', opts.due, { today: ctx.today, future: true, notBefore: { date: onDate, what: 'the day it was agreed' } }),
        doneOn: opts.done === undefined ? null : eventDate(ctx, c, '--done', opts.done),
      }, ctx.by, ctx.now());
      const n = c.events.filter((e) => e.kind === 'action').length + 1;
      ctx.out.done(`Concern ${c.id}: action ${n} recorded${event.dueOn ? `, due ${event.dueOn}` : ''}${event.doneOn ? `, done ${event.doneOn}` : ''}.`);
    }));

  concern.command('close <id>')
    .description('close a resolved concern')
    .option('--on <date>', 'when (default today)')
    .option('--note <text>', 'how it was resolved')
    .action(withContext((ctx, command) => {
      const opts = command.opts<{ on?: string; note?: string }>();
      const c = concernById(ctx, command.args[0] as string);
      if (c.closedOn) throw new UsageError(`concern ${c.id} was already closed on ${c.closedOn}`);
      const on = eventDate(ctx, c, '--on', opts.on);
      closeConcern(ctx.db(), c, on, textFlag('--note', opts.note), ctx.by, ctx.now());
      ctx.out.done(`Concern ${c.id} closed on ${on}.`);
    }));

  // main() overrides exits only one level down; these are two levels down.
  for (const sub of concern.commands) sub.exitOverride();
}

export async function runConcernRecord(ctx: Context, ref: string, opts: RecordOptions): Promise<RecordResult> {
  const child = requireChild(ctx, ref);
  let raisedBy = opts.raisedBy === undefined ? null : choiceFlag('--raised-by', opts.raisedBy, RAISED_BY);
  let area = opts.area === undefined ? null : choiceFlag('--area', opts.area, CONCERN_AREAS);
  let description = textFlag('--description', opts.description);
  const raisedOn = opts.on === undefined ? ctx.today : dateFlag('--on', opts.on, { today: ctx.today, dob: child.dob });
  const missing = [raisedBy ? '' : '--raised-by', area ? '' : '--area', description ? '' : '--description'].filter(Boolean);
  if (missing.length > 0) {
    const prompts = await loadPrompts(ctx, `concern needs ${missing.join(', ')}`);
    raisedBy ??= await ask(() => prompts.select({ message: 'Raised by', choices: RAISED_BY.map((v) => ({ name: v, value: v })) }));
    area ??= await ask(() => prompts.select({ message: 'Area', choices: CONCERN_AREAS.map((v) => ({ name: v, value: v })) }));
    description ??= (await ask(() => prompts.input({ message: 'What was noticed', validate: (v) => v.trim() !== '' || 'Describe it' }))).trim();
  }
  if (!raisedBy || !area || !description) throw new UsageError(`concern needs ${missing.join(', ')}`);
  const concern = addConcern(ctx.db(), child.id, { raisedBy, area, description, raisedOn }, ctx.by, ctx.now());
  const hubs = homeHubs(ctx.db());
  const hub = hubs.of({ address: child.address, postcode: child.postcode });
  const title = hubs.title;
  return { child, concern, hub, advice: hubAdvice(hub, title) };
}

function idFlag(flag: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${flag} must be a number, not "${text}"`);
  return Number(text);
}

/**
 * A concern's actions are numbered 1, 2, 3… in the order they were agreed, the same in what
 * `action` says, in `concern list` and in `--action <n>`.
 */
function actionNumber(c: Concern, eventId: number): number {
  return c.events.filter((e) => e.kind === 'action').findIndex((e) => e.id === eventId) + 1;
}

function actionEventId(c: Concern, n: number): number {
  const actions = c.events.filter((e) => e.kind === 'action');
  const event = actions[n - 1];
  if (!event) {
    throw new UsageError(`concern ${c.id} has no action ${n}${actions.length > 0 ? ` (its actions are 1 to ${actions.length})` : ' (no actions yet)'}`,
      `see them: twocheck concern list ${c.ref}`);
  }
  return event.id;
}

function concernById(ctx: Context, text: string): Concern {
  return getConcern(ctx.db(), idFlag('concern number', text));
}

function eventDate(ctx: Context, c: Concern, flag: string, text: string | undefined) {
  if (text === undefined) return ctx.today;
  return dateFlag(flag, text, { today: ctx.today, notBefore: { date: c.raisedOn, what: 'the concern was raised' } });
}

function listConcerns(ctx: Context, ref: string, json: boolean): void {
  const child = requireChild(ctx, ref);
  const concerns = concernsForChild(ctx.db(), child.id);
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
      else ctx.out.data(`    ${e.onDate}  action ${n}: ${e.note}${e.dueOn ? `  due ${e.dueOn}` : ''}${e.doneOn ? `  done ${e.doneOn}` : e.dueOn && e.dueOn < ctx.today ? p.red('  overdue') : ''}`);
    }
    if (c.closedNote) ctx.out.data(`    closed: ${c.closedNote}`);
  }
}
