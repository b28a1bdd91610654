import type { Command } from 'commander';
import { describeAge } from '../domain/age.js';
import type { CalendarDate } from '../domain/calendar.js';
import { type ChildFacts, type Flag, type KeyDates, childStatus } from '../domain/flags.js';
import { NoSuchChild } from '../errors.js';
import { type Child, findChild } from '../store/children.js';
import { type TimelineRecords, timelineRecords } from '../store/timeline.js';
import { type Context, withContext } from './context.js';
import { describeHomeHub, homeHubs } from './home-hub.js';
import type { HubAnswer } from '../domain/hub.js';

export interface ChildResult extends TimelineRecords {
  today: CalendarDate;
  child: Omit<Child, 'id'>;
  ageMonths: number;
  age: string;
  dates: KeyDates;
  flags: Flag[];
  /** the health visiting Hub for the child's home, or why it cannot be determined */
  hub: HubAnswer;
}

/**
 * The facts the flag rules need on `today`, from this child's own records: as store/status.ts
 * reads them, a record dated after `today` does not count yet, so a replay of an earlier day
 * (--today) sees that day as it was.
 */
export function factsFrom(child: Child, r: TimelineRecords, today: CalendarDate): ChildFacts {
  const by = (date: string | null): boolean => date !== null && date <= today;
  const consent = r.consents.filter((c) => c.kind === 'share-with-health' && by(c.on_date)).at(-1);
  // an amendment often keeps the first version's completion date, so it counts once recorded too
  const current = r.checks.filter((c) => c.status === 'completed' && by(c.completed_on) && (c.version === 1 || by(c.recorded_on ?? c.completed_on))).at(-1);
  return {
    dob: child.dob,
    leftOn: child.leftOn,
    letterSent: r.letters.some((l) => l.kind === 'parent-letter' && by(l.sent_on)),
    consentGiven: consent?.status === 'given',
    check: current ? { completedOn: current.completed_on as CalendarDate, sharedOn: by(current.shared_on) ? current.shared_on as CalendarDate : null } : null,
    openConcerns: r.concerns.filter((c) => by(c.raised_on) && !by(c.closed_on)).length,
    // a dismissal is a decision about the child, not an event: it counts on every day
    dismissed: r.dismissals.map((d) => d.flag),
  };
}

export function runChild(ctx: Context, ref: string, within?: number): ChildResult {
  const db = ctx.db();
  const child = findChild(db, ref);
  if (!child) throw new NoSuchChild(ref);
  const records = timelineRecords(db, child.id);
  const status = childStatus(factsFrom(child, records, ctx.today), ctx.today, within);
  const { id: _, ...details } = child;
  const hub = homeHubs(db).of({ address: child.address, postcode: child.postcode });
  return { today: ctx.today, child: details, ageMonths: status.ageMonths, age: describeAge(status.ageMonths), dates: status.dates, flags: status.flags, hub, ...records };
}

export function register(program: Command): void {
  program
    .command('child')
    .description("one child's timeline: birthday, letters, consent, check window, checks, concerns")
    .argument('<ref>', "the child's reference on the roster")
    .option('--json', 'print the timeline as one JSON object')
    .action(withContext((ctx, command) => {
      const ref = command.args[0] as string;
      const result = runChild(ctx, ref);
      if (command.opts<{ json?: boolean }>().json) ctx.out.json(result);
      else printTimeline(ctx, result);
    }));
}

function printTimeline(ctx: Context, r: ChildResult): void {
  const p = ctx.out.paint;
  const c = r.child;
  const lines: string[] = [];
  const field = (label: string, value: string | null | undefined): void => {
    if (value) lines.push(`  ${label.padEnd(16)}${value}`);
  };
  lines.push(p.bold(`${c.ref}  ${c.firstName} ${c.lastName}`));
  field('born', c.dob);
  field('age today', `${r.age} (${r.today})`);
  field('room', c.room);
  field('key person', c.keyPerson);
  field('parent', [c.parentName, c.parent2Name].filter(Boolean).join(', '));
  field('left', c.leftOn);
  field('home', [c.address, c.postcode].filter(Boolean).join(', '));
  field('Hub', describeHomeHub(r.hub).replace('<ref>', c.ref));
  lines.push('', p.bold('Dates'));
  field('turns two', r.dates.turnsTwo);
  field('check window', `${r.dates.turnsTwo} to ${r.dates.checkMissedFrom} (late from ${r.dates.checkLateFrom}, missed at three)`);
  field('funded from', r.dates.fundedFrom);
  lines.push('', p.bold(`Flags on ${r.today}`));
  lines.push(r.flags.length === 0 ? '  none' : `  ${r.flags.map((f) => `${f.name} (${f.date})`).join(', ')}`);
  lines.push('', p.bold('Letters'));
  if (r.letters.length === 0) lines.push('  none');
  for (const l of r.letters) lines.push(`  ${l.kind}: generated ${l.generated_at.slice(0, 10)} by ${l.generated_by}; ${l.sent_on ? `sent ${l.sent_on}` : 'not sent'}; ${l.file}`);
  lines.push('', p.bold('Consents'));
  if (r.consents.length === 0) lines.push('  none');
  for (const s of r.consents) lines.push(`  ${s.on_date} ${s.kind}: ${s.status} by ${s.given_by} (${s.method})${s.note ? `: ${s.note}` : ''}`);
  lines.push('', p.bold('Progress Checks'));
  if (r.checks.length === 0) lines.push('  none');
  for (const k of r.checks) {
    lines.push(`  version ${k.version}: ${k.status}${k.completed_on ? `, completed ${k.completed_on}` : ''}${k.practitioner ? ` by ${k.practitioner}` : ''}, ${k.shared_on ? `shared with parents ${k.shared_on}` : 'not shared with parents'}${k.amend_reason ? `; amended: ${k.amend_reason}` : ''}${k.version > 1 && k.recorded_on && k.recorded_on !== k.completed_on ? ` (recorded ${k.recorded_on})` : ''}`);
    if (k.pdf_path) lines.push(`    ${k.pdf_path}  sha256 ${k.pdf_sha256 ?? '?'}`);
  }
  lines.push('', p.bold('Concerns'));
  if (r.concerns.length === 0) lines.push('  none');
  for (const x of r.concerns) {
    lines.push(`  ${x.raised_on} ${x.area} (raised by ${x.raised_by}): ${x.description}; ${x.closed_on ? `closed ${x.closed_on}` : 'open'}`);
    for (const e of x.events) lines.push(`    ${e.on_date} ${e.kind}${e.with_whom ? ` with ${e.with_whom}` : ''}${e.how ? ` (${e.how})` : ''}${e.note ? `: ${e.note}` : ''}${e.due_on ? `, due ${e.due_on}` : ''}${e.done_on ? `, done ${e.done_on}` : ''}`);
  }
  lines.push('', p.bold('Group sessions'));
  if (r.group_sessions.length === 0) lines.push('  none');
  for (const g of r.group_sessions) lines.push(`  ${g.on_date}${g.place ? ` at ${g.place}` : ''}: ${g.attended === true ? 'attended' : g.attended === false ? 'did not attend' : 'invited'}`);
  if (r.dismissals.length > 0) {
    lines.push('', p.bold('Dismissed flags'));
    for (const d of r.dismissals) lines.push(`  ${d.flag}: ${d.reason} (${d.by}, ${d.at.slice(0, 10)})`);
  }
  lines.push('', p.bold('Audit'));
  if (r.audit.length === 0) lines.push('  none');
  for (const a of r.audit) lines.push(`  ${a.at} ${a.by} ${a.action}${a.details ? ` ${a.details}` : ''}`);
  ctx.out.data(lines.join('\n'));
}
