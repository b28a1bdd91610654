import type { CalendarDate } from '../domain/calendar.js';
import { FLAG_NAMES, type FlagName } from '../domain/flags.js';
import type { AppContext } from './context.js';
import { type DueRow, runDue } from './due.js';

export interface RemindResult {
  today: CalendarDate;
  /** the children carrying each flag, in the order a manager acts on them; flags nobody carries are left out */
  groups: {
    flag: FlagName;
    children: DueRow[];
    /** the date the flag is about for each child, in the same order */ dates: CalendarDate[];
  }[];
}

/** What needs doing on the context's day, flag by flag: a child carrying two flags is in both groups. */
export function runRemind(ctx: AppContext, within?: string): RemindResult {
  const due = runDue(ctx, { within });
  const groups: RemindResult['groups'] = [];
  for (const flag of FLAG_NAMES) {
    const children: DueRow[] = [];
    const dates: CalendarDate[] = [];
    due.carried.forEach((flags, i) => {
      const carried = flags.find((f) => f.name === flag);
      if (!carried) return;
      children.push(due.children[i]!);
      dates.push(carried.date);
    });
    if (children.length > 0) groups.push({ flag, children, dates });
  }
  return { today: ctx.today, groups };
}
