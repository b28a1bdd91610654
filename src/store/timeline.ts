import type { Db } from './db.js';

/** Every record about one child, read straight from the tables, oldest first. */
export interface TimelineRecords {
  letters: { id: number; kind: string; template: string; file: string; sha256: string; generatedAt: string; generatedBy: string; sentOn: string | null; sentBy: string | null }[];
  consents: { id: number; kind: string; status: string; givenBy: string; onDate: string; method: string; note: string | null; recordedBy: string; recordedAt: string }[];
  checks: { id: number; version: number; status: string; completedOn: string | null; practitioner: string | null; keyPerson: string | null; pdfPath: string | null; pdfSha256: string | null; sharedOn: string | null; amendReason: string | null; createdBy: string; createdAt: string }[];
  concerns: { id: number; raisedBy: string; area: string; description: string; raisedOn: string; closedOn: string | null; closedNote: string | null; recordedBy: string; events: { id: number; kind: string; withWhom: string | null; how: string | null; onDate: string; dueOn: string | null; doneOn: string | null; note: string | null }[] }[];
  groupSessions: { id: number; onDate: string; atTime: string | null; place: string | null; attended: boolean | null }[];
  dismissals: { flag: string; reason: string; by: string; at: string }[];
  audit: { at: string; by: string; action: string; details: string | null }[];
}

export function timelineRecords(db: Db, childId: number): TimelineRecords {
  const all = <T>(sql: string): T[] => db.prepare(sql).all(childId) as T[];
  const concerns = all<Omit<TimelineRecords['concerns'][number], 'events'>>(`SELECT id, raised_by AS raisedBy, area, description,
    raised_on AS raisedOn, closed_on AS closedOn, closed_note AS closedNote, recorded_by AS recordedBy
    FROM concerns WHERE child_id = ? ORDER BY raised_on, id`);
  const events = all<TimelineRecords['concerns'][number]['events'][number] & { concernId: number }>(`SELECT e.id, e.concern_id AS concernId,
    e.kind, e.with_whom AS withWhom, e.how, e.on_date AS onDate, e.due_on AS dueOn, e.done_on AS doneOn, e.note
    FROM concern_events e JOIN concerns c ON c.id = e.concern_id WHERE c.child_id = ? ORDER BY e.on_date, e.id`);
  return {
    letters: all(`SELECT id, kind, template, file, sha256, generated_at AS generatedAt, generated_by AS generatedBy,
      sent_on AS sentOn, sent_by AS sentBy FROM letters WHERE child_id = ? ORDER BY id`),
    consents: all(`SELECT id, kind, status, given_by AS givenBy, on_date AS onDate, method, note, recorded_by AS recordedBy,
      recorded_at AS recordedAt FROM consents WHERE child_id = ? ORDER BY id`),
    checks: all(`SELECT id, version, status, completed_on AS completedOn, practitioner, key_person AS keyPerson,
      pdf_path AS pdfPath, pdf_sha256 AS pdfSha256, shared_on AS sharedOn, amend_reason AS amendReason,
      created_by AS createdBy, created_at AS createdAt FROM checks WHERE child_id = ? ORDER BY version`),
    concerns: concerns.map((c) => ({ ...c, events: events.filter((e) => e.concernId === c.id).map(({ concernId: _, ...e }) => e) })),
    groupSessions: all<{ id: number; onDate: string; atTime: string | null; place: string | null; attended: number | null }>(`SELECT s.id, s.on_date AS onDate,
      s.at_time AS atTime, s.place, m.attended FROM group_members m JOIN group_sessions s ON s.id = m.session_id
      WHERE m.child_id = ? ORDER BY s.on_date, s.id`).map((s) => ({ ...s, attended: s.attended === null ? null : s.attended === 1 })),
    dismissals: all(`SELECT flag, reason, by, at FROM dismissals WHERE child_id = ? ORDER BY id`),
    audit: all(`SELECT at, by, action, details FROM audit WHERE child_id = ? ORDER BY id`),
  };
}
