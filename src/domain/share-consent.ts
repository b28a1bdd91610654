/**
 * Whether a child's parents consent, today, to the setting sharing with health: the latest
 * share-with-health record (of those dated on or before today) decides. A withdrawal is a later record,
 * so consent given once and withdrawn since does not count; one dated after today (a replay
 * with --today) does not count yet.
 */
import { type CalendarDate, formatUkDate } from './calendar.js';

export interface ConsentRecord {
  id: number;
  kind: string;
  status: string;
  onDate: string;
  givenBy?: string;
}

export type ShareConsent =
  | { ok: true; consent: ConsentRecord }
  | { ok: false; why: string };

export function consentToShare(records: readonly ConsentRecord[], today: CalendarDate): ShareConsent {
  // the record made last stands, as for the consent-missing flag: a withdrawal recorded after a
  // consent wins even when it names an earlier day
  const latest = records.filter((r) => r.kind === 'share-with-health' && r.onDate <= today)
    .reduce<ConsentRecord | null>((last, r) => (!last || r.id > last.id ? r : last), null);
  if (!latest) return { ok: false, why: 'no consent to share with health is recorded' };
  if (latest.status !== 'given') return { ok: false, why: `consent to share with health was withdrawn on ${formatUkDate(latest.onDate as CalendarDate)}` };
  return { ok: true, consent: latest };
}
