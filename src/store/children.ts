import type { CalendarDate } from '../domain/calendar.js';
import type { Db } from './db.js';

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
