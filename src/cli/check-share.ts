/**
 * `check share <ref>`: the current check to health, one command whatever the route. `--with
 * --how` records a share made by phone, by hand or at a meeting; `--email` sends it through the
 * setting's mail server. Both need consent to share, or --without-consent --reason.
 */
import type { Command } from 'commander';
import { SHARE_METHODS } from '../domain/records.js';
import { UsageError } from '../errors.js';
import { checkOverrideFlags } from '../app/share-gate.js';
import { withContext } from './context.js';
import { choiceFlag, textFlag } from '../app/record-input.js';

interface ShareFlags {
  with?: string;
  how?: string;
  on?: string;
  email?: string;
  withoutConsent?: boolean;
  reason?: string;
  json?: boolean;
}

export function registerShare(check: Command): void {
  check
    .command('share')
    .description(
      'share the current check with health: record a share made another way (--with --how) or email it (--email); needs consent to share',
    )
    .argument('<ref>', "the child's reference")
    .option('--with <whom>', 'who it was shared with, e.g. "West Hub" (with --how)')
    .option('--how <how>', `with --with: how it was shared: ${SHARE_METHODS.join(', ')} (email: sent from another mailbox)`)
    .option('--on <date>', 'with --with: when (default today)')
    .option('--email <address>', "send it by email to the health visiting team's address (see README: mail)")
    .option('--without-consent', 'share although consent is missing or withdrawn (safeguarding; needs --reason)')
    .option('--reason <text>', 'with --without-consent: why safeguarding overrides consent (kept in the audit log)')
    .option('--json', 'print the result as JSON')
    .action(
      withContext(async (ctx, command) => {
        const ref = command.args[0] as string;
        // commander gives --reason and --json to `check`, which has them too, wherever they stand
        const parent = command.parent?.opts<{ reason?: string; json?: boolean }>() ?? {};
        const opts: ShareFlags = { ...command.opts<ShareFlags>(), reason: parent.reason, json: parent.json };
        const route = 'give --with <whom> --how <how> for a share made another way, or --email <address> to send it';
        if (opts.email !== undefined && opts.with !== undefined)
          throw new UsageError('check share takes --with or --email, not both', route);
        if (opts.email === undefined && opts.with === undefined)
          throw new UsageError('check share needs --with <whom> --how <how>, or --email <address>', route);
        checkOverrideFlags(opts);
        const override = { withoutConsent: opts.withoutConsent, reason: opts.reason };
        if (opts.email !== undefined) {
          if (opts.how !== undefined && opts.how !== 'email') throw new UsageError('--email sends it by email: leave out --how');
          if (opts.on !== undefined) throw new UsageError('--email sends it now: leave out --on');
          const { emailArgument, loadMailConfig } = await import('../app/mail-config.js');
          const { shareCheckByEmail } = await import('../app/share-check.js');
          const { realPace } = await import('../mail/deliver.js');
          const to = emailArgument(opts.email, '--email');
          const result = await shareCheckByEmail(ctx, ref, to, override, () => loadMailConfig(ctx), realPace());
          if (!result.already) for (const w of result.warnings) ctx.out.warn(w);
          if (opts.json) ctx.out.json(result);
          else ctx.out.data(`${result.ref}\tv${result.version}\t${result.to}\t${result.sentAt}\t${result.messageId}`);
          if (result.already)
            ctx.out.info(
              `${result.name}'s Progress Check (version ${result.version}) was already sent to ${result.to} on ${result.sentAt.slice(0, 10)}; not sent again.`,
            );
          else
            ctx.out.done(
              `Sent ${result.name}'s Progress Check (version ${result.version}) to ${result.to}${result.withoutConsentReason ? ' without consent (safeguarding; the reason is in the audit log)' : ''} and recorded it; see: twocheck child ${result.ref}`,
            );
          return;
        }
        const withWhom = textFlag('--with', opts.with) as string;
        if (opts.how === undefined)
          throw new UsageError(
            `--with needs --how (${SHARE_METHODS.join(', ')})`,
            `to send it by email: twocheck check share ${ref} --email <address>`,
          );
        const how = choiceFlag('--how', opts.how, SHARE_METHODS);
        const { recordHealthShare } = await import('../app/share-check.js');
        const result = recordHealthShare(ctx, ref, { withWhom, how, on: opts.on, ...override });
        for (const w of result.warnings) ctx.out.warn(w);
        if (opts.json) ctx.out.json({ ref: result.child.ref, ...result.share });
        ctx.out.done(
          `Recorded: ${result.child.firstName} ${result.child.lastName}'s Progress Check (version ${result.record.version}) shared with ${result.share.withWhom} by ${result.share.how} on ${result.share.onDate}${result.share.withoutConsentReason ? ' without consent (safeguarding; the reason is in the audit log)' : ''}.`,
        );
      }),
    );
}
