import { recordAudit } from './audit.js';
import type { Db } from './db.js';

/** Records that a flag no longer needs action for a child, with the reason; audited. */
export function dismissFlag(db: Db, entry: { childId: number; flag: string; reason: string; by: string; at: Date }): void {
  db.transaction(() => {
    const at = entry.at.toISOString();
    db.prepare(`INSERT INTO dismissals (child_id, flag, reason, by, at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (child_id, flag) DO UPDATE SET reason = excluded.reason, by = excluded.by, at = excluded.at`)
      .run(entry.childId, entry.flag, entry.reason, entry.by, at);
    recordAudit(db, { by: entry.by, at, action: 'dismiss-flag', childId: entry.childId, details: { flag: entry.flag, reason: entry.reason } });
  })();
}
