import type { CalendarDate } from '../domain/calendar.js';
import { type DateLimits, checkDate, choose, isProblem } from '../domain/records.js';
import { NoSuchChild, UsageError } from '../errors.js';
import { type Child, findChild } from '../store/children.js';
import type { AppContext } from './context.js';

/** Shared by consent, concern and forget: the boundary where flags become typed values. */
export function requireChild(ctx: AppContext, ref: string): Child {
  const child = findChild(ctx.db(), ref);
  if (!child) throw new NoSuchChild(ref);
  return child;
}

export function dateFlag(flag: string, text: string, limits: DateLimits): CalendarDate {
  const answer = checkDate(flag, text, limits);
  if (typeof answer === 'object') throw new UsageError(answer.problem);
  return answer;
}

export function choiceFlag<T extends string>(flag: string, value: string, valid: readonly T[]): T {
  const answer = choose(flag, value, valid);
  if (isProblem(answer, valid)) throw new UsageError(answer);
  return answer;
}

export function textFlag(flag: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') throw new UsageError(`${flag} cannot be empty`);
  return trimmed;
}

export function fullName(child: Child): string {
  return `${child.firstName} ${child.lastName}`;
}
