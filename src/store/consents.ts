import type { CalendarDate } from '../domain/calendar.js';
import type { ConsentKind, ConsentMethod } from '../domain/records.js';
import { recordAudit } from './audit.js';
import type { Db } from './db.js';

export interface NewConsent {
  kind: ConsentKind;
  status: 'given' | 'withdrawn';
  givenBy: string;
  onDate: CalendarDate;
  method: ConsentMethod;
  note: string | null;
}

export interface Consent extends NewConsent {
  id: number;
  recordedBy: string;
  recordedAt: string;
}

const COLUMNS = `id, kind, status, given_by AS givenBy, on_date AS onDate, method, note,
  recorded_by AS recordedBy, recorded_at AS recordedAt`;

/**
 * Adds a row; never updates one. A withdrawal is a new row, so the consent given earlier
 * stays on the record, and the latest row per kind is the current state.
 */
export function addConsent(db: Db, childId: number, consent: NewConsent, by: string, now: Date): Consent {
  return db.transaction(() => {
    const at = now.toISOString();
    const info = db
      .prepare(
        `INSERT INTO consents (child_id, kind, status, given_by, on_date, method, note, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(childId, consent.kind, consent.status, consent.givenBy, consent.onDate, consent.method, consent.note, by, at);
    const id = Number(info.lastInsertRowid);
    recordAudit(db, {
      by,
      at,
      childId,
      action: consent.status === 'given' ? 'consent.give' : 'consent.withdraw',
      details: { consent: id, ...consent },
    });
    return { id, ...consent, recordedBy: by, recordedAt: at };
  })();
}

/** Every consent row for a child, oldest first. */
export function consentHistory(db: Db, childId: number): Consent[] {
  return db.prepare(`SELECT ${COLUMNS} FROM consents WHERE child_id = ? ORDER BY id`).all(childId) as Consent[];
}

/** The current state per kind: the latest row. */
export function currentConsents(db: Db, childId: number): Partial<Record<ConsentKind, Consent>> {
  const current: Partial<Record<ConsentKind, Consent>> = {};
  for (const row of consentHistory(db, childId)) current[row.kind] = row;
  return current;
}

/**
 * Safeguarding overrode consent: who decided, why, and what was shared with whom goes in the
 * audit log. Call inside the transaction that records the share, so one is never kept without
 * the other.
 */
export function recordConsentOverride(
  db: Db,
  childId: number,
  o: { what: string; withWhom: string; reason: string; on: CalendarDate },
  by: string,
  now: Date,
): void {
  recordAudit(db, {
    by,
    at: now.toISOString(),
    childId,
    action: 'consent.override',
    details: {
      what: o.what,
      with: o.withWhom,
      on: o.on,
      reason: o.reason,
      decided_by: by,
      consent: 'not given or withdrawn; shared for safeguarding',
    },
  });
}
