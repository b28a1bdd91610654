/** The letters table: each letter written, its file and fingerprint, and when it was sent. */
import type { Statement } from 'better-sqlite3';
import type { CalendarDate } from '../domain/calendar.js';
import { recordAudit } from './audit.js';
import type { Db } from './db.js';

export type LetterKind = 'parent-letter' | 'group-invitation';

export interface LetterRow {
  id: number;
  childId: number | null;
  kind: LetterKind;
  template: string;
  templateHash: string;
  file: string;
  sha256: string;
  generatedAt: string;
  generatedBy: string;
  sentOn: CalendarDate | null;
  sentBy: string | null;
  sessionId: number | null;
}

const COLUMNS = `id, child_id AS childId, kind, template, template_hash AS templateHash, file, sha256,
  generated_at AS generatedAt, generated_by AS generatedBy, sent_on AS sentOn, sent_by AS sentBy, session_id AS sessionId`;

export type NewLetter = Omit<LetterRow, 'id' | 'sentOn' | 'sentBy' | 'sessionId'> & {
  sessionId?: number | null;
  /** when it was really recorded, for the audit line (default generatedAt): a replayed day dates the letter, never the log */
  recordedAt?: string;
};

const inserts = new WeakMap<Db, Statement<unknown[]>>();

/** Records a letter whose file already exists; one transaction with its audit line. */
export function recordLetter(db: Db, letter: NewLetter): number {
  // Prepared once per connection: a batch records a thousand letters.
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare(
      `INSERT INTO letters (child_id, kind, template, template_hash, file, sha256, generated_at, generated_by, session_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    inserts.set(db, insert);
  }
  return db.transaction(() => {
    const info = insert.run(
      letter.childId,
      letter.kind,
      letter.template,
      letter.templateHash,
      letter.file,
      letter.sha256,
      letter.generatedAt,
      letter.generatedBy,
      letter.sessionId ?? null,
    );
    const id = Number(info.lastInsertRowid);
    recordAudit(db, {
      by: letter.generatedBy,
      at: letter.recordedAt ?? letter.generatedAt,
      action: 'letter.generate',
      childId: letter.childId,
      details: { letter: id, kind: letter.kind, template: letter.template, file: letter.file, sha256: letter.sha256 },
    });
    return id;
  })();
}

/** The child's letters of one kind, newest last. */
export function lettersFor(db: Db, childId: number, kind: LetterKind = 'parent-letter'): LetterRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM letters WHERE child_id = ? AND kind = ? ORDER BY id`).all(childId, kind) as LetterRow[];
}

/** Child ids that already have a parent letter recorded (generated, sent or not). */
export function childrenWithParentLetter(db: Db): Set<number> {
  const rows = db.prepare(`SELECT DISTINCT child_id AS id FROM letters WHERE kind = 'parent-letter' AND child_id IS NOT NULL`).all() as {
    id: number;
  }[];
  return new Set(rows.map((r) => r.id));
}

/** Whether the child has a parent letter recorded; asked again under the write lock. */
export function childHasParentLetter(db: Db, childId: number): boolean {
  return db.prepare(`SELECT 1 FROM letters WHERE kind = 'parent-letter' AND child_id = ? LIMIT 1`).get(childId) !== undefined;
}

/** Marks letters sent, all in one transaction, one audit line each. */
export function markLettersSent(db: Db, letters: readonly LetterRow[], sentOn: CalendarDate, by: string, at: string): void {
  db.transaction(() => {
    const update = db.prepare('UPDATE letters SET sent_on = ?, sent_by = ? WHERE id = ?');
    for (const letter of letters) {
      update.run(sentOn, by, letter.id);
      recordAudit(db, {
        by,
        at,
        action: 'letter.sent',
        childId: letter.childId,
        details: { letter: letter.id, kind: letter.kind, sentOn, file: letter.file },
      });
    }
  })();
}
