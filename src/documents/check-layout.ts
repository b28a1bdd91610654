/**
 * The editable wording of the Progress Check PDF (templates/progress-check/layout.json),
 * checked on load so that a setting's edit that drops a heading is refused with its name,
 * not printed as a blank.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputRejected, NotJson } from '../errors.js';

export interface CheckLayout {
  title: string;
  intro: string;
  headings: Record<(typeof HEADINGS)[number], string>;
  labels: Record<(typeof LABELS)[number], string>;
  intro_with_parents: string;
  consent: Record<(typeof CONSENT)[number], string>;
  parents_box: string[];
  hub_found: string;
  hub_not_covered: string;
  hub_unknown: string;
}

const HEADINGS = [
  'about',
  'prime_areas',
  'specific_areas',
  'parents_comments',
  'child_voice',
  'additional_needs',
  'home_language',
  'learning_at_home',
  'other_professionals',
  'parents_health_summary',
  'sharing',
  'signatures',
  'parents_box',
] as const;
const LABELS = [
  'setting',
  'child',
  'dob',
  'age',
  'completed_on',
  'practitioner',
  'key_person',
  'version',
  'home_language',
  'agreed_with_parents_on',
  'strengths',
  'progress',
  'progress_expected',
  'progress_less',
  'concerns',
  'next_steps',
  'additional_needs',
  'plan_agreed',
  'language_explored',
  'other_professionals',
  'targeted_plan',
  'none',
  'practitioner_signature',
  'parent_signature',
  'date',
  'amended',
] as const;
const CONSENT = ['given', 'withdrawn', 'none'] as const;

export function layoutFile(templatesDir: string): string {
  return path.join(templatesDir, 'progress-check', 'layout.json');
}

export function loadCheckLayout(file: string): CheckLayout {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputRejected(`${file}: cannot read the Progress Check layout`, [(err as Error).message]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new NotJson(file, text, err, 'the Progress Check layout is not valid JSON');
  }
  const problems = checkLayout(raw);
  if (problems.length > 0) throw new InputRejected(`${file}: the Progress Check layout is not usable`, problems);
  return raw as CheckLayout;
}

export function checkLayout(raw: unknown): string[] {
  const problems: string[] = [];
  const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  if (typeof raw !== 'object' || raw === null) return ['(top level): must be a JSON object'];
  const r = raw as Record<string, unknown>;
  for (const key of ['title', 'intro', 'intro_with_parents', 'hub_found', 'hub_not_covered', 'hub_unknown'])
    if (!isText(r[key])) problems.push(`${key}: must be text`);
  for (const [group, keys] of [
    ['headings', HEADINGS],
    ['labels', LABELS],
    ['consent', CONSENT],
  ] as const) {
    const g = r[group] as Record<string, unknown> | undefined;
    if (typeof g !== 'object' || g === null) {
      problems.push(`${group}: must be an object`);
      continue;
    }
    for (const k of keys) if (!isText(g[k])) problems.push(`${group}.${k}: must be text`);
  }
  if (!Array.isArray(r.parents_box) || !r.parents_box.every(isText)) problems.push('parents_box: must be a list of paragraphs');
  return problems;
}

/** Fills {name} placeholders; an unknown placeholder is left as written so a typo shows. */
export function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
}
