import type { Command } from 'commander';
import { runTemplatesCheck, runTemplatesInit, runTemplatesList } from '../app/templates.js';
import { counted } from '../domain/words.js';
import { userLettersDir } from '../documents/template-files.js';
import { withContext } from './context.js';
import { type Column, layoutTable, tableWidth } from './table.js';

export function register(program: Command): void {
  const templates = program
    .command('templates')
    .description('list the letter templates in use, copy the defaults for editing, and check them');

  templates
    .command('list', { isDefault: true })
    .description('which templates are in use: the default or your edited copy')
    .option('--json', 'print the list as JSON')
    .action(
      withContext((ctx, command) => {
        const rows = runTemplatesList(ctx);
        if (command.opts<{ json?: boolean }>().json) {
          ctx.out.json(rows);
          return;
        }
        const columns: Column[] = [{ header: 'file' }, { header: 'origin' }, { header: 'status' }, { header: 'path', wrap: true }];
        const table = layoutTable(
          columns,
          rows.map((r) => [r.file, r.origin, r.status, r.path]),
          tableWidth(ctx.out.stdout, ctx.env),
        );
        for (const line of table.rows.flat()) ctx.out.data(line);
        ctx.out.info(`Edited copies live in ${userLettersDir(ctx.env)} (twocheck templates init puts them there).`);
      }),
    );

  templates
    .command('init')
    .description('copy the default templates to your config folder (or --to) for editing')
    .option('--to <dir>', 'where to copy them (default: your config folder)')
    .option('--force', 'overwrite copies that are already there')
    .action(
      withContext((ctx, command) => {
        const result = runTemplatesInit(ctx, command.opts<{ to?: string; force?: boolean }>());
        for (const file of result.copied) ctx.out.data(file);
        for (const file of result.kept) ctx.out.warn(`${file} is already there and was kept (--force overwrites it)`);
        ctx.out.done(`Copied ${counted(result.copied.length, 'template')} to ${result.dir}. Edit them, then run: twocheck templates check`);
      }),
    );

  templates
    .command('check')
    .description('validate every template in use; exit 3 listing every problem')
    .action(
      withContext((ctx) => {
        const checked = runTemplatesCheck(ctx);
        ctx.out.done(`${counted(checked.length, 'template')} checked: all valid.`);
      }),
    );
}
