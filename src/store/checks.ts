/**
 * The setting's copy of each Progress Check: versions per child. The current check is the
 * highest completed version; at most one draft per child. Nothing is ever overwritten: an
 * amendment is a new version, and each version keeps the path and SHA-256 of its own PDF.
 */
import type { CalendarDate } from '../domain/calendar.js';
import { TwocheckError } from '../errors.js';
import { recordAudit } from './audit.js';
import type { Db } from './db.js';

export interface CheckRecord {
  id: number;
  childId: number;
  version: number;
  status: 'draft' | 'completed';
  completedOn: CalendarDate | null;
  practitioner: string | null;
  keyPerson: string | null;
  /** The check's JSON (a draft holds whatever has been answered so far). */
  data: Record<string, unknown>;
  pdfPath: string | null;
  pdfSha256: string | null;
  sharedOn: CalendarDate | null;
  amendReason: string | null;
  /** the day it was recorded: an amendment counts from then (it often keeps the first version's completedOn) */
  recordedOn: CalendarDate | null;
  createdBy: string;
  createdAt: string;
}

const COLUMNS = `id, child_id AS childId, version, status, completed_on AS completedOn, practitioner,
  key_person AS keyPerson, data, pdf_path AS pdfPath, pdf_sha256 AS pdfSha256, shared_on AS sharedOn,
  amend_reason AS amendReason, recorded_on AS recordedOn, created_by AS createdBy, created_at AS createdAt`;

type Row = Omit<CheckRecord, 'data'> & { data: string };
const toRecord = (row: Row): CheckRecord => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> });

/** Every version, oldest first, drafts included. */
export function checksForChild(db: Db, childId: number): CheckRecord[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM checks WHERE child_id = ? ORDER BY version`).all(childId) as Row[]).map(toRecord);
}

export function currentCheck(db: Db, childId: number): CheckRecord | null {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM checks WHERE child_id = ? AND status = 'completed' ORDER BY version DESC LIMIT 1`)
    .get(childId) as Row | undefined;
  return row ? toRecord(row) : null;
}

export function draftCheck(db: Db, childId: number): CheckRecord | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM checks WHERE child_id = ? AND status = 'draft'`).get(childId) as Row | undefined;
  return row ? toRecord(row) : null;
}

/** The version number the next completed check (or the draft towards it) takes. */
export function nextVersion(db: Db, childId: number): number {
  const row = db.prepare(`SELECT MAX(version) AS v FROM checks WHERE child_id = ? AND status = 'completed'`).get(childId) as {
    v: number | null;
  };
  return (row.v ?? 0) + 1;
}

export interface Actor {
  by: string;
  at: string;
}

/** Saves what has been answered so far, replacing the child's earlier draft. */
export function saveDraft(db: Db, childId: number, data: Record<string, unknown>, actor: Actor): void {
  db.transaction(() => {
    const existing = draftCheck(db, childId);
    if (existing) {
      db.prepare('UPDATE checks SET data = ?, created_by = ?, created_at = ? WHERE id = ?').run(
        JSON.stringify(data),
        actor.by,
        actor.at,
        existing.id,
      );
    } else {
      db.prepare(`INSERT INTO checks (child_id, version, status, data, created_by, created_at) VALUES (?, ?, 'draft', ?, ?, ?)`).run(
        childId,
        nextVersion(db, childId),
        JSON.stringify(data),
        actor.by,
        actor.at,
      );
    }
    recordAudit(db, { by: actor.by, at: actor.at, action: 'check.draft-saved', childId, details: { sections: Object.keys(data) } });
  })();
}

export function discardDraft(db: Db, childId: number, actor: Actor): boolean {
  return db.transaction(() => {
    const gone = db.prepare(`DELETE FROM checks WHERE child_id = ? AND status = 'draft'`).run(childId).changes > 0;
    if (gone) recordAudit(db, { by: actor.by, at: actor.at, action: 'check.draft-discarded', childId });
    return gone;
  })();
}

export interface CompletedCheck {
  childId: number;
  version: number;
  completedOn: CalendarDate;
  practitioner: string;
  keyPerson: string | null;
  data: Record<string, unknown>;
  pdfPath: string;
  pdfSha256: string;
  sharedOn: CalendarDate | null;
  amendReason: string | null;
  /** the day it is really recorded, in England (not --today): a replay must not see it earlier */
  recordedOn: CalendarDate;
  /** Why a check before the second birthday was accepted (--force): kept in the audit log. */
  forcedReason?: string | null;
  /** a prime area showed progress less than expected (domain/progress-check.ts hasConcerns) */
  lessThanExpected: boolean;
}

/**
 * Records a completed check whose PDF is already written. The draft, if any, becomes this
 * version. Refuses if another version was completed meanwhile (the version number moved).
 */
export function recordCompletedCheck(db: Db, check: CompletedCheck, actor: Actor): CheckRecord {
  return db.transaction(() => {
    if (nextVersion(db, check.childId) !== check.version) {
      throw new TwocheckError(`version ${check.version} of this check was recorded meanwhile; run the command again`);
    }
    db.prepare(`DELETE FROM checks WHERE child_id = ? AND status = 'draft'`).run(check.childId);
    const info = db
      .prepare(
        `INSERT INTO checks (child_id, version, status, completed_on, practitioner, key_person, data,
        pdf_path, pdf_sha256, shared_on, amend_reason, recorded_on, less_than_expected, created_by, created_at)
      VALUES (?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        check.childId,
        check.version,
        check.completedOn,
        check.practitioner,
        check.keyPerson,
        JSON.stringify(check.data),
        check.pdfPath,
        check.pdfSha256,
        check.sharedOn,
        check.amendReason,
        check.recordedOn,
        check.lessThanExpected ? 1 : 0,
        actor.by,
        actor.at,
      );
    recordAudit(db, {
      by: actor.by,
      at: actor.at,
      action: check.version === 1 ? 'check.completed' : 'check.amended',
      childId: check.childId,
      details: {
        version: check.version,
        completed_on: check.completedOn,
        pdf_path: check.pdfPath,
        pdf_sha256: check.pdfSha256,
        ...(check.amendReason ? { reason: check.amendReason } : {}),
        ...(check.forcedReason ? { forced: check.forcedReason } : {}),
      },
    });
    const row = db.prepare(`SELECT ${COLUMNS} FROM checks WHERE id = ?`).get(info.lastInsertRowid) as Row;
    return toRecord(row);
  })();
}

/** The copy given to parents: recorded on the current version. */
export function recordShared(db: Db, checkId: number, childId: number, on: CalendarDate, actor: Actor): void {
  db.transaction(() => {
    const before = db.prepare('SELECT shared_on AS s, version AS v FROM checks WHERE id = ?').get(checkId) as {
      s: string | null;
      v: number;
    };
    db.prepare('UPDATE checks SET shared_on = ? WHERE id = ?').run(on, checkId);
    recordAudit(db, {
      by: actor.by,
      at: actor.at,
      action: 'check.shared',
      childId,
      details: { version: before.v, shared_on: on, was: before.s },
    });
  })();
}
