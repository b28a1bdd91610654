/**
 * The Progress Check at two: record a completed check (from a file, or from answers the command
 * line collected), amend it, record the day the copy was given to parents, and list the
 * versions kept. The PDF and its record move together (placeWithRecord): a check PDF is never on
 * disk without its record, nor a record without its PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type CalendarDate, compareDates, londonDate } from '../domain/calendar.js';
import { consentToShare } from '../domain/consent.js';
import { DATE_INPUT_FORMS, parseDateInput } from '../domain/dates-input.js';
import { type CheckDefaults, type ProgressCheck, hasConcerns, validateCheck } from '../domain/progress-check.js';
import { safeFileName } from '../documents/names.js';
import { InputRejected, NoSetting, NoSuchChild, NotFound, NotJson, TwocheckError, UsageError } from '../errors.js';
import { TEMPLATES_DIR } from '../store/areas.js';
import { type CheckRecord, checksForChild, currentCheck, nextVersion, recordCompletedCheck, recordShared } from '../store/checks.js';
import { type Child, findChild } from '../store/children.js';
import { consentHistory } from '../store/consents.js';
import { type CheckShare, type ReviewRecord, checkSharesForChild, reviewsForChild } from '../store/reviews.js';
import { type Setting, getSetting } from '../store/setting.js';
import type { AppContext } from './context.js';
import { placeWithRecord } from './file-record.js';
import { homeHubs } from './home-hub.js';

/** A check is a few kilobytes; a --from file far bigger is not one, and is not read into memory. */
const MAX_CHECK_FILE = 1024 * 1024;

export interface RecordCheckOptions {
  /** a Progress Check JSON file, relative to the context's folder */
  from?: string;
  amend?: boolean;
  reason?: string;
  /** accept a check dated before the second birthday (needs a reason) */
  force?: boolean;
  /** the folder for the PDF (default checks) */
  out?: string;
}

/** Asks for the check (on a terminal); null when the person chose not to complete it. */
export type AskForCheck = (child: Child, defaults: CheckDefaults) => Promise<{ check: ProgressCheck; warnings: string[] } | null>;

export type RecordCheckResult =
  { kind: 'completed'; child: Child; record: CheckRecord; warnings: string[] } | { kind: 'kept-as-draft'; child: Child };

export interface CheckVersions {
  child: Child;
  versions: CheckRecord[];
  sharedWithHealth: CheckShare[];
  reviews: ReviewRecord[];
}

export function requireChild(ctx: AppContext, ref: string): Child {
  const child = findChild(ctx.db(), ref);
  if (!child) throw new NoSuchChild(ref);
  return child;
}

/** `check <ref> --show`: every version, the shares with health and the review result. */
export function checkVersions(ctx: AppContext, ref: string): CheckVersions {
  const db = ctx.db();
  const child = requireChild(ctx, ref);
  return {
    child,
    versions: checksForChild(db, child.id),
    sharedWithHealth: checkSharesForChild(db, child.id),
    reviews: reviewsForChild(db, child.id),
  };
}

/** `check <ref> --shared <date>`: the day the copy was given to parents, on the current version. */
export function recordGivenToParents(ctx: AppContext, ref: string, date: string): { child: Child; record: CheckRecord } {
  const db = ctx.db();
  const child = requireChild(ctx, ref);
  const on = parseDate(date, '--shared');
  const current = currentCheck(db, child.id);
  if (!current) throw new NotFound(`${ref} has no completed Progress Check to share yet`, `write it first: twocheck check ${ref}`);
  if (compareDates(on, ctx.today) > 0) throw new UsageError(`--shared ${on} is in the future (today is ${ctx.today})`);
  if (current.completedOn && compareDates(on, current.completedOn) < 0) {
    throw new UsageError(`--shared ${on} is before the check was completed (${current.completedOn})`);
  }
  recordShared(db, current.id, child.id, on, { by: ctx.by, at: ctx.now().toISOString() });
  return { child, record: currentCheck(db, child.id) as CheckRecord };
}

/**
 * Records a completed check, from `options.from` or else from `ask`, and writes its PDF. A child
 * with a completed check needs `amend`; both `amend` and `force` need a reason.
 */
export async function recordCheck(
  ctx: AppContext,
  ref: string,
  options: RecordCheckOptions,
  ask?: AskForCheck,
): Promise<RecordCheckResult> {
  const db = ctx.db();
  const child = requireChild(ctx, ref);
  const reason = options.reason?.trim() || null;
  if (options.force && !reason) throw new UsageError('--force needs --reason "..." saying why the check is done before two');
  const current = currentCheck(db, child.id);
  if (current && !options.amend) {
    throw new UsageError(
      `${ref} already has a completed Progress Check (version ${current.version}, ${current.completedOn}); nothing was changed`,
      `to record a new version, keeping the earlier one: twocheck check ${ref} --amend --reason "..."`,
    );
  }
  if (options.amend && !current) throw new UsageError(`${ref} has no completed check to amend`, `write it: twocheck check ${ref}`);
  if (options.amend && !reason) throw new UsageError('--amend needs --reason "..." saying what changed and why');

  const setting = getSetting(db);
  if (!setting) throw new NoSetting();
  const defaults: CheckDefaults = {
    today: ctx.today,
    childDob: child.dob,
    keyPerson: child.keyPerson,
    by: ctx.by,
    allowBeforeTwo: options.force === true,
    homeLanguage: child.language,
  };

  let check: ProgressCheck;
  let warnings: string[];
  if (options.from) {
    const validation = validateCheck(readCheckFile(path.resolve(ctx.cwd, options.from), options.from), defaults);
    if (!validation.ok) throw new InputRejected(`${options.from}: the check was refused; nothing was saved`, validation.problems);
    ({ check, warnings } = validation);
  } else {
    if (!ask) throw new UsageError(`check ${ref} needs --from <file.json>`);
    const answered = await ask(child, defaults);
    if (!answered) return { kind: 'kept-as-draft', child };
    ({ check, warnings } = answered);
  }

  const amendReason = options.amend ? reason : null;
  const version = nextVersion(db, child.id);
  const pdf = await drawCheck(ctx, { child, check, version, amendReason, setting });
  const target = freeName(path.resolve(ctx.cwd, options.out ?? 'checks'), child, version);
  let record: CheckRecord | undefined;
  placeWithRecord(db, target, pdf, {
    force: false,
    // under the write lock: a file that took this name meanwhile is never overwritten
    wanted: () => {
      if (fs.existsSync(target))
        throw new TwocheckError(`${target} appeared while the check was being drawn; nothing was recorded`, 'run the same command again');
      return true;
    },
    record: (file, sha256) => {
      record = recordCompletedCheck(
        db,
        {
          childId: child.id,
          version,
          completedOn: check.completed_on,
          practitioner: check.practitioner,
          keyPerson: check.key_person,
          data: check as unknown as Record<string, unknown>,
          pdfPath: file,
          pdfSha256: sha256,
          sharedOn: check.shared_with_parents_on,
          amendReason,
          recordedOn: londonDate(ctx.now()),
          forcedReason: options.force ? reason : null,
          lessThanExpected: hasConcerns(check),
        },
        { by: ctx.by, at: ctx.now().toISOString() },
      );
    },
  });
  if (options.force) warnings.push(`recorded before the second birthday because: ${reason}`);
  return { kind: 'completed', child, record: record as CheckRecord, warnings };
}

async function drawCheck(
  ctx: AppContext,
  a: { child: Child; check: ProgressCheck; version: number; amendReason: string | null; setting: Setting },
): Promise<Buffer> {
  const { renderCheckPdf } = await import('../documents/check.js');
  const { loadCheckLayout, layoutFile } = await import('../documents/check-layout.js');
  return renderCheckPdf({
    setting: a.setting,
    child: a.child,
    check: a.check,
    version: a.version,
    amendReason: a.amendReason,
    hub: homeHubs(ctx.db()).of({ address: a.child.address, postcode: a.child.postcode }),
    consent: consentToShare(consentHistory(ctx.db(), a.child.id), ctx.today),
    layout: loadCheckLayout(layoutFile(TEMPLATES_DIR)),
  });
}

/** A PDF once given to parents is evidence: never overwritten, even one from another database. */
function freeName(folder: string, child: Child, version: number): string {
  const base = safeFileName(child.lastName, child.firstName, child.ref, 'progress-check', `v${version}`);
  let file = path.join(folder, `${base}.pdf`);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(folder, `${base}-${n}.pdf`);
  return file;
}

/** `named` is the file as the person gave it, for the messages. */
function readCheckFile(file: string, named: string): unknown {
  const hint = 'give --from the path of a Progress Check JSON file, e.g. examples/progress-check.json';
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_CHECK_FILE)
      throw new UsageError(`${file} is too big to be a Progress Check (over ${MAX_CHECK_FILE / 1024 / 1024} MB)`, hint);
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'there is no such file'
        : code === 'EISDIR'
          ? 'it is a folder, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : (err as Error).message;
    throw new UsageError(`cannot read ${file}: ${why}`, hint);
  }
  const json = text.replace(/^\uFEFF/, '');
  try {
    return JSON.parse(json);
  } catch (err) {
    throw new NotJson(named, json, err, 'not valid JSON; nothing was saved');
  }
}

function parseDate(text: string, flag: string): CalendarDate {
  const date = parseDateInput(text);
  if (!date) throw new UsageError(`${flag} must be a date as ${DATE_INPUT_FORMS}, not "${text}"`);
  return date;
}
