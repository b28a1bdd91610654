import { createHash } from 'node:crypto';
import path from 'node:path';
import { entryExists, writeFileAtomically } from '../documents/files.js';
import { type CalendarDate, addDays, ymd } from '../domain/calendar.js';
import { londonWallClock } from '../domain/clock.js';
import { counted } from '../domain/words.js';
import { TwocheckError, UsageError } from '../errors.js';
import type { Session } from '../store/groups.js';
import { getSetting } from '../store/setting.js';
import type { Context } from './context.js';
import type { DueRow } from '../domain/due.js';
import { importPackage } from './packages.js';

/**
 * Calendar files (iCalendar, RFC 5545) for the calendars managers already use: each child's
 * Progress Check window, and each group session. ical-generator writes the format (folding,
 * escaping, the required fields); it is loaded only by a run that writes a calendar.
 *
 * A calendar holds no more about a child than it needs: the ref and first name, unless
 * `--full-names`. Each event's UID is made from the setting, the child's ref (or the session's
 * number) and the kind of event, never at random, so importing a newer file updates the events
 * already there rather than adding them twice.
 */
export interface IcsOptions {
  fullNames?: boolean;
  /** overwrite a file already there (without it, one is refused and nothing is written) */
  force?: boolean;
}

interface EventSpec {
  uid: string;
  summary: string;
  description: string;
  /** an all-day event from `from` up to, not including, `until` */
  days?: { from: CalendarDate; until: CalendarDate };
  /** a timed event */
  at?: { start: Date; end: Date };
  location?: string;
}

/** Flags that mean the check is still to be done, so its window belongs in the calendar. */
const CHECK_TO_DO = new Set(['turns-two-soon', 'check-due', 'check-late', 'check-missed']);

/** A stable UID: the same setting, subject and kind give the same UID on every run. */
export function eventUid(setting: string, subject: string, kind: string): string {
  const hash = createHash('sha256').update(`${setting}\u0000${subject}\u0000${kind}`).digest('hex').slice(0, 32);
  return `${hash}@twocheck`;
}

function settingKey(ctx: Context): { key: string; name: string } {
  const setting = getSetting(ctx.db());
  return { key: setting?.urn || setting?.name || 'twocheck', name: setting?.name ?? 'twocheck' };
}

/** `due --ics <file>`: one all-day event per child whose check is still to do, over its window. */
export async function writeDueIcs(ctx: Context, rows: readonly DueRow[], file: string, options: IcsOptions): Promise<string> {
  const { key, name } = settingKey(ctx);
  const events: EventSpec[] = rows
    .filter((r) => r.flags.some((f) => CHECK_TO_DO.has(f)))
    .map((r) => {
      const who = options.fullNames ? `${r.firstName} ${r.lastName}` : r.firstName;
      return {
        uid: eventUid(key, r.ref, 'check-window'),
        summary: `Progress Check window: ${who} (${r.ref})`,
        description:
          `Due from ${r.turnsTwo} (age two); late from ${r.checkLateFrom} (30 months); missed from ${r.checkMissedFrom} (age three). ` +
          `Record it with: twocheck check ${r.ref}`,
        days: { from: r.turnsTwo, until: r.checkLateFrom },
      };
    });
  return writeCalendar(ctx, `${name}: Progress Checks`, events, file, options.force === true);
}

/** `groups ics <file>`: one event per saved group session, at its time when one is set. */
export async function writeSessionsIcs(ctx: Context, sessions: readonly Session[], file: string, options: IcsOptions): Promise<string> {
  const { key, name } = settingKey(ctx);
  const events: EventSpec[] = sessions.map((s) => {
    const who = s.members.map((m) => `${m.ref} ${options.fullNames ? `${m.firstName} ${m.lastName}` : m.firstName}`);
    const staff = [s.lead && `Lead: ${s.lead}`, s.healthVisitor && `Health visitor: ${s.healthVisitor}`].filter(Boolean);
    const start = s.atTime ? londonWallClock(s.onDate, s.atTime) : null;
    return {
      uid: eventUid(key, `session-${s.id}`, 'group-session'),
      summary: `Group Health and Development Review #${s.id} (${counted(s.members.length, 'child', 'children')})`,
      description: [...staff, `Children: ${who.join(', ')}`].join('\n'),
      location: s.place ?? undefined,
      ...(start
        ? { at: { start, end: new Date(start.getTime() + 60 * 60_000) } }
        : { days: { from: s.onDate, until: addDays(s.onDate, 1) } }),
    };
  });
  return writeCalendar(ctx, `${name}: group reviews`, events, file, options.force === true);
}

async function writeCalendar(ctx: Context, title: string, events: readonly EventSpec[], file: string, force: boolean): Promise<string> {
  const target = path.resolve(ctx.cwd, file);
  // a calendar file may be someone's own, or one already imported elsewhere: overwritten only when asked
  if (!force && entryExists(target))
    throw new UsageError(`${target} is already there; nothing was written`, 'add --force to overwrite it, or give another file name');
  const { default: ical } = await importPackage<typeof import('ical-generator')>('ical-generator');
  const calendar = ical({ name: title, prodId: { company: 'twocheck', product: 'twocheck', language: 'EN' } });
  const stamp = ctx.now();
  for (const e of events) {
    const common = { id: e.uid, stamp, summary: e.summary, description: e.description, location: e.location ?? null };
    if (e.days) calendar.createEvent({ ...common, allDay: true, start: utcMidnight(e.days.from), end: utcMidnight(e.days.until) });
    else if (e.at) calendar.createEvent({ ...common, start: e.at.start, end: e.at.end });
  }
  writeQuietly(target, calendar.toString());
  return target;
}

/** An all-day date for ical-generator, which writes a date-only value from the UTC fields. */
function utcMidnight(date: CalendarDate): Date {
  const { year, month, day } = ymd(date);
  return new Date(Date.UTC(year, month - 1, day));
}

/** Temporary name, then rename: a calendar app never reads half a file. */
function writeQuietly(target: string, text: string): void {
  try {
    // a private temporary file made afresh (never through a link planted in the folder)
    writeFileAtomically(target, Buffer.from(text, 'utf8'), { makeFolder: false });
  } catch (err) {
    if (err instanceof TwocheckError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    const why = code === 'ENOENT' ? `the folder ${path.dirname(target)} does not exist` : code === 'EISDIR' ? 'it is a folder' : code;
    throw new TwocheckError(`cannot write the calendar to ${target}: ${why}; nothing was written`, 'give a file in a folder that exists');
  }
}
