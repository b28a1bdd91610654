/**
 * Emailing parent letters: each letter written and not yet sent goes, as its PDF, to every
 * parent email on record that the server has not yet accepted it for. A parent is recorded
 * only once the server accepted the message, so a re-run sends to the rest and to no one twice.
 * Returns plain data; never prints.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NoSuchChild } from '../errors.js';
import { letterLanguage, parentLetterEmail } from '../mail/bodies.js';
import { type Mailer, type Pace, createSender } from '../mail/deliver.js';
import { type Child, currentChildren, findChild } from '../store/children.js';
import { type EmailableLetter, latestParentLetters, recordLetterEmail } from '../store/mail.js';
import type { AppContext } from './context.js';
import { type MailConfig, parentAddresses } from './mail-config.js';

export interface PlannedEmail {
  ref: string;
  name: string;
  /** recipients still to send to */
  to: string[];
  /** recipients the server accepted this letter for on an earlier run */
  already: string[];
  file: string;
  language: string;
  child: Child;
  letter: EmailableLetter | null;
}

export interface LetterEmailResult {
  dryRun: boolean;
  server: string | null;
  /** accepted by the server and recorded */
  sent: { ref: string; name: string; to: string; messageId: string; sentAt: string; file: string }[];
  /** dry run: what would go */
  wouldSend: { ref: string; name: string; to: string; file: string; language: string }[];
  /** the server refused, or the file could not be sent: nothing recorded */
  failed: { ref: string; name: string; to: string | null; why: string }[];
  /** not tried, because the server stopped taking messages */
  notTried: { ref: string; name: string; to: string }[];
  /** children whose letter cannot go by email: print it instead */
  skipped: { ref: string; name: string; why: string }[];
  /** bad addresses on the roster, to fix */
  warnings: string[];
}

export interface LetterEmailOptions {
  /** refs asked for; otherwise every child on the roster with a letter not yet sent */
  children?: string[];
  /** letters a dry run would write, which have no record yet */
  wouldWrite?: { ref: string; file: string | null; template: string }[];
  dryRun?: boolean;
}

export function planLetterEmails(ctx: AppContext, options: LetterEmailOptions): { planned: PlannedEmail[]; result: LetterEmailResult } {
  const db = ctx.db();
  const result: LetterEmailResult = {
    dryRun: options.dryRun === true,
    server: null,
    sent: [],
    wouldSend: [],
    failed: [],
    notTried: [],
    skipped: [],
    warnings: [],
  };
  let children: Child[];
  if (options.children && options.children.length > 0) {
    const unknown = options.children.filter((ref) => !findChild(db, ref));
    if (unknown.length > 0) throw new NoSuchChild(unknown);
    children = [...new Set(options.children)].map((ref) => findChild(db, ref) as Child);
  } else children = currentChildren(db);
  const asked = options.children !== undefined && options.children.length > 0;
  const letters = latestParentLetters(
    db,
    children.map((c) => c.id),
  );
  const toWrite = new Map((options.wouldWrite ?? []).map((w) => [w.ref, w]));
  const planned: PlannedEmail[] = [];

  for (const child of children) {
    const name = `${child.firstName} ${child.lastName}`;
    const future = toWrite.get(child.ref);
    const letter = future ? null : (letters.get(child.id) ?? null);
    if (!future && !letter) {
      if (asked)
        result.skipped.push({
          ref: child.ref,
          name,
          why: `no parent letter is written yet: twocheck letters --child ${child.ref} --email`,
        });
      continue;
    }
    const { valid, invalid } = parentAddresses(child.parentEmail);
    if (invalid.length > 0)
      result.warnings.push(`${name} (${child.ref}): not an email address on the roster: ${invalid.map((a) => `"${a}"`).join(', ')}`);
    const already = letter?.emailed ?? [];
    const emailedBefore = new Set(already.map((a) => a.toLowerCase()));
    // a letter recorded as sent by hand (letters sent) is not emailed as well
    if (letter?.sentOn && already.length === 0) {
      if (asked) result.skipped.push({ ref: child.ref, name, why: `the letter was recorded as sent on ${letter.sentOn}` });
      continue;
    }
    const to = valid.filter((a) => !emailedBefore.has(a.toLowerCase()));
    if (valid.length === 0) {
      result.skipped.push({ ref: child.ref, name, why: 'no parent email on record: print and post the letter' });
      continue;
    }
    if (to.length === 0) continue; // every parent has it already
    if (letter && letter.sharing > 1) {
      result.skipped.push({
        ref: child.ref,
        name,
        why: `the letter is in a print file with other children's letters (${path.basename(letter.file)}); write one of its own: twocheck letters --child ${child.ref} --force --email`,
      });
      continue;
    }
    const file = future?.file ?? letter?.file ?? null;
    if (!file) {
      result.skipped.push({
        ref: child.ref,
        name,
        why: 'its letter would go only into a print file; give --out to write one file per child',
      });
      continue;
    }
    const language = letterLanguage(future?.template ?? letter?.template ?? '');
    planned.push({ ref: child.ref, name, to, already, file, language, child, letter });
  }
  if (result.dryRun) {
    for (const p of planned)
      for (const to of p.to) result.wouldSend.push({ ref: p.ref, name: p.name, to, file: p.file, language: p.language });
  }
  return { planned, result };
}

export interface SendDeps {
  mailer: Mailer;
  pace: Pace;
  /** after each message, for a progress bar */
  onProgress?: (done: number, total: number) => void;
}

/** Sends what was planned; one parent's failure never stops the rest, a server that stops does. */
export async function sendLetterEmails(
  ctx: AppContext,
  config: MailConfig,
  planned: PlannedEmail[],
  result: LetterEmailResult,
  deps: SendDeps,
): Promise<LetterEmailResult> {
  const db = ctx.db();
  result.server = config.describe;
  const send = createSender(deps.mailer, deps.pace, config.mask);
  const total = planned.reduce((n, p) => n + p.to.length, 0);
  let done = 0;
  let stopped: string | null = null;
  for (const p of planned) {
    const letter = p.letter ?? latestParentLetters(db, [p.child.id]).get(p.child.id) ?? null;
    if (stopped) {
      for (const to of p.to) result.notTried.push({ ref: p.ref, name: p.name, to });
      continue;
    }
    const content = letter ? readIntact(letter) : { problem: 'no letter is recorded for this child' };
    if (!letter || 'problem' in content) {
      result.failed.push({ ref: p.ref, name: p.name, to: null, why: 'problem' in content ? content.problem : 'no letter' });
      done += p.to.length;
      deps.onProgress?.(done, total);
      continue;
    }
    const words = parentLetterEmail(letterLanguage(letter.template), config.setting, p.child.firstName);
    for (const to of p.to) {
      if (stopped) {
        result.notTried.push({ ref: p.ref, name: p.name, to });
        continue;
      }
      const outcome = await send({
        to,
        subject: words.subject,
        text: words.text,
        attachments: [{ filename: path.basename(letter.file), content: content.bytes, contentType: 'application/pdf' }],
      });
      if (outcome.ok) {
        const sentAt = ctx.now().toISOString();
        recordLetterEmail(db, letter, { recipient: to, messageId: outcome.accepted.messageId, sentAt, sentBy: ctx.by }, ctx.today);
        result.sent.push({ ref: p.ref, name: p.name, to, messageId: outcome.accepted.messageId, sentAt, file: letter.file });
      } else {
        result.failed.push({ ref: p.ref, name: p.name, to, why: outcome.failure.message });
        if (outcome.failure.kind === 'server') stopped = outcome.failure.message;
      }
      deps.onProgress?.(++done, total);
    }
  }
  return result;
}

/** The file as recorded, or why it cannot be sent: a letter changed on disk is not the letter on record. */
export function readIntact(letter: { file: string; sha256: string }): { bytes: Buffer } | { problem: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(letter.file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      problem: code === 'ENOENT' ? `the letter file ${letter.file} is gone` : `cannot read ${letter.file}: ${(error as Error).message}`,
    };
  }
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== letter.sha256) return { problem: `${letter.file} has changed since it was recorded (SHA-256 differs); not sent` };
  return { bytes };
}
