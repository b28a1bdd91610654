/** `mail test`: one short message through the setting's server, and the server's answer. */
import { TwocheckError } from '../errors.js';
import type { Pace } from '../mail/deliver.js';
import type { AppContext } from './context.js';
import { type MailConfig, sendOne } from './mail-config.js';

export interface MailTestResult {
  to: string;
  server: string;
  source: string;
  passwordFrom: string | null;
  messageId: string;
  response: string;
}

export async function runMailTest(ctx: AppContext, config: MailConfig, to: string, pace: Pace): Promise<MailTestResult> {
  const outcome = await sendOne(config, pace, {
    to,
    subject: `twocheck test message from ${config.setting.name}`,
    text: `This is a test message from twocheck at ${config.setting.name}, sent on ${ctx.today} through ${config.describe}.\nIf you can read it, parent letters and checks can be sent by email.\n`,
  });
  if (!outcome.ok) {
    throw new TwocheckError(
      `the test message to ${to} was not sent through ${config.describe}: ${outcome.failure.message}`,
      hintFor(outcome.failure.message, config),
    );
  }
  return {
    to,
    server: config.describe,
    source: config.source,
    passwordFrom: config.password?.from ?? null,
    messageId: outcome.accepted.messageId,
    response: outcome.accepted.response,
  };
}

/** The fixes people need most often, by what the server said. */
function hintFor(message: string, config: MailConfig): string | undefined {
  if (/\b535\b|\b534\b|Invalid login|authentication/i.test(message)) {
    return `check the user name in the SMTP URL and the password (from ${config.password?.from ?? 'nowhere'}); Gmail and Microsoft 365 need an app password or SMTP AUTH turned on: see README: mail`;
  }
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|timed out|ETIMEDOUT/i.test(message))
    return 'check the host and port in the SMTP URL, and that this computer can reach the server';
  if (/certificate|self.signed|TLS|SSL/i.test(message))
    return "the server's certificate is not trusted: for a server with its own certificate, set NODE_EXTRA_CA_CERTS to its certificate file";
  return undefined;
}
