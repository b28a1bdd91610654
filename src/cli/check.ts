import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { type CalendarDate, compareDates, londonDate } from '../domain/calendar.js';
import { DATE_INPUT_FORMS, parseDateInput } from '../domain/dates-input.js';
import { type ProgressCheck, hasConcerns, validateCheck } from '../domain/progress-check.js';
import { InputRejected, NoSetting, NoSuchChild, NotFound, NotJson, TwocheckError, UsageError } from '../errors.js';
import { TEMPLATES_DIR } from '../store/areas.js';
import { type CheckRecord, checksForChild, currentCheck, nextVersion, recordCompletedCheck, recordShared } from '../store/checks.js';
import { type Child, findChild } from '../store/children.js';
import { type CheckShare, type ReviewRecord, addCheckShare, checkSharesForChild, reviewsForChild } from '../store/reviews.js';
import { consentHistory, recordConsentOverride } from '../store/consents.js';
import { consentToShare } from '../domain/consent.js';
import { getSetting } from '../store/setting.js';
import { registerShare } from './check-share.js';
import { SHARE_METHODS } from '../domain/records.js';
import { type Context, withContext } from './context.js';
import { choiceFlag, dateFlag, textFlag } from '../app/record-input.js';
import { reviewLine } from './review-text.js';
import { shareGate } from '../app/share-gate.js';
import { homeHubs } from './home-hub.js';
import { printVersions } from './check-versions.js';
import { checkTemplate } from './check-template.js';

/** A check is a few kilobytes; a --from file far bigger is not one, and is not read into memory. */
const MAX_CHECK_FILE = 1024 * 1024;

export interface CheckOptions {
  from?: string;
  amend?: boolean;
  reason?: string;
  force?: boolean;
  shared?: string;
  show?: boolean;
  json?: boolean;
  out?: string;
  shareWith?: string;
  how?: string;
  on?: string;
  withoutConsent?: boolean;
}

export type CheckResult =
  | { kind: 'completed'; child: Child; record: CheckRecord; warnings: string[] }
  | { kind: 'shared'; child: Child; record: CheckRecord }
  | { kind: 'shared-health'; child: Child; record: CheckRecord; share: CheckShare; warnings: string[] }
  | { kind: 'versions'; child: Child; versions: CheckRecord[]; sharedWithHealth: CheckShare[]; reviews: ReviewRecord[] }
  | { kind: 'kept-as-draft'; child: Child };

export function register(program: Command): void {
  const check = program
    .command('check')
    .description('write the Progress Check at two for a child, make its PDF and keep the record')
    .argument('<ref>', "the child's reference")
    .option('--from <file>', 'take the check from a JSON file (--template prints one to fill in) instead of asking')
    .option('--template', 'print a check file ready to fill in for this child, for --from; change nothing')
    .option('--amend', 'record a new version of a check already completed (needs --reason)')
    .option('--reason <text>', 'why the check is amended, or why --force is right')
    .option('--force', 'accept a check dated before the second birthday (needs --reason)')
    .option('--shared <date>', 'record the day the copy was given to parents (YYYY-MM-DD or DD/MM/YYYY)')
    .option('--share-with <whom>', 'record that the current check was shared with health, e.g. "West Hub" (needs consent to share)')
    .option('--how <how>', `with --share-with: how it was shared: ${SHARE_METHODS.join(', ')}`)
    .option('--on <date>', 'with --share-with: when (default today)')
    .option('--without-consent', 'with --share-with: share although consent is missing or withdrawn (safeguarding; needs --reason)')
    .option('--show', 'list the versions kept, with any health shares and the review result; change nothing')
    .option('--json', 'with --show (or alone): the versions as JSON')
    .option('--out <folder>', 'where to write the PDF', 'checks')
    .action(withContext(async (ctx, command) => {
      if (command.opts<{ template?: boolean }>().template) {
        const ref = command.args[0] as string;
        const child = findChild(ctx.db(), ref);
        if (!child) throw new NoSuchChild(ref);
        ctx.out.json(checkTemplate(child, ctx.today));
        return;
      }
      const result = await runCheck(ctx, command.args[0] as string, command.opts<CheckOptions>());
      render(ctx, result, command.opts<CheckOptions>());
    }));
  registerShare(check);
}

export async function runCheck(ctx: Context, ref: string, opts: CheckOptions): Promise<CheckResult> {
  const db = ctx.db();
  const child = findChild(db, ref);
  if (!child) throw new NoSuchChild(ref);
  if (opts.shareWith !== undefined) return shareWithHealth(ctx, child, opts);
  if (opts.show || (opts.json && !opts.from)) {
    return { kind: 'versions', child, versions: checksForChild(db, child.id), sharedWithHealth: checkSharesForChild(db, child.id), reviews: reviewsForChild(db, child.id) };
  }
  const actor = { by: ctx.by, at: ctx.now().toISOString() };

  if (opts.shared !== undefined) {
    const on = parseDate(opts.shared, '--shared');
    const current = currentCheck(db, child.id);
    if (!current) throw new NotFound(`${ref} has no completed Progress Check to share yet`, `write it first: twocheck check ${ref}`);
    if (compareDates(on, ctx.today) > 0) throw new UsageError(`--shared ${on} is in the future (today is ${ctx.today})`);
    if (current.completedOn && compareDates(on, current.completedOn) < 0) {
      throw new UsageError(`--shared ${on} is before the check was completed (${current.completedOn})`);
    }
    recordShared(db, current.id, child.id, on, actor);
    return { kind: 'shared', child, record: currentCheck(db, child.id) as CheckRecord };
  }

  const reason = opts.reason?.trim() || null;
  if (opts.force && !reason) throw new UsageError('--force needs --reason "..." saying why the check is done before two');
  const current = currentCheck(db, child.id);
  if (current && !opts.amend) {
    throw new UsageError(
      `${ref} already has a completed Progress Check (version ${current.version}, ${current.completedOn}); nothing was changed`,
      `to record a new version, keeping the earlier one: twocheck check ${ref} --amend --reason "..."`,
    );
  }
  if (opts.amend && !current) throw new UsageError(`${ref} has no completed check to amend`, `write it: twocheck check ${ref}`);
  if (opts.amend && !reason) throw new UsageError('--amend needs --reason "..." saying what changed and why');

  const setting = getSetting(db);
  if (!setting) throw new NoSetting();
  const defaults = { today: ctx.today, childDob: child.dob, keyPerson: child.keyPerson, by: ctx.by, allowBeforeTwo: opts.force === true, homeLanguage: child.language };

  let check: ProgressCheck;
  let warnings: string[];
  if (opts.from) {
    const file = path.resolve(ctx.cwd, opts.from);
    const validation = validateCheck(readJson(file, opts.from), defaults);
    if (!validation.ok) throw new InputRejected(`${opts.from}: the check was refused; nothing was saved`, validation.problems);
    ({ check, warnings } = validation);
  } else {
    const { askForCheck } = await import('./check-interactive.js');
    const answered = await askForCheck(ctx, child, defaults);
    if (!answered) return { kind: 'kept-as-draft', child };
    ({ check, warnings } = answered);
  }

  const version = nextVersion(db, child.id);
  const written = await writeCheckPdf(ctx, { child, check, version, amendReason: opts.amend ? reason : null, setting, out: opts.out ?? 'checks' });
  const record = recordCompletedCheck(db, {
    childId: child.id, version, completedOn: check.completed_on, practitioner: check.practitioner, keyPerson: check.key_person,
    data: check as unknown as Record<string, unknown>, pdfPath: written.path, pdfSha256: written.sha256,
    sharedOn: check.shared_with_parents_on, amendReason: opts.amend ? reason : null, recordedOn: londonDate(ctx.now()), forcedReason: opts.force ? reason : null,
    lessThanExpected: hasConcerns(check),
  }, actor);
  if (opts.force) warnings.push(`recorded before the second birthday because: ${reason}`);
  return { kind: 'completed', child, record, warnings };
}

/** The current check to health: only with consent, or for safeguarding with the reason kept. */
function shareWithHealth(ctx: Context, child: Child, opts: CheckOptions): CheckResult {
  const db = ctx.db();
  const withWhom = textFlag('--share-with', opts.shareWith) as string;
  if (opts.how === undefined) throw new UsageError(`--share-with needs --how (${SHARE_METHODS.join(', ')})`);
  const how = choiceFlag('--how', opts.how, SHARE_METHODS);
  const current = currentCheck(db, child.id);
  if (!current) throw new NotFound(`${child.ref} has no completed Progress Check to share yet`, `write it first: twocheck check ${child.ref}`);
  const on = opts.on === undefined ? ctx.today : dateFlag('--on', opts.on, { today: ctx.today, notBefore: { date: current.completedOn as CalendarDate, what: 'the check was completed' } });
  const gate = shareGate(ctx, child, { what: `the Progress Check (version ${current.version})`, withWhom, on, withoutConsent: opts.withoutConsent, reason: opts.reason });
  const share = db.transaction(() => {
    if (gate.withoutConsentReason) recordConsentOverride(db, child.id, { what: `Progress Check version ${current.version}`, withWhom, reason: gate.withoutConsentReason, on }, ctx.by, ctx.now());
    return addCheckShare(db, child.id, { checkId: current.id, version: current.version, withWhom, how, onDate: on, withoutConsentReason: gate.withoutConsentReason }, ctx.by, ctx.now());
  })();
  return { kind: 'shared-health', child, record: current, share, warnings: gate.warnings };
}

async function writeCheckPdf(ctx: Context, a: {
  child: Child; check: ProgressCheck; version: number; amendReason: string | null; setting: NonNullable<ReturnType<typeof getSetting>>; out: string;
}) {
  const { renderCheckPdf } = await import('../documents/check.js');
  const { loadCheckLayout, layoutFile } = await import('../documents/check-layout.js');
  const { safeFileName, writeFileAtomically } = await import('../documents/pdf.js');
  const layout = loadCheckLayout(layoutFile(TEMPLATES_DIR));
  const pdf = await renderCheckPdf({
    setting: a.setting, child: a.child, check: a.check, version: a.version, amendReason: a.amendReason, hub: homeHubs(ctx.db()).of({ address: a.child.address, postcode: a.child.postcode }),
    consent: consentToShare(consentHistory(ctx.db(), a.child.id), ctx.today), layout,
  });
  const folder = path.resolve(ctx.cwd, a.out);
  const base = safeFileName(a.child.lastName, a.child.firstName, a.child.ref, 'progress-check', `v${a.version}`);
  // A PDF once given to parents is evidence: never overwrite one, even from another database.
  let file = path.join(folder, `${base}.pdf`);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(folder, `${base}-${n}.pdf`);
  return writeFileAtomically(file, pdf);
}

/** `named` is the file as the person gave it, for the messages. */
function readJson(file: string, named: string): unknown {
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_CHECK_FILE) throw new UsageError(`${file} is too big to be a Progress Check (over ${MAX_CHECK_FILE / 1024 / 1024} MB)`, 'give --from the path of a Progress Check JSON file, e.g. examples/progress-check.json');
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'it is a folder, not a file'
      : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new UsageError(`cannot read ${file}: ${why}`, 'give --from the path of a Progress Check JSON file, e.g. examples/progress-check.json');
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

function render(ctx: Context, result: CheckResult, opts: CheckOptions): void {
  const name = `${result.child.firstName} ${result.child.lastName}`;
  switch (result.kind) {
    case 'versions': {
      if (opts.json) {
        ctx.out.json({ ref: result.child.ref, versions: result.versions, sharedWithHealth: result.sharedWithHealth, reviews: result.reviews });
        return;
      }
      if (result.versions.length === 0) ctx.out.info(`${name} has no Progress Check yet.`);
      if (result.versions.length > 0) printVersions(ctx, result.versions);
      for (const h of result.sharedWithHealth) {
        ctx.out.data(`v${h.version}  shared with ${h.withWhom} by ${h.how} ${h.onDate}${h.withoutConsentReason ? `  without consent (safeguarding): ${h.withoutConsentReason}` : ''}`);
      }
      for (const r of result.reviews) ctx.out.data(reviewLine(r));
      return;
    }
    case 'shared':
      ctx.out.done(`Recorded: ${name}'s Progress Check (version ${result.record.version}) given to parents on ${result.record.sharedOn as CalendarDate}.`);
      return;
    case 'shared-health':
      for (const w of result.warnings) ctx.out.warn(w);
      ctx.out.done(`Recorded: ${name}'s Progress Check (version ${result.record.version}) shared with ${result.share.withWhom} by ${result.share.how} on ${result.share.onDate}${result.share.withoutConsentReason ? ' without consent (safeguarding; the reason is in the audit log)' : ''}.`);
      return;
    case 'kept-as-draft':
      ctx.out.info(`Kept as a draft for ${name}; nothing completed. Run twocheck check ${result.child.ref} to resume.`);
      return;
    case 'completed':
      for (const w of result.warnings) ctx.out.warn(w);
      if (opts.json) ctx.out.json(result.record);
      else ctx.out.data(result.record.pdfPath ?? '');
      ctx.out.done(`Progress Check for ${name} recorded (version ${result.record.version}); give parents a copy, then: twocheck check ${result.child.ref} --shared <date>`);
      return;
    default:
      throw new TwocheckError('unexpected result');
  }
}
