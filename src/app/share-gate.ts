/**
 * The consent gate every share with health passes: a concern, a check, a child invited to a
 * group review with health. The rule is domain/consent.ts; this reads the records it needs and
 * turns a refusal into an error that says what consent is missing and how to record it.
 */
import type { CalendarDate } from '../domain/calendar.js';
import { consentRefusal, consentToShare, hubShareCheck, overrideProblem } from '../domain/consent.js';
import { TwocheckError, UsageError } from '../errors.js';
import type { Child } from '../store/children.js';
import { consentHistory } from '../store/consents.js';
import type { AppContext } from './context.js';
import { homeHubs } from './home-hub.js';

export interface Override {
  withoutConsent?: boolean;
  reason?: string;
}

export interface Passed {
  /** set when safeguarding overrides consent: the reason to keep */
  withoutConsentReason: string | null;
  /** the parents' consent the share relies on, when it stands */
  consent: { id: number | null; since: CalendarDate } | null;
  warnings: string[];
}

/** --without-consent and --reason, checked at the boundary (exit 2 when half given). */
export function checkOverrideFlags(o: Override): string | null {
  const problem = overrideProblem(o.withoutConsent === true, o.reason);
  if (problem) throw new UsageError(problem);
  return o.withoutConsent ? (o.reason as string).trim() : null;
}

/**
 * Passes, or throws (exit 1) naming the missing consent. `withWhom` is checked against the Hub
 * for the child's home when it names one of the area's Hubs.
 */
export function shareGate(
  ctx: AppContext,
  child: Child,
  a: { what: string; withWhom: string | null; on: CalendarDate } & Override,
): Passed {
  const reason = checkOverrideFlags(a);
  const warnings: string[] = [];
  if (a.withWhom) {
    const hubs = homeHubs(ctx.db());
    const hub = hubShareCheck(
      a.withWhom,
      hubs.of({ address: child.address, postcode: child.postcode }),
      hubs.hubs.map((h) => h.name),
    );
    if (hub.problem) {
      throw new TwocheckError(
        `${child.ref}: ${hub.problem}; nothing was recorded`,
        `see which service covers the home: twocheck hub --child ${child.ref}`,
      );
    }
    if (hub.warning) warnings.push(hub.warning.replace('<ref>', child.ref));
  }
  const consent = consentToShare(consentHistory(ctx.db(), child.id), a.on);
  if (consent.ok) {
    if (reason)
      warnings.push(
        `${child.ref} has consent to share (given ${consent.since}); --without-consent was not needed, and the reason is kept anyway`,
      );
    return { withoutConsentReason: reason, consent: { id: consent.id ?? null, since: consent.since }, warnings };
  }
  if (reason) {
    warnings.push(`${child.ref}: ${consent.reason}; shared without consent for safeguarding, decided by ${ctx.by}: ${reason}`);
    return { withoutConsentReason: reason, consent: null, warnings };
  }
  const refusal = consentRefusal(child.ref, consent, a.what);
  throw new TwocheckError(refusal.message, refusal.hint);
}
