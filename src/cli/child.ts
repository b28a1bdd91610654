import type { Command } from 'commander';
import { type ChildResult, runChild } from '../app/child.js';
import { emailLinesFor } from '../store/mail.js';
import { londonDate } from '../domain/calendar.js';
import { londonDateTime } from '../domain/clock.js';
import { type Context, withContext } from './context.js';
import { describeHomeHub } from './home-hub.js';
import { basisOnRecord, fundedFrom } from '../domain/funding.js';
import { camelKeys } from './json-keys.js';
import { integratedLines } from './review-text.js';

export function register(program: Command): void {
  program
    .command('child')
    .description("one child's timeline: birthday, letters, consent, check window, checks, concerns")
    .argument('<ref>', "the child's reference on the roster")
    .option('--json', 'print the timeline as one JSON object')
    .action(
      withContext((ctx, command) => {
        const ref = command.args[0] as string;
        const result = runChild(ctx, ref);
        if (command.opts<{ json?: boolean }>().json) ctx.out.json(camelKeys(result));
        else printTimeline(ctx, result);
      }),
    );
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
  field('funded from', fundedFrom(c.dob, basisOnRecord(c)));
  lines.push('', p.bold(`Flags on ${r.today}`));
  lines.push(r.flags.length === 0 ? '  none' : `  ${r.flags.map((f) => `${f.name} (${f.date}${f.note ? `: ${f.note}` : ''})`).join(', ')}`);
  lines.push('', p.bold('Letters'));
  if (r.letters.length === 0) lines.push('  none');
  const emailed = emailLinesFor(ctx.db(), c.ref);
  for (const l of r.letters)
    lines.push(
      `  ${l.kind}: generated ${londonDate(new Date(l.generated_at))} by ${l.generated_by}; ${l.sent_on ? `sent ${l.sent_on}` : 'not sent'}; ${l.file}`,
      ...emailed.letter(l.id),
    );
  lines.push('', p.bold('Consents'));
  if (r.consents.length === 0) lines.push('  none');
  for (const s of r.consents)
    lines.push(`  ${s.on_date} ${s.kind}: ${s.status} by ${s.given_by} (${s.method})${s.note ? `: ${s.note}` : ''}`);
  lines.push('', p.bold('Progress Checks'));
  if (r.checks.length === 0) lines.push('  none');
  for (const k of r.checks) {
    lines.push(
      `  version ${k.version}: ${k.status}${k.completed_on ? `, completed ${k.completed_on}` : ''}${k.practitioner ? ` by ${k.practitioner}` : ''}, ${k.shared_on ? `shared with parents ${k.shared_on}` : 'not shared with parents'}${k.amend_reason ? `; amended: ${k.amend_reason}` : ''}${k.version > 1 && k.recorded_on && k.recorded_on !== k.completed_on ? ` (recorded ${k.recorded_on})` : ''}`,
    );
    if (k.pdf_path) lines.push(`    ${k.pdf_path}  sha256 ${k.pdf_sha256 ?? '?'}`);
  }
  for (const h of r.check_shares)
    lines.push(
      `  version ${h.version}: shared with ${h.with_whom} by ${h.how} ${h.on_date}${h.message_id ? `; Message-ID ${h.message_id}` : ''}${h.without_consent_reason ? `, without consent (safeguarding): ${h.without_consent_reason}` : ''}`,
    );
  lines.push('', p.bold('Health and Development Review'), ...integratedLines(r, r.today));
  lines.push('', p.bold('Concerns'));
  if (r.concerns.length === 0) lines.push('  none');
  for (const x of r.concerns) {
    lines.push(
      `  ${x.raised_on} ${x.area} (raised by ${x.raised_by}): ${x.description}; ${x.closed_on ? `closed ${x.closed_on}` : 'open'}`,
    );
    for (const e of x.events)
      lines.push(
        `    ${e.on_date} ${e.kind}${e.with_whom ? ` with ${e.with_whom}` : ''}${e.how ? ` (${e.how})` : ''}${e.note ? `: ${e.note}` : ''}${e.due_on ? `, due ${e.due_on}` : ''}${e.done_on ? `, done ${e.done_on}` : ''}`,
      );
  }
  lines.push('', p.bold('Group sessions'));
  if (r.group_sessions.length === 0) lines.push('  none');
  for (const g of r.group_sessions)
    lines.push(
      `  ${g.on_date}${g.place ? ` at ${g.place}` : ''}: ${g.attended === true ? 'attended' : g.attended === false ? 'did not attend' : 'invited'}`,
    );
  if (r.dismissals.length > 0) {
    lines.push('', p.bold('Dismissed flags'));
    for (const d of r.dismissals) lines.push(`  ${d.flag}: ${d.reason} (${d.by}, ${londonDate(new Date(d.at))})`);
  }
  lines.push('', p.bold('Audit'));
  if (r.audit.length === 0) lines.push('  none');
  // the log of what was really done, in that order, at England's time (the store keeps UTC)
  for (const a of r.audit) lines.push(`  ${londonDateTime(new Date(a.at))} ${a.by} ${a.action}${a.details ? ` ${a.details}` : ''}`);
  ctx.out.data(lines.join('\n'));
}
