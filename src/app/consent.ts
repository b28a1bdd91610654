/**
 * Consent: the parents' agreement to share with health, or the Parental Declaration, given or
 * withdrawn. A withdrawal is a new record; the earlier one stays.
 */
import type { CalendarDate } from '../domain/calendar.js';
import { CONSENT_KINDS, CONSENT_METHODS, type ConsentKind } from '../domain/records.js';
import { UsageError } from '../errors.js';
import type { Child } from '../store/children.js';
import { type Consent, addConsent, consentHistory, currentConsents } from '../store/consents.js';
import type { AppContext } from './context.js';
import { choiceFlag, dateFlag, requireChild, textFlag } from './record-input.js';

export interface ConsentOptions {
  kind?: string;
  byParent?: string;
  on?: string;
  method?: string;
  withdraw?: boolean;
  note?: string;
}

export interface ConsentResult {
  child: Child;
  consent: Consent;
  warnings: string[];
}

/** What a consent record still needs that neither the flags nor the roster gave. */
export function missingForConsent(child: Child, opts: ConsentOptions): ('--by-parent' | '--method')[] {
  const missing: ('--by-parent' | '--method')[] = [];
  if (!(opts.byParent?.trim() || child.parentName)) missing.push('--by-parent');
  if (opts.method === undefined) missing.push('--method');
  return missing;
}

/** A consent given or withdrawn, with warnings where it looks mistaken. */
export function runConsent(ctx: AppContext, ref: string, opts: ConsentOptions): ConsentResult {
  const child = requireChild(ctx, ref);
  const missing = missingForConsent(child, opts);
  if (missing.length > 0) throw new UsageError(`consent needs ${missing.join(' and ')}`);
  const kind: ConsentKind = opts.kind === undefined ? 'share-with-health' : choiceFlag('--kind', opts.kind, CONSENT_KINDS);
  const givenBy = (textFlag('--by-parent', opts.byParent) ?? child.parentName) as string;
  const onDate: CalendarDate = opts.on === undefined ? ctx.today : dateFlag('--on', opts.on, { today: ctx.today, dob: child.dob });
  const method = choiceFlag('--method', opts.method as string, CONSENT_METHODS);
  const note = textFlag('--note', opts.note);
  const warnings: string[] = [];
  if (kind === 'parental-declaration' && child.funded !== true) {
    warnings.push(`${child.ref} is not marked as funded on the roster; check the Parental Declaration is for a funded place`);
  }
  const latest = currentConsents(ctx.db(), child.id)[kind];
  if (latest && onDate < latest.onDate) {
    warnings.push(`this is dated before the ${kind} ${latest.status} on ${latest.onDate}; the one recorded last counts as current`);
  }
  const consent = addConsent(
    ctx.db(),
    child.id,
    {
      kind,
      status: opts.withdraw === true ? 'withdrawn' : 'given',
      givenBy,
      onDate,
      method,
      note,
    },
    ctx.by,
    ctx.now(),
  );
  return { child, consent, warnings };
}

/** A child's consent records, oldest first. */
export function runConsentHistory(ctx: AppContext, ref: string): { child: Child; consents: Consent[] } {
  const child = requireChild(ctx, ref);
  return { child, consents: consentHistory(ctx.db(), child.id) };
}
