import crypto from 'node:crypto';
import type { Child } from './children.js';
import { recordAudit } from './audit.js';
import type { Db } from './db.js';

export const FORGOTTEN = '[forgotten]';

export interface ForgetPlan {
  counts: Record<string, number>;
  /** letters and check PDFs recorded for the child, as stored, that hold no one else's */
  files: string[];
  /** merged print files that also hold other children's letters: kept, and why */
  shared: { file: string; others: number }[];
}

/** What erasing a child will remove: rows by table, and the files recorded. */
export function planForget(db: Db, child: Child): ForgetPlan {
  const count = (sql: string): number => (db.prepare(sql).get(child.id) as { n: number }).n;
  const counts: Record<string, number> = {
    children: 1,
    consents: count('SELECT count(*) AS n FROM consents WHERE child_id = ?'),
    concerns: count('SELECT count(*) AS n FROM concerns WHERE child_id = ?'),
    concern_events: count('SELECT count(*) AS n FROM concern_events e JOIN concerns c ON c.id = e.concern_id WHERE c.child_id = ?'),
    letters: count('SELECT count(*) AS n FROM letters WHERE child_id = ?'),
    checks: count('SELECT count(*) AS n FROM checks WHERE child_id = ?'),
    dismissals: count('SELECT count(*) AS n FROM dismissals WHERE child_id = ?'),
    group_members: count('SELECT count(*) AS n FROM group_members WHERE child_id = ?'),
    audit_scrubbed: count('SELECT count(*) AS n FROM audit WHERE child_id = ?'),
  };
  const files = [
    ...(db.prepare('SELECT file AS f FROM letters WHERE child_id = ? AND file IS NOT NULL').all(child.id) as { f: string }[]),
    ...(db.prepare('SELECT pdf_path AS f FROM checks WHERE child_id = ? AND pdf_path IS NOT NULL').all(child.id) as { f: string }[]),
  ].map((r) => r.f);
  const shared: ForgetPlan['shared'] = [];
  const own: string[] = [];
  const othersIn = db.prepare('SELECT count(DISTINCT child_id) AS n FROM letters WHERE file = ? AND child_id IS NOT ?');
  for (const file of new Set(files)) {
    const others = (othersIn.get(file, child.id) as { n: number }).n;
    if (others > 0) shared.push({ file, others });
    else own.push(file);
  }
  return { counts, files: own, shared };
}

/**
 * The child's words that lead to them alone: a surname, a parent, an address shared with a
 * brother or sister on the roster stays, since it is theirs too.
 */
export function ownValues(db: Db, child: Child): string[] {
  const others = new Set<string>();
  const rows = db
    .prepare(
      `SELECT first_name || ' ' || last_name AS a, first_name AS b, last_name AS c, ref AS d, address AS e,
    parent_name AS f, parent2_name AS g, parent_email AS h, parent_phone AS i FROM children WHERE id != ?`,
    )
    .all(child.id) as Record<string, string | null>[];
  for (const row of rows) for (const v of Object.values(row)) if (v) others.add(v.toLowerCase());
  return personalValues(child).filter((v) => !others.has(v.toLowerCase()));
}

/**
 * The words that point at this child, longest first so "Ava Smith" goes before "Ava". Date of
 * birth and postcode are left out: other children share them, and their audit lines are theirs;
 * the lines about this child lose their details whole.
 */
export function personalValues(child: Child): string[] {
  const values = [
    `${child.firstName} ${child.lastName}`,
    child.firstName,
    child.lastName,
    child.ref,
    child.address,
    child.parentName,
    child.parent2Name,
    child.parentEmail,
    child.parentPhone,
  ].filter((v): v is string => typeof v === 'string' && v.trim().length >= 2);
  return [...new Set(values)].sort((a, b) => b.length - a.length);
}

/** One pattern for all the words; whole words only, so a ref "07" does not eat a date's month. */
export function personalPattern(personal: string[]): RegExp {
  if (personal.length === 0) return /(?!)/g; // matches nothing, rather than everywhere
  return new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${personal.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_-])`, 'giu');
}

/** Replaces every personal word inside a JSON value's strings (and keys). */
export function scrub(value: unknown, pattern: RegExp): unknown {
  if (typeof value === 'string') return value.replace(pattern, FORGOTTEN);
  if (Array.isArray(value)) return value.map((v) => scrub(v, pattern));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [scrub(k, pattern) as string, scrub(v, pattern)]));
  }
  return value;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface ForgetResult extends ForgetPlan {
  token: string;
}

/**
 * Deletes the child and everything recorded about them (the schema cascades), in one
 * transaction with its audit line. Audit rows about the child lose their details and their
 * link; any other audit row that mentions the child has those words replaced. The new audit
 * line holds only a random token and counts: nothing that leads back to the child.
 */
export function forgetChild(db: Db, child: Child, plan: ForgetPlan, by: string, now: Date): ForgetResult {
  const token = crypto.randomBytes(6).toString('hex');
  const pattern = personalPattern(ownValues(db, child));
  const counts = { ...plan.counts };
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    const own = db
      .prepare('UPDATE audit SET details = ?, child_id = NULL WHERE child_id = ?')
      .run(JSON.stringify(FORGOTTEN), child.id).changes;
    let sharedLines = 0;
    // Lines about a batch (no one child) lose this child's words; other children's own lines are theirs.
    const others = db.prepare('SELECT id, details FROM audit WHERE details IS NOT NULL AND child_id IS NULL').all() as {
      id: number;
      details: string;
    }[];
    const update = db.prepare('UPDATE audit SET details = ? WHERE id = ?');
    for (const row of others) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(row.details);
      } catch {
        parsed = row.details;
      }
      const cleaned = JSON.stringify(scrub(parsed, pattern));
      if (cleaned !== row.details) {
        update.run(cleaned, row.id);
        sharedLines += 1;
      }
    }
    counts.audit_scrubbed = own + sharedLines;
    db.prepare('DELETE FROM children WHERE id = ?').run(child.id);
    recordAudit(db, {
      by,
      at: now.toISOString(),
      action: 'child.forget',
      details: { forgotten: token, rows: counts, files: plan.files.length, kept: plan.shared.length },
    });
  })();
  return { ...plan, counts, token };
}

/**
 * Leaves no copy of the deleted rows in the file: VACUUM rewrites the database without its
 * free pages, and the checkpoint empties the write-ahead log that still holds old pages.
 */
export function compactAfterForget(db: Db): { complete: boolean } {
  db.exec('VACUUM');
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  // busy: another connection is reading old pages, which stay in the log until it closes
  return { complete: !result || (result.busy === 0 && result.checkpointed === result.log) };
}
