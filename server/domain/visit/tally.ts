// The per-household counter of a period (VisitTallyRecord), recomputed from its eligible visits on every write so that
// a late offline visit re-sorts correctly; the period close reads these, never the visits.
import { cstDay, daysBetween } from '../time/cst';
import { periodEndInstant, periodStartInstant, type CampaignRules, type Period } from '../quota/campaign';
import { countByDayAndGap } from '../quota/visitQuota';
import type { VisitTallyRecord } from './records';

export interface TallyKey {
  _id: string;
  townshipId: string;
  campaignId: string;
  periodKey: string;
  householdId: string;
}

export interface EligibleVisit {
  visitId: string;
  visitorPersonId: string;
  at: Date;
}

/** The tally after adding one eligible visit (idempotent: a visit already present is not added twice). */
export function withVisit(
  prev: VisitTallyRecord | null,
  key: TallyKey,
  visit: EligibleVisit,
  period: Period,
  rules: CampaignRules,
  now: Date,
): VisitTallyRecord {
  const before = (prev?.eligible ?? []).map((e) => ({ visitId: e.visitId, visitorPersonId: e.visitorPersonId, at: new Date(e.at) }));
  const eligible = before.some((e) => e.visitId === visit.visitId) ? before : [...before, visit];
  eligible.sort((a, b) => a.at.getTime() - b.at.getTime() || a.visitId.localeCompare(b.visitId));
  // eligibility (assigned at the time, proven where required) was decided when each visit was written
  const [from, to] = [periodStartInstant(period).getTime(), periodEndInstant(period).getTime()];
  const counted = countByDayAndGap(
    eligible.filter((e) => e.at.getTime() >= from && e.at.getTime() < to),
    rules,
  );
  const last = counted[counted.length - 1];
  return {
    ...key,
    eligible,
    counted: counted.length,
    countedVisitIds: counted.map((v) => v.visitId),
    lastCountedDay: last ? cstDay(last.at) : null,
    updatedAt: now,
  };
}

/** Why a visit did or did not count, for the visitor to read at once. */
export function countNote(args: {
  periodLabel: string | null;
  assigned: boolean;
  counted: boolean;
  tally: Pick<VisitTallyRecord, 'eligible' | 'countedVisitIds'> | null;
  visitAt: Date;
  rules: CampaignRules | null;
}): string {
  if (!args.periodLabel || !args.rules) return '当前不在任何行动时段内，本次走访已记录，但不计入走访次数';
  if (!args.assigned) return '走访时您不是该户的走访人，本次走访已记录，但不计入您的走访次数';
  if (args.counted) return `本次走访已计入${args.periodLabel}的走访次数`;
  const day = cstDay(args.visitAt);
  const countedDays = (args.tally?.eligible ?? [])
    .filter((e) => args.tally!.countedVisitIds.includes(e.visitId))
    .map((e) => cstDay(new Date(e.at)));
  if (countedDays.includes(day)) return '同一天对同一户的多次走访只计一次';
  const gap = Math.max(1, args.rules.minGapDays);
  const near = countedDays.find((d) => Math.abs(daysBetween(d, day)) < gap);
  return near ? `与${near}已计入的走访间隔不足${gap}天，本次走访不计入` : `本次走访不计入${args.periodLabel}的走访次数`;
}
