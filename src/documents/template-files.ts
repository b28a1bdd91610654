/**
 * Where templates live: the shipped defaults, and the copies a manager edits in their config
 * folder (`templates init`). An edited copy wins; a language variant wins over English.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TEMPLATES_DIR } from '../store/areas.js';
import { userConfigDir } from '../store/location.js';
import { type Template, parseTemplate } from './template.js';

export const DEFAULT_LETTERS_DIR = path.join(TEMPLATES_DIR, 'letters');

export function userLettersDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(userConfigDir(env), 'templates', 'letters');
}

export interface TemplateFile {
  /** e.g. parent-letter.pl.md */
  file: string;
  path: string;
  origin: 'default' | 'edited';
}

function templateFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md') && !f.startsWith('.'))
    .sort();
}

/** Every template file in use: an edited copy shadows the default of the same file name. */
export function templatesInUse(env: NodeJS.ProcessEnv = process.env): TemplateFile[] {
  const userDir = userLettersDir(env);
  const edited = new Set(templateFiles(userDir));
  const names = new Set([...templateFiles(DEFAULT_LETTERS_DIR), ...edited]);
  return [...names]
    .sort()
    .map((file) =>
      edited.has(file)
        ? { file, path: path.join(userDir, file), origin: 'edited' as const }
        : { file, path: path.join(DEFAULT_LETTERS_DIR, file), origin: 'default' as const },
    );
}

/**
 * The template `name` (e.g. parent-letter) for a child's roster language (e.g. "pl" or "Polish"),
 * falling back to English. Throws TemplateError if the file in use is not valid.
 */
export function loadTemplate(name: string, language: string | null, env: NodeJS.ProcessEnv = process.env): Template {
  const inUse = templatesInUse(env);
  const code = languageCode(language);
  const found = (code && inUse.find((t) => t.file === `${name}.${code}.md`)) || inUse.find((t) => t.file === `${name}.md`);
  if (!found) throw new Error(`no template "${name}" in ${userLettersDir(env)} or ${DEFAULT_LETTERS_DIR}`);
  const text = fs.readFileSync(found.path, 'utf8');
  // A batch asks once per child; the same file with the same text is parsed once per run.
  const key = `${found.path}\u0000${text}`;
  let template = parsed.get(key);
  if (!template) {
    template = parseTemplate(text, found.origin === 'edited' ? found.path : `templates/letters/${found.file}`);
    parsed.set(key, template);
  }
  return template;
}

const parsed = new Map<string, Template>();

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  polish: 'pl',
  polski: 'pl',
  romanian: 'ro',
  urdu: 'ur',
  punjabi: 'pa',
  bengali: 'bn',
  arabic: 'ar',
  lithuanian: 'lt',
  portuguese: 'pt',
  spanish: 'es',
  french: 'fr',
  ukrainian: 'uk',
};

/** Rosters write "pl", "PL", "Polish" or "pl-PL"; all mean pl. */
export function languageCode(language: string | null): string | null {
  if (!language) return null;
  const lower = language.trim().toLowerCase();
  if (LANGUAGE_NAMES[lower]) return LANGUAGE_NAMES[lower];
  const m = /^([a-z]{2,3})(?:[-_][a-z]+)?$/.exec(lower);
  return m ? (m[1] as string) : null;
}
