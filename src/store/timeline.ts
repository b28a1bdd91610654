import type { Db } from './db.js';

/** Every record about one child, read straight from the tables, oldest first. */
export interface TimelineRecords {
  letters: {
    id: number;
    kind: string;
    template: string;
    file: string;
    sha256: string;
    generated_at: string;
    generated_by: string;
    sent_on: string | null;
    sent_by: string | null;
  }[];
  consents: {
    id: number;
    kind: string;
    status: string;
    given_by: string;
    on_date: string;
    method: string;
    note: string | null;
    recorded_by: string;
    recorded_at: string;
  }[];
  checks: {
    id: number;
    version: number;
    status: string;
    completed_on: string | null;
    practitioner: string | null;
    key_person: string | null;
    pdf_path: string | null;
    pdf_sha256: string | null;
    shared_on: string | null;
    amend_reason: string | null;
    recorded_on: string | null;
    less_than_expected: number | null;
    created_by: string;
    created_at: string;
  }[];
  concerns: {
    id: number;
    raised_by: string;
    area: string;
    description: string;
    raised_on: string;
    closed_on: string | null;
    closed_note: string | null;
    recorded_by: string;
    events: {
      id: number;
      kind: string;
      with_whom: string | null;
      how: string | null;
      on_date: string;
      due_on: string | null;
      done_on: string | null;
      note: string | null;
    }[];
  }[];
  group_sessions: { id: number; on_date: string; at_time: string | null; place: string | null; attended: boolean | null }[];
  dismissals: { flag: string; reason: string; by: string; at: string }[];
  /** the Progress Check shared with health, each time */
  check_shares: {
    id: number;
    version: number;
    with_whom: string;
    how: string;
    on_date: string;
    without_consent_reason: string | null;
    message_id: string | null;
    recorded_by: string;
  }[];
  /** the Health and Development Review results, oldest first */
  reviews: {
    id: number;
    reviewed_on: string;
    reviewer: string;
    place: string | null;
    check_seen: boolean;
    asq3: Record<string, string>;
    asq_se2: string | null;
    actions: string[];
    notes: string | null;
    recorded_by: string;
    recorded_at: string;
  }[];
  audit: { at: string; by: string; action: string; details: string | null }[];
}

export function timelineRecords(db: Db, childId: number): TimelineRecords {
  const all = <T>(sql: string): T[] => db.prepare(sql).all(childId) as T[];
  const concerns = all<Omit<TimelineRecords['concerns'][number], 'events'>>(`SELECT id, raised_by, area, description,
    raised_on, closed_on, closed_note, recorded_by
    FROM concerns WHERE child_id = ? ORDER BY raised_on, id`);
  const events = all<TimelineRecords['concerns'][number]['events'][number] & { concernId: number }>(`SELECT e.id, e.concern_id AS concernId,
    e.kind, e.with_whom, e.how, e.on_date, e.due_on, e.done_on, e.note
    FROM concern_events e JOIN concerns c ON c.id = e.concern_id WHERE c.child_id = ? ORDER BY e.on_date, e.id`);
  return {
    letters: all(`SELECT id, kind, template, file, sha256, generated_at, generated_by,
      sent_on, sent_by FROM letters WHERE child_id = ? ORDER BY id`),
    consents: all(`SELECT id, kind, status, given_by, on_date, method, note, recorded_by,
      recorded_at FROM consents WHERE child_id = ? ORDER BY id`),
    checks: all(`SELECT id, version, status, completed_on, practitioner, key_person,
      pdf_path, pdf_sha256 AS pdf_sha256, shared_on, amend_reason, recorded_on, less_than_expected,
      created_by, created_at FROM checks WHERE child_id = ? ORDER BY version`),
    concerns: concerns.map((c) => ({ ...c, events: events.filter((e) => e.concernId === c.id).map(({ concernId: _, ...e }) => e) })),
    group_sessions: all<{
      id: number;
      on_date: string;
      at_time: string | null;
      place: string | null;
      attended: number | null;
    }>(`SELECT s.id, s.on_date,
      s.at_time, s.place, m.attended FROM group_members m JOIN group_sessions s ON s.id = m.session_id
      WHERE m.child_id = ? ORDER BY s.on_date, s.id`).map((s) => ({ ...s, attended: s.attended === null ? null : s.attended === 1 })),
    dismissals: all(`SELECT flag, reason, by, at FROM dismissals WHERE child_id = ? ORDER BY id`),
    check_shares: all(`SELECT s.id, c.version, s.with_whom, s.how, s.on_date, s.without_consent_reason, s.message_id, s.recorded_by
      FROM check_shares s JOIN checks c ON c.id = s.check_id WHERE s.child_id = ? ORDER BY s.on_date, s.id`),
    reviews: all<Record<string, unknown>>(`SELECT * FROM reviews WHERE child_id = ? ORDER BY reviewed_on, id`).map((r) => ({
      id: r.id as number,
      reviewed_on: r.reviewed_on as string,
      reviewer: r.reviewer as string,
      place: r.place as string | null,
      check_seen: r.check_seen === 1,
      asq3: {
        communication: r.asq_communication as string,
        gross_motor: r.asq_gross_motor as string,
        fine_motor: r.asq_fine_motor as string,
        problem_solving: r.asq_problem_solving as string,
        personal_social: r.asq_personal_social as string,
      },
      asq_se2: r.asq_se2 as string | null,
      actions: JSON.parse(r.actions as string) as string[],
      notes: r.notes as string | null,
      recorded_by: r.recorded_by as string,
      recorded_at: r.recorded_at as string,
    })),
    audit: all(`SELECT at, by, action, details FROM audit WHERE child_id = ? ORDER BY id`),
  };
}
