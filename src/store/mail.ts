/**
 * What email delivery keeps: the SMTP server's URL (never its password), each parent a letter
 * was emailed to, and each check shared by email. A row is written only after the server has
 * accepted the message, in one transaction with its audit line.
 */
import { type CalendarDate, londonDate } from '../domain/calendar.js';
import { recordAudit } from './audit.js';
import type { Db } from './db.js';

export function storedSmtpUrl(db: Db): string | null {
  const row = db.prepare('SELECT url FROM mail_server WHERE id = 1').get() as { url: string } | undefined;
  return row?.url ?? null;
}

/** Saves the URL (a null clears it); returns false when nothing changed. */
export function saveSmtpUrl(db: Db, url: string | null, by: string, now: Date): boolean {
  return db.transaction(() => {
    const before = storedSmtpUrl(db);
    if (before === url) return false;
    if (url === null) db.prepare('DELETE FROM mail_server WHERE id = 1').run();
    else {
      db.prepare(
        `INSERT INTO mail_server (id, url, updated_at) VALUES (1, ?, ?)
        ON CONFLICT (id) DO UPDATE SET url = excluded.url, updated_at = excluded.updated_at`,
      ).run(url, now.toISOString());
    }
    recordAudit(db, { by, at: now.toISOString(), action: 'setting.smtp', details: { from: before, to: url } });
    return true;
  })();
}

/** A parent letter that could be emailed: the latest for its child. */
export interface EmailableLetter {
  letterId: number;
  childId: number;
  file: string;
  sha256: string;
  template: string;
  sentOn: CalendarDate | null;
  /** how many letter rows share this file: more than one means a merged print file */
  sharing: number;
  /** recipients the server has already accepted this letter for */
  emailed: string[];
}

/** The latest parent letter of each child given. */
export function latestParentLetters(db: Db, childIds: readonly number[]): Map<number, EmailableLetter> {
  const letter = db.prepare(`SELECT l.id AS letterId, l.child_id AS childId, l.file, l.sha256, l.template, l.sent_on AS sentOn,
      (SELECT count(*) FROM letters o WHERE o.file = l.file) AS sharing
    FROM letters l WHERE l.child_id = ? AND l.kind = 'parent-letter' ORDER BY l.id DESC LIMIT 1`);
  const emailed = db.prepare('SELECT recipient FROM letter_emails WHERE letter_id = ? ORDER BY id');
  const found = new Map<number, EmailableLetter>();
  for (const id of childIds) {
    const row = letter.get(id) as Omit<EmailableLetter, 'emailed'> | undefined;
    if (!row) continue;
    found.set(id, { ...row, emailed: (emailed.all(row.letterId) as { recipient: string }[]).map((r) => r.recipient) });
  }
  return found;
}

export interface Delivery {
  recipient: string;
  messageId: string;
  sentAt: string;
  sentBy: string;
}

/** The server accepted a letter for one parent: record it, and the letter as sent if it was not. */
export function recordLetterEmail(
  db: Db,
  letter: { letterId: number; childId: number; file: string },
  d: Delivery,
  sentOn: CalendarDate,
): void {
  db.transaction(() => {
    db.prepare(`INSERT INTO letter_emails (letter_id, child_id, recipient, message_id, sent_at, sent_by) VALUES (?, ?, ?, ?, ?, ?)`).run(
      letter.letterId,
      letter.childId,
      d.recipient,
      d.messageId,
      d.sentAt,
      d.sentBy,
    );
    db.prepare('UPDATE letters SET sent_on = ?, sent_by = ? WHERE id = ? AND sent_on IS NULL').run(sentOn, d.sentBy, letter.letterId);
    recordAudit(db, {
      by: d.sentBy,
      at: d.sentAt,
      action: 'letter.email',
      childId: letter.childId,
      details: { letter: letter.letterId, to: d.recipient, messageId: d.messageId, file: letter.file },
    });
  })();
}

export interface CheckShare extends Delivery {
  checkId: number;
}

/** `consentId` is the consent relied on; with none, `withoutConsentReason` says why safeguarding overrode it. */
export function recordCheckShare(
  db: Db,
  share: { checkId: number; childId: number; consentId: number | null; withoutConsentReason: string | null; file: string },
  d: Delivery,
): void {
  db.transaction(() => {
    // one table for every share with health: the recipient is who it went to, by email, on the day in England
    db.prepare(
      `INSERT INTO check_shares (check_id, child_id, with_whom, how, on_date, message_id, consent_id, without_consent_reason, recorded_at, recorded_by)
      VALUES (?, ?, ?, 'email', ?, ?, ?, ?, ?, ?)`,
    ).run(
      share.checkId,
      share.childId,
      d.recipient,
      londonDate(new Date(d.sentAt)),
      d.messageId,
      share.consentId,
      share.withoutConsentReason,
      d.sentAt,
      d.sentBy,
    );
    recordAudit(db, {
      by: d.sentBy,
      at: d.sentAt,
      action: share.withoutConsentReason ? 'check.share-email-without-consent' : 'check.share-email',
      childId: share.childId,
      details: {
        check: share.checkId,
        to: d.recipient,
        messageId: d.messageId,
        consent: share.consentId,
        file: share.file,
        ...(share.withoutConsentReason ? { without_consent: true, reason: share.withoutConsentReason, decided_by: d.sentBy } : {}),
      },
    });
  })();
}

export function checkSharesFor(db: Db, childId: number): CheckShare[] {
  return db
    .prepare(
      `SELECT check_id AS checkId, with_whom AS recipient, message_id AS messageId, recorded_at AS sentAt, recorded_by AS sentBy
    FROM check_shares WHERE child_id = ? AND how = 'email' AND message_id IS NOT NULL ORDER BY id`,
    )
    .all(childId) as CheckShare[];
}

export function letterEmailsFor(db: Db, childId: number): (Delivery & { letterId: number })[] {
  return db
    .prepare(
      `SELECT letter_id AS letterId, recipient, message_id AS messageId, sent_at AS sentAt, sent_by AS sentBy
    FROM letter_emails WHERE child_id = ? ORDER BY id`,
    )
    .all(childId) as (Delivery & { letterId: number })[];
}

/** For `child`: the lines under each letter and check saying who it was emailed to. */
export function emailLinesFor(db: Db, ref: string): { letter(id: number): string[] } {
  const child = db.prepare('SELECT id FROM children WHERE ref = ?').get(ref) as { id: number } | undefined;
  const letters = child ? letterEmailsFor(db, child.id) : [];
  const line = (what: string, d: Delivery): string => `    ${what} ${d.recipient} at ${d.sentAt} by ${d.sentBy}; Message-ID ${d.messageId}`;
  return {
    letter: (id) => letters.filter((e) => e.letterId === id).map((e) => line('emailed to', e)),
  };
}
