/**
 * The setting's SMTP server as a URL: smtp://user@host:587 (STARTTLS, required), smtps://user@host:465
 * (TLS from the first byte), or smtp://host:25?tls=none (no encryption: a server on this machine
 * or the setting's own network only). The URL never holds the password: it is stored in the
 * database, and the password must not be.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TwocheckError, UsageError } from '../errors.js';

export type Security = 'tls' | 'starttls' | 'none';

export interface MailServer {
  host: string;
  port: number;
  security: Security;
  user: string | null;
}

const HINT = 'for example: smtp://office@example.org.uk@smtp.office365.com:587 or smtps://you@gmail.com@smtp.gmail.com:465';

export function parseSmtpUrl(text: string, named = '--smtp'): MailServer {
  let url: URL;
  // user names are email addresses: a bare "@" before the host's "@" is what people type
  const given = text.trim();
  const at = given.lastIndexOf('@');
  const scheme = /^[a-z]+:\/\//i.exec(given)?.[0] ?? '';
  const userPart = at > scheme.length ? given.slice(scheme.length, at) : '';
  const escaped = userPart ? `${scheme}${userPart.replace(/@/g, '%40')}${given.slice(at)}` : given;
  try {
    url = new URL(escaped);
  } catch {
    throw new UsageError(`${named} is not a URL`, HINT);
  }
  if (url.password) {
    throw new UsageError(
      `${named} must not hold the password: it would be stored with the records`,
      'give the password in TWOCHECK_SMTP_PASSWORD, or in a file "smtp-password" beside the database, readable by you alone (chmod 600)',
    );
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new UsageError(`${named} must start smtp:// or smtps://, not ${url.protocol}//`, HINT);
  if (!url.hostname) throw new UsageError(`${named} names no server`, HINT);
  const tls = url.searchParams.get('tls');
  for (const key of url.searchParams.keys()) {
    if (key !== 'tls') throw new UsageError(`${named}: unknown setting "${key}" (only tls=starttls or tls=none)`);
  }
  let security: Security;
  if (url.protocol === 'smtps:') {
    if (tls !== null) throw new UsageError(`${named}: smtps:// is TLS already; tls=${tls} does not apply`);
    security = 'tls';
  } else if (tls === null || tls === 'starttls') security = 'starttls';
  else if (tls === 'none') security = 'none';
  else throw new UsageError(`${named}: tls must be starttls or none, not "${tls}"`);
  const port = url.port ? Number(url.port) : security === 'tls' ? 465 : 587;
  const user = url.username ? decodeURIComponent(url.username) : null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (security === 'none' && user && !isLocal(host)) {
    throw new UsageError(`${named}: a password is never sent unencrypted to ${host}`, 'use smtp:// (STARTTLS) or smtps:// (TLS)');
  }
  return { host, port, security, user };
}

function isLocal(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** The URL as stored and shown: never a password. */
export function formatSmtpUrl(s: MailServer): string {
  const user = s.user ? `${encodeURIComponent(s.user).replace(/%40/g, '@')}@` : '';
  const host = s.host.includes(':') ? `[${s.host}]` : s.host;
  return `${s.security === 'tls' ? 'smtps' : 'smtp'}://${user}${host}:${s.port}${s.security === 'none' ? '?tls=none' : ''}`;
}

/** For messages: "smtp.office365.com:587 (STARTTLS) as office@example.org". */
export function describeServer(s: MailServer): string {
  const how = s.security === 'tls' ? 'TLS' : s.security === 'starttls' ? 'STARTTLS' : 'no encryption';
  return `${s.host}:${s.port} (${how})${s.user ? ` as ${s.user}` : ''}`;
}

export const PASSWORD_FILE = 'smtp-password';

export interface Password {
  value: string;
  from: string;
}

/**
 * TWOCHECK_SMTP_PASSWORD, else the file beside the database. The file must be the owner's
 * alone: a password others can read is refused, as ssh refuses such a key.
 */
export function findPassword(env: NodeJS.ProcessEnv, dbPath: string): Password | null {
  const fromEnv = env.TWOCHECK_SMTP_PASSWORD;
  if (fromEnv) return { value: fromEnv, from: 'TWOCHECK_SMTP_PASSWORD' };
  const file = path.join(path.dirname(dbPath), PASSWORD_FILE);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return null;
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new TwocheckError(
      `${file} can be read by others (mode ${(stat.mode & 0o777).toString(8)}); the password in it was not used`,
      `run: chmod 600 ${file}`,
    );
  }
  const value = fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  if (!value) throw new TwocheckError(`${file} is empty`, 'write the password in it, alone on one line');
  return { value, from: file };
}

/**
 * Removes a password from a text, as typed and as SMTP carries it in base64 (AUTH LOGIN sends
 * it alone, AUTH PLAIN with the user name), so no message or trace can show it.
 */
export function maskSecret(text: string, password: string | null | undefined, user?: string | null): string {
  if (!password) return text;
  const forms = [password, Buffer.from(password).toString('base64')];
  if (user)
    forms.push(
      Buffer.from(`\u0000${user}\u0000${password}`).toString('base64'),
      Buffer.from(`${user}\u0000${user}\u0000${password}`).toString('base64'),
    );
  let masked = text;
  for (const form of forms) masked = masked.split(form).join('********');
  return masked;
}
