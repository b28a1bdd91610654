import type { Command } from 'commander';
import { type Context, withContext } from './context.js';

export function register(program: Command): void {
  const mail = program.command('mail').description("email through the setting's own mail server: set it up with setup --smtp, then try it");
  mail
    .command('test')
    .description("send a short test message and show the server's answer")
    .argument('<address>', 'who gets the test message (you, say)')
    .option('--json', 'print the result as JSON')
    .action(
      withContext(async (ctx, command) => {
        await mailTest(ctx, command.args[0] as string, command.opts<{ json?: boolean }>().json === true);
      }),
    );
}

async function mailTest(ctx: Context, address: string, json: boolean): Promise<void> {
  const { emailArgument, loadMailConfig } = await import('../app/mail-config.js');
  const { runMailTest } = await import('../app/mail-test.js');
  const { realPace } = await import('../mail/deliver.js');
  const to = emailArgument(address, 'mail test');
  const config = loadMailConfig(ctx);
  ctx.out.info(
    `Sending a test message to ${to} through ${config.describe} (server from ${config.source}${config.password ? `, password from ${config.password.from}` : ''})…`,
  );
  const result = await runMailTest(ctx, config, to, realPace());
  if (json) ctx.out.json(result);
  else ctx.out.data(`${result.to}\t${result.messageId}\t${result.response}`);
  ctx.out.done(`The server accepted the test message: ${result.response}`);
}
