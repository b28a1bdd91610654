/**
 * The records the flag rules read, for every child on the roster: one plain query per table
 * for each batch of children, grouped by child here. Which record counts as what is decided in
 * domain/facts.ts, not in SQL. Each query reads its rows in any order (the facts do not depend
 * on it), so SQLite can answer from an index holding every column read. Names and homes are read
 * afterwards, only for the children a list shows or a rule asks about (`childDetails`,
 * `homeOf`): at 20,000 children, reading them for all is a large share of the time `due`
 * takes (bench/due.bench.mjs).
 */
import type { CalendarDate } from '../domain/calendar.js';
import type { FlagRecords } from '../domain/facts.js';
import type { Db } from './db.js';
import { rowsQuery } from './rows.js';

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

/** Shared by every child with no records at all; never written to. */
const NONE: FlagRecords = Object.freeze({
  letters: [],
  consents: [],
  checks: [],
  check_shares: [],
  concerns: [],
  concern_events: [],
  reviews: [],
  dismissals: [],
});

/**
 * Children are read this many at a time, with their records: the records of a child no rule
 * flags are then dropped while still young, which the garbage collector does cheaply; a whole
 * roster held at once made collecting a large share of the time `due` took.
 */
const BATCH = 1000;

/**
 * Every child still on the roster on `today` (in the room and with the key person asked for),
 * with its records, a batch at a time.
 */
export function* rosterWithRecords(db: Db, filter: RosterFilter): Generator<RosterChild> {
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
  // the next batch of children by id, after the last one read
  const batchAfter = rowsQuery<[number, CalendarDate, CalendarDate | null, CalendarDate | null, number | null, string | null]>(
    db,
    'id, dob, left_on, start_date, funded, funding_basis',
    `FROM (SELECT * FROM children WHERE id > @after AND ${where.join(' AND ')} ORDER BY id LIMIT ${BATCH})`,
  );
  const reads = recordReads(db, filter.youngRecordsFrom);
  for (let after = -Infinity; ;) {
    const rows = batchAfter({ ...params, after });
    if (rows.length === 0) return;
    const byId = new Map<number, RosterChild>();
    const previous = after;
    for (const [id, dob, leftOn, startDate, funded, fundingBasis] of rows) {
      byId.set(id, { id, dob, leftOn, startDate, funded: funded === null ? null : funded === 1, fundingBasis, records: NONE });
      after = Math.max(after, id);
    }
    reads(byId, previous, after);
    yield* byId.values();
  }
}

/**
 * The record queries, prepared once: each fills in the records of the children in `byId`, whose
 * ids lie after `after` up to `last`.
 */
function recordReads(
  db: Db,
  youngRecordsFrom: CalendarDate | undefined,
): (byId: Map<number, RosterChild>, after: number, last: number) => void {
  const reads: ((byId: Map<number, RosterChild>, range: object) => void)[] = [];
  const each = <T extends [childId: number, ...rest: unknown[]]>(
    [columns, rest]: [string, string],
    add: (records: Records, row: T) => void,
  ): void => {
    const query = rowsQuery<T>(db, columns, rest);
    reads.push((byId, range) => {
      for (const row of query(range)) {
        const child = byId.get(row[0]);
        if (!child) continue;
        // most children have few kinds of record: a list is made only for a kind a child has
        if (child.records === NONE) child.records = { ...NONE };
        add(child.records as Records, row);
      }
    });
  };
  const list = <K extends keyof Records>(records: Records, key: K): Records[K] =>
    records[key] === NONE[key] ? (records[key] = [] as unknown as Records[K]) : records[key];
  const inBatch = (column: string): string => `${column} > @after AND ${column} <= @last`;
  // of the children born since the bound, each child's rows found by index
  const young = (table: string, columns: string, where = 'TRUE'): [string, string] =>
    youngRecordsFrom === undefined
      ? [`child_id, ${columns}`, `FROM ${table} x WHERE ${inBatch('x.child_id')} AND ${where}`]
      : [
          `x.child_id, ${columns}`,
          `FROM children c JOIN ${table} x ON x.child_id = c.id WHERE ${inBatch('c.id')} AND c.dob >= @young AND ${where}`,
        ];
  // the kind is chosen in the query, so it is not read back
  each<[number, string | null]>(young('letters', 'x.sent_on', "x.kind = 'parent-letter' AND x.sent_on IS NOT NULL"), (r, [, sent_on]) =>
    list(r, 'letters').push({ kind: 'parent-letter', sent_on }),
  );
  each<[number, number, string, string]>(
    young('consents', 'x.id, x.status, x.on_date', "x.kind = 'share-with-health'"),
    (r, [, id, status, on_date]) => list(r, 'consents').push({ id, kind: 'share-with-health', status, on_date }),
  );
  each<[number, number, string, string | null, string | null, string | null, number | null]>(
    ['child_id, version, status, completed_on, recorded_on, shared_on, less_than_expected', `FROM checks WHERE ${inBatch('child_id')}`],
    (r, [, version, status, completed_on, recorded_on, shared_on, less_than_expected]) =>
      list(r, 'checks').push({ version, status, completed_on, recorded_on, shared_on, less_than_expected }),
  );
  each<[number, number, string]>(
    young('check_shares', '(SELECT version FROM checks k WHERE k.id = x.check_id), x.on_date'),
    (r, [, version, on_date]) => list(r, 'check_shares').push({ version, on_date }),
  );
  each<[number, number, string, string | null]>(
    ['child_id, id, raised_on, closed_on', `FROM concerns WHERE ${inBatch('child_id')}`],
    (r, [, id, raised_on, closed_on]) => list(r, 'concerns').push({ id, raised_on, closed_on }),
  );
  each<[number, number, string, string]>(
    [
      'c.child_id, e.concern_id, e.kind, e.on_date',
      `FROM concern_events e JOIN concerns c ON c.id = e.concern_id WHERE ${inBatch('c.child_id')}`,
    ],
    (r, [, concern_id, kind, on_date]) => list(r, 'concern_events').push({ concern_id, kind, on_date }),
  );
  each<[number, string]>(young('reviews', 'x.reviewed_on'), (r, [, reviewed_on]) => list(r, 'reviews').push({ reviewed_on }));
  each<[number, string]>(['child_id, flag', `FROM dismissals WHERE ${inBatch('child_id')}`], (r, [, flag]) =>
    list(r, 'dismissals').push({ flag }),
  );
  return (byId, after, last) => {
    const range = youngRecordsFrom === undefined ? { after, last } : { after, last, young: youngRecordsFrom };
    for (const read of reads) read(byId, range);
  };
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
  const rows = rowsQuery<[number, string, string, string, string | null, string | null]>(
    db,
    'id, ref, first_name, last_name, room, key_person',
    'FROM children WHERE id IN (SELECT value FROM json_each(@ids))',
  )({ ids: JSON.stringify(ids) });
  for (const r of rows) found.set(r[0], { ref: r[1], firstName: r[2], lastName: r[3], room: r[4], keyPerson: r[5] });
  return found;
}

/** One child's home, for the few whose Hub a rule asks about. */
export function homeOf(db: Db): (id: number) => { address: string | null; postcode: string | null } {
  const read = db.prepare('SELECT address, postcode FROM children WHERE id = ?');
  return (id) => (read.get(id) as { address: string | null; postcode: string | null } | undefined) ?? { address: null, postcode: null };
}
