/** `setup --smtp <url>` and `setup --smtp ""`: the mail server is stored, never its password. */
import { formatSmtpUrl, parseSmtpUrl } from '../mail/server.js';
import { saveSmtpUrl, storedSmtpUrl } from '../store/mail.js';
import type { Context } from './context.js';

/** The URL as it will be stored, or null to remove it; refuses a bad one (or one with a password). */
export function checkSmtp(given: string): string | null {
  return given.trim() === '' ? null : formatSmtpUrl(parseSmtpUrl(given));
}

export function saveSmtp(ctx: Context, url: string | null): void {
  const changed = saveSmtpUrl(ctx.db(), url, ctx.by, ctx.now());
  if (!changed) ctx.out.info('Mail server unchanged.');
  else if (url)
    ctx.out.done(
      `Saved the mail server: ${url}. The password is read from TWOCHECK_SMTP_PASSWORD or a file "smtp-password" beside the database (chmod 600); try it: twocheck mail test <your address>`,
    );
  else ctx.out.done('Mail server removed.');
}

export function showSmtp(ctx: Context): void {
  ctx.out.data(`${'smtp'.padEnd(9)}${storedSmtpUrl(ctx.db()) ?? ''}`);
}
