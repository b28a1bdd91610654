import type { Command } from 'commander';
import { describeAge } from '../domain/age.js';
import type { Plan } from '../domain/groups.js';
import { counted } from '../domain/words.js';
import { UsageError } from '../errors.js';
import { type Session, listSessions } from '../store/groups.js';
import { type CreateOptions, PLAN_DEFAULTS, type PlanOptions, runAttend, runCreate, runInvite, runPlan } from '../app/groups.js';
import type { Override } from '../app/share-gate.js';
import { type Context, withContext } from './context.js';
import { fitLine, tableWidth } from './table.js';

interface PlanFlags extends PlanOptions {
  json?: boolean;
}
interface CreateFlags extends CreateOptions {
  json?: boolean;
}

function planOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--from <date>', 'first day of the window')
    .requiredOption('--to <date>', 'last day of the window')
    .option('--size <n>', 'at most this many children in a session', PLAN_DEFAULTS.size)
    .option('--spread <months>', 'at most this many months between oldest and youngest on the day', PLAN_DEFAULTS.spread)
    .addOption(
      cmd.createOption('--group-by <what>', 'keep children of the same room or key person together').choices(['room', 'key-person']),
    )
    .option('--minutes-saved <n>', 'minutes of professional time saved per review (an estimate)', PLAN_DEFAULTS.minutesSaved)
    .option('--json', 'print JSON');
}

export function register(program: Command): void {
  const groups = program.command('groups').description('plan and run group Health and Development Reviews');
  planOptions(groups.command('plan').description('propose sessions for children due in a window; saves nothing')).action(
    withContext((ctx, cmd) => {
      const plan = runPlan(ctx, cmd.opts<PlanFlags>());
      if (cmd.opts<PlanFlags>().json) ctx.out.json(plan);
      else printPlan(ctx, plan);
    }),
  );
  planOptions(groups.command('create').description('save the plan as sessions, one per proposed session'))
    .option('--date <date...>', 'the date of each session in plan order, instead of the proposed dates')
    .option('--time <HH:MM>', 'start time of every session')
    .option('--place <place>', 'where the sessions are held')
    .option('--lead <name>', 'the lead practitioner')
    .option('--health-visitor <name>', 'the health visitor, if known')
    .option('--allow-past', 'save sessions dated before today (recording sessions already held)')
    .action(
      withContext((ctx, cmd) => {
        const flags = cmd.opts<CreateFlags>();
        const sessions = runCreate(ctx, flags);
        if (flags.json) ctx.out.json(sessions);
        else printSessions(ctx, sessions);
        if (sessions.length === 0) ctx.out.info('Nothing to save: no child can be placed in a session.');
        else ctx.out.done(`Saved ${counted(sessions.length, 'session')}: ${sessions.map((s) => `#${s.id}`).join(', ')}.`);
      }),
    );
  groups
    .command('list')
    .description('the saved sessions and who is in each')
    .option('--json', 'print JSON')
    .action(
      withContext((ctx, cmd) => {
        const sessions = listSessions(ctx.db());
        if (cmd.opts<{ json?: boolean }>().json) ctx.out.json(sessions);
        else if (sessions.length === 0) ctx.out.info('No group sessions saved yet.');
        else printSessions(ctx, sessions);
      }),
    );
  groups
    .command('ics <file>')
    .description('write the saved sessions as a calendar file (iCalendar) to import into a calendar')
    .option('--full-names', "children's full names (default: ref and first name)")
    .option('--force', 'overwrite the calendar file if it is already there')
    .action(
      withContext(async (ctx, cmd) => {
        const { writeSessionsIcs } = await import('./ics.js');
        const sessions = listSessions(ctx.db());
        const file = await writeSessionsIcs(ctx, sessions, cmd.args[0] as string, cmd.opts<{ fullNames?: boolean; force?: boolean }>());
        ctx.out.done(`Calendar written with ${counted(sessions.length, 'session')}: ${file}`);
      }),
    );
  groups
    .command('invite <session>')
    .description('write an invitation letter (PDF) for each child in a session')
    .option('--out <dir>', 'folder for the letters', 'letters')
    .option('--without-consent', 'invite children without current consent to share (safeguarding; needs --reason)')
    .option('--reason <text>', 'with --without-consent: why safeguarding overrides consent (kept in the audit log)')
    .option('--force', 'write again over invitations already there')
    .action(
      withContext(async (ctx, cmd) => {
        const session = cmd.args[0] as string;
        const flags = cmd.opts<{ out: string; force?: boolean } & Override>();
        const { files, warnings } = await runInvite(ctx, sessionId(session), flags);
        for (const warning of warnings) ctx.out.warn(warning);
        for (const f of files) ctx.out.data(f);
        ctx.out.done(`Wrote ${counted(files.length, 'invitation')} into ${flags.out}.`);
      }),
    );
  groups
    .command('attend <session> <ref...>')
    .description('record who came to a session (or --absent)')
    .option('--absent', 'record these children as not attending')
    .action(
      withContext((ctx, cmd) => {
        const [session, ...refs] = cmd.args as [string, ...string[]];
        const absent = cmd.opts<{ absent?: boolean }>().absent === true;
        runAttend(ctx, sessionId(session), refs, !absent);
        ctx.out.done(`Recorded ${counted(refs.length, 'child', 'children')} as ${absent ? 'absent' : 'attended'} at session #${session}.`);
      }),
    );
}

function sessionId(text: string): number {
  if (!/^#?\d+$/.test(text)) throw new UsageError(`a session is its number, as \`twocheck groups list\` shows, not "${text}"`);
  return Number(text.replace('#', ''));
}

/** Prose and list lines wrapped between words to the terminal's width (see table.ts). */
function say(ctx: Context, text: string): void {
  for (const line of fitLine(text, tableWidth(ctx.out.stdout, ctx.env), '  ')) ctx.out.data(line);
}

function printPlan(ctx: Context, plan: Plan): void {
  const p = ctx.out.paint;
  say(
    ctx,
    `Children due ${plan.from} to ${plan.to}: ${plan.due}. Sessions of at most ${plan.size}, ages within ${counted(plan.spread, 'month')}${plan.by ? `, by ${plan.by}` : ''}.`,
  );
  for (const s of plan.sessions) {
    ctx.out.data('');
    ctx.out.data(
      p.bold(
        `Session ${s.number}: ${s.date}${s.group ? ` (${s.group})` : ''}${s.hub ? `, ${s.hub}` : ''}, ${counted(s.members.length, 'child', 'children')}`,
      ),
    );
    for (const m of s.members) ctx.out.data(`  ${m.ref.padEnd(8)} ${m.name.padEnd(24)} ${describeAge(m.ageMonths)}`);
  }
  if (plan.unplaced.length > 0) {
    ctx.out.data('');
    ctx.out.data(p.bold('Not placed'));
    for (const u of plan.unplaced) say(ctx, `  ${u.ref.padEnd(8)} ${u.name.padEnd(24)} ${u.reason}`);
  }
  ctx.out.data('');
  const e = plan.estimate;
  say(
    ctx,
    `Estimated professional time saved: ${counted(e.minutes, 'minute')} (${counted(e.reviews, 'review')} in groups × ${counted(e.minutesPerReview, 'minute')}; an estimate, not a measurement).`,
  );
}

function printSessions(ctx: Context, sessions: readonly Session[]): void {
  for (const s of sessions) {
    const where = [s.atTime, s.place, s.lead && `lead ${s.lead}`, s.healthVisitor && `health visitor ${s.healthVisitor}`]
      .filter(Boolean)
      .join(', ');
    for (const line of fitLine(`#${s.id} ${s.onDate}${where ? `: ${where}` : ''}`, tableWidth(ctx.out.stdout, ctx.env), '  '))
      ctx.out.data(ctx.out.paint.bold(line));
    for (const m of s.members) {
      const mark = m.attended === null ? '' : m.attended ? '  attended' : '  absent';
      ctx.out.data(`  ${m.ref.padEnd(8)} ${m.firstName} ${m.lastName}${mark}`);
    }
  }
}
