// SPEC §4.5 "A household's standing for a period is one function of its record: counted visits inside the period
// (including offline visits that arrived within the window) plus remedy-window visits (same-day and gap rules among
// themselves)." The draft, reminders, publication, referral, the evidence pack and the pages all read this function.
import { periodEndInstant, periodStartInstant, type CampaignRules, type Period } from '../quota/campaign';
import { countedBetween, type AssignmentFact, type VisitFact } from '../quota/visitQuota';

export interface StandingVisitFact extends VisitFact {
  proofs: string[];
  offline: boolean;
}

export interface HouseholdStanding {
  householdId: string;
  needed: number;
  /** counted visits inside the period */
  periodCounted: number;
  /** counted visits in the remedy window (from the period end), among themselves, at most the period's shortfall */
  remedyCounted: number;
  /** visits still missing after both */
  missing: number;
  /** the counted visits, period first, then remedy */
  counted: StandingVisitFact[];
}

/**
 * `remedyUntil`: the end of the remedy window (the remedy deadline once the notice is published); null while no
 * deadline is set yet, when every visit after the period end that has arrived counts toward the remedy.
 */
export function householdStanding(
  householdId: string,
  visits: readonly StandingVisitFact[],
  assignments: AssignmentFact[],
  period: Period,
  rules: CampaignRules,
  remedyUntil: Date | null,
): HouseholdStanding {
  const own = visits.filter((v) => v.householdId === householdId);
  const end = periodEndInstant(period);
  const inPeriod = countedBetween(own, assignments, periodStartInstant(period), end, rules) as StandingVisitFact[];
  const shortAfterPeriod = Math.max(0, period.quota - inPeriod.length);
  const remedy = (countedBetween(own, assignments, end, remedyUntil ?? new Date(8.64e15), rules) as StandingVisitFact[]).slice(
    0,
    shortAfterPeriod,
  );
  return {
    householdId,
    needed: period.quota,
    periodCounted: inPeriod.length,
    remedyCounted: remedy.length,
    missing: shortAfterPeriod - remedy.length,
    counted: [...inPeriod, ...remedy],
  };
}
