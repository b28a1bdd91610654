import { ageInMonths, describeAge } from '../domain/age.js';
import { type Child, allChildren, currentChildren } from '../store/children.js';
import type { AppContext } from './context.js';

export interface ChildrenOptions {
  /** include children who have left */
  all?: boolean;
}

export interface ChildListed extends Child {
  ageMonths: number;
  age: string;
}

/** The children on the roster, with their age on the context's day. */
export function runChildren(ctx: AppContext, options: ChildrenOptions): ChildListed[] {
  const db = ctx.db();
  const children = options.all ? allChildren(db) : currentChildren(db);
  // oldest first, as the current list is, whether or not leavers are included
  if (options.all) children.sort((a, b) => (a.dob < b.dob ? -1 : a.dob > b.dob ? 1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  return children.map((c) => {
    const months = ageInMonths(c.dob, ctx.today);
    return { ...c, ageMonths: months, age: describeAge(months) };
  });
}
