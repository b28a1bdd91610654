import type { Command } from 'commander';
import { ageInMonths, describeAge } from '../domain/age.js';
import { counted } from '../domain/words.js';
import { type Child, allChildren, currentChildren } from '../store/children.js';
import { type Context, withContext } from './context.js';
import { childrenCsv, childrenTable } from './children-table.js';
import { droppedNote, tableWidth } from './table.js';

export interface ChildrenOptions {
  all?: boolean;
  json?: boolean;
  csv?: boolean;
  wide?: boolean;
}

export interface ChildListed extends Child {
  ageMonths: number;
  age: string;
}

export function register(program: Command): void {
  program
    .command('children')
    .description('list the children on the roster, with their age today')
    .option('--all', 'include children who have left')
    .option('--json', 'print a JSON array')
    .option('--csv', "print CSV with the roster's columns, ready for `twocheck import`")
    .option('--wide', 'every column, however wide the terminal')
    .action(withContext((ctx, command) => {
      const opts = command.opts<ChildrenOptions>();
      renderChildren(ctx, runChildren(ctx, opts), opts);
    }));
}

export function runChildren(ctx: Context, options: ChildrenOptions): ChildListed[] {
  const db = ctx.db();
  const children = options.all ? allChildren(db) : currentChildren(db);
  // oldest first, as the current list is, whether or not leavers are included
  if (options.all) children.sort((a, b) => (a.dob < b.dob ? -1 : a.dob > b.dob ? 1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  return children.map((c) => {
    const months = ageInMonths(c.dob, ctx.today);
    return { ...c, ageMonths: months, age: describeAge(months) };
  });
}

export function renderChildren(ctx: Context, children: ChildListed[], options: ChildrenOptions): void {
  if (options.json) {
    ctx.out.json(children);
    return;
  }
  if (options.csv) {
    ctx.out.stdout.write(childrenCsv(children, options.all === true));
    return;
  }
  if (children.length === 0) {
    ctx.out.info(options.all ? 'No children recorded. Run: twocheck import roster.csv' : 'No current children. Run: twocheck import roster.csv');
    return;
  }
  const { lines, dropped } = childrenTable(children, options.all === true, tableWidth(ctx.out.stdout, ctx.env, options.wide), ctx.out.paint.bold);
  for (const line of lines) ctx.out.data(line);
  const note = droppedNote(dropped);
  if (note) ctx.out.info(note);
  ctx.out.info(counted(children.length, 'child', 'children'));
}
