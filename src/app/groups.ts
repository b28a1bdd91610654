/**
 * Group Health and Development Reviews: plan sessions of children of a similar age, save them,
 * write the invitations (each needs consent to share with health, and one session has one
 * Hub), and record who came.
 */
import path from 'node:path';
import { type CalendarDate, formatLongDate } from '../domain/calendar.js';
import { DATE_INPUT_FORMS, parseDateInput } from '../domain/dates-input.js';
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
import {
  type NewInvitation,
  type Session,
  bookedChildIds,
  createSessions,
  findSession,
  recordAttendance,
  recordInvitations,
} from '../store/groups.js';
import { recordAudit } from '../store/audit.js';
import { reviewedChildIds } from '../store/reviews.js';
import type { Db } from '../store/db.js';
import { getSetting } from '../store/setting.js';
import type { AppContext } from './context.js';
import { homeHubs } from './home-hub.js';
import { type Override, checkOverrideFlags } from './share-gate.js';

export interface PlanOptions {
  from?: string;
  to?: string;
  size?: string;
  spread?: string;
  groupBy?: string;
  minutesSaved?: string;
}

/** What a plan uses when not told: six children a session, three months apart at most, ten minutes saved a review. */
export const PLAN_DEFAULTS = { size: '6', spread: '3', minutesSaved: '10' } as const;
export interface CreateOptions extends PlanOptions {
  date?: string[];
  time?: string;
  place?: string;
  lead?: string;
  healthVisitor?: string;
  allowPast?: boolean;
}

function date(flag: string, value: string | undefined): CalendarDate {
  const d = value === undefined ? null : parseDateInput(value);
  if (!d) throw new UsageError(`--${flag} must be a date as ${DATE_INPUT_FORMS}, not "${value ?? ''}"`);
  return d;
}

function whole(flag: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value ?? '') || n < min)
    throw new UsageError(`--${flag} must be a whole number of at least ${min}, not "${value ?? ''}"`);
  return n;
}

export function runPlan(ctx: AppContext, flags: PlanOptions): Plan {
  const from = date('from', flags.from);
  const to = date('to', flags.to);
  if (to < from) throw new UsageError('--to must not be before --from');
  const db = ctx.db();
  const booked = bookedChildIds(db);
  const reviewed = reviewedChildIds(db);
  const hubs = homeHubs(db);
  const candidates: GroupChild[] = currentChildren(db)
    .filter((c) => !booked.has(c.id) && !reviewed.has(c.id))
    .map((c) => {
      const hub = hubs.of({ address: c.address, postcode: c.postcode });
      return {
        ref: c.ref,
        name: `${c.firstName} ${c.lastName}`,
        dob: c.dob,
        family: c.family,
        room: c.room,
        keyPerson: c.keyPerson,
        hub: hub.kind === 'found' ? hub.hub.name : null,
      };
    });
  return planGroups(candidates, {
    from,
    to,
    size: whole('size', flags.size ?? PLAN_DEFAULTS.size, 1),
    spread: whole('spread', flags.spread ?? PLAN_DEFAULTS.spread, 0),
    by: flags.groupBy as GroupBy | undefined,
    minutesSaved: whole('minutes-saved', flags.minutesSaved ?? PLAN_DEFAULTS.minutesSaved, 0),
  });
}

export function runCreate(ctx: AppContext, flags: CreateOptions): Session[] {
  const plan = runPlan(ctx, flags);
  const dates = flags.date?.map((d) => date('date', d));
  if (dates && dates.length !== plan.sessions.length) {
    throw new UsageError(
      `the plan has ${counted(plan.sessions.length, 'session')} but --date gave ${counted(dates.length, 'date')}`,
      'run `twocheck groups plan` with the same flags to see them',
    );
  }
  const past = (dates ?? plan.sessions.map((s) => s.date)).filter((d) => d < ctx.today);
  if (past.length > 0 && !flags.allowPast) {
    throw new UsageError(
      `a session would be in the past: ${past.join(', ')} (today is ${ctx.today}); nothing was saved`,
      'give dates from today on (--from, or --date), or --allow-past to record sessions already held',
    );
  }
  if (flags.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(flags.time))
    throw new UsageError(`--time must be HH:MM, not "${flags.time}"`);
  const db = ctx.db();
  const ids = createSessions(
    db,
    plan.sessions.map((s, i) => ({
      onDate: dates?.[i] ?? s.date,
      atTime: flags.time ?? null,
      place: flags.place ?? null,
      lead: flags.lead ?? null,
      healthVisitor: flags.healthVisitor ?? null,
      childIds: s.members.map((m) => (findChild(db, m.ref) as { id: number }).id),
    })),
    ctx.by,
    ctx.now(),
  );
  return ids.map((id) => findSession(db, id) as Session);
}

export async function runInvite(
  ctx: AppContext,
  id: number,
  flags: { out: string; force?: boolean } & Override,
): Promise<{ files: string[]; warnings: string[] }> {
  const db = ctx.db();
  const warnings: string[] = [];
  const setting = getSetting(db);
  if (!setting) throw new NoSetting();
  const session = findSession(db, id);
  if (!session) throw new NotFound(`no group session #${id}`, 'run `twocheck groups list` to see the sessions');
  const children = session.members.map((m) => findChild(db, m.ref) as Child);
  const override = checkOverrideFlags(flags);
  // An invitation to a review "with our health visiting team" shares the child with health:
  // every child needs consent (or a safeguarding reason), and one session has one Hub.
  const hubs = homeHubs(db);
  const hubNames = new Set(
    children.map((c) => {
      const h = hubs.of({ address: c.address, postcode: c.postcode });
      return h.kind === 'found' ? h.hub.name : null;
    }),
  );
  if (hubNames.size > 1 || hubNames.has(null)) {
    const list = children.map((c) => {
      const h = hubs.of({ address: c.address, postcode: c.postcode });
      return `${c.ref} ${h.kind === 'found' ? h.hub.name : 'no certain Hub'}`;
    });
    throw new TwocheckError(
      `session #${id} mixes children of different Hubs (or a home no Hub certainly covers): ${list.join(', ')}; nothing was written`,
      "one group review is with one Hub's health visitors: plan the sessions again (twocheck groups plan) or fix the addresses",
    );
  }
  const refused = children
    .map((c) => ({ child: c, consent: consentToShare(consentHistory(db, c.id), ctx.today) }))
    .filter((x) => !x.consent.ok);
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
      if (error instanceof TemplateError)
        throw new InputRejected('the group invitation template has mistakes; nothing was written', error.problems);
      throw error;
    }
  });
  const outDir = path.resolve(ctx.cwd, flags.out);
  const fileOf = (child: Child) =>
    path.join(outDir, `${safeFileName('group-invitation', `session-${id}`, child.ref, child.firstName, child.lastName)}.pdf`);
  // Refused before anything is drawn: an invitation already there is overwritten only with --force.
  for (const child of children) refuseLink(fileOf(child));
  const there = children.map(fileOf).filter((f) => entryExists(f));
  if (there.length > 0 && !flags.force) {
    throw new UsageError(
      `${there.length === 1 ? 'an invitation is' : `${there.length} invitations are`} already there: ${there.join(', ')}`,
      'give --force to write them again, or choose another --out',
    );
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
      setting,
      template,
      date: ctx.today,
      fields: {
        ...letterFields(setting, child, null, ctx.today, template.language),
        ...sessionFields,
        'session.date': formatLongDate(session.onDate, template.language),
      },
      recipient: recipientOf(child),
    });
    if (rendered.missingGlyphs.length > 0)
      warnings.push(`${child.ref}: these characters cannot be printed: ${rendered.missingGlyphs.join(' ')}`);
    // each file and its record move together; a file written again replaces its record's fingerprint
    const written = placeWithRecord(db, fileOf(child), rendered.pdf, {
      force: flags.force === true,
      wanted: () => true,
      record: (file, sha256) => {
        const letter = { childId: child.id, sessionId: id, template: template.file, templateHash: template.hash, file, sha256 };
        if (!replaceInvitation(db, letter, ctx.by, ctx.now())) recordInvitations(db, [letter], ctx.by, ctx.now());
        // a safeguarding override is recorded with the invitation it allowed, in the same step
        if (override && refused.some((x) => x.child.id === child.id)) {
          recordConsentOverride(
            db,
            child.id,
            { what: `invitation to group review #${id}`, withWhom: 'the health visiting team', reason: override, on: ctx.today },
            ctx.by,
            ctx.now(),
          );
        }
      },
    });
    letters.push({
      childId: child.id,
      sessionId: id,
      template: template.file,
      templateHash: template.hash,
      file: written.path,
      sha256: written.sha256,
    });
  }
  return { files: letters.map((l) => l.file), warnings };
}

/** The invitation already recorded for this file, given its new fingerprint (one audit line says so); false if none. */
function replaceInvitation(db: Db, letter: NewInvitation, by: string, now: Date): boolean {
  const row = db
    .prepare(`SELECT id FROM letters WHERE kind = 'group-invitation' AND file = ? AND child_id = ? AND session_id = ?`)
    .get(letter.file, letter.childId, letter.sessionId) as { id: number } | undefined;
  if (!row) return false;
  db.prepare('UPDATE letters SET sha256 = ?, template = ?, template_hash = ?, generated_at = ?, generated_by = ? WHERE id = ?').run(
    letter.sha256,
    letter.template,
    letter.templateHash,
    now.toISOString(),
    by,
    row.id,
  );
  recordAudit(db, {
    by,
    at: now.toISOString(),
    childId: letter.childId,
    action: 'group-invitation-generated',
    details: { session: letter.sessionId, file: letter.file, sha256: letter.sha256, replaces: row.id },
  });
  return true;
}

export function runAttend(ctx: AppContext, id: number, refs: readonly string[], attended: boolean): void {
  const db = ctx.db();
  const session = findSession(db, id);
  if (!session) throw new NotFound(`no group session #${id}`, 'run `twocheck groups list` to see the sessions');
  if (session.onDate > ctx.today) {
    throw new UsageError(
      `session #${id} is on ${session.onDate}, after today (${ctx.today}): no one can have attended it yet; nothing was recorded`,
    );
  }
  const members = new Map(session.members.map((m) => [m.ref, m.childId]));
  const missing = refs.filter((r) => !members.has(r));
  if (missing.length > 0) {
    throw new UsageError(`not in session #${id}: ${missing.join(', ')}`, `in it: ${[...members.keys()].join(', ')}`);
  }
  recordAttendance(
    db,
    id,
    refs.map((r) => members.get(r) as number),
    attended,
    ctx.by,
    ctx.now(),
  );
}
