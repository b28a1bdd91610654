import type { CalendarDate } from '../domain/calendar.js';
import type { ConcernArea, RaisedBy } from '../domain/records.js';
import { NotFound } from '../errors.js';
import { recordAudit } from './audit.js';
import type { Db } from './db.js';

export interface NewConcern {
  raisedBy: RaisedBy;
  area: ConcernArea;
  description: string;
  raisedOn: CalendarDate;
}

export interface ConcernEvent {
  id: number;
  kind: 'shared' | 'action';
  withWhom: string | null;
  how: string | null;
  onDate: CalendarDate;
  dueOn: CalendarDate | null;
  doneOn: CalendarDate | null;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface Concern extends NewConcern {
  id: number;
  childId: number;
  ref: string;
  closedOn: CalendarDate | null;
  closedNote: string | null;
  recordedBy: string;
  recordedAt: string;
  events: ConcernEvent[];
}

const COLUMNS = `c.id, c.child_id AS childId, ch.ref, c.raised_by AS raisedBy, c.area, c.description,
  c.raised_on AS raisedOn, c.closed_on AS closedOn, c.closed_note AS closedNote,
  c.recorded_by AS recordedBy, c.recorded_at AS recordedAt`;
const EVENT_COLUMNS = `id, kind, with_whom AS withWhom, how, on_date AS onDate, due_on AS dueOn,
  done_on AS doneOn, note, recorded_by AS recordedBy, recorded_at AS recordedAt`;

export function addConcern(db: Db, childId: number, concern: NewConcern, by: string, now: Date): Concern {
  const id = db.transaction(() => {
    const at = now.toISOString();
    const info = db
      .prepare(
        `INSERT INTO concerns (child_id, raised_by, area, description, raised_on, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(childId, concern.raisedBy, concern.area, concern.description, concern.raisedOn, by, at);
    const newId = Number(info.lastInsertRowid);
    recordAudit(db, { by, at, childId, action: 'concern.record', details: { concern: newId, ...concern } });
    return newId;
  })();
  return getConcern(db, id);
}

export function getConcern(db: Db, id: number): Concern {
  const row = db.prepare(`SELECT ${COLUMNS} FROM concerns c JOIN children ch ON ch.id = c.child_id WHERE c.id = ?`).get(id) as
    Omit<Concern, 'events'> | undefined;
  if (!row) throw new NotFound(`no concern number ${id}`, "list a child's concerns: twocheck concern list <ref>");
  return { ...row, events: eventsFor(db, id) };
}

export function concernsForChild(db: Db, childId: number): Concern[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM concerns c JOIN children ch ON ch.id = c.child_id
    WHERE c.child_id = ? ORDER BY c.id`,
    )
    .all(childId) as Omit<Concern, 'events'>[];
  return rows.map((row) => ({ ...row, events: eventsFor(db, row.id) }));
}

function eventsFor(db: Db, concernId: number): ConcernEvent[] {
  return db.prepare(`SELECT ${EVENT_COLUMNS} FROM concern_events WHERE concern_id = ? ORDER BY id`).all(concernId) as ConcernEvent[];
}

export interface NewEvent {
  kind: 'shared' | 'action';
  withWhom?: string | null;
  how?: string | null;
  onDate: CalendarDate;
  dueOn?: CalendarDate | null;
  doneOn?: CalendarDate | null;
  note?: string | null;
}

/** Who it was shared with, or a follow-up action: each a new line under the concern. */
export function addConcernEvent(db: Db, concern: Concern, event: NewEvent, by: string, now: Date): ConcernEvent {
  return db.transaction(() => {
    const at = now.toISOString();
    const info = db
      .prepare(
        `INSERT INTO concern_events (concern_id, kind, with_whom, how, on_date, due_on, done_on, note, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        concern.id,
        event.kind,
        event.withWhom ?? null,
        event.how ?? null,
        event.onDate,
        event.dueOn ?? null,
        event.doneOn ?? null,
        event.note ?? null,
        by,
        at,
      );
    const id = Number(info.lastInsertRowid);
    recordAudit(db, {
      by,
      at,
      childId: concern.childId,
      action: event.kind === 'shared' ? 'concern.share' : 'concern.action',
      details: { concern: concern.id, event: id, ...event },
    });
    return db.prepare(`SELECT ${EVENT_COLUMNS} FROM concern_events WHERE id = ?`).get(id) as ConcernEvent;
  })();
}

/** Marks a follow-up action done; the action itself stays as it was written. */
export function markActionDone(db: Db, concern: Concern, eventId: number, doneOn: CalendarDate, by: string, now: Date): ConcernEvent {
  return db.transaction(() => {
    const event = concern.events.find((e) => e.id === eventId && e.kind === 'action');
    if (!event)
      throw new NotFound(`concern ${concern.id} has no action number ${eventId}`, `see its actions: twocheck concern list ${concern.ref}`);
    db.prepare('UPDATE concern_events SET done_on = ? WHERE id = ?').run(doneOn, eventId);
    recordAudit(db, {
      by,
      at: now.toISOString(),
      childId: concern.childId,
      action: 'concern.action-done',
      details: { concern: concern.id, event: eventId, doneOn: { from: event.doneOn, to: doneOn } },
    });
    return { ...event, doneOn };
  })();
}

export function closeConcern(db: Db, concern: Concern, closedOn: CalendarDate, note: string | null, by: string, now: Date): void {
  db.transaction(() => {
    db.prepare('UPDATE concerns SET closed_on = ?, closed_note = ? WHERE id = ?').run(closedOn, note, concern.id);
    recordAudit(db, {
      by,
      at: now.toISOString(),
      childId: concern.childId,
      action: 'concern.close',
      details: { concern: concern.id, closedOn, note },
    });
  })();
}
