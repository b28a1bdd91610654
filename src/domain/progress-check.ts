/**
 * The Progress Check at age two (EYFS statutory framework, section 2): what a practitioner
 * writes about a child in the three prime areas, and the rules a finished check must meet.
 * Pure: the --from JSON and the interactive answers both pass through validateCheck().
 */
import { type CalendarDate, compareDates, parseIsoDate } from './calendar.js';
import { secondBirthday, thirdBirthday } from './age.js';

export const PRIME_AREAS = ['communication_and_language', 'personal_social_emotional', 'physical'] as const;
export type PrimeArea = (typeof PRIME_AREAS)[number];

export const PRIME_AREA_TITLES: Record<PrimeArea, string> = {
  communication_and_language: 'Communication and Language',
  personal_social_emotional: 'Personal, Social and Emotional Development',
  physical: 'Physical Development',
};

export const SPECIFIC_AREAS = ['literacy', 'mathematics', 'understanding_the_world', 'expressive_arts'] as const;
export type SpecificArea = (typeof SPECIFIC_AREAS)[number];

export const SPECIFIC_AREA_TITLES: Record<SpecificArea, string> = {
  literacy: 'Literacy',
  mathematics: 'Mathematics',
  understanding_the_world: 'Understanding the World',
  expressive_arts: 'Expressive Arts and Design',
};

export const PROGRESS = ['expected', 'less-than-expected'] as const;
export type Progress = (typeof PROGRESS)[number];

export interface AreaEntry {
  strengths: string;
  progress: Progress;
  /** Required when progress is less than expected: what the setting is concerned about. */
  concerns: string | null;
  next_steps: string;
}

export interface ProgressCheck {
  completed_on: CalendarDate;
  practitioner: string;
  key_person: string | null;
  areas: Record<PrimeArea, AreaEntry>;
  specific_areas: Partial<Record<SpecificArea, string>>;
  parents_comments: string | null;
  child_voice: string | null;
  additional_needs: string | null;
  plan_agreed: string | null;
  shared_with_parents_on: CalendarDate | null;
  /** the child's home language (the roster's, unless the check says otherwise) */
  home_language: string | null;
  /** how the home language was explored with the parents, where it is not English */
  home_language_explored: string | null;
  /** how the summary supports learning at home */
  learning_at_home: string | null;
  /** other professionals' views, where others are involved */
  other_professionals: string | null;
  /** a targeted plan agreed with the setting's SENCO */
  targeted_plan: string | null;
  /** the day it was agreed with the parents to give them the summary */
  agreed_with_parents_on: CalendarDate | null;
  /** the parents' own summary of the child's health, if they gave one */
  parents_health_summary: string | null;
}

export interface CheckDefaults {
  today: CalendarDate;
  childDob: CalendarDate;
  /** The child's key person from the roster, if known. */
  keyPerson: string | null;
  /** Who is acting (--by), used when there is no key person either. */
  by: string;
  /** Accept a check completed before the child's second birthday (--force). */
  allowBeforeTwo?: boolean;
  /** The child's language on the roster: the check's home language unless it says otherwise. */
  homeLanguage?: string | null;
}

export type Validation = { ok: true; check: ProgressCheck; warnings: string[] } | { ok: false; problems: string[]; warnings: string[] };

const TOP_FIELDS = [
  'completed_on',
  'practitioner',
  'key_person',
  'areas',
  'specific_areas',
  'parents_comments',
  'child_voice',
  'additional_needs',
  'plan_agreed',
  'shared_with_parents_on',
  'home_language',
  'home_language_explored',
  'learning_at_home',
  'other_professionals',
  'targeted_plan',
  'agreed_with_parents_on',
  'parents_health_summary',
  '$schema',
  'comment',
] as const;
const AREA_FIELDS = ['strengths', 'progress', 'concerns', 'next_steps'] as const;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Fields a file holds that the schema does not know: a typo must not vanish silently. */
function unknownFields(obj: Record<string, unknown>, known: readonly string[], prefix: string, problems: string[]): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key))
      problems.push(`${prefix}${key}: unknown field (known: ${known.filter((k) => !k.startsWith('$') && k !== 'comment').join(', ')})`);
  }
}

/** The most a text field of a check may hold: far more than a check needs, far less than harm. */
export const MAX_TEXT = 10_000;

function text(obj: Record<string, unknown>, key: string, path: string, problems: string[], required: boolean): string | null {
  const v = obj[key];
  if (v === undefined || v === null) {
    if (required) problems.push(`${path}: required`);
    return null;
  }
  if (typeof v !== 'string') {
    problems.push(`${path}: must be text`);
    return null;
  }
  const trimmed = v.trim();
  if (trimmed === '') {
    if (required) problems.push(`${path}: must not be empty`);
    return null;
  }
  if (trimmed.length > MAX_TEXT) {
    problems.push(`${path}: too long (${trimmed.length} characters; at most ${MAX_TEXT}, about three pages)`);
    return null;
  }
  // eslint-disable-next-line no-control-regex -- the controls a text field has no use for
  const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.exec(trimmed);
  if (control) {
    problems.push(
      `${path}: holds a control character (U+${(control[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}) at character ${control.index + 1}`,
    );
    return null;
  }
  return trimmed;
}

function date(obj: Record<string, unknown>, key: string, path: string, problems: string[]): CalendarDate | null {
  const v = obj[key];
  if (v === undefined || v === null) return null;
  const parsed = typeof v === 'string' ? parseIsoDate(v.trim()) : null;
  if (!parsed) problems.push(`${path}: must be a date as YYYY-MM-DD, not ${JSON.stringify(v)}`);
  return parsed;
}

function area(raw: unknown, path: string, problems: string[]): AreaEntry | null {
  if (raw === undefined) {
    problems.push(`${path}: required`);
    return null;
  }
  if (!isRecord(raw)) {
    problems.push(`${path}: must be an object with ${AREA_FIELDS.join(', ')}`);
    return null;
  }
  unknownFields(raw, AREA_FIELDS, `${path}.`, problems);
  const strengths = text(raw, 'strengths', `${path}.strengths`, problems, true);
  const next_steps = text(raw, 'next_steps', `${path}.next_steps`, problems, true);
  const concerns = text(raw, 'concerns', `${path}.concerns`, problems, false);
  const p = raw.progress;
  let progress: Progress | null = null;
  if (p === undefined || p === null) problems.push(`${path}.progress: required ("expected" or "less-than-expected")`);
  else if (typeof p === 'string' && (PROGRESS as readonly string[]).includes(p.trim())) progress = p.trim() as Progress;
  else problems.push(`${path}.progress: must be "expected" or "less-than-expected", not ${JSON.stringify(p)}`);
  if (progress === 'less-than-expected' && concerns === null) {
    problems.push(`${path}.concerns: required when progress is "less-than-expected" (say what the concern is)`);
  }
  if (strengths === null || next_steps === null || progress === null) return null;
  return { strengths, progress, concerns, next_steps };
}

/** The date rules alone, so a prompt can refuse a date as it is typed. */
export function completedOnRules(completed_on: CalendarDate, d: CheckDefaults): { problems: string[]; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  if (compareDates(completed_on, d.today) > 0) problems.push(`completed_on: ${completed_on} is in the future (today is ${d.today})`);
  if (compareDates(completed_on, d.childDob) < 0)
    problems.push(`completed_on: ${completed_on} is before the child was born (${d.childDob})`);
  else if (compareDates(completed_on, secondBirthday(d.childDob)) < 0) {
    const msg = `completed_on: ${completed_on} is before the child's second birthday (${secondBirthday(d.childDob)}); the check is done between two and three`;
    if (d.allowBeforeTwo) warnings.push(msg);
    else problems.push(`${msg} (use --force --reason "..." if this is right)`);
  } else if (compareDates(completed_on, thirdBirthday(d.childDob)) >= 0) {
    warnings.push(
      `completed_on: ${completed_on} is after the child's third birthday (${thirdBirthday(d.childDob)}); the check is due between two and three`,
    );
  }
  return { problems, warnings };
}

/**
 * Checks a check. Every problem names its field path; nothing is half-accepted. The EYFS puts
 * the check between two and three, so a date before the second birthday is refused (unless
 * allowBeforeTwo) and one after the third birthday only warned about: a late check is still
 * better than none.
 */
export function validateCheck(raw: unknown, d: CheckDefaults): Validation {
  const problems: string[] = [];
  const warnings: string[] = [];
  if (!isRecord(raw)) return { ok: false, problems: ['(top level): must be a JSON object'], warnings };
  unknownFields(raw, TOP_FIELDS, '', problems);

  const completedGiven = date(raw, 'completed_on', 'completed_on', problems);
  const completed_on = completedGiven ?? d.today;
  const dated = completedOnRules(completed_on, d);
  problems.push(...dated.problems);
  warnings.push(...dated.warnings);

  const key_person = text(raw, 'key_person', 'key_person', problems, false) ?? d.keyPerson;
  const practitioner = text(raw, 'practitioner', 'practitioner', problems, false) ?? d.keyPerson ?? d.by;

  const areas: Partial<Record<PrimeArea, AreaEntry>> = {};
  const rawAreas = raw.areas;
  if (!isRecord(rawAreas))
    problems.push(`areas: ${rawAreas === undefined ? 'required' : 'must be an object'} (with ${PRIME_AREAS.join(', ')})`);
  else {
    unknownFields(rawAreas, PRIME_AREAS, 'areas.', problems);
    for (const name of PRIME_AREAS) {
      const entry = area(rawAreas[name], `areas.${name}`, problems);
      if (entry) areas[name] = entry;
    }
  }

  const specific_areas: Partial<Record<SpecificArea, string>> = {};
  const rawSpecific = raw.specific_areas;
  if (rawSpecific !== undefined && rawSpecific !== null) {
    if (!isRecord(rawSpecific)) problems.push('specific_areas: must be an object');
    else {
      unknownFields(rawSpecific, SPECIFIC_AREAS, 'specific_areas.', problems);
      for (const name of SPECIFIC_AREAS) {
        const note = text(rawSpecific, name, `specific_areas.${name}`, problems, false);
        if (note !== null) specific_areas[name] = note;
      }
    }
  }

  const parents_comments = text(raw, 'parents_comments', 'parents_comments', problems, false);
  const child_voice = text(raw, 'child_voice', 'child_voice', problems, false);
  const additional_needs = text(raw, 'additional_needs', 'additional_needs', problems, false);
  const plan_agreed = text(raw, 'plan_agreed', 'plan_agreed', problems, false);
  const shared_with_parents_on = date(raw, 'shared_with_parents_on', 'shared_with_parents_on', problems);
  if (shared_with_parents_on) {
    if (compareDates(shared_with_parents_on, completed_on) < 0)
      problems.push(`shared_with_parents_on: ${shared_with_parents_on} is before the check was completed (${completed_on})`);
    if (compareDates(shared_with_parents_on, d.today) > 0)
      problems.push(`shared_with_parents_on: ${shared_with_parents_on} is in the future (today is ${d.today})`);
  }
  const anyConcern = PRIME_AREAS.some((a) => areas[a]?.progress === 'less-than-expected');
  if (anyConcern && plan_agreed === null) {
    warnings.push('plan_agreed: progress is less than expected in an area; record the plan agreed with parents');
  }
  const home_language = text(raw, 'home_language', 'home_language', problems, false) ?? (d.homeLanguage?.trim() || null);
  const home_language_explored = text(raw, 'home_language_explored', 'home_language_explored', problems, false);
  if (home_language && !isEnglish(home_language) && home_language_explored === null) {
    warnings.push(
      `home_language_explored: the home language is ${home_language}; record how it was explored with the parents (the guidance asks for the child's development in the home language)`,
    );
  }
  const learning_at_home = text(raw, 'learning_at_home', 'learning_at_home', problems, false);
  const other_professionals = text(raw, 'other_professionals', 'other_professionals', problems, false);
  const targeted_plan = text(raw, 'targeted_plan', 'targeted_plan', problems, false);
  const parents_health_summary = text(raw, 'parents_health_summary', 'parents_health_summary', problems, false);
  const agreed_with_parents_on = date(raw, 'agreed_with_parents_on', 'agreed_with_parents_on', problems);
  if (agreed_with_parents_on && compareDates(agreed_with_parents_on, d.today) > 0) {
    problems.push(`agreed_with_parents_on: ${agreed_with_parents_on} is in the future (today is ${d.today})`);
  }
  if (anyConcern && targeted_plan === null && other_professionals === null) {
    warnings.push(
      "targeted_plan: progress is less than expected; record any targeted plan agreed with the SENCO, and other professionals' views where others are involved",
    );
  }

  if (problems.length > 0) return { ok: false, problems, warnings };
  return {
    ok: true,
    warnings,
    check: {
      completed_on,
      practitioner,
      key_person,
      areas: areas as Record<PrimeArea, AreaEntry>,
      specific_areas,
      parents_comments,
      child_voice,
      additional_needs,
      plan_agreed,
      shared_with_parents_on,
      home_language,
      home_language_explored,
      learning_at_home,
      other_professionals,
      targeted_plan,
      agreed_with_parents_on,
      parents_health_summary,
    },
  };
}

/** True when any prime area shows progress less than expected: the check then names concerns. */
export function hasConcerns(check: ProgressCheck): boolean {
  return PRIME_AREAS.some((a) => check.areas[a].progress === 'less-than-expected');
}

/** "English", "en", "English (UK)": the rosters' ways of saying English. */
export function isEnglish(language: string): boolean {
  return /^(en|eng|english)\b/i.test(language.trim());
}
