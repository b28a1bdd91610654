import { type CalendarDate, addDays } from '../domain/calendar.js';
import type { ChildFacts } from '../domain/flags.js';
import type { Db } from './db.js';

export interface ChildWithFacts {
  id: number;
  ref: string;
  firstName: string;
  lastName: string;
  room: string | null;
  keyPerson: string | null;
  facts: ChildFacts;
}

export interface StatusFilter {
  today: CalendarDate;
  /** the last day the look-ahead reaches */
  horizon: CalendarDate;
  room?: string;
  keyPerson?: string;
}

/*
 * One statement. A child can carry a flag today only if it is in one of three disjoint sets,
 * each reached by an index:
 *  A. between two (within the look-ahead) and three, and not yet two, or missing one of the
 *     things every other flag is about: a sent parent letter, given consent, a completed check,
 *     a shared check, no open concern. In a real roster most of this band has them all, so
 *     only a few are kept.
 *  B. three or over with no completed check (check-missed): an anti-join on checks_completed.
 *  C. any other age with an open concern or a completed check not shared: both partial indexes
 *     are small.
 * Only for those are the facts looked up, each from a covering index; the rules in
 * domain/flags.ts then decide exactly. Every set is walked in child id order (`LIMIT -1` keeps
 * SQLite from flattening the sorted subqueries away), so the probes move forwards through each
 * index and mostly hit pages already in the cache: twice as fast as dob order at 1M children. Bounds are compared as text: a birthday is never before
 * the same month and day N years on, and never more than three days after it (the 31st rolling
 * to the 1st), so `@bound` (horizon less two years), `@notTwoBound` (today less three days,
 * less two years) and `@threeBound` (today less three days, less three years) only ever let
 * through more children than the rules flag, never fewer (test/store/status.test.ts).
 */
const SQL = `
WITH candidates(id) AS (
  SELECT a.id FROM (SELECT id, dob FROM children INDEXED BY children_current_dob
                    WHERE left_on IS NULL AND dob > @threeBound AND dob <= @bound ORDER BY id LIMIT -1) a
  WHERE a.dob > @notTwoBound
    OR NOT EXISTS (SELECT 1 FROM checks k WHERE k.child_id = a.id AND k.status = 'completed')
    OR NOT EXISTS (SELECT 1 FROM letters l WHERE l.child_id = a.id AND l.kind = 'parent-letter' AND l.sent_on IS NOT NULL)
    OR (SELECT s.status FROM consents s WHERE s.child_id = a.id AND s.kind = 'share-with-health' ORDER BY s.id DESC LIMIT 1) IS NOT 'given'
    OR EXISTS (SELECT 1 FROM concerns o WHERE o.child_id = a.id AND o.closed_on IS NULL)
    OR EXISTS (SELECT 1 FROM checks u WHERE u.child_id = a.id AND u.status = 'completed' AND u.shared_on IS NULL)
  UNION ALL
  SELECT b.id FROM (SELECT id FROM children INDEXED BY children_current_dob
                    WHERE left_on IS NULL AND dob <= @threeBound ORDER BY id LIMIT -1) b
  WHERE NOT EXISTS (SELECT 1 FROM checks k WHERE k.child_id = b.id AND k.status = 'completed')
  UNION ALL
  SELECT c.id FROM children c
  WHERE c.id IN (SELECT child_id FROM concerns WHERE closed_on IS NULL
                 UNION SELECT child_id FROM checks WHERE status = 'completed' AND shared_on IS NULL)
    AND c.left_on IS NULL
    AND (+c.dob > @bound OR (+c.dob <= @threeBound
         AND EXISTS (SELECT 1 FROM checks k WHERE k.child_id = c.id AND k.status = 'completed'))))
SELECT c.id, c.ref, c.first_name, c.last_name, c.dob, c.room, c.key_person,
  EXISTS (SELECT 1 FROM letters l WHERE l.child_id = c.id AND l.kind = 'parent-letter' AND l.sent_on IS NOT NULL),
  (SELECT s.status FROM consents s WHERE s.child_id = c.id AND s.kind = 'share-with-health' ORDER BY s.id DESC LIMIT 1),
  k.child_id IS NOT NULL, k.completed_on, k.shared_on,
  (SELECT COUNT(*) FROM concerns o WHERE o.child_id = c.id AND o.closed_on IS NULL),
  (SELECT group_concat(d.flag, ',') FROM dismissals d WHERE d.child_id = c.id)
FROM (SELECT id FROM candidates ORDER BY id LIMIT -1) candidates CROSS JOIN children c ON c.id = candidates.id
  LEFT JOIN checks k INDEXED BY checks_completed ON k.child_id = c.id AND k.status = 'completed'
    AND k.version = (SELECT MAX(version) FROM checks x WHERE x.child_id = c.id AND x.status = 'completed')
WHERE (@room IS NULL OR c.room = @room COLLATE NOCASE)
  AND (@keyPerson IS NULL OR c.key_person = @keyPerson COLLATE NOCASE)`;

type Row = [id: number, ref: string, firstName: string, lastName: string, dob: CalendarDate,
  room: string | null, keyPerson: string | null, letterSent: number, consent: string | null,
  hasCheck: number, completedOn: CalendarDate | null, sharedOn: CalendarDate | null,
  openConcerns: number, dismissed: string | null];

/** `date` moved back `years` years, as text for comparing with dates of birth (see above). */
function yearsBefore(date: CalendarDate, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

function parameters(filter: StatusFilter): Record<string, string | null> {
  const slack = addDays(filter.today, -3);
  return {
    bound: yearsBefore(filter.horizon, 2), notTwoBound: yearsBefore(slack, 2), threeBound: yearsBefore(slack, 3),
    room: filter.room ?? null, keyPerson: filter.keyPerson ?? null,
  };
}

const NO_DISMISSALS: readonly string[] = [];

/** Facts for every current child who might carry a flag on `today` within the look-ahead. */
export function* childrenWithFacts(db: Db, filter: StatusFilter): Generator<ChildWithFacts> {
  // Arrays rather than objects per row: this loop runs for every candidate.
  const rows = db.prepare(SQL).raw(true).iterate(parameters(filter)) as IterableIterator<Row>;
  for (const r of rows) {
    yield {
      id: r[0], ref: r[1], firstName: r[2], lastName: r[3], room: r[5], keyPerson: r[6],
      facts: {
        dob: r[4],
        leftOn: null, // every candidate is current (left_on IS NULL)
        letterSent: r[7] === 1,
        consentGiven: r[8] === 'given',
        check: r[9] === 1 ? { completedOn: r[10], sharedOn: r[11] } : null,
        openConcerns: r[12],
        dismissed: r[13] === null ? NO_DISMISSALS : r[13].split(','),
      },
    };
  }
}

/** The query plan, for the bench. */
export function statusQueryPlan(db: Db, filter: StatusFilter): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${SQL}`).all(parameters(filter)) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
}
