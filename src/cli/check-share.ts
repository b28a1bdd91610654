/** `check share <ref> --email <address>`: the completed check to the health visiting team. */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { withContext } from './context.js';

export function registerShare(check: Command): void {
  check
    .command('share')
    .description('email the completed check to the health visiting team; needs current consent to share')
    .argument('<ref>', "the child's reference")
    .option('--email <address>', "the health visiting team's address")
    .option('--json', 'print the result as JSON')
    .action(withContext(async (ctx, command) => {
      const opts = command.opts<{ email?: string; json?: boolean }>();
      if (!opts.email) throw new UsageError('check share needs --email <address>: the health visiting team\'s address');
      const { emailArgument, loadMailConfig } = await import('../app/mail-config.js');
      const { shareCheckByEmail } = await import('../app/share-check.js');
      const { realPace } = await import('../mail/deliver.js');
      const to = emailArgument(opts.email, '--email');
      const result = await shareCheckByEmail(ctx, command.args[0] as string, to, () => loadMailConfig(ctx), realPace());
      if (opts.json) ctx.out.json(result);
      else ctx.out.data(`${result.ref}\tv${result.version}\t${result.to}\t${result.sentAt}\t${result.messageId}`);
      if (result.already) ctx.out.info(`${result.name}'s Progress Check (version ${result.version}) was already sent to ${result.to} on ${result.sentAt.slice(0, 10)}; not sent again.`);
      else ctx.out.done(`Sent ${result.name}'s Progress Check (version ${result.version}) to ${result.to} and recorded it; see: twocheck child ${result.ref}`);
    }));
}
