import { type CalendarDate, fromYmd, ymd } from './calendar.js';
import { secondBirthday } from './age.js';

/**
 * The start of the funding term after `date`: funding terms begin on 1 January, 1 April and
 * 1 September, and the term after a day in 1 Jan–31 Mar is 1 April; 1 Apr–31 Aug, 1 September;
 * 1 Sep–31 Dec, 1 January of the next year. The day before each start (31 March, 31 August,
 * 31 December) is the deadline for that term.
 */
export function termAfter(date: CalendarDate): CalendarDate {
  const { year, month } = ymd(date);
  if (month <= 3) return fromYmd(year, 4, 1);
  if (month <= 8) return fromYmd(year, 9, 1);
  return fromYmd(year + 1, 1, 1);
}

/**
 * The first day of a funded two-year-old place in England: the start of the term after the
 * second birthday. Birthday 1 Jan–31 Mar → 1 April; 1 Apr–31 Aug → 1 September;
 * 1 Sep–31 Dec → 1 January of the next year.
 */
export function fundedTermStart(dob: CalendarDate): CalendarDate {
  return termAfter(secondBirthday(dob));
}

/** The two ways a two-year-old place is funded. */
export const FUNDING_BASES = ['disadvantaged', 'working-parent'] as const;
export type FundingBasis = (typeof FUNDING_BASES)[number];

/**
 * The day a child's funded place starts, by the basis on record; null when the child is not
 * funded or not (yet) eligible, so no date is shown for them.
 *
 * - Disadvantaged offer (families receiving additional support): the term after the second birthday.
 * - Working-parent entitlement (two-year-olds, since April 2024): from the term after the child
 *   turns two if the HMRC eligibility code was valid by that term's deadline (31 March for
 *   1 April, 31 August for 1 September, 31 December for 1 January); a code first valid later
 *   counts from the term after its validity start. So the later of the two terms. Without a
 *   code there is no date. Source: DfE, "Early education and childcare: statutory guidance
 *   for local authorities" (applies from 1 April 2024), with the local authorities' statement
 *   of the deadlines (e.g. Cambridgeshire and Kent County Council, "Childcare entitlements for
 *   working parents": a code not issued by 31 December gives funding from 1 April).
 */
export function fundedFrom(dob: CalendarDate, basis: FundingBasis | null, codeValidFrom?: CalendarDate | null): CalendarDate | null {
  if (basis === 'disadvantaged') return fundedTermStart(dob);
  if (basis === 'working-parent') {
    if (!codeValidFrom) return null;
    const byAge = fundedTermStart(dob);
    const byCode = termAfter(codeValidFrom);
    return byCode > byAge ? byCode : byAge;
  }
  return null;
}

/**
 * The basis on record for a child. A roster that says only "funded" (no basis) is read as the
 * disadvantaged offer, whose start is the same term after the second birthday; a roster that
 * says "not funded", or nothing, gives no basis and so no date.
 */
export function basisOnRecord(child: { funded: boolean | null; fundingBasis?: string | null }): FundingBasis | null {
  const b = child.fundingBasis?.trim().toLowerCase();
  if (b && (FUNDING_BASES as readonly string[]).includes(b)) return b as FundingBasis;
  if (b === 'none' || b === 'not-funded') return null;
  return child.funded === true ? 'disadvantaged' : null;
}
