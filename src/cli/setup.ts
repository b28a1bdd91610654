import type { Command } from 'commander';
import {
  REQUIRED,
  cleanSettingValue,
  logoFileProblem,
  planSetup,
  runSetup,
  runSetupShow,
  settingProblem,
  tidySettingValue,
} from '../app/setup.js';
import type { Setting, SettingChanges, SettingField } from '../store/setting.js';
import { type Context, withContext } from './context.js';
import { ask, loadPrompts } from './prompts.js';

const LABELS: Record<SettingField, string> = {
  name: 'Setting name',
  address: 'Address (use "," between lines)',
  postcode: 'Postcode',
  phone: 'Phone',
  email: 'Email (optional)',
  manager: 'Manager (optional)',
  urn: 'Ofsted URN (optional)',
  area: 'Area whose Hub table to use',
  logo: 'Logo image for letterheads, PNG or JPEG (optional)',
};

export function register(program: Command): void {
  program
    .command('setup')
    .description("record the setting's details that letters and checks print")
    .option('--name <name>', "the setting's name")
    .option('--address <address>', 'postal address; separate lines with commas')
    .option('--postcode <postcode>', 'postcode')
    .option('--phone <phone>', 'phone number')
    .option('--email <email>', 'email address')
    .option('--manager <name>', "the manager's name (signs letters)")
    .option('--urn <urn>', 'Ofsted unique reference number')
    .option('--area <area>', 'the Hub table to use', undefined)
    .option('--logo <file>', 'a PNG or JPEG logo for the letterhead')
    .option('--smtp <url>', 'the mail server for email, e.g. smtp://you@example.org@smtp.example.org:587 (no password; "" removes it)')
    .option('--show', 'print the details recorded, change nothing')
    .action(
      withContext(async (ctx, command) => {
        const { smtp, ...opts } = command.opts<Partial<Record<SettingField, string>> & { show?: boolean; smtp?: string }>();
        if (opts.show) {
          printSetting(ctx, runSetupShow(ctx));
          (await import('./setup-smtp.js')).showSmtp(ctx);
          return;
        }
        // the URL is checked before anything is saved, and saved after the rest is
        const mail = smtp === undefined ? null : { setup: await import('./setup-smtp.js'), url: smtp };
        const smtpUrl = mail?.setup.checkSmtp(mail.url);
        if (mail && Object.keys(opts).length === 0) return mail.setup.saveSmtp(ctx, smtpUrl ?? null);
        const result = await runSetup(ctx, await askForSetting(ctx, opts));
        if (result.changed.length === 0) ctx.out.info('Nothing changed.');
        else ctx.out.done(`Saved: ${result.changed.join(', ')}.`);
        mail?.setup.saveSmtp(ctx, smtpUrl ?? null);
      }),
    );
}

/** The fields to save: the flags given and, on a terminal, answers to what is missing (everything, when no flag was given). */
async function askForSetting(ctx: Context, given: Partial<Record<SettingField, string>>): Promise<SettingChanges> {
  const fields = Object.keys(LABELS) as SettingField[];
  const { changes, merged, missing } = planSetup(ctx, given, fields);
  const nothingGiven = Object.keys(changes).length === 0;
  if (missing.length === 0 && !(nothingGiven && ctx.interactive)) return changes;
  const prompts = await loadPrompts(ctx, `setup needs ${missing.map((f) => `--${f}`).join(', ')}`);
  for (const field of nothingGiven ? fields : missing) {
    const answer = await ask(() =>
      prompts.input({
        message: LABELS[field],
        default: merged[field] ?? (field === 'area' ? 'staffordshire' : ''),
        validate: async (v) => {
          const value = tidySettingValue(v);
          if (value === '') return REQUIRED.includes(field) ? 'Needed for letters and checks' : true;
          // a logo is judged as --logo judges it, so a bad one is asked again rather than losing every answer
          if (field === 'logo') return (await logoFileProblem(ctx, value)) ?? true;
          const refused = settingProblem(field, value);
          return refused ? [refused.problem, refused.hint].filter(Boolean).join('; ') : true;
        },
      }),
    );
    const value = cleanSettingValue(field, answer);
    if (value !== (merged[field] ?? null)) changes[field] = value;
  }
  return changes;
}

function printSetting(ctx: Context, setting: Setting): void {
  for (const field of Object.keys(LABELS) as SettingField[]) {
    ctx.out.data(`${field.padEnd(9)}${setting[field] ?? ''}`);
  }
}
