import { type CalendarDate } from '../domain/calendar.js';
import { type DueRow, dueRows, flaggedOn } from '../domain/due.js';
import { DEFAULT_LOOK_AHEAD, FLAG_NAMES, type Flag, type FlagName, isFlagName, youngRecordsFrom } from '../domain/flags.js';
import { hubIsSure } from '../domain/hub.js';
import { UsageError } from '../errors.js';
import type { Db } from '../store/db.js';
import { childDetails, homeOf, rosterWithRecords } from '../store/flag-records.js';
import type { AppContext } from './context.js';
import { homeHubs } from './home-hub.js';

export type { DueRow } from '../domain/due.js';

export interface DueOptions {
  within?: string;
  flag?: string[];
  room?: string;
  keyPerson?: string;
}

export interface DueResult {
  today: CalendarDate;
  within: number;
  children: DueRow[];
  /** each listed child's flags with the date each is about, in the same order */
  carried: Flag[][];
}

/** Validated at the boundary: a bad value names the valid ones. */
export function parseDueOptions(opts: DueOptions): { within: number; flags: FlagName[] | null } {
  let within = DEFAULT_LOOK_AHEAD;
  if (opts.within !== undefined) {
    if (!/^\d{1,4}$/.test(opts.within)) throw new UsageError(`--within must be a whole number of days (0–9999), not "${opts.within}"`);
    within = Number(opts.within);
  }
  let flags: FlagName[] | null = null;
  if (opts.flag && opts.flag.length > 0) {
    flags = [];
    for (const f of opts.flag.flatMap((v) => v.split(','))) {
      const name = f.trim();
      if (!isFlagName(name)) throw new UsageError(`unknown flag "${name}"; valid flags: ${FLAG_NAMES.join(', ')}`);
      flags.push(name);
    }
  }
  return { within, flags };
}

/** The children carrying flags on the context's day, most urgent first. */
export function runDue(ctx: AppContext, opts: DueOptions): DueResult {
  const { within, flags } = parseDueOptions(opts);
  const db = ctx.db();
  // One read transaction: the list is of one moment even while another run writes, and SQLite
  // takes its lock and checks the file once instead of for each of the many reads below.
  return db.transaction(() => dueIn(ctx, db, within, flags, opts))();
}

function dueIn(ctx: AppContext, db: Db, within: number, flags: FlagName[] | null, opts: DueOptions): DueResult {
  const hubs = homeHubs(db);
  const home = homeOf(db);
  const hubUnsure = (child: { id: number }): string | null => {
    const sure = hubIsSure(hubs.of(home(child.id)));
    return sure.sure ? null : sure.reason;
  };
  const roster = rosterWithRecords(db, {
    today: ctx.today,
    room: opts.room,
    keyPerson: opts.keyPerson,
    youngRecordsFrom: youngRecordsFrom(ctx.today),
  });
  const flagged = flaggedOn(roster, ctx.today, within, flags, hubUnsure);
  const details = childDetails(
    db,
    flagged.map((f) => f.child.id),
  );
  const due = dueRows(flagged, (child) => details.get(child.id)!, ctx.today);
  return {
    today: ctx.today,
    within,
    children: due.map((d) => d.row),
    carried: due.map((d) => d.carried),
  };
}
