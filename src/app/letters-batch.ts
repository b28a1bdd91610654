/**
 * Writing a batch of parent letters: choose the children, draw each letter, write it whole,
 * then record it. `remind --generate` calls generateLetters too. pdfkit loads only when a
 * letter is really drawn.
 */
// a letter is dated the day it is written for: a replayed day (--today) stamps it on that day
import { instantOnDay } from '../domain/clock.js';
import path from 'node:path';
import { serviceFor } from '../domain/consent.js';
import type { HubAnswer } from '../domain/hub.js';
import { type LetterReason, parentLetterWanted } from '../domain/letters.js';
import { InputRejected, NoSetting, NoSuchChild, UsageError } from '../errors.js';
import { type Child, currentChildren, findChild } from '../store/children.js';
import { childHasParentLetter, childrenWithParentLetter, recordLetter } from '../store/letters.js';
import { getSetting } from '../store/setting.js';
import { ensureFolder, entryExists, refuseLink } from '../documents/files.js';
import { safeFileName } from '../documents/names.js';
import { loadTemplate } from '../documents/template-files.js';
import { type Template, TemplateError } from '../documents/template.js';
import type { AppContext } from './context.js';
import { homeHubs } from './home-hub.js';
import { fileIsRecorded, isTwocheckDocument } from './file-record.js';

export interface GenerateOptions {
  /** refs to write for, whatever their age; otherwise every child whose letter is wanted */
  children?: string[];
  /** prepare letters for children turning two within this many days (default 14) */
  within?: number;
  /** folder for one PDF per child; undefined with `merged` means only the merged file */
  out?: string;
  /** one file holding every letter, to print in one go */
  merged?: string;
  /** write again children who already have a letter, and overwrite files */
  force?: boolean;
  dryRun?: boolean;
  /** called after each letter, for a progress bar */
  onProgress?: (done: number, total: number) => void;
}

export interface LetterOutcome {
  ref: string;
  name: string;
  reason: LetterReason | 'asked';
  template: string;
  file: string | null;
  hub: string;
  status: 'written' | 'would-write';
}

export interface GenerateResult {
  letters: LetterOutcome[];
  /** children passed over, and why (already have a letter) */
  skipped: { ref: string; name: string; why: string }[];
  merged: string | null;
  /** things a person must fix: no Hub number printed, glyphs the font cannot draw */
  warnings: string[];
  dryRun: boolean;
}

interface Planned {
  child: Child;
  reason: LetterOutcome['reason'];
  template: Template;
  hub: HubAnswer | null;
  file: string | null;
}

export const DEFAULT_WITHIN = 14;

export async function generateLetters(ctx: AppContext, options: GenerateOptions): Promise<GenerateResult> {
  const db = ctx.db();
  const setting = getSetting(db);
  if (!setting) throw new NoSetting();
  const within = options.within ?? DEFAULT_WITHIN;
  const out = options.out === undefined ? null : path.resolve(ctx.cwd, options.out);
  const merged = options.merged === undefined ? null : path.resolve(ctx.cwd, options.merged);
  if (!out && !merged) throw new UsageError('nowhere to write: give --out <dir> or --merged <file.pdf>');
  if (merged && !merged.toLowerCase().endsWith('.pdf')) throw new UsageError(`--merged should name a .pdf file, not "${options.merged}"`);

  const warnings: string[] = [];
  const skipped: GenerateResult['skipped'] = [];
  const already = childrenWithParentLetter(db);
  const chosen: { child: Child; reason: LetterOutcome['reason'] }[] = [];
  if (options.children && options.children.length > 0) {
    const unknown = options.children.filter((ref) => !findChild(db, ref));
    if (unknown.length > 0) throw new NoSuchChild(unknown);
    for (const ref of [...new Set(options.children)]) chosen.push({ child: findChild(db, ref) as Child, reason: 'asked' });
  } else {
    for (const child of currentChildren(db)) {
      const reason = parentLetterWanted(child.dob, ctx.today, within);
      if (reason) chosen.push({ child, reason });
    }
  }
  const todo = chosen.filter(({ child }) => {
    if (!already.has(child.id) || options.force) return true;
    skipped.push({ ref: child.ref, name: fullName(child), why: 'a parent letter is already recorded (--force writes another)' });
    return false;
  });

  // one answer for a child's Hub everywhere: the letters read it where due, child and hub do
  const hubs = todo.length > 0 ? homeHubs(db) : null;
  if (hubs?.failure) warnings.push(`no Hub numbers can be printed: ${hubs.failure}`);
  const taken = new Set<string>();
  // One template per roster language, not one look through the template folders per child.
  const templates = new Map<string | null, Template>();
  const planned: Planned[] = todo.map(({ child, reason }) => {
    let template = templates.get(child.language);
    if (!template) templates.set(child.language, (template = templateFor(child, ctx.env)));
    const hub = hubs && !hubs.failure ? hubs.of({ address: child.address, postcode: child.postcode }) : null;
    let file: string | null = null;
    if (out) {
      const base = safeName(child);
      let name = `${base}.pdf`;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.pdf`;
      taken.add(name.toLowerCase());
      file = path.join(out, name);
    }
    return { child, reason, template, hub, file };
  });

  // Refuse before writing anything, so a refusal leaves nothing half-done. A letter file left
  // with no record by a run that stopped is ours to adopt or replace (placeWithRecord).
  const targets = [...planned.map((p) => p.file), merged].filter((f): f is string => !!f);
  for (const f of targets) refuseLink(f);
  // (a merged file beside per-child files is never recorded: one there is always overwritten only with --force)
  const existing = targets.filter(
    (f) => entryExists(f) && ((f === merged && out !== null) || fileIsRecorded(db, f) || !isTwocheckDocument(f)),
  );
  if (existing.length > 0 && !options.force && !options.dryRun) {
    throw new UsageError(
      `${existing.length === 1 ? 'a letter file is' : `${existing.length} letter files are`} already there: ${existing.join(', ')}`,
      'move them away, or give --force to overwrite',
    );
  }
  // a folder that cannot be made fails now, before any letter is drawn
  if (!options.dryRun && planned.length > 0) {
    if (out) ensureFolder(out);
    if (merged) ensureFolder(path.dirname(merged));
  }

  for (const p of planned) {
    if (p.hub?.kind === 'not-covered') {
      // a sure answer, not an address problem: the letter names the child's own service
      const service = serviceFor(p.hub);
      warnings.push(
        `${fullName(p.child)} (${p.child.ref}): no Hub number printed: ${p.hub.reason.replace(/\.$/, '')}${service ? '; the letter names that service instead' : ''}`,
      );
    } else if (p.hub && p.hub.kind !== 'found') {
      // (with no table at all, the one warning above says why, and the addresses are not to blame)
      const home = [p.child.address, p.child.postcode].filter(Boolean).join(', ') || 'no address on the roster';
      warnings.push(`${fullName(p.child)} (${p.child.ref}): no Hub number printed (${p.hub.reason}); check the address: ${home}`);
    }
  }
  const outcome = (p: Planned, status: LetterOutcome['status']): LetterOutcome => ({
    ref: p.child.ref,
    name: fullName(p.child),
    reason: p.reason,
    template: p.template.file,
    file: p.file ?? merged,
    hub: p.hub?.kind === 'found' ? `${p.hub.hub.name} ${p.hub.hub.phone}` : 'not printed',
    status,
  });
  if (planned.length === 0) return { letters: [], skipped, merged: null, warnings, dryRun: options.dryRun === true };
  if (options.dryRun) return { letters: planned.map((p) => outcome(p, 'would-write')), skipped, merged, warnings, dryRun: true };

  const { writeBatch } = await import('./letters-write.js');
  const { written, raced } = await writeBatch(ctx, {
    setting,
    planned,
    merged,
    warnings,
    force: options.force === true,
    onProgress: options.onProgress,
    wanted: (p) => options.force === true || !childHasParentLetter(db, p.child.id),
    record: (p, file, sha256) => {
      recordLetter(db, {
        childId: p.child.id,
        kind: 'parent-letter',
        template: p.template.file,
        templateHash: p.template.hash,
        file,
        sha256,
        generatedAt: instantOnDay(ctx.today, ctx.now()).toISOString(),
        generatedBy: ctx.by,
        recordedAt: ctx.now().toISOString(),
      });
    },
  });
  for (const p of raced)
    skipped.push({ ref: p.child.ref, name: fullName(p.child), why: 'another twocheck run wrote and recorded it at the same time' });
  return { letters: written.map((p) => outcome(p, 'written')), skipped, merged, warnings, dryRun: false };
}

export type { Planned };

function fullName(child: Child): string {
  return `${child.firstName} ${child.lastName}`;
}

function safeName(child: Child): string {
  return safeFileName(child.ref, child.firstName, child.lastName);
}

function templateFor(child: Child, env: NodeJS.ProcessEnv): Template {
  try {
    return loadTemplate('parent-letter', child.language, env);
  } catch (error) {
    if (error instanceof TemplateError) {
      throw new InputRejected(
        'the letter template has problems; no letters were written',
        error.problems,
        'fix it, then run: twocheck templates check',
      );
    }
    throw error;
  }
}
