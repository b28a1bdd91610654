import type { Statement } from 'better-sqlite3';
import type { Db } from './db.js';

export interface AuditEntry {
  by: string;
  action: string;
  childId?: number | null;
  details?: Record<string, unknown>;
  at?: string;
}

const inserts = new WeakMap<Db, Statement<unknown[]>>();

/** Every change leaves a line: who (the OS user or --by), when, what changed. */
export function recordAudit(db: Db, entry: AuditEntry): void {
  // Prepared once per connection: an import writes one row per child, 100,000 in a big roster.
  let insert = inserts.get(db);
  if (!insert) {
    insert = db.prepare('INSERT INTO audit (at, by, action, child_id, details) VALUES (?, ?, ?, ?, ?)');
    inserts.set(db, insert);
  }
  insert.run(
    entry.at ?? new Date().toISOString(),
    entry.by,
    entry.action,
    entry.childId ?? null,
    entry.details ? JSON.stringify(entry.details) : null,
  );
}
