/**
 * Sharing the current Progress Check with health, one way whatever the route: a share made by
 * phone or by hand is recorded; a share by email is sent through the setting's server (only the
 * PDF as recorded, its SHA-256 checked) and recorded once the server has accepted it. Both pass
 * the one consent gate (shareGate), both take the safeguarding override with its reason, and
 * both are kept in the one table of shares with health.
 */
import { type CalendarDate, formatUkDate } from '../domain/calendar.js';
import { checkDate } from '../domain/records.js';
import { SHARE_METHODS } from '../domain/records.js';
import { NotFound, TwocheckError, UsageError } from '../errors.js';
import { checkShareEmail } from '../mail/bodies.js';
import type { Pace } from '../mail/deliver.js';
import { type CheckRecord, currentCheck } from '../store/checks.js';
import type { Child } from '../store/children.js';
import { recordConsentOverride } from '../store/consents.js';
import { checkSharesFor, recordCheckShare } from '../store/mail.js';
import { type CheckShare, addCheckShare } from '../store/reviews.js';
import { requireChild } from './check.js';
import type { AppContext } from './context.js';
import { readIntact } from './email-letters.js';
import { type MailConfig, sendOne } from './mail-config.js';
import { type Override, shareGate } from './share-gate.js';

export type ShareMethod = (typeof SHARE_METHODS)[number];

export interface RecordedShare {
  child: Child;
  record: CheckRecord;
  share: CheckShare;
  warnings: string[];
}

/** The current completed check, or why there is none to share. */
function checkToShare(ctx: AppContext, child: Child): CheckRecord {
  const check = currentCheck(ctx.db(), child.id);
  if (!check)
    throw new NotFound(`${child.ref} has no completed Progress Check to share yet`, `write it first: twocheck check ${child.ref}`);
  return check;
}

const what = (check: CheckRecord) => `the Progress Check (version ${check.version})`;

/** `check share <ref> --with <whom> --how <how> [--on <date>]`: a share made another way, recorded. */
export function recordHealthShare(
  ctx: AppContext,
  ref: string,
  a: { withWhom: string; how: ShareMethod; on?: string } & Override,
): RecordedShare {
  const db = ctx.db();
  const child = requireChild(ctx, ref);
  const check = checkToShare(ctx, child);
  let on = ctx.today;
  if (a.on !== undefined) {
    const date = checkDate('--on', a.on, {
      today: ctx.today,
      notBefore: { date: check.completedOn as CalendarDate, what: 'the check was completed' },
    });
    if (typeof date === 'object') throw new UsageError(date.problem);
    on = date;
  }
  const gate = shareGate(ctx, child, { what: what(check), withWhom: a.withWhom, on, withoutConsent: a.withoutConsent, reason: a.reason });
  const share = db.transaction(() => {
    if (gate.withoutConsentReason)
      recordConsentOverride(
        db,
        child.id,
        { what: `Progress Check version ${check.version}`, withWhom: a.withWhom, reason: gate.withoutConsentReason, on },
        ctx.by,
        ctx.now(),
      );
    return addCheckShare(
      db,
      child.id,
      {
        checkId: check.id,
        version: check.version,
        withWhom: a.withWhom,
        how: a.how,
        onDate: on,
        withoutConsentReason: gate.withoutConsentReason,
      },
      ctx.by,
      ctx.now(),
    );
  })();
  return { child, record: check, share, warnings: gate.warnings };
}

export interface EmailedShare {
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
  /** set when safeguarding overrode consent */
  withoutConsentReason: string | null;
  warnings: string[];
}

/** `check share <ref> --email <address>`: sent to the health visiting team, and recorded once accepted. */
export async function shareCheckByEmail(
  ctx: AppContext,
  ref: string,
  to: string,
  override: Override,
  load: () => MailConfig,
  pace: Pace,
): Promise<EmailedShare> {
  const db = ctx.db();
  const child = requireChild(ctx, ref);
  const name = `${child.firstName} ${child.lastName}`;
  const check = checkToShare(ctx, child);
  if (!check.pdfPath || !check.pdfSha256) throw new NotFound(`${ref}'s Progress Check (version ${check.version}) has no PDF on record`);
  const gate = shareGate(ctx, child, { what: what(check), withWhom: to, on: ctx.today, ...override });
  const reply = (messageId: string, sentAt: string, already: boolean, server: string): EmailedShare => ({
    ref,
    name,
    version: check.version,
    to,
    file: check.pdfPath as string,
    messageId,
    sentAt,
    already,
    server,
    withoutConsentReason: gate.withoutConsentReason,
    warnings: gate.warnings,
  });
  const before = checkSharesFor(db, child.id).find((s) => s.checkId === check.id && s.recipient.toLowerCase() === to.toLowerCase());
  const config = load();
  if (before) return reply(before.messageId, before.sentAt, true, config.describe);
  const content = readIntact({ file: check.pdfPath, sha256: check.pdfSha256 });
  if ('problem' in content) throw new TwocheckError(`${name}'s Progress Check was not sent: ${content.problem}`);
  const words = checkShareEmail(config.setting, {
    child: name,
    dob: formatUkDate(child.dob),
    completedOn: check.completedOn ? formatUkDate(check.completedOn) : null,
    practitioner: check.practitioner,
    version: check.version,
    consentOn: gate.consent ? formatUkDate(gate.consent.since) : null,
  });
  const outcome = await sendOne(config, pace, {
    to,
    subject: words.subject,
    text: words.text,
    attachments: [{ filename: check.pdfPath.split(/[\\/]/).pop() as string, content: content.bytes, contentType: 'application/pdf' }],
  });
  if (!outcome.ok)
    throw new TwocheckError(
      `${name}'s Progress Check was not sent to ${to} through ${config.describe}: ${outcome.failure.message}; nothing was recorded`,
    );
  const sentAt = ctx.now().toISOString();
  db.transaction(() => {
    if (gate.withoutConsentReason)
      recordConsentOverride(
        db,
        child.id,
        { what: `Progress Check version ${check.version}`, withWhom: to, reason: gate.withoutConsentReason, on: ctx.today },
        ctx.by,
        ctx.now(),
      );
    recordCheckShare(
      db,
      {
        checkId: check.id,
        childId: child.id,
        consentId: gate.consent?.id ?? null,
        withoutConsentReason: gate.withoutConsentReason,
        file: check.pdfPath as string,
      },
      { recipient: to, messageId: outcome.accepted.messageId, sentAt, sentBy: ctx.by },
    );
  })();
  return reply(outcome.accepted.messageId, sentAt, false, config.describe);
}
