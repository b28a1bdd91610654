import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { counted } from '../domain/words.js';
import { InputRejected } from '../errors.js';
import { DEFAULT_LETTERS_DIR, type TemplateFile, templatesInUse, userLettersDir } from '../documents/template-files.js';
import { type Template, TemplateError, parseTemplate } from '../documents/template.js';
import { type Context, withContext } from './context.js';
import { type Column, layoutTable, tableWidth } from './table.js';

export function register(program: Command): void {
  const templates = program
    .command('templates')
    .description('list the letter templates in use, copy the defaults for editing, and check them');

  templates
    .command('list', { isDefault: true })
    .description('which templates are in use: the default or your edited copy')
    .option('--json', 'print the list as JSON')
    .action(withContext((ctx, command) => {
      const rows = runTemplatesList(ctx);
      if (command.opts<{ json?: boolean }>().json) { ctx.out.json(rows); return; }
      const columns: Column[] = [{ header: 'file' }, { header: 'origin' }, { header: 'status' }, { header: 'path', wrap: true }];
      const table = layoutTable(columns, rows.map((r) => [r.file, r.origin, r.status, r.path]), tableWidth(ctx.out.stdout, ctx.env));
      for (const line of table.rows.flat()) ctx.out.data(line);
      ctx.out.info(`Edited copies live in ${userLettersDir(ctx.env)} (twocheck templates init puts them there).`);
    }));

  templates
    .command('init')
    .description('copy the default templates to your config folder (or --to) for editing')
    .option('--to <dir>', 'where to copy them (default: your config folder)')
    .option('--force', 'overwrite copies that are already there')
    .action(withContext((ctx, command) => {
      const result = runTemplatesInit(ctx, command.opts<{ to?: string; force?: boolean }>());
      for (const file of result.copied) ctx.out.data(file);
      for (const file of result.kept) ctx.out.warn(`${file} is already there and was kept (--force overwrites it)`);
      ctx.out.done(`Copied ${counted(result.copied.length, 'template')} to ${result.dir}. Edit them, then run: twocheck templates check`);
    }));

  templates
    .command('check')
    .description('validate every template in use; exit 3 listing every problem')
    .action(withContext((ctx) => {
      const checked = runTemplatesCheck(ctx);
      ctx.out.done(`${counted(checked.length, 'template')} checked: all valid.`);
    }));
}

export interface TemplateListRow extends TemplateFile {
  status: 'valid' | 'invalid';
  title: string | null;
  kind: string | null;
  language: string | null;
}

function parseFile(file: TemplateFile): Template {
  const shown = file.origin === 'edited' ? file.path : `templates/letters/${file.file}`;
  const template = parseTemplate(fs.readFileSync(file.path, 'utf8'), shown);
  // parent-letter.pl.md must say language: pl, or a Polish family would get the wrong words.
  const suffix = /\.([a-z]{2,3})\.md$/.exec(file.file)?.[1] ?? 'en';
  if (template.language !== suffix) throw new TemplateError([`${shown}:1:1: the file name says language "${suffix}" but the front matter says "${template.language}"`]);
  return template;
}

export function runTemplatesList(ctx: Context): TemplateListRow[] {
  return templatesInUse(ctx.env).map((file) => {
    try {
      const t = parseFile(file);
      return { ...file, status: 'valid' as const, title: t.title, kind: t.kind, language: t.language };
    } catch {
      return { ...file, status: 'invalid' as const, title: null, kind: null, language: null };
    }
  });
}

export function runTemplatesInit(ctx: Context, options: { to?: string; force?: boolean }): { dir: string; copied: string[]; kept: string[] } {
  const dir = options.to ? path.resolve(ctx.cwd, options.to) : userLettersDir(ctx.env);
  fs.mkdirSync(dir, { recursive: true });
  const copied: string[] = [];
  const kept: string[] = [];
  for (const file of fs.readdirSync(DEFAULT_LETTERS_DIR).filter((f) => f.endsWith('.md')).sort()) {
    const target = path.join(dir, file);
    if (fs.existsSync(target) && !options.force) { kept.push(target); continue; }
    fs.copyFileSync(path.join(DEFAULT_LETTERS_DIR, file), target);
    copied.push(target);
  }
  return { dir, copied, kept };
}

export function runTemplatesCheck(ctx: Context): Template[] {
  const problems: string[] = [];
  const valid: Template[] = [];
  for (const file of templatesInUse(ctx.env)) {
    try {
      valid.push(parseFile(file));
    } catch (error) {
      if (error instanceof TemplateError) problems.push(...error.problems);
      else problems.push(`${file.path}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new InputRejected(`${counted(problems.length, 'problem')} in the letter templates`, problems);
  return valid;
}
