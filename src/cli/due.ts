import type { Command } from 'commander';
import { dateWord } from '../domain/due.js';
import { DISMISSIBLE, FLAG_NAMES, isFlagName } from '../domain/flags.js';
import { counted } from '../domain/words.js';
import { NoSuchChild, UsageError } from '../errors.js';
import { findChild } from '../store/children.js';
import { dismissFlag } from '../store/dismissals.js';
import { type Context, withContext } from './context.js';
import { chunkedWriter } from './chunked.js';
import { csvCell } from '../domain/csv-safe.js';
import { dueRowJson } from './due-json.js';
import { type DueOptions, type DueResult, runDue } from '../app/due.js';
import { dueColumns } from './due-table.js';
import { droppedNote, tableLines, tableWidth } from './table.js';

interface Flags extends DueOptions {
  json?: boolean;
  csv?: boolean;
  wide?: boolean;
  ics?: string;
  fullNames?: boolean;
  force?: boolean;
  dismiss?: string;
  reason?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function register(program: Command): void {
  program
    .command('due')
    .description(
      'children carrying flags today (letter, consent, check, concerns), most urgent first, with the next date: "by" a deadline ahead, "since" one passed',
    )
    .option('--within <days>', 'look-ahead in days for turns-two-soon and consent-missing', '30')
    .option('--flag <name>', `only these flags (repeatable): ${FLAG_NAMES.join(', ')}`, collect)
    .option('--room <room>', 'only children in this room')
    .option('--key-person <name>', 'only children with this key person')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV (safe to open in a spreadsheet)')
    .option('--wide', 'every column, however wide the terminal')
    .option('--ics <file>', "also write a calendar file (iCalendar) with each listed child's Progress Check window")
    .option('--full-names', "with --ics: children's full names (default: ref and first name)")
    .option('--force', 'with --ics: overwrite the calendar file if it is already there')
    .option('--dismiss <ref>', `stop flagging one of ${DISMISSIBLE.join(', ')} for this child (needs --flag <that flag> and --reason)`)
    .option('--reason <text>', 'why the flag is dismissed (with --dismiss)')
    .action(
      withContext(async (ctx, command) => {
        const opts = command.opts<Flags>();
        if (opts.dismiss !== undefined) return dismiss(ctx, opts);
        if (opts.reason !== undefined) throw new UsageError('--reason goes with --dismiss <ref>');
        if (opts.json && opts.csv) throw new UsageError('choose one of --json and --csv');
        const result = runDue(ctx, opts);
        if (opts.ics !== undefined) {
          const { writeDueIcs } = await import('./ics.js');
          ctx.out.done(
            `Calendar written: ${await writeDueIcs(ctx, result.children, opts.ics, { fullNames: opts.fullNames, force: opts.force })}`,
          );
        }
        if (opts.json) await printJson(ctx, result);
        else if (opts.csv) await printCsv(ctx, result);
        else {
          await printTable(ctx, result, opts.wide === true);
          warnHubUnknown(ctx, result);
        }
        if (result.children.length === 0) ctx.out.info(`Nothing due on ${result.today} (looking ${counted(result.within, 'day')} ahead).`);
      }),
    );
}

function dismiss(ctx: Context, opts: Flags): void {
  const flag = opts.flag ?? [];
  if (flag.length !== 1 || !isFlagName(flag[0]!) || !DISMISSIBLE.includes(flag[0])) {
    throw new UsageError(`--dismiss needs exactly one --flag, one of: ${DISMISSIBLE.join(', ')}`);
  }
  const reason = opts.reason?.trim();
  if (!reason) throw new UsageError('--dismiss needs --reason "…" saying why (it is kept in the record)');
  const db = ctx.db();
  const child = findChild(db, opts.dismiss!);
  if (!child) throw new NoSuchChild(opts.dismiss!);
  const held = dismissFlag(db, { childId: child.id, flag: flag[0], reason, by: ctx.by, at: ctx.now() });
  if (held) {
    ctx.out.info(
      `${flag[0]} was already dismissed for ${child.ref} (${child.firstName} ${child.lastName}) by ${held.by} ` +
        `(${held.at.slice(0, 10)}): "${held.reason}". Nothing new was recorded.`,
    );
    return;
  }
  ctx.out.done(`${flag[0]} dismissed for ${child.ref} (${child.firstName} ${child.lastName}).`);
}

const CSV_COLUMNS = [
  'ref',
  'firstName',
  'lastName',
  'dob',
  'turnsTwo',
  'ageMonths',
  'flags',
  'nextDate',
  'checkLateFrom',
  'checkMissedFrom',
  'fundedFrom',
  'room',
  'keyPerson',
] as const;
/** Every CSV names its columns as `import` does (snake_case); JSON keeps the camelCase names. */
const CSV_HEADER = CSV_COLUMNS.map((c) => c.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`));

/** The same text as `ctx.out.json(result.children)`, written a child at a time. */
async function printJson(ctx: Context, result: DueResult): Promise<void> {
  if (result.children.length === 0) return ctx.out.json([]);
  const out = chunkedWriter(ctx);
  let first = true;
  for (const row of result.children) {
    const full = out.line(`${first ? '[\n' : ',\n'}${dueRowJson(row)}`);
    if (full) await full; // only when the pipe is full: an await per line costs a tick
    first = false;
  }
  await out.line('\n]\n');
  await out.end();
}

async function printCsv(ctx: Context, result: DueResult): Promise<void> {
  const out = chunkedWriter(ctx, { exact: true });
  await out.line(`${CSV_HEADER.join(',')}\r\n`);
  for (const row of result.children) {
    const full = out.line(`${CSV_COLUMNS.map((c) => csvCell(c === 'flags' ? row.flags.join(' ') : row[c])).join(',')}\r\n`);
    if (full) await full;
  }
  await out.end();
}

async function printTable(ctx: Context, result: DueResult, wide: boolean): Promise<void> {
  if (result.children.length === 0) return;
  const p = ctx.out.paint;
  const late = (row: number): boolean => {
    const flags = result.children[row]!.flags;
    return flags.includes('check-missed') || flags.includes('check-late');
  };
  const red = (text: string, row: number): string => (late(row) ? p.red(text) : text);
  const rows = result.children.map((r) => [
    r.ref,
    `${r.firstName} ${r.lastName}`,
    r.age,
    r.turnsTwo,
    r.flags.join(', '),
    dateWord(r.nextDate, result.today),
  ]);
  const { lines, dropped } = tableLines(dueColumns(red), rows, tableWidth(ctx.out.stdout, ctx.env, wide), p.bold);
  const out = chunkedWriter(ctx);
  for (const text of lines) {
    const full = out.line(`${text}\n`);
    if (full) await full;
  }
  await out.end();
  const note = droppedNote(dropped);
  if (note) ctx.out.info(note);
}

/** Why each listed child's Hub is unsure (the flag's own note): the address needs fixing before a letter or a call. */
function warnHubUnknown(ctx: Context, result: DueResult): void {
  const unknown: string[] = [];
  result.children.forEach((row, i) => {
    const flag = result.carried[i]!.find((f) => f.name === 'hub-unsure');
    if (flag) unknown.push(`  ${row.ref}  ${row.firstName} ${row.lastName}: ${flag.note ?? ''}`);
  });
  if (unknown.length === 0) return;
  const shown = 20;
  ctx.out.warn(
    `no Hub number for ${unknown.length} of these children (hub-unsure): correct the address in the roster and import it again (twocheck hub --child <ref> says why):`,
  );
  for (const line of unknown.slice(0, shown)) ctx.out.info(line);
  if (unknown.length > shown) ctx.out.info(`  … and ${unknown.length - shown} more`);
}
