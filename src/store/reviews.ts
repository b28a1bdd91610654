/**
 * The review coming back, and each time a Progress Check went to health. Rows are only added:
 * a corrected review is a new row, and the latest is the one that counts.
 */
import type { CalendarDate } from '../domain/calendar.js';
import { ASQ3_AREAS, type Outcome, type Review } from '../domain/review.js';
import { recordAudit } from './audit.js';
import type { Db } from './db.js';

export interface ReviewRecord extends Review {
  id: number;
  recordedBy: string;
  recordedAt: string;
}

interface ReviewRow {
  id: number;
  reviewed_on: string;
  reviewer: string;
  place: string | null;
  check_seen: number;
  asq_communication: Outcome;
  asq_gross_motor: Outcome;
  asq_fine_motor: Outcome;
  asq_problem_solving: Outcome;
  asq_personal_social: Outcome;
  asq_se2: Outcome | null;
  actions: string;
  notes: string | null;
  recorded_by: string;
  recorded_at: string;
}

const toRecord = (r: ReviewRow): ReviewRecord => ({
  id: r.id,
  reviewed_on: r.reviewed_on as CalendarDate,
  reviewer: r.reviewer,
  place: r.place,
  check_seen: r.check_seen === 1,
  asq3: {
    communication: r.asq_communication,
    gross_motor: r.asq_gross_motor,
    fine_motor: r.asq_fine_motor,
    problem_solving: r.asq_problem_solving,
    personal_social: r.asq_personal_social,
  },
  asq_se2: r.asq_se2,
  actions: JSON.parse(r.actions) as string[],
  notes: r.notes,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});

export function addReview(db: Db, childId: number, review: Review, by: string, now: Date): ReviewRecord {
  return db.transaction(() => {
    const at = now.toISOString();
    const info = db
      .prepare(
        `INSERT INTO reviews (child_id, reviewed_on, reviewer, place, check_seen, asq_communication, asq_gross_motor,
        asq_fine_motor, asq_problem_solving, asq_personal_social, asq_se2, actions, notes, recorded_by, recorded_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        childId,
        review.reviewed_on,
        review.reviewer,
        review.place,
        review.check_seen ? 1 : 0,
        ...ASQ3_AREAS.map((a) => review.asq3[a]),
        review.asq_se2,
        JSON.stringify(review.actions),
        review.notes,
        by,
        at,
      );
    const id = Number(info.lastInsertRowid);
    recordAudit(db, { by, at, childId, action: 'review.record', details: { review: id, ...review } });
    return { id, ...review, recordedBy: by, recordedAt: at };
  })();
}

/** Every review recorded for a child, oldest first (by the day it was held, then as recorded). */
export function reviewsForChild(db: Db, childId: number): ReviewRecord[] {
  return (db.prepare('SELECT * FROM reviews WHERE child_id = ? ORDER BY reviewed_on, id').all(childId) as ReviewRow[]).map(toRecord);
}

/** The children with a review recorded: a group review has nothing left to do for them. */
export function reviewedChildIds(db: Db): Set<number> {
  return new Set((db.prepare('SELECT DISTINCT child_id FROM reviews').all() as { child_id: number }[]).map((r) => r.child_id));
}

export interface CheckShare {
  id: number;
  checkId: number;
  version: number;
  withWhom: string;
  how: string;
  onDate: CalendarDate;
  /** set when safeguarding overrode consent: why */
  withoutConsentReason: string | null;
  recordedBy: string;
  recordedAt: string;
}

export function addCheckShare(
  db: Db,
  childId: number,
  share: { checkId: number; version: number; withWhom: string; how: string; onDate: CalendarDate; withoutConsentReason: string | null },
  by: string,
  now: Date,
): CheckShare {
  return db.transaction(() => {
    const at = now.toISOString();
    const info = db
      .prepare(
        `INSERT INTO check_shares (child_id, check_id, with_whom, how, on_date, without_consent_reason, recorded_by, recorded_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(childId, share.checkId, share.withWhom, share.how, share.onDate, share.withoutConsentReason, by, at);
    const id = Number(info.lastInsertRowid);
    recordAudit(db, {
      by,
      at,
      childId,
      action: share.withoutConsentReason ? 'check.share-health-without-consent' : 'check.share-health',
      details: {
        version: share.version,
        with: share.withWhom,
        how: share.how,
        on: share.onDate,
        ...(share.withoutConsentReason ? { without_consent: true, reason: share.withoutConsentReason, decided_by: by } : {}),
      },
    });
    return { id, ...share, recordedBy: by, recordedAt: at };
  })();
}

export function checkSharesForChild(db: Db, childId: number): CheckShare[] {
  return db
    .prepare(
      `SELECT s.id, s.check_id AS checkId, c.version, s.with_whom AS withWhom, s.how, s.on_date AS onDate,
      s.without_consent_reason AS withoutConsentReason, s.recorded_by AS recordedBy, s.recorded_at AS recordedAt
    FROM check_shares s JOIN checks c ON c.id = s.check_id WHERE s.child_id = ? ORDER BY s.on_date, s.id`,
    )
    .all(childId) as CheckShare[];
}
