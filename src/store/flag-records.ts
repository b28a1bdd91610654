/**
 * The records the flag rules read, for every child on the roster at once: one plain query per
 * table, grouped by child here. Which record counts as what is decided in domain/facts.ts, not
 * in SQL. Each query reads its table whole in any order (the facts do not depend on it), so
 * SQLite can answer from an index holding every column read. Names and homes are read
 * afterwards, only for the children a list shows or a rule asks about (`childDetails`,
 * `homeOf`): at 20,000 children, reading them for all is a large share of the time `due`
 * takes (bench/due.bench.mjs).
 */
import type { CalendarDate } from '../domain/calendar.js';
import type { FlagRecords } from '../domain/facts.js';
import type { Db } from './db.js';

export interface RosterChild {
  id: number;
  dob: CalendarDate;
  leftOn: CalendarDate | null;
  startDate: CalendarDate | null;
  funded: boolean | null;
  fundingBasis: string | null;
  records: FlagRecords;
}

export interface RosterFilter {
  /** children who had left by this day are not read */
  today: CalendarDate;
  /**
   * Letters, consents, shares with health and reviews are read only for children born on or
   * after this day: no rule reads them for an older child (domain/flags.ts youngRecordsFrom).
   */
  youngRecordsFrom?: CalendarDate;
  room?: string;
  keyPerson?: string;
}

type Records = { -readonly [K in keyof FlagRecords]: FlagRecords[K][number][] };

const noRecords = (): Records => ({
  letters: [],
  consents: [],
  checks: [],
  check_shares: [],
  concerns: [],
  concern_events: [],
  reviews: [],
  dismissals: [],
});
/** Shared by every child with no records at all; never written to. */
const NONE: FlagRecords = Object.freeze(noRecords());

/** Every child still on the roster on `today` (in the room and with the key person asked for), with its records. */
export function rosterWithRecords(db: Db, filter: RosterFilter): RosterChild[] {
  const where = ['(left_on IS NULL OR left_on > @today)'];
  const params: Record<string, string> = { today: filter.today };
  if (filter.room !== undefined) {
    where.push('room = @room COLLATE NOCASE');
    params.room = filter.room;
  }
  if (filter.keyPerson !== undefined) {
    where.push('key_person = @keyPerson COLLATE NOCASE');
    params.keyPerson = filter.keyPerson;
  }
  // Arrays rather than objects per row: at 20,000 children that halves the time to read them.
  const rows = db
    .prepare(
      `SELECT id, dob, left_on, start_date, funded, funding_basis
    FROM children WHERE ${where.join(' AND ')}`,
    )
    .raw(true)
    .all(params) as [number, CalendarDate, CalendarDate | null, CalendarDate | null, number | null, string | null][];
  const byId = new Map<number, RosterChild>();
  for (const [id, dob, leftOn, startDate, funded, fundingBasis] of rows) {
    byId.set(id, { id, dob, leftOn, startDate, funded: funded === null ? null : funded === 1, fundingBasis, records: NONE });
  }
  const recordsOf = (childId: number): Records | null => {
    const child = byId.get(childId);
    if (!child) return null;
    if (child.records === NONE) child.records = noRecords();
    return child.records as Records;
  };
  const each = <T extends [childId: number, ...rest: unknown[]]>(sql: string, add: (records: Records, row: T) => void): void => {
    const statement = db.prepare(sql).raw(true);
    const rows = (sql.includes('@young') ? statement.all({ young: filter.youngRecordsFrom }) : statement.all()) as T[];
    for (const row of rows) {
      const records = recordsOf(row[0]);
      if (records) add(records, row);
    }
  };
  // read from the children born since the bound, each child's rows by index
  const young = (table: string, columns: string, where = 'TRUE'): string =>
    filter.youngRecordsFrom === undefined
      ? `SELECT child_id, ${columns} FROM ${table} x WHERE ${where}`
      : `SELECT x.child_id, ${columns} FROM children c JOIN ${table} x ON x.child_id = c.id WHERE c.dob >= @young AND ${where}`;
  each<[number, string, string | null]>(
    young('letters', 'x.kind, x.sent_on', "x.kind = 'parent-letter' AND x.sent_on IS NOT NULL"),
    (r, [, kind, sent_on]) => r.letters.push({ kind, sent_on }),
  );
  each<[number, number, string, string, string]>(
    young('consents', 'x.id, x.kind, x.status, x.on_date', "x.kind = 'share-with-health'"),
    (r, [, id, kind, status, on_date]) => r.consents.push({ id, kind, status, on_date }),
  );
  each<[number, number, string, string | null, string | null, string | null, number | null]>(
    `SELECT child_id, version, status, completed_on, recorded_on, shared_on, less_than_expected FROM checks`,
    (r, [, version, status, completed_on, recorded_on, shared_on, less_than_expected]) =>
      r.checks.push({ version, status, completed_on, recorded_on, shared_on, less_than_expected }),
  );
  each<[number, number, string]>(
    young('check_shares', '(SELECT version FROM checks k WHERE k.id = x.check_id), x.on_date'),
    (r, [, version, on_date]) => r.check_shares.push({ version, on_date }),
  );
  each<[number, number, string, string | null]>(
    `SELECT child_id, id, raised_on, closed_on FROM concerns`,
    (r, [, id, raised_on, closed_on]) => r.concerns.push({ id, raised_on, closed_on }),
  );
  each<[number, number, string, string]>(
    `SELECT c.child_id, e.concern_id, e.kind, e.on_date FROM concern_events e JOIN concerns c ON c.id = e.concern_id`,
    (r, [, concern_id, kind, on_date]) => r.concern_events.push({ concern_id, kind, on_date }),
  );
  each<[number, string]>(young('reviews', 'x.reviewed_on'), (r, [, reviewed_on]) => r.reviews.push({ reviewed_on }));
  each<[number, string]>(`SELECT child_id, flag FROM dismissals ORDER BY id`, (r, [, flag]) => r.dismissals.push({ flag }));
  return [...byId.values()];
}

export interface ChildDetails {
  ref: string;
  firstName: string;
  lastName: string;
  room: string | null;
  keyPerson: string | null;
}

/** The names and room of the children with these ids, by id. */
export function childDetails(db: Db, ids: readonly number[]): Map<number, ChildDetails> {
  const found = new Map<number, ChildDetails>();
  const rows = db
    .prepare(
      `SELECT id, ref, first_name, last_name, room, key_person
    FROM children WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .raw(true)
    .all(JSON.stringify(ids)) as [number, string, string, string, string | null, string | null][];
  for (const r of rows) found.set(r[0], { ref: r[1], firstName: r[2], lastName: r[3], room: r[4], keyPerson: r[5] });
  return found;
}

/** One child's home, for the few whose Hub a rule asks about. */
export function homeOf(db: Db): (id: number) => { address: string | null; postcode: string | null } {
  const read = db.prepare('SELECT address, postcode FROM children WHERE id = ?');
  return (id) => (read.get(id) as { address: string | null; postcode: string | null } | undefined) ?? { address: null, postcode: null };
}
