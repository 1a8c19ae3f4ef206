// Which visits count toward a household's quota in a period (SPEC §3), as a pure function over plain data.
import { addDays, cstDay, daysBetween } from '../time/cst';
import { periodEndInstant, periodStartInstant, type CampaignRules, type Period } from './campaign';

export interface VisitFact {
  id: string;
  householdId: string;
  visitorId: string;
  at: Date;
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
  const a = assignments.find((x) => x.householdId === householdId && x.validFrom.getTime() <= t && (x.validTo === null || t < x.validTo.getTime()));
  return a ? a.visitorId : null;
}

/**
 * "每个月须完成两轮敲门行动": a visit counts only if made by the visitor assigned at that moment;
 * visits on one CST day count once; counted visits are at least minGapDays CST days apart.
 */
export function countedVisits(visits: VisitFact[], assignments: AssignmentFact[], period: Period, rules: CampaignRules): VisitFact[] {
  const from = periodStartInstant(period).getTime();
  const to = periodEndInstant(period).getTime();
  const eligible = visits
    .filter((v) => v.at.getTime() >= from && v.at.getTime() < to)
    .filter((v) => assignedAt(assignments, v.householdId, v.at) === v.visitorId)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const counted: VisitFact[] = [];
  for (const v of eligible) {
    const last = counted[counted.length - 1];
    if (!last || daysBetween(cstDay(last.at), cstDay(v.at)) >= Math.max(1, rules.minGapDays)) counted.push(v);
  }
  return counted;
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

export function householdProgress(householdId: string, counted: VisitFact[], period: Period, rules: CampaignRules, today: string): HouseholdProgress {
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

