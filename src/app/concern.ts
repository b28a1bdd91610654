/**
 * Concerns: record one, share it (with health only under the consent gate), agree follow-up
 * actions and mark them done, close it, list a child's.
 */
import type { CalendarDate } from '../domain/calendar.js';
import { isParentShare } from '../domain/consent.js';
import type { HubAnswer } from '../domain/hub.js';
import { CONCERN_AREAS, RAISED_BY, SHARE_METHODS, hubAdvice } from '../domain/records.js';
import { UsageError } from '../errors.js';
import type { Child } from '../store/children.js';
import {
  type Concern,
  type ConcernEvent,
  addConcern,
  addConcernEvent,
  closeConcern,
  concernsForChild,
  getConcern,
  markActionDone,
} from '../store/concerns.js';
import { recordConsentOverride } from '../store/consents.js';
import type { AppContext } from './context.js';
import { homeHubs } from './home-hub.js';
import { choiceFlag, dateFlag, requireChild, textFlag } from './record-input.js';
import { type Override, checkOverrideFlags, shareGate } from './share-gate.js';

export interface RecordOptions {
  raisedBy?: string;
  area?: string;
  description?: string;
  on?: string;
}

export interface RecordResult {
  child: Child;
  concern: Concern;
  hub: HubAnswer;
  advice: string[];
}

/** The flags a new concern still needs: a terminal asks for them, anywhere else they are a usage error. */
export function missingForRecord(opts: RecordOptions): ('--raised-by' | '--area' | '--description')[] {
  const missing: ('--raised-by' | '--area' | '--description')[] = [];
  if (opts.raisedBy === undefined) missing.push('--raised-by');
  if (opts.area === undefined) missing.push('--area');
  if (opts.description === undefined || opts.description.trim() === '') missing.push('--description');
  return missing;
}

/** A new concern for the child, with the Hub to call and what to tell them. */
export function runConcernRecord(ctx: AppContext, ref: string, opts: RecordOptions): RecordResult {
  const child = requireChild(ctx, ref);
  const missing = missingForRecord(opts);
  if (missing.length > 0) throw new UsageError(`concern needs ${missing.join(', ')}`);
  const raisedBy = choiceFlag('--raised-by', opts.raisedBy as string, RAISED_BY);
  const area = choiceFlag('--area', opts.area as string, CONCERN_AREAS);
  const description = textFlag('--description', opts.description) as string;
  const raisedOn = opts.on === undefined ? ctx.today : dateFlag('--on', opts.on, { today: ctx.today, dob: child.dob });
  const concern = addConcern(ctx.db(), child.id, { raisedBy, area, description, raisedOn }, ctx.by, ctx.now());
  const hubs = homeHubs(ctx.db());
  const hub = hubs.of({ address: child.address, postcode: child.postcode });
  return { child, concern, hub, advice: hubAdvice(hub, hubs.title) };
}

export interface ShareOptions extends Override {
  with: string;
  how: string;
  on?: string;
  note?: string;
}

/** Who the concern was shared with, how and when: with health only under the consent gate (or a recorded safeguarding reason). */
export function runConcernShare(
  ctx: AppContext,
  id: string,
  opts: ShareOptions,
): { concern: Concern; event: ConcernEvent; withoutConsentReason: string | null; warnings: string[] } {
  const c = concernById(ctx, id);
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
    if (gate.withoutConsentReason)
      recordConsentOverride(
        db,
        child.id,
        { what: `concern ${c.id}`, withWhom, reason: gate.withoutConsentReason, on: onDate },
        ctx.by,
        ctx.now(),
      );
    return addConcernEvent(db, c, { kind: 'shared', withWhom, how, onDate, note }, ctx.by, ctx.now());
  })();
  return { concern: c, event, withoutConsentReason: gate.withoutConsentReason, warnings: gate.warnings };
}

export interface ActionOptions {
  note?: string;
  due?: string;
  done?: string;
  action?: string;
  on?: string;
}

export type ActionResult =
  | { kind: 'done'; concern: Concern; number: number; doneOn: CalendarDate }
  | { kind: 'added'; concern: Concern; number: number; event: ConcernEvent };

/** A follow-up action agreed (--note, --due), or one already agreed marked done (--action <n> --done). */
export function runConcernAction(ctx: AppContext, id: string, opts: ActionOptions): ActionResult {
  const c = concernById(ctx, id);
  if (opts.action !== undefined) {
    if (opts.done === undefined) throw new UsageError('--action needs --done <date>');
    const n = idFlag('--action', opts.action);
    const done = markActionDone(ctx.db(), c, actionEventId(c, n), eventDate(ctx, c, '--done', opts.done), ctx.by, ctx.now());
    return { kind: 'done', concern: c, number: n, doneOn: done.doneOn as CalendarDate };
  }
  const note = textFlag('--note', opts.note);
  if (!note) throw new UsageError('an action needs --note "what will be done"');
  const onDate = eventDate(ctx, c, '--on', opts.on);
  const event = addConcernEvent(
    ctx.db(),
    c,
    {
      kind: 'action',
      note,
      onDate,
      dueOn:
        opts.due === undefined
          ? null
          : dateFlag('--due', opts.due, { today: ctx.today, future: true, notBefore: { date: onDate, what: 'the day it was agreed' } }),
      doneOn: opts.done === undefined ? null : eventDate(ctx, c, '--done', opts.done),
    },
    ctx.by,
    ctx.now(),
  );
  return { kind: 'added', concern: c, number: c.events.filter((e) => e.kind === 'action').length + 1, event };
}

/** A resolved concern closed, on a day not before it was raised. */
export function runConcernClose(ctx: AppContext, id: string, opts: { on?: string; note?: string }): { concern: Concern; on: CalendarDate } {
  const c = concernById(ctx, id);
  if (c.closedOn) throw new UsageError(`concern ${c.id} was already closed on ${c.closedOn}`);
  const on = eventDate(ctx, c, '--on', opts.on);
  closeConcern(ctx.db(), c, on, textFlag('--note', opts.note), ctx.by, ctx.now());
  return { concern: c, on };
}

/** A child's concerns, oldest first, each with what was shared and done. */
export function runConcernList(ctx: AppContext, ref: string): { child: Child; concerns: Concern[] } {
  const child = requireChild(ctx, ref);
  return { child, concerns: concernsForChild(ctx.db(), child.id) };
}

/**
 * A concern's actions are numbered 1, 2, 3… in the order they were agreed, the same in what
 * `action` says, in `concern list` and in `--action <n>`.
 */
export function actionNumber(c: Concern, eventId: number): number {
  return c.events.filter((e) => e.kind === 'action').findIndex((e) => e.id === eventId) + 1;
}

function actionEventId(c: Concern, n: number): number {
  const actions = c.events.filter((e) => e.kind === 'action');
  const event = actions[n - 1];
  if (!event) {
    throw new UsageError(
      `concern ${c.id} has no action ${n}${actions.length > 0 ? ` (its actions are 1 to ${actions.length})` : ' (no actions yet)'}`,
      `see them: twocheck concern list ${c.ref}`,
    );
  }
  return event.id;
}

function idFlag(flag: string, text: string): number {
  if (!/^\d+$/.test(text.trim())) throw new UsageError(`${flag} must be a number, not "${text}"`);
  return Number(text);
}

function concernById(ctx: AppContext, text: string): Concern {
  return getConcern(ctx.db(), idFlag('concern number', text));
}

function eventDate(ctx: AppContext, c: Concern, flag: string, text: string | undefined): CalendarDate {
  if (text === undefined) return ctx.today;
  return dateFlag(flag, text, { today: ctx.today, notBefore: { date: c.raisedOn, what: 'the concern was raised' } });
}
