import { FLAG_NAMES, type FlagName } from '../domain/flags.js';
import type { AppContext } from './context.js';
import { type DueRow, runDue } from './due.js';

export interface RemindResult {
  today: string;
  /** the children carrying each flag, in the order a manager acts on them; flags nobody carries are left out */
  groups: { flag: FlagName; children: DueRow[] }[];
}

/** What needs doing on the context's day, flag by flag: a child carrying two flags is in both groups. */
export function runRemind(ctx: AppContext, within?: string): RemindResult {
  const due = runDue(ctx, { within });
  const groups: RemindResult['groups'] = [];
  for (const flag of FLAG_NAMES) {
    const children = due.children.filter((r) => r.flags.includes(flag));
    if (children.length > 0) groups.push({ flag, children });
  }
  return { today: ctx.today, groups };
}
