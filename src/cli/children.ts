import type { Command } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { type ChildListed, type ChildrenOptions as RunOptions, runChildren } from '../app/children.js';
import { counted } from '../domain/words.js';
import { type Context, withContext } from './context.js';
import { guardCells } from './csv-safe.js';

interface ChildrenOptions extends RunOptions {
  json?: boolean;
  csv?: boolean;
}

export function register(program: Command): void {
  program
    .command('children')
    .description('list the children on the roster, with their age today')
    .option('--all', 'include children who have left')
    .option('--json', 'print a JSON array')
    .option('--csv', 'print CSV')
    .action(withContext((ctx, command) => {
      const opts = command.opts<ChildrenOptions>();
      renderChildren(ctx, runChildren(ctx, opts), opts);
    }));
}

const COLUMNS: [keyof ChildListed, string][] = [
  ['ref', 'ref'], ['firstName', 'first name'], ['lastName', 'last name'], ['dob', 'born'], ['age', 'age'],
  ['room', 'room'], ['keyPerson', 'key person'], ['postcode', 'postcode'], ['leftOn', 'left'],
];

export function renderChildren(ctx: Context, children: ChildListed[], options: ChildrenOptions): void {
  if (options.json) {
    ctx.out.json(children);
    return;
  }
  const columns = COLUMNS.filter(([k]) => k !== 'leftOn' || options.all);
  if (options.csv) {
    const fields = Object.keys(children[0] ?? { ref: '' }) as (keyof ChildListed)[];
    const header = children.length ? fields : columns.map(([k]) => k);
    ctx.out.stdout.write(stringify([header, ...children.map((c) => guardCells(header.map((f) => c[f as keyof ChildListed])))]));
    return;
  }
  if (children.length === 0) {
    ctx.out.info(options.all ? 'No children recorded. Run: twocheck import roster.csv' : 'No current children. Run: twocheck import roster.csv');
    return;
  }
  const rows = children.map((c) => columns.map(([k]) => (c[k] === null || c[k] === undefined ? '' : String(c[k]))));
  const widths = columns.map(([, h], i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  ctx.out.data(ctx.out.paint.bold(line(columns.map(([, h]) => h))));
  for (const r of rows) ctx.out.data(line(r));
  ctx.out.info(counted(children.length, 'child', 'children'));
}
