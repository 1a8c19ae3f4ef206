// The escalation ladder of seed 001 §六(三), as pure functions over plain data:
// "对落实…行动不力的相关责任人第一次进行全镇通报批评，在规定时间内仍然未完成入户走访的走访人，镇纪委将对该走访人进行约谈。"
import { DAY_MS, cstDay } from '../time/cst';
import { periodEndInstant, remedyDeadline, type Campaign, type Period } from '../quota/campaign';
import { countedVisits, type AssignmentFact, type VisitFact } from '../quota/visitQuota';
import type { CaseStatus } from '../quota/records';

export interface HeldHousehold {
  householdId: string;
  visitorPersonId: string;
}

export interface Shortfall {
  visitorPersonId: string;
  households: { householdId: string; counted: number; needed: number; missing: number }[];
}

/** A visitor is held for the households assigned to them when the period ends; exempted visitors are not held. */
export function heldAtPeriodEnd(assignments: AssignmentFact[], period: Period, exempt: ReadonlySet<string>): HeldHousehold[] {
  const end = periodEndInstant(period).getTime();
  return assignments
    .filter((a) => a.validFrom.getTime() < end && (a.validTo === null || a.validTo.getTime() >= end))
    .filter((a) => !exempt.has(a.visitorId))
    .map((a) => ({ householdId: a.householdId, visitorPersonId: a.visitorId }));
}

/** Every visitor with at least one held household below the period's quota, with the missing counts. */
export function shortfalls(held: HeldHousehold[], countedByHousehold: ReadonlyMap<string, number>, period: Period): Shortfall[] {
  const byVisitor = new Map<string, Shortfall>();
  for (const h of held) {
    const counted = countedByHousehold.get(h.householdId) ?? 0;
    if (counted >= period.quota) continue;
    const s = byVisitor.get(h.visitorPersonId) ?? { visitorPersonId: h.visitorPersonId, households: [] };
    s.households.push({ householdId: h.householdId, counted, needed: period.quota, missing: period.quota - counted });
    byVisitor.set(h.visitorPersonId, s);
  }
  return [...byVisitor.values()].sort((a, b) => a.visitorPersonId.localeCompare(b.visitorPersonId));
}

export type Transition = { kind: 'reminder'; offsetDays: number } | { kind: 'close' } | { kind: 'interview' };

/** What has fallen due for a period at `now`; a run after missed days gets every transition still meaningful. */
export function dueTransitions(campaign: Pick<Campaign, 'rules'>, period: Period, now: Date): Transition[] {
  const end = periodEndInstant(period).getTime();
  const t = now.getTime();
  const out: Transition[] = [];
  // a reminder only makes sense while the period is still running
  for (const offsetDays of campaign.rules.reminderOffsetsDays) {
    if (t >= end - offsetDays * DAY_MS && t < end) out.push({ kind: 'reminder', offsetDays });
  }
  if (t >= end) out.push({ kind: 'close' });
  if (t >= remedyDeadline(campaign, period).getTime()) out.push({ kind: 'interview' });
  return out;
}

/**
 * "规定时间内" the visitor may make up the missing visits: visits to the household in the remedy window, by the visitor
 * assigned at the time, on different CST days and minGapDays apart, each clear one missing visit.
 */
export function remedied(missing: number, remedyVisits: VisitFact[], assignments: AssignmentFact[], campaign: Pick<Campaign, 'rules'>, period: Period): boolean {
  const windowStart = periodEndInstant(period);
  const deadline = remedyDeadline(campaign, period);
  const window: Period = { key: `${period.key}-remedy`, label: '整改期', startDay: cstDay(windowStart), endDay: cstDay(new Date(deadline.getTime() - 1)), quota: missing };
  return countedVisits(remedyVisits, assignments, window, campaign.rules).length >= missing;
}

/** Cases only move forward: notice cases open → remedied | escalated | exempted; interview cases open → scheduled → closed. */
const FORWARD: Record<CaseStatus, CaseStatus[]> = {
  open: ['remedied', 'escalated', 'exempted', 'scheduled', 'closed'],
  scheduled: ['scheduled', 'closed'],
  remedied: [],
  escalated: [],
  exempted: [],
  closed: [],
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return FORWARD[from].includes(to);
}
