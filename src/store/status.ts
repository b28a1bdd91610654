import { type CalendarDate, addDays } from '../domain/calendar.js';
import { type ChildFacts, FLAG_NAMES, type FlagName } from '../domain/flags.js';
import type { Db } from './db.js';

export interface ChildWithFacts {
  id: number;
  ref: string;
  firstName: string;
  lastName: string;
  room: string | null;
  keyPerson: string | null;
  facts: ChildFacts;
  /** only with `withHome` */
  address?: string | null;
  postcode?: string | null;
}

export interface StatusFilter {
  today: CalendarDate;
  /** the last day the look-ahead reaches */
  horizon: CalendarDate;
  room?: string;
  keyPerson?: string;
  /** only children who might carry one of these (every flag when absent) */
  flags?: readonly FlagName[] | null;
  /** also read the home address and postcode (for the Hub a listed child needs) */
  withHome?: boolean;
}

/*
 * One statement. A child can carry a flag today only if it is in one of four disjoint sets,
 * each reached by an index:
 *  A. between two (within the look-ahead) and three. The facts are looked up once per child,
 *     each from a covering index, and a child is kept when it is not yet two or one of them is
 *     missing: a sent parent letter, given consent, a completed check, the current check shared,
 *     no open concern. In a real roster most of this band has them all.
 *  B. three or over with no completed check (check-missed): an anti-join on checks_completed.
 *  C. any other age with an open concern or a completed check not shared: the indexes are small
 *     (concerns, unshared checks). With C reading open concerns, B leaves to C the children who have one.
 *  D. children who left the roster after `@today`, for a replay of an earlier day: none on the
 *     day itself, and few on any other.
 * Every fact stands as it did on `@today`: a record dated after it (a letter's posting, a
 * consent, a check completed or shared, a concern raised or closed) does not count yet.
 * Asked for some flags only, each set keeps only the children who might carry one of those,
 * and a set none of them can come from is not read at all. Only for the children kept are the
 * names and the current check's dates read; the rules in domain/flags.ts then decide exactly.
 *
 * Sets A and B are walked in child id order (`LIMIT -1` keeps SQLite from flattening the sorted
 * subquery away), so the probes move forwards through each index and mostly hit pages already
 * in the cache: twice as fast as dob order at 1M children. In A the facts are columns of a
 * subquery that cannot be flattened either, so a fact the filter reads is not looked up again;
 * the union of the sets is one more such subquery (a lone set would otherwise be flattened into
 * the outer query and its facts looked up once per use).
 *
 * Bounds are compared as text: a birthday is never before the same month and day N years on,
 * and never more than three days after it (the 31st rolling to the 1st), so `@bound` (horizon
 * less two years), `@notTwoBound` (today less three days, less two years) and `@threeBound`
 * (today less three days, less three years), and `@twoUpper` and `@threeUpper` (today less two
 * or three years: nobody born after that is two, or three, today) only ever let through more
 * children than the rules flag, never fewer (test/store/status.test.ts).
 */
type Fact = 'letter' | 'consent' | 'chk' | 'concerns';

/** A completed version that counted on `@today`: done by then, and an amendment (which often keeps the first version's date) recorded by then. */
const COUNTED_CHECK = (k: string): string => `${k}.status = 'completed' AND ${k}.completed_on <= @today
      AND (${k}.version = 1 OR IFNULL(${k}.recorded_on, ${k}.completed_on) <= @today)`;

/** A concern raised by `@today` and not closed by then. */
const OPEN_CONCERN = (o: string): string => `${o}.raised_on <= @today AND (${o}.closed_on IS NULL OR ${o}.closed_on > @today)`;

/** Each fact of child `x` as it stood on `@today` (a record dated later does not count yet), one index probe each. `chk` is the current check's version times two, plus one if it is not shared. */
const FACT: Record<Fact, (x: string) => string> = {
  letter: (x) => `EXISTS (SELECT 1 FROM letters l WHERE l.child_id = ${x}.id AND l.kind = 'parent-letter' AND l.sent_on <= @today)`,
  consent: (x) => `(SELECT s.status FROM consents s WHERE s.child_id = ${x}.id AND s.kind = 'share-with-health' AND s.on_date <= @today
      ORDER BY s.id DESC LIMIT 1)`,
  chk: (x) => `(SELECT k.version * 2 + (k.shared_on IS NULL OR k.shared_on > @today) FROM checks k INDEXED BY checks_completed
      WHERE k.child_id = ${x}.id AND ${COUNTED_CHECK('k')} ORDER BY k.version DESC LIMIT 1)`,
  concerns: (x) => `(SELECT COUNT(*) FROM concerns o INDEXED BY concerns_child WHERE o.child_id = ${x}.id AND ${OPEN_CONCERN('o')})`,
};
const FACTS: readonly Fact[] = ['letter', 'consent', 'chk', 'concerns'];
/** Every fact of child `x`, as columns in FACTS order. */
const ALL_FACTS = (x: string): string => FACTS.map((f) => FACT[f](x)).join(', ');

/**
 * What set A keeps a child for, per flag: the fact it reads (none: the date of birth alone),
 * the condition, and the latest date of birth that can carry the flag: `@threeUpper` (today
 * less three years: three or over) or `@twoUpper` (two or over), by the same text reasoning.
 */
const KEEP_IN_A: Record<FlagName, { fact: Fact | null; when: string; upper: Upper }> = {
  'check-missed': { fact: 'chk', when: 'chk IS NULL AND dob <= @threeUpper', upper: 'threeUpper' },
  'check-late': { fact: 'chk', when: 'chk IS NULL AND dob <= @twoUpper', upper: 'twoUpper' },
  'check-due': { fact: 'chk', when: 'chk IS NULL AND dob <= @twoUpper', upper: 'twoUpper' },
  'letter-due': { fact: 'letter', when: 'letter = 0 AND dob <= @twoUpper', upper: 'twoUpper' },
  'consent-missing': { fact: 'consent', when: `consent IS NOT 'given'`, upper: 'bound' },
  'check-not-shared': { fact: 'chk', when: 'chk % 2 = 1', upper: 'bound' },
  'concern-open': { fact: 'concerns', when: 'concerns > 0', upper: 'bound' },
  'turns-two-soon': { fact: null, when: 'dob > @notTwoBound', upper: 'bound' },
};
type Upper = 'threeUpper' | 'twoUpper' | 'bound';
/** earliest first */
const UPPERS: readonly Upper[] = ['threeUpper', 'twoUpper', 'bound'];
/** The earliest date of birth set A reads: three days short of three, or of two for turns-two-soon alone. */
const lowerOf = (flags: ReadonlySet<FlagName>): string => ([...flags].every((f) => f === 'turns-two-soon') ? 'notTwoBound' : 'threeBound');

function buildSql(filter: StatusFilter): string {
  const wanted = new Set<FlagName>(filter.flags ?? FLAG_NAMES);
  const mine = (x: string): string => [filter.room !== undefined ? `${x}.room = @room COLLATE NOCASE` : '',
    filter.keyPerson !== undefined ? `${x}.key_person = @keyPerson COLLATE NOCASE` : ''].filter(Boolean).map((w) => ` AND ${w}`).join('');
  // A band of ages in child id order; a room or key person is read from each child's row only
  // after the sort, so those reads move forwards through the table too.
  const band = (dob: string): string => {
    const sorted = `(SELECT id, dob FROM children INDEXED BY children_current_dob WHERE left_on IS NULL AND ${dob} ORDER BY id LIMIT -1)`;
    return mine('r') === '' ? sorted : `(SELECT w.id, w.dob FROM ${sorted} w CROSS JOIN children r ON r.id = w.id WHERE TRUE${mine('r')} LIMIT -1)`;
  };
  const sets: string[] = [];

  // A: the facts the filter reads inside, the others only for the children kept
  const keep = [...wanted].map((f) => KEEP_IN_A[f]);
  const inner = FACTS.filter((f) => keep.some((k) => k.fact === f));
  const when = [...new Set(keep.map((k) => `(${k.when})`))].join(' OR ') || 'FALSE';
  const upper = UPPERS[Math.max(...keep.map((k) => UPPERS.indexOf(k.upper)))] ?? 'bound';
  sets.push(`SELECT id, dob, ${FACTS.map((f) => (inner.includes(f) ? f : `${FACT[f]('a')} AS ${f}`)).join(', ')}
  FROM (SELECT a.id, a.dob${inner.map((f) => `, ${FACT[f]('a')} AS ${f}`).join('')}
        FROM ${band(`dob > @${lowerOf(wanted)} AND dob <= @${upper}`)} a
        LIMIT -1) a
  WHERE ${when}`);

  const concernsInC = wanted.has('concern-open');
  if (wanted.has('check-missed')) {
    sets.push(`SELECT b.id, b.dob, ${FACT.letter('b')}, ${FACT.consent('b')}, NULL, ${FACT.concerns('b')}
  FROM ${band('dob <= @threeBound')} b
  WHERE NOT EXISTS (SELECT 1 FROM checks k INDEXED BY checks_completed WHERE k.child_id = b.id AND ${COUNTED_CHECK('k')})${concernsInC
    ? `\n    AND NOT EXISTS (SELECT 1 FROM concerns o INDEXED BY concerns_child WHERE o.child_id = b.id AND ${OPEN_CONCERN('o')})` : ''}`);
  }
  const fromC = [concernsInC ? `SELECT child_id FROM concerns o WHERE ${OPEN_CONCERN('o')}` : '',
    ...(wanted.has('check-not-shared') ? [
      `SELECT child_id FROM checks k INDEXED BY checks_unshared WHERE shared_on IS NULL AND ${COUNTED_CHECK('k')}`,
      `SELECT child_id FROM checks k INDEXED BY checks_shared WHERE shared_on > @today AND ${COUNTED_CHECK('k')}`] : [])].filter(Boolean);
  if (fromC.length > 0) {
    sets.push(`SELECT c.id, c.dob, ${ALL_FACTS('c')}
  FROM children c
  WHERE c.id IN (${fromC.join(' UNION ')}) AND c.left_on IS NULL AND (+c.dob > @bound OR +c.dob <= @threeBound)${mine('c')}`);
  }

  // D: children who had not yet left on @today, for a replay of an earlier day
  sets.push(`SELECT d.id, d.dob, ${ALL_FACTS('d')}
  FROM children d INDEXED BY children_left
  WHERE d.left_on > @today${mine('d')}`);

  return `SELECT f.id, c.ref, c.first_name, c.last_name, f.dob, c.room, c.key_person, f.letter, f.consent,
  f.chk IS NOT NULL, k.completed_on, CASE WHEN k.shared_on <= @today THEN k.shared_on END, f.concerns,
  CASE WHEN f.chk IS NULL THEN (SELECT group_concat(d.flag, ',') FROM dismissals d WHERE d.child_id = f.id) END,
  c.left_on${filter.withHome ? ', c.address, c.postcode' : ''}
FROM (${sets.join('\n  UNION ALL\n  ')}\n  LIMIT -1) f
  CROSS JOIN children c ON c.id = f.id
  LEFT JOIN checks k INDEXED BY checks_completed ON k.child_id = f.id AND k.status = 'completed' AND k.version = f.chk / 2`;
}

type Row = [id: number, ref: string, firstName: string, lastName: string, dob: CalendarDate,
  room: string | null, keyPerson: string | null, letterSent: number, consent: string | null,
  hasCheck: number, completedOn: CalendarDate | null, sharedOn: CalendarDate | null,
  openConcerns: number, dismissed: string | null, leftOn: CalendarDate | null, address?: string | null, postcode?: string | null];

/** `date` moved back `years` years, as text for comparing with dates of birth (see above). */
function yearsBefore(date: CalendarDate, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

function parameters(filter: StatusFilter): Record<string, string> {
  const slack = addDays(filter.today, -3);
  const p: Record<string, string> = {
    bound: yearsBefore(filter.horizon, 2), notTwoBound: yearsBefore(slack, 2), threeBound: yearsBefore(slack, 3),
    twoUpper: yearsBefore(filter.today, 2), threeUpper: yearsBefore(filter.today, 3),
    today: filter.today,
  };
  if (filter.room !== undefined) p.room = filter.room;
  if (filter.keyPerson !== undefined) p.keyPerson = filter.keyPerson;
  return p;
}

const NO_DISMISSALS: readonly string[] = [];

/**
 * Facts for every current child who might carry a flag (one of `filter.flags`) on `today`
 * within the look-ahead. Dismissals are read only for a child with no completed check: the one
 * flag they end, check-missed, needs that.
 */
export function* childrenWithFacts(db: Db, filter: StatusFilter): Generator<ChildWithFacts> {
  // Arrays rather than objects per row: this loop runs for every candidate.
  const rows = db.prepare(buildSql(filter)).raw(true).iterate(parameters(filter)) as IterableIterator<Row>;
  const withHome = filter.withHome === true;
  for (const r of rows) {
    const child: ChildWithFacts = {
      id: r[0], ref: r[1], firstName: r[2], lastName: r[3], room: r[5], keyPerson: r[6],
      facts: {
        dob: r[4],
        leftOn: r[14], // null, or (set D) a day after today
        letterSent: r[7] === 1,
        consentGiven: r[8] === 'given',
        check: r[9] === 1 ? { completedOn: r[10], sharedOn: r[11] } : null,
        openConcerns: r[12],
        dismissed: r[13] === null ? NO_DISMISSALS : r[13].split(','),
      },
    };
    if (withHome) {
      child.address = r[15] ?? null;
      child.postcode = r[16] ?? null;
    }
    yield child;
  }
}

/** The query plan, for the bench. */
export function statusQueryPlan(db: Db, filter: StatusFilter): string[] {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${buildSql(filter)}`).all(parameters(filter)) as { id: number; parent: number; detail: string }[];
  const depth = new Map<number, number>([[0, -1]]);
  return rows.map((r) => {
    const d = (depth.get(r.parent) ?? -1) + 1;
    depth.set(r.id, d);
    return `${'  '.repeat(d)}${r.detail}`;
  });
}
