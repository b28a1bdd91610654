/**
 * Group review sessions: which children to see together at a joint Health and Development
 * Review, and on what day. Pure: the store supplies the children, the CLI prints the plan.
 *
 * Who is due: a child is due in the window [from, to] when their review window (from the second
 * birthday up to the day before they are 30 months old: the Progress Check is late after 30
 * months and the review is at 2 to 2½ years) overlaps it. A completed Progress Check does not
 * remove a child: the review is still to come, and a group session is where the check is shared.
 * The store leaves out children who left the roster, children already booked into a session
 * (or who attended one) and children whose Health and Development Review is already recorded.
 */
import { type CalendarDate, addDays } from './calendar.js';
import { ageInMonths, monthAnniversary } from './age.js';
import { counted } from './words.js';

export interface GroupChild {
  ref: string;
  name: string;
  dob: CalendarDate;
  family: string | null;
  room: string | null;
  keyPerson: string | null;
  /**
   * The Hub whose health visitors see the child (its name), or null when the lookup is not
   * certain or the Hubs do not cover the home. One session never mixes Hubs. Left out, Hubs
   * are not considered.
   */
  hub?: string | null;
}

export type GroupBy = 'room' | 'key-person';

export interface PlanOptions {
  from: CalendarDate;
  to: CalendarDate;
  /** At most this many children in a session. */
  size: number;
  /** At most this many whole months between the oldest and youngest on the session date. */
  spread: number;
  by?: GroupBy;
  /** Minutes of professional time saved per review seen in a group (an estimate). */
  minutesSaved: number;
}

export interface PlannedMember {
  ref: string;
  name: string;
  dob: CalendarDate;
  ageMonths: number;
}

export interface PlannedSession {
  /** 1-based, in plan order. */
  number: number;
  date: CalendarDate;
  /** The room or key person, when grouped by one. */
  group: string | null;
  /** the Hub every child in the session belongs to, when Hubs were considered */
  hub: string | null;
  members: PlannedMember[];
}

export interface Unplaced {
  ref: string;
  name: string;
  reason: string;
}

export interface Plan {
  from: CalendarDate;
  to: CalendarDate;
  size: number;
  spread: number;
  by: GroupBy | null;
  due: number;
  sessions: PlannedSession[];
  unplaced: Unplaced[];
  estimate: { minutesPerReview: number; reviews: number; minutes: number; label: string };
}

/** First and last day of the child's review window: second birthday to the day before 30 months. */
export function reviewWindow(dob: CalendarDate): { start: CalendarDate; end: CalendarDate } {
  return { start: monthAnniversary(dob, 24), end: addDays(monthAnniversary(dob, 30), -1) };
}

export function isDueInWindow(dob: CalendarDate, from: CalendarDate, to: CalendarDate): boolean {
  const w = reviewWindow(dob);
  return w.start <= to && w.end >= from;
}

/** Siblings (same family) travel together; a child without a family is a unit of one. */
interface Unit {
  children: GroupChild[];
  group: string | null;
  hub: string | null | undefined;
}

interface Draft {
  group: string | null;
  hub: string | null | undefined;
  children: GroupChild[];
}

/**
 * The proposed date of a session: the first day in the window on which every child is inside
 * their review window (the day the youngest turns two, or `from` if later), so that the oldest
 * are seen as early as possible. null when no such day exists.
 */
export function sessionDate(children: readonly GroupChild[], from: CalendarDate, to: CalendarDate): CalendarDate | null {
  let start = from;
  let end = to;
  for (const child of children) {
    const w = reviewWindow(child.dob);
    if (w.start > start) start = w.start;
    if (w.end < end) end = w.end;
  }
  return start <= end ? start : null;
}

function ageSpread(children: readonly GroupChild[], on: CalendarDate): number {
  const ages = children.map((c) => ageInMonths(c.dob, on));
  return Math.max(...ages) - Math.min(...ages);
}

function byKey(child: GroupChild, by: GroupBy | undefined): string | null {
  if (!by) return null;
  const value = by === 'room' ? child.room : child.keyPerson;
  return value?.trim() || '(none recorded)';
}

const order = (a: GroupChild, b: GroupChild): number =>
  a.dob < b.dob ? -1 : a.dob > b.dob ? 1 : a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0;

function units(children: readonly GroupChild[], by: GroupBy | undefined): Unit[] {
  const families = new Map<string, GroupChild[]>();
  const result: GroupChild[][] = [];
  for (const child of [...children].sort(order)) {
    const family = child.family?.trim();
    if (!family) {
      result.push([child]);
      continue;
    }
    const members = families.get(family);
    if (members) members.push(child);
    else {
      const list = [child];
      families.set(family, list);
      result.push(list);
    }
  }
  // A family goes with its eldest child's room or key person: siblings are never split.
  return result.map((list) => ({ children: list, group: byKey(list[0] as GroupChild, by), hub: (list[0] as GroupChild).hub }));
}

function names(children: readonly GroupChild[]): string {
  return children.map((c) => `${c.name} (${c.ref})`).join(', ');
}

export const NO_HUB_REASON =
  "the Hub for the home is not certain, or the Hubs do not cover it: a group review is with one Hub's health visitors (check the address: twocheck hub --child <ref>)";

function whyNot(unit: Unit, options: PlanOptions): string | null {
  const { children } = unit;
  if (children.some((c) => c.hub === null)) return NO_HUB_REASON.replace('<ref>', children[0]!.ref);
  if (new Set(children.map((c) => c.hub)).size > 1) return `siblings ${names(children)} live in different Hubs' areas`;
  if (children.length > options.size) {
    return `siblings ${names(children)} are ${children.length} children, more than a session of ${options.size}`;
  }
  if (children.length === 1) return null;
  const date = sessionDate(children, options.from, options.to);
  if (!date) return `siblings ${names(children)} are never all in their review window on the same day in the window`;
  const spread = ageSpread(children, date);
  if (spread > options.spread) {
    return `siblings ${names(children)} are ${counted(spread, 'month')} apart on ${date}, more than the spread of ${counted(options.spread, 'month')}`;
  }
  return null;
}

/** At most three names, then how many more. */
function someNames(children: readonly GroupChild[]): string {
  const shown = names(children.slice(0, 3));
  return children.length > 3 ? `${shown} and ${children.length - 3} more` : shown;
}

/**
 * Why a child ends up in a session of one: nobody due is near their age; or those who are live in
 * another Hub's area; or they are in a session the child cannot join (full, or too wide in age).
 */
function whyAlone(
  c: GroupChild,
  group: string | null,
  due: readonly GroupChild[],
  sessions: readonly PlannedSession[],
  options: PlanOptions,
): string {
  const within = `within ${counted(options.spread, 'month')} of age`;
  const near = [...due].sort(order).filter((o) => {
    if (o.ref === c.ref || (options.by && byKey(o, options.by) !== group)) return false;
    const date = sessionDate([c, o], options.from, options.to);
    return date !== null && ageSpread([c, o], date) <= options.spread;
  });
  if (near.length === 0) return `no other child due${group ? ` in ${group}` : ''} ${within}`;
  const are = (children: readonly GroupChild[]) => `${someNames(children)} ${children.length === 1 ? 'is' : 'are'} ${within}`;
  const sameHub = near.filter((o) => o.hub === c.hub);
  if (sameHub.length === 0) {
    // a child whose Hub is not known goes in no session: not a reason to name
    const known = near.filter((o) => o.hub);
    if (known.length === 0) return `no other child due${group ? ` in ${group}` : ''} ${within} in the ${c.hub ?? 'same Hub'}'s area`;
    return `${are(known)} but in another Hub's area (${[...new Set(known.map((o) => o.hub))].join(', ')}): one session is with one Hub`;
  }
  const byRef = new Map(due.map((o) => [o.ref, o]));
  for (const s of sessions) {
    const inIt = sameHub.filter((o) => s.members.some((m) => m.ref === o.ref));
    if (inIt.length === 0) continue;
    if (s.members.length >= options.size)
      return `${are(inIt)} but in session ${s.number}, which is full (${counted(s.members.length, 'child', 'children')})`;
    const together = [...s.members.map((m) => byRef.get(m.ref) as GroupChild), c];
    const date = sessionDate(together, options.from, options.to);
    if (!date)
      return `${are(inIt)} but in session ${s.number}, whose children are never all in their review window on the same day as ${c.name}`;
    return `${are(inIt)} but in session ${s.number}, where the ages would be ${counted(ageSpread(together, date), 'month')} apart on ${date}, more than the spread of ${counted(options.spread, 'month')}`;
  }
  return `${are(sameHub)} but not placed either`;
}

function fits(draft: Draft, unit: Unit, options: PlanOptions): boolean {
  if (draft.group !== unit.group || draft.hub !== unit.hub) return false;
  const together = [...draft.children, ...unit.children];
  if (together.length > options.size) return false;
  const date = sessionDate(together, options.from, options.to);
  return date !== null && ageSpread(together, date) <= options.spread;
}

/**
 * Oldest first, each family (or child) joins the first session it fits (same room or key
 * person when asked, within the size, within the spread on the session's date); otherwise it
 * opens a new session. Ties are broken by date of birth then ref, so the plan is deterministic.
 */
export function planGroups(candidates: readonly GroupChild[], options: PlanOptions): Plan {
  const due = candidates.filter((c) => isDueInWindow(c.dob, options.from, options.to));
  const drafts: Draft[] = [];
  const unplaced: Unplaced[] = [];
  for (const unit of units(due, options.by)) {
    const reason = whyNot(unit, options);
    if (reason) {
      for (const c of unit.children) unplaced.push({ ref: c.ref, name: c.name, reason });
      continue;
    }
    const home = drafts.find((d) => fits(d, unit, options));
    if (home) home.children.push(...unit.children);
    else drafts.push({ group: unit.group, hub: unit.hub, children: [...unit.children] });
  }
  const sessions = drafts
    .filter((d) => d.children.length > 1)
    .map((d) => {
      const date = sessionDate(d.children, options.from, options.to) as CalendarDate;
      const members = [...d.children].sort(order).map((c) => ({
        ref: c.ref,
        name: c.name,
        dob: c.dob,
        ageMonths: ageInMonths(c.dob, date),
      }));
      return { date, group: d.group, hub: d.hub ?? null, members };
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : (a.group ?? '').localeCompare(b.group ?? '')))
    .map((s, i) => ({ number: i + 1, ...s }));
  // A session of one is not a group review: that child is listed, not placed, with the true reason.
  for (const d of drafts.filter((x) => x.children.length === 1)) {
    const c = d.children[0] as GroupChild;
    unplaced.push({ ref: c.ref, name: c.name, reason: whyAlone(c, d.group, due, sessions, options) });
  }
  const reviews = sessions.reduce((n, s) => n + s.members.length, 0);
  return {
    from: options.from,
    to: options.to,
    size: options.size,
    spread: options.spread,
    by: options.by ?? null,
    due: due.length,
    sessions,
    unplaced: unplaced.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0)),
    estimate: {
      minutesPerReview: options.minutesSaved,
      reviews,
      minutes: reviews * options.minutesSaved,
      label: 'estimate',
    },
  };
}
