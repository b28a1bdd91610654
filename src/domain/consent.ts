/**
 * Consent gates sharing (design section 2): a check or a concern goes to health, and a child is
 * invited to a group review with health, only with current consent to share. Safeguarding
 * overrides consent; then who decided and why is kept. Pure: the store supplies the records.
 */
import type { CalendarDate } from './calendar.js';
import type { HubAnswer } from './hub.js';

/** One consent row, as the store keeps them: oldest first, the latest of a kind is current. */
export interface ConsentRecord {
  /** the store's row id, kept so a share can say which consent it relied on */
  id?: number;
  kind: string;
  status: string;
  onDate: CalendarDate | string;
  givenBy?: string;
}

export type ConsentAnswer =
  | { ok: true; since: CalendarDate; givenBy: string | null; id?: number }
  | { ok: false; missing: 'never' | 'withdrawn'; since: CalendarDate | null; reason: string };

/**
 * Whether the parents' consent to share with health stands on `today`: the latest
 * share-with-health row dated on or before `today` says 'given'. A row dated later does not
 * count yet, so a replay of an earlier day (--today) sees that day as it was.
 */
export function consentToShare(records: readonly ConsentRecord[], today: CalendarDate): ConsentAnswer {
  const latest = records.filter((r) => r.kind === 'share-with-health' && r.onDate <= today).at(-1);
  if (!latest) {
    return { ok: false, missing: 'never', since: null, reason: 'no consent to share with health is recorded' };
  }
  if (latest.status === 'given') return { ok: true, since: latest.onDate as CalendarDate, givenBy: latest.givenBy ?? null, id: latest.id };
  return {
    ok: false,
    missing: 'withdrawn',
    since: latest.onDate as CalendarDate,
    reason: `the consent to share with health was withdrawn on ${latest.onDate}`,
  };
}

/** What to tell a person who was refused, and how to put it right. */
export function consentRefusal(
  ref: string,
  answer: Extract<ConsentAnswer, { ok: false }>,
  what: string,
): { message: string; hint: string } {
  return {
    message: `${ref}: ${answer.reason}, so ${what} cannot be shared with health; nothing was recorded`,
    hint:
      answer.missing === 'withdrawn'
        ? `if the parents give consent again, record it first: twocheck consent ${ref} --method paper; ` +
          'where safeguarding requires sharing without consent, add --without-consent --reason "..." (the decision is kept in the audit log)'
        : `record the parents' consent first: twocheck consent ${ref} --method paper; ` +
          'where safeguarding requires sharing without consent, add --without-consent --reason "..." (the decision is kept in the audit log)',
  };
}

/** --without-consent must say why: a safeguarding decision is kept with its reason. */
export function overrideProblem(withoutConsent: boolean, reason: string | null | undefined): string | null {
  if (!withoutConsent && reason !== undefined && reason !== null)
    return '--reason goes with --without-consent (it says why consent was overridden)';
  if (withoutConsent && (reason === undefined || reason === null || reason.trim() === '')) {
    return '--without-consent needs --reason "..." saying why safeguarding overrides consent';
  }
  return null;
}

/**
 * A share "with West Hub" must go to the Hub that covers the child's home. Named Hubs are
 * compared with the lookup's answer for the home: a home the Hubs do not cover, or another
 * Hub's area, is refused (a problem); a home the lookup is unsure of is a warning. A share
 * with anyone else (a GP, a speech therapist) is not a Hub share and passes.
 */
export function hubShareCheck(withWhom: string, home: HubAnswer, hubNames: readonly string[]): { problem?: string; warning?: string } {
  const said = withWhom.toLowerCase();
  const named = hubNames.filter((n) => said.includes(n.toLowerCase()));
  if (named.length === 0) return {};
  if (home.kind === 'not-covered') {
    const service = serviceFor(home);
    return {
      problem: `the child's home (${home.matched}) is not covered by ${named.join(' or ')}: ${service ? `share with ${service} instead` : "share with the health visiting service for the child's own area instead"}`,
    };
  }
  if (home.kind === 'found') {
    if (named.length === 1 && named[0]!.toLowerCase() === home.hub.name.toLowerCase()) return {};
    return {
      problem: `the child's home (${home.matched}) is in ${home.hub.name}'s area, not ${named.join(' or ')}'s: share with ${home.hub.name} (${home.hub.phone})`,
    };
  }
  return {
    warning: `could not confirm that ${named.join(' or ')} covers the child's home (${home.reason}); check the address: twocheck hub --child <ref>`,
  };
}

/** The service a not-covered home belongs to, as the area table names it ("served by …"). */
export function serviceFor(home: HubAnswer): string | null {
  if (home.kind !== 'not-covered') return null;
  const m = /served by (.+?)\.?$/.exec(home.reason);
  return m ? m[1]! : null;
}

/** Telling the child's own parents needs no consent to share with health. */
export function isParentShare(withWhom: string): boolean {
  return /\b(parents?|carers?|mum|dad|mother|father|family)\b/i.test(withWhom);
}
