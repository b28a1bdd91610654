/**
 * `remind --email <address>`: the summary cron would print goes to the manager by email
 * instead. Nothing to do sends nothing, as remind prints nothing. If the server does not take
 * it, the summary is printed after all and the run fails, so cron mails both.
 */
import { TwocheckError } from '../errors.js';
import { emailArgument, loadMailConfig } from '../app/mail-config.js';
import { reminderEmail } from '../mail/bodies.js';
import { createSender, realPace } from '../mail/deliver.js';
import type { Context } from './context.js';

/** Checks the address and the mail settings before remind does anything. */
export function prepareReminder(ctx: Context, address: string) {
  const to = emailArgument(address, '--email');
  const config = loadMailConfig(ctx);
  return {
    /** remind's writer, collecting instead of printing; end() sends */
    writer() {
      let text = '';
      return {
        line(line: string): undefined {
          text += line;
          return undefined;
        },
        async end(): Promise<void> {
          const words = reminderEmail(config.setting, ctx.today, text);
          const mailer = await config.open();
          try {
            const outcome = await createSender(mailer, realPace(), config.mask)({ to, subject: words.subject, text: words.text });
            if (!outcome.ok) {
              ctx.out.stdout.write(text);
              throw new TwocheckError(
                `the summary was not emailed to ${to} through ${config.describe}: ${outcome.failure.message}; it is printed above instead`,
              );
            }
            ctx.out.info(`Emailed the summary to ${to} (${outcome.accepted.messageId}).`);
          } finally {
            mailer.close();
          }
        },
      };
    },
  };
}
