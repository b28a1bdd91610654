import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { isEmailAddress, isPhoneNumber } from '../domain/contact.js';
import { normalisePostcode } from '../domain/roster.js';
import { NoSetting, UsageError } from '../errors.js';
import { listAreas } from '../store/areas.js';
import { type Setting, type SettingChanges, type SettingField, getSetting, saveSetting } from '../store/setting.js';
import { type Context, withContext } from './context.js';
import { ask, loadPrompts } from './prompts.js';

/** What letters and checks cannot be printed without. */
const REQUIRED: readonly SettingField[] = ['name', 'address', 'postcode', 'phone'];

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

export interface SetupResult {
  setting: Setting;
  changed: SettingField[];
}

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
    .action(withContext(async (ctx, command) => {
      const { smtp, ...opts } = command.opts<Partial<Record<SettingField, string>> & { show?: boolean; smtp?: string }>();
      if (opts.show) {
        const setting = getSetting(ctx.db());
        if (!setting) throw new NoSetting();
        printSetting(ctx, setting);
        (await import('./setup-smtp.js')).showSmtp(ctx);
        return;
      }
      // the URL is checked before anything is saved, and saved after the rest is
      const mail = smtp === undefined ? null : { setup: await import('./setup-smtp.js'), url: smtp };
      const smtpUrl = mail?.setup.checkSmtp(mail.url);
      if (mail && Object.keys(opts).length === 0) return mail.setup.saveSmtp(ctx, smtpUrl ?? null);
      const result = await runSetup(ctx, opts);
      if (result.changed.length === 0) ctx.out.info('Nothing changed.');
      else ctx.out.done(`Saved: ${result.changed.join(', ')}.`);
      mail?.setup.saveSmtp(ctx, smtpUrl ?? null);
    }));
}

export async function runSetup(ctx: Context, given: Partial<Record<SettingField, string>>): Promise<SetupResult> {
  // flags are checked before the database is opened, so a refused setup leaves no empty file
  const changes: SettingChanges = {};
  for (const [field, value] of Object.entries(given) as [SettingField, string | undefined][]) {
    if (field in LABELS && value !== undefined) changes[field] = clean(field, value);
  }
  // a new database is made only once there is something to save: a cancelled prompt leaves none
  const current = fs.existsSync(ctx.dbPath) ? getSetting(ctx.db()) : null;
  const merged: SettingChanges = { ...current, ...changes };
  const missing = REQUIRED.filter((f) => !merged[f]);
  const nothingGiven = Object.keys(changes).length === 0;

  if (missing.length > 0 || (nothingGiven && ctx.interactive)) {
    const prompts = await loadPrompts(ctx, `setup needs ${missing.map((f) => `--${f}`).join(', ')}`);
    const fields: SettingField[] = nothingGiven ? (Object.keys(LABELS) as SettingField[]) : [...missing];
    for (const field of fields) {
      const answer = await ask(() =>
        prompts.input({
          message: LABELS[field],
          default: merged[field] ?? (field === 'area' ? 'staffordshire' : ''),
          validate: (v) => {
            const value = tidy(v);
            if (value === '') return REQUIRED.includes(field) ? 'Needed for letters and checks' : true;
            const refused = problemWith(field, value);
            return refused ? [refused.problem, refused.hint].filter(Boolean).join('; ') : true;
          },
        }),
      );
      const value = clean(field, answer);
      if (value !== (merged[field] ?? null)) changes[field] = value;
    }
  }
  if (changes.logo) changes.logo = await checkedLogo(ctx, changes.logo);
  const db = ctx.db();
  const changed = saveSetting(db, changes, ctx.by, ctx.now());
  return { setting: getSetting(db) as Setting, changed };
}

/**
 * A logo is saved only if a letter can carry it: a PNG or JPEG that pdfkit embeds. Its full
 * path is kept, so a cron run from another folder finds it.
 */
async function checkedLogo(ctx: Context, given: string): Promise<string> {
  const file = path.resolve(ctx.cwd, given);
  const { logoProblem } = await import('../documents/pdf.js');
  const problem = await logoProblem(file);
  if (problem) throw new UsageError(`--logo refused: ${problem}`, 'give a PNG or JPEG image; nothing was saved');
  return file;
}

const tidy = (value: string): string => value.trim().replace(/\s+/g, ' ');

/**
 * Why a value cannot be saved for a field, with what would do, or null when it can: the same
 * rule for a flag and for the prompt. Letters print the postcode, phone and email; the area
 * picks the Hub table.
 */
function problemWith(field: SettingField, value: string): { problem: string; hint?: string } | null {
  if (field === 'area') {
    const areas = listAreas();
    const area = value.toLowerCase();
    return areas.includes(area) ? null : { problem: `no Hub table for the area "${area}"`, hint: `areas available: ${areas.join(', ')}` };
  }
  if (field === 'postcode' && !normalisePostcode(value)) return { problem: `"${value}" is not a UK postcode` };
  if (field === 'phone' && !isPhoneNumber(value)) return { problem: `"${value}" is not a phone number` };
  if (field === 'email' && !isEmailAddress(value)) return { problem: `"${value}" is not an email address` };
  return null;
}

function clean(field: SettingField, value: string): string | null {
  const tidied = tidy(value);
  if (tidied === '') {
    if (REQUIRED.includes(field)) throw new UsageError(`--${field} cannot be empty`);
    return null;
  }
  const refused = problemWith(field, tidied);
  // the area's own message already names what is wrong, as hub says it
  if (refused) throw new UsageError(field === 'area' ? refused.problem : `--${field} ${refused.problem}`, refused.hint);
  if (field === 'postcode') return normalisePostcode(tidied);
  if (field === 'area') return tidied.toLowerCase();
  return tidied;
}

function printSetting(ctx: Context, setting: Setting): void {
  for (const field of Object.keys(LABELS) as SettingField[]) {
    ctx.out.data(`${field.padEnd(9)}${setting[field] ?? ''}`);
  }
}
