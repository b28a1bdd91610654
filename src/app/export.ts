/**
 * Everything held about the setting's children, child by child with their records inside: what
 * a manager hands over when a family asks for its records, or keeps as a copy.
 */
import type { Db } from '../store/db.js';
import type { AppContext } from './context.js';

export type Row = Record<string, unknown>;

export interface ExportedChild extends Row {
  consents: Row[];
  letters: Row[];
  letter_emails: Row[];
  checks: Row[];
  concerns: (Row & { events: Row[] })[];
  dismissals: Row[];
  groups: Row[];
  check_shares: Row[];
  reviews: Row[];
}

export function runExport(ctx: AppContext): ExportedChild[] {
  const db: Db = ctx.db();
  const byChild = (sql: string) => {
    const map = new Map<number, Row[]>();
    for (const row of db.prepare(sql).all() as Row[]) {
      const id = row.child_id as number;
      const { child_id: _drop, ...rest } = row;
      map.set(id, [...(map.get(id) ?? []), rest]);
    }
    return map;
  };
  const consents = byChild('SELECT * FROM consents ORDER BY child_id, id');
  const letters = byChild('SELECT * FROM letters WHERE child_id IS NOT NULL ORDER BY child_id, id');
  const checks = byChild('SELECT * FROM checks ORDER BY child_id, version');
  const concerns = byChild('SELECT * FROM concerns ORDER BY child_id, id');
  const events = new Map<number, Row[]>();
  for (const e of db.prepare('SELECT * FROM concern_events ORDER BY concern_id, id').all() as Row[]) {
    const { concern_id: cid, ...rest } = e;
    events.set(cid as number, [...(events.get(cid as number) ?? []), rest]);
  }
  // named as every other record names who recorded it and when, so a spreadsheet filter finds all
  const dismissals = byChild(
    'SELECT id, child_id, flag, reason, by AS recorded_by, at AS recorded_at FROM dismissals ORDER BY child_id, id',
  );
  // a group session is the setting's, a child's place in it is the child's: one row per place, with the session's details
  const groups = byChild(`SELECT m.child_id, s.id AS session_id, s.on_date, s.at_time, s.place, s.lead, s.health_visitor,
      m.attended, m.recorded_at FROM group_members m JOIN group_sessions s ON s.id = m.session_id ORDER BY m.child_id, s.on_date, s.id`);
  const checkShares =
    byChild(`SELECT s.id, s.child_id, c.version, s.with_whom, s.how, s.on_date, s.without_consent_reason, s.consent_id, s.message_id,
      s.recorded_by, s.recorded_at
      FROM check_shares s JOIN checks c ON c.id = s.check_id ORDER BY s.child_id, s.on_date, s.id`);
  const reviews = byChild('SELECT * FROM reviews ORDER BY child_id, reviewed_on, id');
  // each parent a letter was emailed to, with the server's Message-ID
  const letterEmails = byChild(`SELECT id, child_id, letter_id, recipient, message_id, sent_at AS recorded_at, sent_by AS recorded_by
      FROM letter_emails WHERE child_id IS NOT NULL ORDER BY child_id, id`);
  const children = db.prepare('SELECT * FROM children ORDER BY ref').all() as Row[];
  return children.map((c) => ({
    ...c,
    funded: c.funded === null ? null : c.funded === 1,
    consents: consents.get(c.id as number) ?? [],
    letters: letters.get(c.id as number) ?? [],
    letter_emails: letterEmails.get(c.id as number) ?? [],
    checks: (checks.get(c.id as number) ?? []).map((k) => ({ ...k, data: parseJson(k.data) })),
    concerns: (concerns.get(c.id as number) ?? []).map((k) => ({ ...k, events: events.get(k.id as number) ?? [] })),
    dismissals: dismissals.get(c.id as number) ?? [],
    groups: (groups.get(c.id as number) ?? []).map((g) => ({ ...g, attended: g.attended === null ? null : g.attended === 1 })),
    check_shares: checkShares.get(c.id as number) ?? [],
    reviews: (reviews.get(c.id as number) ?? []).map((v) => ({ ...v, check_seen: v.check_seen === 1, actions: parseJson(v.actions) })),
  }));
}

function parseJson(text: unknown): unknown {
  try {
    return typeof text === 'string' ? JSON.parse(text) : text;
  } catch {
    return text;
  }
}
