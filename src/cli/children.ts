import type { Command } from 'commander';
import { type ChildListed, type ChildrenOptions as RunOptions, runChildren } from '../app/children.js';
import { counted } from '../domain/words.js';
import { UsageError } from '../errors.js';
import { type Context, withContext } from './context.js';
import { childrenCsv, childrenTable } from './children-table.js';
import { droppedNote, tableWidth } from './table.js';

interface ChildrenOptions extends RunOptions {
  json?: boolean;
  csv?: boolean;
  wide?: boolean;
}

export function register(program: Command): void {
  program
    .command('children')
    .description('list the children on the roster, with their age today')
    .option('--all', 'include children who have left')
    .option('--json', 'print a JSON array')
    .option('--csv', "print CSV with the roster's columns, ready for `twocheck import`")
    .option('--wide', 'every column, however wide the terminal')
    .action(
      withContext((ctx, command) => {
        const opts = command.opts<ChildrenOptions>();
        if (opts.json && opts.csv) throw new UsageError('choose one of --json and --csv');
        renderChildren(ctx, runChildren(ctx, opts), opts);
      }),
    );
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
    ctx.out.info(
      options.all ? 'No children recorded. Run: twocheck import roster.csv' : 'No current children. Run: twocheck import roster.csv',
    );
    return;
  }
  const { lines, dropped } = childrenTable(
    children,
    options.all === true,
    tableWidth(ctx.out.stdout, ctx.env, options.wide),
    ctx.out.paint.bold,
  );
  for (const line of lines) ctx.out.data(line);
  const note = droppedNote(dropped);
  if (note) ctx.out.info(note);
  ctx.out.info(counted(children.length, 'child', 'children'));
}
