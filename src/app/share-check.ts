/**
 * Sharing a completed Progress Check with the health visiting team by email: only with the
 * parents' current consent to share, only the PDF as recorded (its SHA-256 checked), and
 * recorded (to whom, when, Message-ID) once the server has accepted it.
 */
import { formatUkDate, type CalendarDate } from '../domain/calendar.js';
import { consentToShare } from '../domain/share-consent.js';
import { NoSuchChild, NotFound, TwocheckError } from '../errors.js';
import { checkShareEmail } from '../mail/bodies.js';
import { type Pace, createSender } from '../mail/deliver.js';
import { currentCheck } from '../store/checks.js';
import { findChild } from '../store/children.js';
import { consentHistory } from '../store/consents.js';
import { checkSharesFor, recordCheckShare } from '../store/mail.js';
import type { AppContext } from './context.js';
import { readIntact } from './email-letters.js';
import type { MailConfig } from './mail-config.js';

export interface ShareResult {
  ref: string;
  name: string;
  version: number;
  to: string;
  file: string;
  /** accepted now, or when it was accepted before (then nothing was sent) */
  messageId: string;
  sentAt: string;
  already: boolean;
  server: string;
}

/** Refused for want of consent: exit 1, nothing sent. */
export class NoConsentToShare extends TwocheckError {}

export async function shareCheckByEmail(ctx: AppContext, ref: string, to: string, load: () => MailConfig, pace: Pace): Promise<ShareResult> {
  const db = ctx.db();
  const child = findChild(db, ref);
  if (!child) throw new NoSuchChild(ref);
  const name = `${child.firstName} ${child.lastName}`;
  const check = currentCheck(db, child.id);
  if (!check) throw new NotFound(`${ref} has no completed Progress Check to share`, `write it first: twocheck check ${ref}`);
  if (!check.pdfPath || !check.pdfSha256) throw new NotFound(`${ref}'s Progress Check (version ${check.version}) has no PDF on record`);
  const gate = consentToShare(consentHistory(db, child.id), ctx.today);
  if (!gate.ok) {
    throw new NoConsentToShare(`${name}'s Progress Check was not sent: ${gate.why}`, `record the parents' consent first: twocheck consent ${ref}`);
  }
  const before = checkSharesFor(db, child.id).find((s) => s.checkId === check.id && s.recipient.toLowerCase() === to.toLowerCase());
  const config = load();
  if (before) {
    return { ref, name, version: check.version, to, file: check.pdfPath, messageId: before.messageId, sentAt: before.sentAt, already: true, server: config.describe };
  }
  const content = readIntact({ file: check.pdfPath, sha256: check.pdfSha256 });
  if ('problem' in content) throw new TwocheckError(`${name}'s Progress Check was not sent: ${content.problem}`);
  const words = checkShareEmail(config.setting, {
    child: name, dob: formatUkDate(child.dob), completedOn: check.completedOn ? formatUkDate(check.completedOn as CalendarDate) : null,
    practitioner: check.practitioner, version: check.version, consentOn: formatUkDate(gate.consent.onDate as CalendarDate),
  });
  const mailer = await config.open();
  try {
    const outcome = await createSender(mailer, pace, config.mask)({
      to, subject: words.subject, text: words.text,
      attachments: [{ filename: check.pdfPath.split(/[\\/]/).pop() as string, content: content.bytes, contentType: 'application/pdf' }],
    });
    if (!outcome.ok) throw new TwocheckError(`${name}'s Progress Check was not sent to ${to} through ${config.describe}: ${outcome.failure.message}; nothing was recorded`);
    const sentAt = ctx.now().toISOString();
    recordCheckShare(db, { checkId: check.id, childId: child.id, consentId: gate.consent.id, file: check.pdfPath },
      { recipient: to, messageId: outcome.accepted.messageId, sentAt, sentBy: ctx.by });
    return { ref, name, version: check.version, to, file: check.pdfPath, messageId: outcome.accepted.messageId, sentAt, already: false, server: config.describe };
  } finally {
    mailer.close();
  }
}
