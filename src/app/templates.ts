/**
 * The editable letter templates: which are in use (the default or an edited copy), copies of
 * the defaults to edit, and a check of every template in use.
 */
import fs from 'node:fs';
import path from 'node:path';
import { counted } from '../domain/words.js';
import { InputRejected } from '../errors.js';
import { DEFAULT_LETTERS_DIR, type TemplateFile, templatesInUse, userLettersDir } from '../documents/template-files.js';
import { type Template, TemplateError, parseTemplate } from '../documents/template.js';
import type { AppContext } from './context.js';

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
  if (template.language !== suffix)
    throw new TemplateError([`${shown}:1:1: the file name says language "${suffix}" but the front matter says "${template.language}"`]);
  return template;
}

export function runTemplatesList(ctx: AppContext): TemplateListRow[] {
  return templatesInUse(ctx.env).map((file) => {
    try {
      const t = parseFile(file);
      return { ...file, status: 'valid' as const, title: t.title, kind: t.kind, language: t.language };
    } catch {
      return { ...file, status: 'invalid' as const, title: null, kind: null, language: null };
    }
  });
}

export function runTemplatesInit(
  ctx: AppContext,
  options: { to?: string; force?: boolean },
): { dir: string; copied: string[]; kept: string[] } {
  const dir = options.to ? path.resolve(ctx.cwd, options.to) : userLettersDir(ctx.env);
  fs.mkdirSync(dir, { recursive: true });
  const copied: string[] = [];
  const kept: string[] = [];
  for (const file of fs
    .readdirSync(DEFAULT_LETTERS_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const target = path.join(dir, file);
    if (fs.existsSync(target) && !options.force) {
      kept.push(target);
      continue;
    }
    fs.copyFileSync(path.join(DEFAULT_LETTERS_DIR, file), target);
    copied.push(target);
  }
  return { dir, copied, kept };
}

export function runTemplatesCheck(ctx: AppContext): Template[] {
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
