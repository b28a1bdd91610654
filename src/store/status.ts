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

interface Row {
  id: number; ref: string; firstName: string; lastName: string; dob: CalendarDate;
  room: string | null; keyPerson: string | null; leftOn: CalendarDate | null;
  letterSent: number | null; consent: string | null;
  completedOn: CalendarDate | null; sharedOn: CalendarDate | null; hasCheck: number | null;
  openConcerns: number | null; dismissed: string | null;
}

/*
 * One statement. The children who can carry a flag today are the union of four narrow sets,
 * each reached by an index: those between two (within the look-ahead) and three, those three
 * or over with no completed check, those with an open concern, and those whose current check
 * is not shared. Only for those are the facts looked up, each by its table's child index.
 * Bounds are compared as text: a birthday is never before the same month and day N years on,
 * and never more than three days after it (the 31st rolling to the 1st), so
 * `@bound` (horizon less two years) and `@threeBound` (today less three days, less three
 * years) only ever let through a child the rules then decide about exactly.
 */
const SQL = `
WITH
  open_concerns AS (SELECT child_id, COUNT(*) AS n FROM concerns WHERE closed_on IS NULL GROUP BY child_id),
  candidates AS (
    SELECT id FROM children WHERE left_on IS NULL AND dob > @threeBound AND dob <= @bound
    UNION
    SELECT c.id FROM children c WHERE c.left_on IS NULL AND c.dob <= @threeBound
      AND NOT EXISTS (SELECT 1 FROM checks k WHERE k.child_id = c.id AND k.status = 'completed')
    UNION
    SELECT child_id FROM open_concerns
    UNION
    SELECT child_id FROM checks k WHERE status = 'completed' AND shared_on IS NULL
      AND version = (SELECT MAX(version) FROM checks x WHERE x.child_id = k.child_id AND x.status = 'completed'))
SELECT c.id, c.ref, c.first_name AS firstName, c.last_name AS lastName, c.dob, c.room,
  c.key_person AS keyPerson, c.left_on AS leftOn,
  EXISTS (SELECT 1 FROM letters l WHERE l.child_id = c.id AND l.kind = 'parent-letter' AND l.sent_on IS NOT NULL) AS letterSent,
  (SELECT s.status FROM consents s WHERE s.child_id = c.id AND s.kind = 'share-with-health' ORDER BY s.id DESC LIMIT 1) AS consent,
  k.completed_on AS completedOn, k.shared_on AS sharedOn, k.id IS NOT NULL AS hasCheck,
  open_concerns.n AS openConcerns,
  (SELECT group_concat(d.flag, ',') FROM dismissals d WHERE d.child_id = c.id) AS dismissed
FROM candidates
  CROSS JOIN children c ON c.id = candidates.id
  LEFT JOIN checks k ON k.child_id = c.id AND k.status = 'completed'
    AND k.version = (SELECT MAX(version) FROM checks x WHERE x.child_id = c.id AND x.status = 'completed')
  LEFT JOIN open_concerns ON open_concerns.child_id = c.id
WHERE c.left_on IS NULL
  AND (@room IS NULL OR c.room = @room COLLATE NOCASE)
  AND (@keyPerson IS NULL OR c.key_person = @keyPerson COLLATE NOCASE)`;

/** `date` moved back `years` years, as text for comparing with dates of birth (see above). */
function yearsBefore(date: CalendarDate, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

/** Facts for every current child who might carry a flag on `today` within the look-ahead. */
export function* childrenWithFacts(db: Db, filter: StatusFilter): Generator<ChildWithFacts> {
  const rows = db.prepare(SQL).iterate({
    bound: yearsBefore(filter.horizon, 2), threeBound: yearsBefore(addDays(filter.today, -3), 3), room: filter.room ?? null, keyPerson: filter.keyPerson ?? null,
  }) as IterableIterator<Row>;
  for (const r of rows) {
    yield {
      id: r.id, ref: r.ref, firstName: r.firstName, lastName: r.lastName, room: r.room, keyPerson: r.keyPerson,
      facts: {
        dob: r.dob,
        leftOn: r.leftOn,
        letterSent: r.letterSent === 1,
        consentGiven: r.consent === 'given',
        check: r.hasCheck === 1 ? { completedOn: r.completedOn, sharedOn: r.sharedOn } : null,
        openConcerns: r.openConcerns ?? 0,
        dismissed: r.dismissed ? r.dismissed.split(',') : [],
      },
    };
  }
}

/** The query plan, for the bench. */
export function statusQueryPlan(db: Db): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${SQL}`).all({ threeBound: '2023-01-01', bound: '2024-01-01', room: null, keyPerson: null }) as { detail: string }[];
  return rows.map((r) => r.detail);
}
