import type { Command } from 'commander';
import { DISMISSIBLE, FLAG_NAMES, isFlagName } from '../domain/flags.js';
import { NotFound, UsageError } from '../errors.js';
import { findChild } from '../store/children.js';
import { dismissFlag } from '../store/dismissals.js';
import { type Context, withContext } from './context.js';
import { type DueOptions, type DueResult, csvCell, runDue } from './due-data.js';

interface Flags extends DueOptions { json?: boolean; csv?: boolean; dismiss?: string; reason?: string }

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function register(program: Command): void {
  program
    .command('due')
    .description('children carrying flags today (letter, consent, check, concerns), most urgent first')
    .option('--within <days>', 'look-ahead in days for turns-two-soon and consent-missing', '30')
    .option('--flag <name>', `only these flags (repeatable): ${FLAG_NAMES.join(', ')}`, collect)
    .option('--room <room>', 'only children in this room')
    .option('--key-person <name>', 'only children with this key person')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV (safe to open in a spreadsheet)')
    .option('--dismiss <ref>', 'stop flagging check-missed for this child (needs --flag check-missed and --reason)')
    .option('--reason <text>', 'why the flag is dismissed (with --dismiss)')
    .action(withContext((ctx, command) => {
      const opts = command.opts<Flags>();
      if (opts.dismiss !== undefined) return dismiss(ctx, opts);
      if (opts.reason !== undefined) throw new UsageError('--reason goes with --dismiss <ref>');
      if (opts.json && opts.csv) throw new UsageError('choose one of --json and --csv');
      const result = runDue(ctx.db(), ctx.today, opts);
      if (opts.json) ctx.out.json(result.children);
      else if (opts.csv) printCsv(ctx, result);
      else printTable(ctx, result);
      if (result.children.length === 0) ctx.out.info(`Nothing due on ${result.today} (looking ${result.within} days ahead).`);
    }));
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
  if (!child) throw new NotFound(`no child with ref "${opts.dismiss}"`, 'run: twocheck children');
  dismissFlag(db, { childId: child.id, flag: flag[0], reason, by: ctx.by, at: ctx.now() });
  ctx.out.done(`${flag[0]} dismissed for ${child.ref} (${child.firstName} ${child.lastName}).`);
}

const CSV_COLUMNS = ['ref', 'firstName', 'lastName', 'dob', 'turnsTwo', 'ageMonths', 'flags', 'nextDate',
  'checkLateFrom', 'checkMissedFrom', 'fundedFrom', 'room', 'keyPerson'] as const;

function printCsv(ctx: Context, result: DueResult): void {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of result.children) {
    lines.push(CSV_COLUMNS.map((c) => csvCell(c === 'flags' ? row.flags.join(' ') : row[c])).join(','));
  }
  ctx.out.stdout.write(`${lines.join('\r\n')}\r\n`);
}

function printTable(ctx: Context, result: DueResult): void {
  if (result.children.length === 0) return;
  const p = ctx.out.paint;
  const head = ['ref', 'name', 'age', 'turns two', 'flags', 'next date'];
  const rows = result.children.map((r) => [r.ref, `${r.firstName} ${r.lastName}`, r.age, r.turnsTwo,
    r.flags.join(', '), r.nextDate]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const out: string[] = [p.bold(line(head))];
  for (const r of rows) {
    const text = line(r);
    out.push(/check-missed|check-late/.test(r[4]!) ? p.red(text) : text);
  }
  ctx.out.stdout.write(`${out.join('\n')}\n`);
}
