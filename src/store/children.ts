import type { CalendarDate } from '../domain/calendar.js';
import type { Statement as SqlStatement } from 'better-sqlite3';
import { ROSTER_COLUMNS, type RosterColumn } from '../domain/roster.js';
import type { Db } from './db.js';
import { recordAudit } from './audit.js';

/** One child on the roster, as the rest of the program sees it. */
export interface Child {
  id: number;
  ref: string;
  firstName: string;
  lastName: string;
  dob: CalendarDate;
  address: string | null;
  postcode: string | null;
  parentName: string | null;
  parent2Name: string | null;
  parentEmail: string | null;
  parentPhone: string | null;
  keyPerson: string | null;
  room: string | null;
  language: string | null;
  funded: boolean | null;
  /** what the funded place rests on, where the roster said */
  fundingBasis?: 'disadvantaged' | 'working-parent' | null;
  family: string | null;
  startDate: CalendarDate | null;
  leftOn: CalendarDate | null;
}

const CHILD_COLUMNS = `id, ref, first_name AS firstName, last_name AS lastName, dob, address, postcode,
  parent_name AS parentName, parent2_name AS parent2Name, parent_email AS parentEmail,
  parent_phone AS parentPhone, key_person AS keyPerson, room, language, funded, funding_basis AS fundingBasis, family,
  start_date AS startDate, left_on AS leftOn`;

type ChildRow = Omit<Child, 'funded'> & { funded: number | null };

function rowToChild(row: ChildRow): Child {
  return { ...row, funded: row.funded === null ? null : row.funded === 1 };
}

export function findChild(db: Db, ref: string): Child | null {
  const row = db.prepare(`SELECT ${CHILD_COLUMNS} FROM children WHERE ref = ?`).get(ref) as ChildRow | undefined;
  return row ? rowToChild(row) : null;
}

/**
 * Children on the roster (not marked as left, even on a day still to come), oldest first: the
 * ones letters and group sessions are for, on any --today.
 */
export function currentChildren(db: Db): Child[] {
  const rows = db.prepare(`SELECT ${CHILD_COLUMNS} FROM children WHERE left_on IS NULL ORDER BY dob, ref`).all() as ChildRow[];
  return rows.map(rowToChild);
}

export function allChildren(db: Db): Child[] {
  const rows = db.prepare(`SELECT ${CHILD_COLUMNS} FROM children ORDER BY ref`).all() as ChildRow[];
  return rows.map(rowToChild);
}

/** The roster's fields as the store's columns (snake_case, as the roster's canonical headers). */
export type ChildFields = Partial<Record<StoredColumn, string | number | boolean | null>>;
/** The roster's columns a child's row keeps beside its ref (the key, written and read on its own). */
type StoredColumn = Exclude<RosterColumn, 'ref'>;
const STORED_COLUMNS = ROSTER_COLUMNS.filter((c): c is StoredColumn => c !== 'ref');

export type FieldDiff = Record<string, { from: string | number | null; to: string | number | null }>;

export type UpsertResult =
  | { kind: 'added' | 'updated' | 'unchanged'; id: number; diff: FieldDiff }
  /** the ref was on an earlier line of this roster: nothing was written */
  | { kind: 'duplicate'; firstLine: number };

/**
 * The line of this roster each child was seen on, by child id: four bytes a child, so a roster
 * of a million children is held in 4 MB rather than in a Map of refs.
 */
class LinesById {
  // In blocks, so that growing never copies (nor briefly doubles) what is held.
  private readonly blocks: Int32Array[] = [];

  get(id: number): number {
    return this.blocks[id >>> 16]?.[id & 0xffff] ?? 0;
  }

  set(id: number, line: number): void {
    const b = id >>> 16;
    const block = (this.blocks[b] ??= new Int32Array(0x10000));
    block[id & 0xffff] = line;
  }
}

type Statement = SqlStatement<unknown[]>;
type StoredRow = Record<string, string | number | null>;

/**
 * Writes a roster into the children table inside the caller's transaction. Built for a big
 * import: statements prepared once, positional parameters, no lookup at all when the table was
 * empty. One prepared SELECT per row finds a child already on record: reading every child into a
 * Map first is no faster and holds the whole roster in memory; multi-row INSERTs are no faster either.
 */
export class RosterWriter {
  private readonly insert: Statement;
  private readonly audit: Statement;
  private readonly updates = new Map<string, Statement>();
  private readonly byRef: Statement;
  /** children with a higher id were added by this import (ids only grow inside our transaction) */
  private readonly lastIdBefore: number;
  private added = 0;
  private readonly tableWasEmpty: boolean;
  private finished = false;
  private readonly seen = new LinesById();
  /** refs of rows refused before they were written, not on record: so a second one is still a duplicate */
  private readonly refusedNew = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly by: string,
    private readonly at: string,
  ) {
    this.insert = db.prepare(`INSERT INTO children (ref, ${STORED_COLUMNS.join(', ')}, created_at, updated_at)
      VALUES (${['ref', ...STORED_COLUMNS, 'at', 'at'].map(() => '?').join(', ')})`);
    this.audit = db.prepare('INSERT INTO audit (at, by, action, child_id, details) VALUES (?, ?, ?, ?, ?)');
    this.lastIdBefore = Number(db.prepare('SELECT COALESCE(MAX(id), 0) FROM children').pluck().get());
    this.tableWasEmpty = this.lastIdBefore === 0;
    this.byRef = db.prepare(`SELECT id, left_on, ${STORED_COLUMNS.join(', ')} FROM children WHERE ref = ?`);
  }

  /**
   * Adds the child with this ref, or updates the columns given (columns not given are kept;
   * a child who had left and is on the roster again is current again). Every change writes an
   * audit row: the field-by-field diff for a child on record at once; for a new child, its
   * ref, written by finish() (its values are the row itself, in the same transaction).
   */
  upsert(ref: string, fields: ChildFields, line: number): UpsertResult {
    // On an empty table only this import's own rows exist, so there is nothing to look up: a
    // ref seen twice is found by the UNIQUE index.
    const existing = this.tableWasEmpty ? undefined : (this.byRef.get(ref) as StoredRow | undefined);
    if (existing && this.seen.get(Number(existing.id)) > 0) return { kind: 'duplicate', firstLine: this.seen.get(Number(existing.id)) };
    if (this.refusedNew.size > 0 && this.refusedNew.has(ref)) return { kind: 'duplicate', firstLine: this.refusedNew.get(ref) as number };
    if (!existing) {
      const values: (string | number | null)[] = [ref];
      for (const c of STORED_COLUMNS) values.push(stored(fields[c]));
      values.push(this.at, this.at);
      let id: number;
      try {
        id = Number(this.insert.run(values).lastInsertRowid);
      } catch (err) {
        const again =
          (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ? (this.byRef.get(ref) as StoredRow | undefined) : undefined;
        if (again) return { kind: 'duplicate', firstLine: this.seen.get(Number(again.id)) };
        throw err;
      }
      this.added += 1;
      this.seen.set(id, line);
      return { kind: 'added', id, diff: {} };
    }
    this.seen.set(Number(existing.id), line);
    const diff: FieldDiff = {};
    for (const c of STORED_COLUMNS) {
      if (!(c in fields)) continue;
      const from = existing[c] ?? null;
      const to = stored(fields[c]);
      if (from !== to) diff[c] = { from, to };
    }
    if (existing.left_on !== null && existing.left_on !== undefined) diff.left_on = { from: existing.left_on, to: null };
    const id = Number(existing.id);
    const changed = Object.keys(diff);
    if (changed.length === 0) return { kind: 'unchanged', id, diff };
    const key = changed.join(',');
    let update = this.updates.get(key);
    if (!update) {
      update = this.db.prepare(`UPDATE children SET ${changed.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`);
      this.updates.set(key, update);
    }
    update.run(...changed.map((c) => diff[c]?.to ?? null), this.at, id);
    for (const c of changed) existing[c] = diff[c]?.to ?? null;
    this.audit.run(this.at, this.by, 'child-updated', id, JSON.stringify({ ref, diff }));
    return { kind: 'updated', id, diff };
  }

  /**
   * A row that will not be written (it has problems) still says its child is on the roster:
   * returns the line the ref was first seen on when it is a duplicate, else 0.
   */
  touch(ref: string, line: number): number {
    const existing = this.byRef.get(ref) as StoredRow | undefined;
    if (existing) {
      const first = this.seen.get(Number(existing.id));
      if (first > 0) return first;
      this.seen.set(Number(existing.id), line);
      return 0;
    }
    const first = this.refusedNew.get(ref) ?? 0;
    if (first === 0) this.refusedNew.set(ref, line);
    return first;
  }

  /** Whether the child with this id was on this roster. */
  wasSeen(id: number): boolean {
    return this.seen.get(id) > 0;
  }

  /**
   * Writes the `child-added` audit row of every child this import added, in one statement
   * (one row per child, as for any change; 100,000 bound calls cost more than the rows).
   * Must run before the caller commits.
   */
  finish(): void {
    if (this.finished) throw new Error('RosterWriter.finish() called twice');
    this.finished = true;
    if (this.added === 0) return;
    const written = this.db
      .prepare(
        `INSERT INTO audit (at, by, action, child_id, details)
      SELECT ?, ?, 'child-added', id, json_object('ref', ref) FROM children WHERE id > ? ORDER BY id`,
      )
      .run(this.at, this.by, this.lastIdBefore).changes;
    if (written !== this.added) throw new Error(`audit: ${written} child-added rows for ${this.added} children added`);
  }
}

function stored(v: string | number | boolean | null | undefined): string | number | null {
  return typeof v === 'boolean' ? (v ? 1 : 0) : (v ?? null);
}

/** Marks a child as left on `date`; records are kept (never deleted). */
export function markChildLeft(db: Db, id: number, date: string, by: string, at: string): void {
  db.prepare('UPDATE children SET left_on = ?, updated_at = ? WHERE id = ? AND left_on IS NULL').run(date, at, id);
  recordAudit(db, { by, at, action: 'child-left', childId: id, details: { diff: { left_on: { from: null, to: date } } } });
}
