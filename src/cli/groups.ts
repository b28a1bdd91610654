import path from 'node:path';
import type { Command } from 'commander';
import { type CalendarDate, formatLongDate } from '../domain/calendar.js';
import { DATE_INPUT_FORMS, parseDateInput } from '../domain/dates-input.js';
import { describeAge } from '../domain/age.js';
import { type GroupBy, type GroupChild, type Plan, planGroups } from '../domain/groups.js';
import { counted } from '../domain/words.js';
import { letterFields, recipientOf } from '../documents/fields.js';
import { ensureFolder, entryExists, refuseLink } from '../documents/files.js';
import { safeFileName } from '../documents/names.js';
import { loadTemplate } from '../documents/template-files.js';
import { type Template, TemplateError } from '../documents/template.js';
import { consentToShare } from '../domain/consent.js';
import { InputRejected, NoSetting, NotFound, TwocheckError, UsageError } from '../errors.js';
import { consentHistory, recordConsentOverride } from '../store/consents.js';
import { type Child, currentChildren, findChild } from '../store/children.js';
import { type NewInvitation, type Session, bookedChildIds, createSessions, findSession, listSessions, recordAttendance, recordInvitations } from '../store/groups.js';
import { recordAudit } from '../store/audit.js';
import type { Db } from '../store/db.js';
import { getSetting } from '../store/setting.js';
import { type Context, withContext } from './context.js';
import { fitLine, tableWidth } from './table.js';
import { homeHubs } from './home-hub.js';
import { type Override, checkOverrideFlags } from './share-gate.js';

interface PlanFlags { from?: string; to?: string; size?: string; spread?: string; groupBy?: string; minutesSaved?: string; json?: boolean }
interface CreateFlags extends PlanFlags { date?: string[]; time?: string; place?: string; lead?: string; healthVisitor?: string; allowPast?: boolean }

function planOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--from <date>', 'first day of the window')
    .requiredOption('--to <date>', 'last day of the window')
    .option('--size <n>', 'at most this many children in a session', '6')
    .option('--spread <months>', 'at most this many months between oldest and youngest on the day', '3')
    .addOption(cmd.createOption('--group-by <what>', 'keep children of the same room or key person together').choices(['room', 'key-person']))
    .option('--minutes-saved <n>', 'minutes of professional time saved per review (an estimate)', '10')
    .option('--json', 'print JSON');
}

export function register(program: Command): void {
  const groups = program.command('groups').description('plan and run group Health and Development Reviews');
  planOptions(groups.command('plan').description('propose sessions for children due in a window; saves nothing'))
    .action(withContext((ctx, cmd) => {
      const plan = runPlan(ctx, cmd.opts<PlanFlags>());
      if (cmd.opts<PlanFlags>().json) ctx.out.json(plan);
      else printPlan(ctx, plan);
    }));
  planOptions(groups.command('create').description('save the plan as sessions, one per proposed session'))
    .option('--date <date...>', 'the date of each session in plan order, instead of the proposed dates')
    .option('--time <HH:MM>', 'start time of every session')
    .option('--place <place>', 'where the sessions are held')
    .option('--lead <name>', 'the lead practitioner')
    .option('--health-visitor <name>', 'the health visitor, if known')
    .option('--allow-past', 'save sessions dated before today (recording sessions already held)')
    .action(withContext((ctx, cmd) => {
      const flags = cmd.opts<CreateFlags>();
      const sessions = runCreate(ctx, flags);
      if (flags.json) ctx.out.json(sessions);
      else printSessions(ctx, sessions);
      if (sessions.length === 0) ctx.out.info('Nothing to save: no child can be placed in a session.');
      else ctx.out.done(`Saved ${counted(sessions.length, 'session')}: ${sessions.map((s) => `#${s.id}`).join(', ')}.`);
    }));
  groups.command('list').description('the saved sessions and who is in each').option('--json', 'print JSON')
    .action(withContext((ctx, cmd) => {
      const sessions = listSessions(ctx.db());
      if (cmd.opts<{ json?: boolean }>().json) ctx.out.json(sessions);
      else if (sessions.length === 0) ctx.out.info('No group sessions saved yet.');
      else printSessions(ctx, sessions);
    }));
  groups.command('ics <file>').description('write the saved sessions as a calendar file (iCalendar) to import into a calendar')
    .option('--full-names', "children's full names (default: ref and first name)")
    .action(withContext(async (ctx, cmd) => {
      const { writeSessionsIcs } = await import('./ics.js');
      const sessions = listSessions(ctx.db());
      const file = await writeSessionsIcs(ctx, sessions, cmd.args[0] as string, { fullNames: cmd.opts<{ fullNames?: boolean }>().fullNames });
      ctx.out.done(`Calendar written with ${counted(sessions.length, 'session')}: ${file}`);
    }));
  groups.command('invite <session>').description('write an invitation letter (PDF) for each child in a session')
    .option('--out <dir>', 'folder for the letters', 'letters')
    .option('--without-consent', 'invite children without current consent to share (safeguarding; needs --reason)')
    .option('--reason <text>', 'with --without-consent: why safeguarding overrides consent (kept in the audit log)')
    .option('--force', 'write again over invitations already there')
    .action(withContext(async (ctx, cmd) => {
      const session = cmd.args[0] as string;
      const flags = cmd.opts<{ out: string; force?: boolean } & Override>();
      const files = await runInvite(ctx, sessionId(session), flags);
      for (const f of files) ctx.out.data(f);
      ctx.out.done(`Wrote ${counted(files.length, 'invitation')} into ${flags.out}.`);
    }));
  groups.command('attend <session> <ref...>').description('record who came to a session (or --absent)')
    .option('--absent', 'record these children as not attending')
    .action(withContext((ctx, cmd) => {
      const [session, ...refs] = cmd.args as [string, ...string[]];
      const absent = cmd.opts<{ absent?: boolean }>().absent === true;
      runAttend(ctx, sessionId(session), refs, !absent);
      ctx.out.done(`Recorded ${counted(refs.length, 'child', 'children')} as ${absent ? 'absent' : 'attended'} at session #${session}.`);
    }));
}

function date(flag: string, value: string | undefined): CalendarDate {
  const d = value === undefined ? null : parseDateInput(value);
  if (!d) throw new UsageError(`--${flag} must be a date as ${DATE_INPUT_FORMS}, not "${value ?? ''}"`);
  return d;
}

function whole(flag: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value ?? '') || n < min) throw new UsageError(`--${flag} must be a whole number of at least ${min}, not "${value ?? ''}"`);
  return n;
}

function sessionId(text: string): number {
  if (!/^#?\d+$/.test(text)) throw new UsageError(`a session is its number, as \`twocheck groups list\` shows, not "${text}"`);
  return Number(text.replace('#', ''));
}

export function runPlan(ctx: Context, flags: PlanFlags): Plan {
  const from = date('from', flags.from);
  const to = date('to', flags.to);
  if (to < from) throw new UsageError('--to must not be before --from');
  const db = ctx.db();
  const booked = bookedChildIds(db);
  const hubs = homeHubs(db);
  const candidates: GroupChild[] = currentChildren(db).filter((c) => !booked.has(c.id)).map((c) => {
    const hub = hubs.of({ address: c.address, postcode: c.postcode });
    return {
      ref: c.ref, name: `${c.firstName} ${c.lastName}`, dob: c.dob, family: c.family, room: c.room, keyPerson: c.keyPerson,
      hub: hub.kind === 'found' ? hub.hub.name : null,
    };
  });
  return planGroups(candidates, {
    from, to,
    size: whole('size', flags.size, 1),
    spread: whole('spread', flags.spread, 0),
    by: flags.groupBy as GroupBy | undefined,
    minutesSaved: whole('minutes-saved', flags.minutesSaved, 0),
  });
}

export function runCreate(ctx: Context, flags: CreateFlags): Session[] {
  const plan = runPlan(ctx, flags);
  const dates = flags.date?.map((d) => date('date', d));
  if (dates && dates.length !== plan.sessions.length) {
    throw new UsageError(`the plan has ${counted(plan.sessions.length, 'session')} but --date gave ${counted(dates.length, 'date')}`, 'run `twocheck groups plan` with the same flags to see them');
  }
  const past = (dates ?? plan.sessions.map((s) => s.date)).filter((d) => d < ctx.today);
  if (past.length > 0 && !flags.allowPast) {
    throw new UsageError(`a session would be in the past: ${past.join(', ')} (today is ${ctx.today}); nothing was saved`,
      'give dates from today on (--from, or --date), or --allow-past to record sessions already held');
  }
  if (flags.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(flags.time)) throw new UsageError(`--time must be HH:MM, not "${flags.time}"`);
  const db = ctx.db();
  const ids = createSessions(db, plan.sessions.map((s, i) => ({
    onDate: dates?.[i] ?? s.date,
    atTime: flags.time ?? null,
    place: flags.place ?? null,
    lead: flags.lead ?? null,
    healthVisitor: flags.healthVisitor ?? null,
    childIds: s.members.map((m) => (findChild(db, m.ref) as { id: number }).id),
  })), ctx.by, ctx.now());
  return ids.map((id) => findSession(db, id) as Session);
}

export async function runInvite(ctx: Context, id: number, flags: { out: string; force?: boolean } & Override): Promise<string[]> {
  const db = ctx.db();
  const setting = getSetting(db);
  if (!setting) throw new NoSetting();
  const session = findSession(db, id);
  if (!session) throw new NotFound(`no group session #${id}`, 'run `twocheck groups list` to see the sessions');
  const children = session.members.map((m) => findChild(db, m.ref) as Child);
  const override = checkOverrideFlags(flags);
  // An invitation to a review "with our health visiting team" shares the child with health:
  // every child needs consent (or a safeguarding reason), and one session has one Hub.
  const hubs = homeHubs(db);
  const hubNames = new Set(children.map((c) => { const h = hubs.of({ address: c.address, postcode: c.postcode }); return h.kind === 'found' ? h.hub.name : null; }));
  if (hubNames.size > 1 || hubNames.has(null)) {
    const list = children.map((c) => { const h = hubs.of({ address: c.address, postcode: c.postcode }); return `${c.ref} ${h.kind === 'found' ? h.hub.name : 'no certain Hub'}`; });
    throw new TwocheckError(`session #${id} mixes children of different Hubs (or a home no Hub certainly covers): ${list.join(', ')}; nothing was written`,
      'one group review is with one Hub\'s health visitors: plan the sessions again (twocheck groups plan) or fix the addresses');
  }
  const refused = children.map((c) => ({ child: c, consent: consentToShare(consentHistory(db, c.id), ctx.today) })).filter((x) => !x.consent.ok);
  if (refused.length > 0 && !override) {
    throw new TwocheckError(
      `no current consent to share with health for ${refused.map((x) => `${x.child.ref} (${x.consent.ok ? '' : x.consent.reason})`).join(', ')}, so they cannot be invited to a review with the health visiting team; nothing was written`,
      `record the parents' consent first (twocheck consent <ref> --method paper), or where safeguarding requires it add --without-consent --reason "..."`,
    );
  }
  // Every template is read and checked before any file is written: a bad edit writes nothing.
  const templates = children.map((c) => {
    try {
      return loadTemplate('group-invitation', c.language, ctx.env);
    } catch (error) {
      if (error instanceof TemplateError) throw new InputRejected('the group invitation template has mistakes; nothing was written', error.problems);
      throw error;
    }
  });
  const outDir = path.resolve(ctx.cwd, flags.out);
  const fileOf = (child: Child) => path.join(outDir, `${safeFileName('group-invitation', `session-${id}`, child.ref, child.firstName, child.lastName)}.pdf`);
  // Refused before anything is drawn: an invitation already there is overwritten only with --force.
  for (const child of children) refuseLink(fileOf(child));
  const there = children.map(fileOf).filter((f) => entryExists(f));
  if (there.length > 0 && !flags.force) {
    throw new UsageError(`${there.length === 1 ? 'an invitation is' : `${there.length} invitations are`} already there: ${there.join(', ')}`, 'give --force to write them again, or choose another --out');
  }
  ensureFolder(outDir);
  const { renderLetter } = await import('../documents/letter.js');
  const { placeWithRecord } = await import('./file-record.js');
  const sessionFields = {
    'session.time': session.atTime ? `, ${session.atTime}` : '',
    'session.place': session.place ?? setting.name,
    'session.lead': session.lead ?? '',
    'session.health_visitor': session.healthVisitor ?? '',
  };
  const letters: NewInvitation[] = [];
  for (const [i, child] of children.entries()) {
    const template = templates[i] as Template;
    const rendered = await renderLetter({
      setting, template, date: ctx.today,
      fields: {
        ...letterFields(setting, child, null, ctx.today, template.language), ...sessionFields,
        'session.date': formatLongDate(session.onDate, template.language),
      },
      recipient: recipientOf(child),
    });
    if (rendered.missingGlyphs.length > 0) ctx.out.warn(`${child.ref}: these characters cannot be printed: ${rendered.missingGlyphs.join(' ')}`);
    // each file and its record move together; a file written again replaces its record's fingerprint
    const written = placeWithRecord(db, fileOf(child), rendered.pdf, {
      force: flags.force === true,
      wanted: () => true,
      record: (file, sha256) => {
        const letter = { childId: child.id, sessionId: id, template: template.file, templateHash: template.hash, file, sha256 };
        if (!replaceInvitation(db, letter, ctx.by, ctx.now())) recordInvitations(db, [letter], ctx.by, ctx.now());
        // a safeguarding override is recorded with the invitation it allowed, in the same step
        if (override && refused.some((x) => x.child.id === child.id)) {
          recordConsentOverride(db, child.id, { what: `invitation to group review #${id}`, withWhom: 'the health visiting team', reason: override, on: ctx.today }, ctx.by, ctx.now());
        }
      },
    });
    letters.push({ childId: child.id, sessionId: id, template: template.file, templateHash: template.hash, file: written.path, sha256: written.sha256 });
  }
  return letters.map((l) => l.file);
}

/** The invitation already recorded for this file, given its new fingerprint (one audit line says so); false if none. */
function replaceInvitation(db: Db, letter: NewInvitation, by: string, now: Date): boolean {
  const row = db.prepare(`SELECT id FROM letters WHERE kind = 'group-invitation' AND file = ? AND child_id = ? AND session_id = ?`)
    .get(letter.file, letter.childId, letter.sessionId) as { id: number } | undefined;
  if (!row) return false;
  db.prepare('UPDATE letters SET sha256 = ?, template = ?, template_hash = ?, generated_at = ?, generated_by = ? WHERE id = ?')
    .run(letter.sha256, letter.template, letter.templateHash, now.toISOString(), by, row.id);
  recordAudit(db, {
    by, at: now.toISOString(), childId: letter.childId, action: 'group-invitation-generated',
    details: { session: letter.sessionId, file: letter.file, sha256: letter.sha256, replaces: row.id },
  });
  return true;
}

export function runAttend(ctx: Context, id: number, refs: readonly string[], attended: boolean): void {
  const db = ctx.db();
  const session = findSession(db, id);
  if (!session) throw new NotFound(`no group session #${id}`, 'run `twocheck groups list` to see the sessions');
  if (session.onDate > ctx.today) {
    throw new UsageError(`session #${id} is on ${session.onDate}, after today (${ctx.today}): no one can have attended it yet; nothing was recorded`);
  }
  const members = new Map(session.members.map((m) => [m.ref, m.childId]));
  const missing = refs.filter((r) => !members.has(r));
  if (missing.length > 0) {
    throw new UsageError(`not in session #${id}: ${missing.join(', ')}`, `in it: ${[...members.keys()].join(', ')}`);
  }
  recordAttendance(db, id, refs.map((r) => members.get(r) as number), attended, ctx.by, ctx.now());
}

/** Prose and list lines wrapped between words to the terminal's width (see table.ts). */
function say(ctx: Context, text: string): void {
  for (const line of fitLine(text, tableWidth(ctx.out.stdout, ctx.env), '  ')) ctx.out.data(line);
}

function printPlan(ctx: Context, plan: Plan): void {
  const p = ctx.out.paint;
  say(ctx, `Children due ${formatLongDate(plan.from)} to ${formatLongDate(plan.to)}: ${plan.due}. Sessions of at most ${plan.size}, ages within ${counted(plan.spread, 'month')}${plan.by ? `, by ${plan.by}` : ''}.`);
  for (const s of plan.sessions) {
    ctx.out.data('');
    ctx.out.data(p.bold(`Session ${s.number}: ${formatLongDate(s.date)}${s.group ? ` (${s.group})` : ''}${s.hub ? `, ${s.hub}` : ''}, ${counted(s.members.length, 'child', 'children')}`));
    for (const m of s.members) ctx.out.data(`  ${m.ref.padEnd(8)} ${m.name.padEnd(24)} ${describeAge(m.ageMonths)}`);
  }
  if (plan.unplaced.length > 0) {
    ctx.out.data('');
    ctx.out.data(p.bold('Not placed'));
    for (const u of plan.unplaced) say(ctx, `  ${u.ref.padEnd(8)} ${u.name.padEnd(24)} ${u.reason}`);
  }
  ctx.out.data('');
  const e = plan.estimate;
  say(ctx, `Estimated professional time saved: ${counted(e.minutes, 'minute')} (${counted(e.reviews, 'review')} in groups × ${counted(e.minutesPerReview, 'minute')}; an estimate, not a measurement).`);
}

function printSessions(ctx: Context, sessions: readonly Session[]): void {
  for (const s of sessions) {
    const where = [s.atTime, s.place, s.lead && `lead ${s.lead}`, s.healthVisitor && `health visitor ${s.healthVisitor}`].filter(Boolean).join(', ');
    for (const line of fitLine(`#${s.id} ${formatLongDate(s.onDate)}${where ? `: ${where}` : ''}`, tableWidth(ctx.out.stdout, ctx.env), '  ')) ctx.out.data(ctx.out.paint.bold(line));
    for (const m of s.members) {
      const mark = m.attended === null ? '' : m.attended ? '  attended' : '  absent';
      ctx.out.data(`  ${m.ref.padEnd(8)} ${m.firstName} ${m.lastName}${mark}`);
    }
  }
}
