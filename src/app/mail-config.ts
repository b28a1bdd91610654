/**
 * The mail settings a sending command needs, gathered and checked before anything is written
 * or sent: the server (TWOCHECK_SMTP_URL, else `setup --smtp`), its password (environment or
 * the owner-only file beside the database), and the setting's own address to send from.
 */
import { isEmailAddress } from '../domain/contact.js';
import { NotFound, UsageError } from '../errors.js';
import { type Mailer, type OutgoingMail, type Outcome, type Pace, createSender } from '../mail/deliver.js';
import { type MailServer, PASSWORD_FILE, type Password, describeServer, findPassword, maskSecret, parseSmtpUrl } from '../mail/server.js';
import type { SettingWords } from '../mail/bodies.js';
import { storedSmtpUrl } from '../store/mail.js';
import { getSetting } from '../store/setting.js';
import type { AppContext } from './context.js';

export interface MailConfig {
  server: MailServer;
  /** where the server came from, for messages */
  source: 'TWOCHECK_SMTP_URL' | 'setup --smtp';
  password: Password | null;
  setting: SettingWords;
  /** "smtp.example.org:587 (STARTTLS) as office@…", never with a password */
  describe: string;
  /** hides the password from any text */
  mask(text: string): string;
  /** nodemailer is loaded here, on the first message */
  open(): Promise<Mailer>;
}

export function loadMailConfig(ctx: AppContext): MailConfig {
  const db = ctx.db();
  const fromEnv = ctx.env.TWOCHECK_SMTP_URL;
  const url = fromEnv || storedSmtpUrl(db);
  if (!url) {
    throw new NotFound(
      'no mail server is set up',
      'run: twocheck setup --smtp smtp://you@example.org@smtp.example.org:587 (or set TWOCHECK_SMTP_URL); see README: mail',
    );
  }
  const server = parseSmtpUrl(url, fromEnv ? 'TWOCHECK_SMTP_URL' : 'the stored SMTP URL');
  const password = server.user ? findPassword(ctx.env, ctx.dbPath) : null;
  if (server.user && !password) {
    throw new NotFound(
      `no password for ${server.user} on ${server.host}`,
      `set TWOCHECK_SMTP_PASSWORD, or write it in a file "${PASSWORD_FILE}" beside the database, readable by you alone (chmod 600)`,
    );
  }
  const setting = getSetting(db);
  if (!setting) throw new NotFound('no setting recorded: messages are sent in its name', 'run: twocheck setup');
  if (!setting.email || !isEmailAddress(setting.email)) {
    throw new UsageError(
      "messages are sent from the setting's email address, and none is recorded",
      'run: twocheck setup --email office@your-setting.org.uk',
    );
  }
  const mask = (text: string): string => maskSecret(text, password?.value, server.user);
  const words: SettingWords = { name: setting.name, phone: setting.phone, email: setting.email, manager: setting.manager };
  return {
    server,
    source: fromEnv ? 'TWOCHECK_SMTP_URL' : 'setup --smtp',
    password,
    setting: words,
    describe: describeServer(server),
    mask,
    async open() {
      const { createSmtpMailer } = await import('../mail/smtp.js');
      return createSmtpMailer(server, password?.value ?? null, { address: words.email, name: words.name });
    },
  };
}

/** An address given on the command line, refused early when it cannot be one. */
export function emailArgument(text: string, flag: string): string {
  const address = text.trim();
  if (!isEmailAddress(address)) throw new UsageError(`${flag} "${text}" is not an email address`);
  return address;
}

/** Parent emails on record: one field may hold two addresses, separated by ; or , or a space. */
export function parentAddresses(field: string | null): { valid: string[]; invalid: string[] } {
  const parts = (field ?? '')
    .split(/[;,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const valid: string[] = [];
  const invalid: string[] = [];
  for (const part of parts) {
    if (!isEmailAddress(part)) invalid.push(part);
    else if (!valid.some((v) => v.toLowerCase() === part.toLowerCase())) valid.push(part);
  }
  return { valid, invalid };
}

/** One message through the setting's server: the connection is opened for it and closed after. */
export async function sendOne(config: MailConfig, pace: Pace, mail: OutgoingMail): Promise<Outcome> {
  const mailer = await config.open();
  try {
    return await createSender(mailer, pace, config.mask)(mail);
  } finally {
    mailer.close();
  }
}
