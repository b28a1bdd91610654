import type { CalendarDate } from '../domain/calendar.js';
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
  family: string | null;
  startDate: CalendarDate | null;
  leftOn: CalendarDate | null;
}

export const CHILD_COLUMNS = `id, ref, first_name AS firstName, last_name AS lastName, dob, address, postcode,
  parent_name AS parentName, parent2_name AS parent2Name, parent_email AS parentEmail,
  parent_phone AS parentPhone, key_person AS keyPerson, room, language, funded, family,
  start_date AS startDate, left_on AS leftOn`;

type ChildRow = Omit<Child, 'funded'> & { funded: number | null };

export function rowToChild(row: ChildRow): Child {
  return { ...row, funded: row.funded === null ? null : row.funded === 1 };
}

export function findChild(db: Db, ref: string): Child | null {
  const row = db.prepare(`SELECT ${CHILD_COLUMNS} FROM children WHERE ref = ?`).get(ref) as ChildRow | undefined;
  return row ? rowToChild(row) : null;
}

/** Children still on the roster (not marked as left), oldest first. */
export function currentChildren(db: Db): Child[] {
  const rows = db.prepare(`SELECT ${CHILD_COLUMNS} FROM children WHERE left_on IS NULL ORDER BY dob, ref`).all() as ChildRow[];
  return rows.map(rowToChild);
}

export function allChildren(db: Db): Child[] {
  const rows = db.prepare(`SELECT ${CHILD_COLUMNS} FROM children ORDER BY ref`).all() as ChildRow[];
  return rows.map(rowToChild);
}

/** The roster's fields as the store's columns (snake_case, as the roster's canonical headers). */
export type ChildFields = Partial<Record<RosterColumn, string | number | null>>;
export const ROSTER_COLUMNS = [
  'first_name', 'last_name', 'dob', 'address', 'postcode', 'parent_name', 'parent2_name', 'parent_email',
  'parent_phone', 'key_person', 'room', 'language', 'funded', 'family', 'start_date',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];

export type FieldDiff = Record<string, { from: string | number | null; to: string | number | null }>;

export interface UpsertResult {
  kind: 'added' | 'updated' | 'unchanged';
  id: number;
  diff: FieldDiff;
}

const statements = new WeakMap<Db, { byRef: Statement; insert: Statement }>();
type Statement = ReturnType<Db['prepare']>;

function prepared(db: Db) {
  let s = statements.get(db);
  if (!s) {
    s = {
      byRef: db.prepare('SELECT * FROM children WHERE ref = ?'),
      insert: db.prepare(`INSERT INTO children (ref, ${ROSTER_COLUMNS.join(', ')}, created_at, updated_at)
        VALUES (@ref, ${ROSTER_COLUMNS.map((c) => `@${c}`).join(', ')}, @at, @at)`),
    };
    statements.set(db, s);
  }
  return s;
}

/**
 * Adds the child with this ref, or updates the columns given (columns not given are kept;
 * a child who had left and is on the roster again is current again). Every change writes an
 * audit row with the field-by-field diff; the caller holds the transaction.
 */
export function upsertChild(db: Db, ref: string, fields: ChildFields, by: string, at: string): UpsertResult {
  const s = prepared(db);
  const existing = s.byRef.get(ref) as Record<string, string | number | null> | undefined;
  const was = (c: string): string | number | null => existing?.[c] ?? null;
  if (!existing) {
    const row: Record<string, string | number | null> = { ref, at };
    for (const c of ROSTER_COLUMNS) row[c] = fields[c] ?? null;
    const id = Number(s.insert.run(row).lastInsertRowid);
    const diff: FieldDiff = {};
    for (const c of ROSTER_COLUMNS) { const to = row[c] ?? null; if (to !== null) diff[c] = { from: null, to }; }
    recordAudit(db, { by, at, action: 'child-added', childId: id, details: { ref, diff } });
    return { kind: 'added', id, diff };
  }
  const diff: FieldDiff = {};
  for (const c of ROSTER_COLUMNS) {
    if (!(c in fields)) continue;
    const to = fields[c] ?? null;
    if (was(c) !== to) diff[c] = { from: was(c), to };
  }
  if (was('left_on') !== null) diff.left_on = { from: was('left_on'), to: null };
  const id = Number(existing.id);
  if (Object.keys(diff).length === 0) return { kind: 'unchanged', id, diff };
  const sets = Object.keys(diff).map((c) => `${c} = @${c}`).join(', ');
  const values: Record<string, string | number | null> = { id, at };
  for (const [c, d] of Object.entries(diff)) values[c] = d.to;
  db.prepare(`UPDATE children SET ${sets}, updated_at = @at WHERE id = @id`).run(values);
  recordAudit(db, { by, at, action: 'child-updated', childId: id, details: { ref, diff } });
  return { kind: 'updated', id, diff };
}

/** Marks a child as left on `date`; records are kept (never deleted). */
export function markChildLeft(db: Db, id: number, date: string, by: string, at: string): void {
  db.prepare('UPDATE children SET left_on = ?, updated_at = ? WHERE id = ? AND left_on IS NULL').run(date, at, id);
  recordAudit(db, { by, at, action: 'child-left', childId: id, details: { diff: { left_on: { from: null, to: date } } } });
}
