import { describeAge } from '../domain/age.js';
import type { CalendarDate } from '../domain/calendar.js';
import { factsOn } from '../domain/facts.js';
import { type Flag, type KeyDates, childStatus } from '../domain/flags.js';
import { type HubAnswer, hubIsSure } from '../domain/hub.js';
import { NoSuchChild } from '../errors.js';
import { type Child, findChild } from '../store/children.js';
import { type TimelineRecords, timelineRecords } from '../store/timeline.js';
import { homeHubs } from './home-hub.js';
import type { AppContext } from './context.js';

export interface ChildResult extends TimelineRecords {
  today: CalendarDate;
  child: Omit<Child, 'id'>;
  ageMonths: number;
  age: string;
  dates: KeyDates;
  flags: Flag[];
  /** the health visiting Hub for the child's home, or why it cannot be determined */
  hub: HubAnswer;
}

/** One child's timeline: every record, the dates that matter and the flags carried on the context's day. */
export function runChild(ctx: AppContext, ref: string, within?: number): ChildResult {
  const db = ctx.db();
  const child = findChild(db, ref);
  if (!child) throw new NoSuchChild(ref);
  const records = timelineRecords(db, child.id);
  const hub = homeHubs(db).of({ address: child.address, postcode: child.postcode });
  const hubUnsure = (): string | null => (hubIsSure(hub).sure ? null : hubIsSure(hub).reason);
  // the one shape the facts read: a concern's events beside it rather than inside
  const concernEvents = records.concerns.flatMap((c) => c.events.map((e) => ({ concern_id: c.id, kind: e.kind, on_date: e.on_date })));
  const status = childStatus(factsOn(child, { ...records, concern_events: concernEvents }, ctx.today, hubUnsure), ctx.today, within);
  const { id: _, ...details } = child;
  return {
    today: ctx.today,
    child: details,
    ageMonths: status.ageMonths,
    age: describeAge(status.ageMonths),
    dates: status.dates,
    flags: status.flags,
    hub,
    ...records,
  };
}
