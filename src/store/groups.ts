import type { CalendarDate } from '../domain/calendar.js';
import { recordAudit } from './audit.js';
import type { Db } from './db.js';

export interface NewSession {
  onDate: CalendarDate;
  atTime: string | null;
  place: string | null;
  lead: string | null;
  healthVisitor: string | null;
  childIds: number[];
}

export interface SessionMember {
  childId: number;
  ref: string;
  firstName: string;
  lastName: string;
  dob: CalendarDate;
  parentName: string | null;
  address: string | null;
  postcode: string | null;
  attended: boolean | null;
}

export interface Session {
  id: number;
  onDate: CalendarDate;
  atTime: string | null;
  place: string | null;
  lead: string | null;
  healthVisitor: string | null;
  members: SessionMember[];
}

/** Saves sessions with their members: one transaction, an audit row per session. */
export function createSessions(db: Db, sessions: readonly NewSession[], by: string, at: Date): number[] {
  const insertSession = db.prepare(`INSERT INTO group_sessions
    (on_date, at_time, place, lead, health_visitor, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertMember = db.prepare('INSERT INTO group_members (session_id, child_id) VALUES (?, ?)');
  return db.transaction(() =>
    sessions.map((s) => {
      const id = Number(insertSession.run(s.onDate, s.atTime, s.place, s.lead, s.healthVisitor, by, at.toISOString()).lastInsertRowid);
      for (const childId of s.childIds) insertMember.run(id, childId);
      recordAudit(db, {
        by,
        at: at.toISOString(),
        action: 'group-session-created',
        details: { session: id, on: s.onDate, children: s.childIds },
      });
      return id;
    }),
  )();
}

/** Children already booked into a session they have not been marked absent from. */
export function bookedChildIds(db: Db): Set<number> {
  const rows = db.prepare('SELECT DISTINCT child_id FROM group_members WHERE attended IS NULL OR attended = 1').all() as {
    child_id: number;
  }[];
  return new Set(rows.map((r) => r.child_id));
}

type SessionRow = Omit<Session, 'members'>;

const SESSION_COLUMNS = 'id, on_date AS onDate, at_time AS atTime, place, lead, health_visitor AS healthVisitor';

function members(db: Db, sessionId: number): SessionMember[] {
  const rows = db
    .prepare(
      `SELECT c.id AS childId, c.ref, c.first_name AS firstName, c.last_name AS lastName, c.dob,
      c.parent_name AS parentName, c.address, c.postcode, m.attended
    FROM group_members m JOIN children c ON c.id = m.child_id WHERE m.session_id = ? ORDER BY c.dob, c.ref`,
    )
    .all(sessionId) as (Omit<SessionMember, 'attended'> & { attended: number | null })[];
  return rows.map((r) => ({ ...r, attended: r.attended === null ? null : r.attended === 1 }));
}

export function findSession(db: Db, id: number): Session | null {
  const row = db.prepare(`SELECT ${SESSION_COLUMNS} FROM group_sessions WHERE id = ?`).get(id) as SessionRow | undefined;
  return row ? { ...row, members: members(db, row.id) } : null;
}

export function listSessions(db: Db): Session[] {
  const rows = db.prepare(`SELECT ${SESSION_COLUMNS} FROM group_sessions ORDER BY on_date, id`).all() as SessionRow[];
  return rows.map((row) => ({ ...row, members: members(db, row.id) }));
}

/** Records attended (or absent) for members of a session: one transaction, an audit row per child. */
export function recordAttendance(db: Db, sessionId: number, childIds: readonly number[], attended: boolean, by: string, at: Date): void {
  const update = db.prepare('UPDATE group_members SET attended = ?, recorded_at = ? WHERE session_id = ? AND child_id = ?');
  db.transaction(() => {
    for (const childId of childIds) {
      update.run(attended ? 1 : 0, at.toISOString(), sessionId, childId);
      recordAudit(db, {
        by,
        at: at.toISOString(),
        childId,
        action: attended ? 'group-attended' : 'group-absent',
        details: { session: sessionId },
      });
    }
  })();
}

export interface NewInvitation {
  childId: number;
  sessionId: number;
  template: string;
  templateHash: string;
  file: string;
  sha256: string;
}

/**
 * Records invitation letters in the letters table (kind 'group-invitation'). Written only after
 * the files exist. Not marked sent: the setting hands them out.
 */
export function recordInvitations(db: Db, letters: readonly NewInvitation[], by: string, at: Date): void {
  const insert =
    db.prepare(`INSERT INTO letters (child_id, kind, template, template_hash, file, sha256, generated_at, generated_by, session_id)
    VALUES (?, 'group-invitation', ?, ?, ?, ?, ?, ?, ?)`);
  db.transaction(() => {
    for (const l of letters) {
      insert.run(l.childId, l.template, l.templateHash, l.file, l.sha256, at.toISOString(), by, l.sessionId);
      recordAudit(db, {
        by,
        at: at.toISOString(),
        childId: l.childId,
        action: 'group-invitation-generated',
        details: { session: l.sessionId, file: l.file, sha256: l.sha256 },
      });
    }
  })();
}
