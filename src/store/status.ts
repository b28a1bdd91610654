import type { CalendarDate } from '../domain/calendar.js';
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
 * One statement, set-based: each fact is an aggregate over its table joined by child, so the
 * cost is a few scans, never a query per child. Children who cannot carry a date flag yet
 * (second birthday beyond the look-ahead) are left out unless a check or open concern
 * concerns them. A second birthday is never before the same month and day two years on, so
 * comparing the date of birth as text with the horizon moved back two years is a safe bound.
 */
const SQL = `
WITH
  sent AS (SELECT DISTINCT child_id FROM letters WHERE kind = 'parent-letter' AND sent_on IS NOT NULL),
  consent AS (SELECT child_id, status FROM consents WHERE id IN
    (SELECT MAX(id) FROM consents WHERE kind = 'share-with-health' GROUP BY child_id)),
  current_check AS (SELECT k.child_id, k.completed_on, k.shared_on FROM checks k
    JOIN (SELECT child_id, MAX(version) AS version FROM checks WHERE status = 'completed' GROUP BY child_id) m
      ON m.child_id = k.child_id AND m.version = k.version),
  open_concerns AS (SELECT child_id, COUNT(*) AS n FROM concerns WHERE closed_on IS NULL GROUP BY child_id),
  dismissed AS (SELECT child_id, group_concat(flag, ',') AS flags FROM dismissals GROUP BY child_id)
SELECT c.id, c.ref, c.first_name AS firstName, c.last_name AS lastName, c.dob, c.room,
  c.key_person AS keyPerson, c.left_on AS leftOn,
  sent.child_id IS NOT NULL AS letterSent, consent.status AS consent,
  current_check.completed_on AS completedOn, current_check.shared_on AS sharedOn,
  current_check.child_id IS NOT NULL AS hasCheck,
  open_concerns.n AS openConcerns, dismissed.flags AS dismissed
FROM children c
  LEFT JOIN sent ON sent.child_id = c.id
  LEFT JOIN consent ON consent.child_id = c.id
  LEFT JOIN current_check ON current_check.child_id = c.id
  LEFT JOIN open_concerns ON open_concerns.child_id = c.id
  LEFT JOIN dismissed ON dismissed.child_id = c.id
WHERE (c.left_on IS NULL OR c.left_on > @today)
  AND (c.dob <= @bound OR current_check.child_id IS NOT NULL OR open_concerns.n IS NOT NULL)
  AND (@room IS NULL OR c.room = @room COLLATE NOCASE)
  AND (@keyPerson IS NULL OR c.key_person = @keyPerson COLLATE NOCASE)
ORDER BY c.dob, c.ref`;

/** Facts for every current child who might carry a flag on `today` within the look-ahead. */
export function* childrenWithFacts(db: Db, filter: StatusFilter): Generator<ChildWithFacts> {
  const bound = `${String(Number(filter.horizon.slice(0, 4)) - 2).padStart(4, '0')}${filter.horizon.slice(4)}`;
  const rows = db.prepare(SQL).iterate({
    today: filter.today, bound, room: filter.room ?? null, keyPerson: filter.keyPerson ?? null,
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
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${SQL}`).all({ today: '2026-01-01', bound: '2024-01-01', room: null, keyPerson: null }) as { detail: string }[];
  return rows.map((r) => r.detail);
}
