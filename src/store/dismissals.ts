import { recordAudit } from './audit.js';
import type { Db } from './db.js';

export interface Dismissal {
  reason: string;
  by: string;
  at: string;
}

/**
 * Records that a flag no longer needs action for a child, with the reason; audited. A flag
 * already dismissed keeps its first record (never overwritten): that record is returned and
 * nothing new is written.
 */
export function dismissFlag(db: Db, entry: { childId: number; flag: string; reason: string; by: string; at: Date }): Dismissal | null {
  return db.transaction(() => {
    const held = db.prepare('SELECT reason, by, at FROM dismissals WHERE child_id = ? AND flag = ?').get(entry.childId, entry.flag) as
      Dismissal | undefined;
    if (held) return held;
    const at = entry.at.toISOString();
    db.prepare('INSERT INTO dismissals (child_id, flag, reason, by, at) VALUES (?, ?, ?, ?, ?)').run(
      entry.childId,
      entry.flag,
      entry.reason,
      entry.by,
      at,
    );
    recordAudit(db, {
      by: entry.by,
      at,
      action: 'dismiss-flag',
      childId: entry.childId,
      details: { flag: entry.flag, reason: entry.reason },
    });
    return null;
  })();
}
