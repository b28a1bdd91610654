/**
 * The setting's details that letters and checks print: checked field by field (a postcode,
 * phone or email parents could not use is refused) and saved with an audit line per change.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isEmailAddress, isPhoneNumber } from '../domain/contact.js';
import { normalisePostcode } from '../domain/roster.js';
import { NoSetting, UsageError } from '../errors.js';
import { listAreas } from '../store/areas.js';
import { type Setting, type SettingChanges, type SettingField, getSetting, saveSetting } from '../store/setting.js';
import type { AppContext } from './context.js';

/** What letters and checks cannot be printed without. */
export const REQUIRED: readonly SettingField[] = ['name', 'address', 'postcode', 'phone'];

export interface SetupResult {
  setting: Setting;
  changed: SettingField[];
}

export interface SetupPlan {
  /** the fields given, checked and tidied */
  changes: SettingChanges;
  /** the setting as it would be with them */
  merged: SettingChanges;
  /** required fields still empty */
  missing: SettingField[];
}

/**
 * The fields given, checked before the database is opened, so a refused setup leaves no empty
 * file; and a new database is not made just to read that there is no setting yet.
 */
export function planSetup(ctx: AppContext, given: Partial<Record<SettingField, string>>, fields: readonly SettingField[]): SetupPlan {
  const changes: SettingChanges = {};
  for (const [field, value] of Object.entries(given) as [SettingField, string | undefined][]) {
    if (fields.includes(field) && value !== undefined) changes[field] = cleanSettingValue(field, value);
  }
  const current = fs.existsSync(ctx.dbPath) ? getSetting(ctx.db()) : null;
  const merged: SettingChanges = { ...current, ...changes };
  return { changes, merged, missing: REQUIRED.filter((f) => !merged[f]) };
}

/** Saves the changes (a logo only if letters can carry it); refuses while a required field is empty. */
export async function runSetup(ctx: AppContext, changes: SettingChanges): Promise<SetupResult> {
  const current = fs.existsSync(ctx.dbPath) ? getSetting(ctx.db()) : null;
  const missing = REQUIRED.filter((f) => !{ ...current, ...changes }[f]);
  if (missing.length > 0) throw new UsageError(`setup needs ${missing.map((f) => `--${f}`).join(', ')}`);
  const checked = { ...changes };
  if (checked.logo) checked.logo = await checkedLogo(ctx, checked.logo);
  const db = ctx.db();
  const changed = saveSetting(db, checked, ctx.by, ctx.now());
  return { setting: getSetting(db) as Setting, changed };
}

/** The setting recorded. */
export function runSetupShow(ctx: AppContext): Setting {
  const setting = getSetting(ctx.db());
  if (!setting) throw new NoSetting();
  return setting;
}

/**
 * A logo is saved only if a letter can carry it: a PNG or JPEG that pdfkit embeds. Its full
 * path is kept, so a cron run from another folder finds it.
 */
async function checkedLogo(ctx: AppContext, given: string): Promise<string> {
  const problem = await logoFileProblem(ctx, given);
  if (problem) throw new UsageError(`--logo refused: ${problem}`, 'give a PNG or JPEG image; nothing was saved');
  return path.resolve(ctx.cwd, given);
}

/** Why a logo file cannot go on a letterhead, or null when it can: the one check for `--logo` and the prompt. */
export async function logoFileProblem(ctx: AppContext, given: string): Promise<string | null> {
  const { logoProblem } = await import('../documents/pdf.js');
  return logoProblem(path.resolve(ctx.cwd, given));
}

export const tidySettingValue = (value: string): string => value.trim().replace(/\s+/g, ' ');

/**
 * Why a value cannot be saved for a field, with what would do, or null when it can: the same
 * rule for a flag and for the prompt. Letters print the postcode, phone and email; the area
 * picks the Hub table.
 */
export function settingProblem(field: SettingField, value: string): { problem: string; hint?: string } | null {
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

/** A value as it is kept (a postcode as letters print it), or a usage error naming the flag. */
export function cleanSettingValue(field: SettingField, value: string): string | null {
  const tidied = tidySettingValue(value);
  if (tidied === '') {
    if (REQUIRED.includes(field)) throw new UsageError(`--${field} cannot be empty`);
    return null;
  }
  const refused = settingProblem(field, tidied);
  // the area's own message already names what is wrong, as hub says it
  if (refused) throw new UsageError(field === 'area' ? refused.problem : `--${field} ${refused.problem}`, refused.hint);
  if (field === 'postcode') return normalisePostcode(tidied);
  if (field === 'area') return tidied.toLowerCase();
  return tidied;
}
