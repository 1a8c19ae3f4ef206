// Which visits count toward a household's quota in a period (SPEC §3), as a pure function over plain data.
import { addDays, cstDay, daysBetween } from '../time/cst';
import { periodEndInstant, periodStartInstant, type CampaignRules, type Period } from './campaign';

export interface VisitFact {
  id: string;
  householdId: string;
  visitorId: string;
  at: Date;
  /** false when the visit carries no proof of presence (card QR, GPS, villager confirmation); absent = proven */
  proven?: boolean;
}

export interface AssignmentFact {
  visitorId: string;
  householdId: string;
  validFrom: Date;
  /** exclusive; null = still assigned */
  validTo: Date | null;
}

export function assignedAt(assignments: AssignmentFact[], householdId: string, at: Date): string | null {
  const t = at.getTime();
  const a = assignments.find(
    (x) => x.householdId === householdId && x.validFrom.getTime() <= t && (x.validTo === null || t < x.validTo.getTime()),
  );
  return a ? a.visitorId : null;
}

/** Whether a visit may count at all: made by the visitor assigned at that moment, and proven where the campaign requires it. */
export function eligibleVisit(v: VisitFact, assignments: AssignmentFact[], rules: Pick<CampaignRules, 'unprovenVisitsCount'>): boolean {
  if (rules.unprovenVisitsCount === false && v.proven === false) return false;
  return assignedAt(assignments, v.householdId, v.at) === v.visitorId;
}

/**
 * "每个月须完成两轮敲门行动": among eligible visits of one household, visits on one CST day count once and counted
 * visits are at least minGapDays CST days apart. The only counting rule: tallies, standings and pages all use it.
 */
export function countByDayAndGap<V extends { at: Date }>(eligible: readonly V[], rules: Pick<CampaignRules, 'minGapDays'>): V[] {
  const sorted = [...eligible].sort((a, b) => a.at.getTime() - b.at.getTime());
  const counted: V[] = [];
  for (const v of sorted) {
    const last = counted[counted.length - 1];
    if (!last || daysBetween(cstDay(last.at), cstDay(v.at)) >= Math.max(1, rules.minGapDays)) counted.push(v);
  }
  return counted;
}

/** The visits of a household that count in one window [from, to): eligible ones, by day and gap. */
export function countedBetween(
  visits: VisitFact[],
  assignments: AssignmentFact[],
  from: Date,
  to: Date,
  rules: CampaignRules,
): VisitFact[] {
  const inWindow = visits.filter((v) => v.at.getTime() >= from.getTime() && v.at.getTime() < to.getTime());
  return countByDayAndGap(
    inWindow.filter((v) => eligibleVisit(v, assignments, rules)),
    rules,
  );
}

/** The visits that count toward a household's quota in a period (SPEC §3). */
export function countedVisits(visits: VisitFact[], assignments: AssignmentFact[], period: Period, rules: CampaignRules): VisitFact[] {
  return countedBetween(visits, assignments, periodStartInstant(period), periodEndInstant(period), rules);
}

export interface HouseholdProgress {
  householdId: string;
  counted: number;
  needed: number;
  /** the earliest CST day a further visit can count, or null when the quota is met */
  nextCountableDay: string | null;
  /** the quota can no longer be met inside the period with the gap rule */
  atRisk: boolean;
}

export function householdProgress(
  householdId: string,
  counted: VisitFact[],
  period: Period,
  rules: CampaignRules,
  today: string,
): HouseholdProgress {
  const missing = Math.max(0, period.quota - counted.length);
  if (missing === 0) return { householdId, counted: counted.length, needed: period.quota, nextCountableDay: null, atRisk: false };
  const last = counted[counted.length - 1];
  const gap = Math.max(1, rules.minGapDays);
  let next = last ? addDays(cstDay(last.at), gap) : period.startDay;
  if (next < today) next = today;
  // days needed for the remaining visits, the first on `next`, each later one `gap` days after
  const lastPossible = addDays(next, (missing - 1) * gap);
  return { householdId, counted: counted.length, needed: period.quota, nextCountableDay: next, atRisk: lastPossible > period.endDay };
}
