// The escalation ladder of seed 001 §六(三), as pure functions over plain data:
// "对落实…行动不力的相关责任人第一次进行全镇通报批评，在规定时间内仍然未完成入户走访的走访人，镇纪委将对该走访人进行约谈。"
// Every step is a human's decision that the system prepares (SPEC §4): the close drafts, the office publishes, the
// remedy deadline refers to the discipline office, objections are ruled by people.
import { DAY_MS, addDays, cstDay, cstDayStart } from '../time/cst';
import { isWorkingDay, type CalendarOverrides } from '../calendar/workingDays';
import { periodEndInstant, type Campaign, type CampaignRules, type Period } from '../quota/campaign';
import type { AssignmentFact } from '../quota/visitQuota';
import type { HouseholdStanding } from './standing';
import type { CaseStatus } from './records';

export interface HeldHousehold {
  householdId: string;
  visitorPersonId: string;
}

export interface Shortfall<S> {
  visitorPersonId: string;
  households: S[];
}

/** A visitor is held for the households assigned to them when the period ends; exempted visitors are not held. */
export function heldAtPeriodEnd(assignments: AssignmentFact[], period: Period, exempt: ReadonlySet<string>): HeldHousehold[] {
  const end = periodEndInstant(period).getTime();
  return assignments
    .filter((a) => a.validFrom.getTime() < end && (a.validTo === null || a.validTo.getTime() >= end))
    .filter((a) => !exempt.has(a.visitorId))
    .map((a) => ({ householdId: a.householdId, visitorPersonId: a.visitorId }));
}

/** Every visitor with at least one held household still missing visits, from the households' standings. */
export function shortfalls<S extends Pick<HouseholdStanding, 'householdId' | 'missing'>>(
  held: HeldHousehold[],
  standings: ReadonlyMap<string, S>,
): Shortfall<S>[] {
  const byVisitor = new Map<string, Shortfall<S>>();
  for (const h of held) {
    const s = standings.get(h.householdId);
    if (!s || s.missing <= 0) continue;
    const entry: Shortfall<S> = byVisitor.get(h.visitorPersonId) ?? { visitorPersonId: h.visitorPersonId, households: [] };
    entry.households.push(s);
    byVisitor.set(h.visitorPersonId, entry);
  }
  for (const s of byVisitor.values()) s.households.sort((a, b) => a.householdId.localeCompare(b.householdId));
  return [...byVisitor.values()].sort((a, b) => a.visitorPersonId.localeCompare(b.visitorPersonId));
}

/** "Counting is finished first": a period closes only when its offline window has passed (SPEC §4.2). */
export function closesAt(period: Period, rules: Pick<CampaignRules, 'offlineWindowHours'>): Date {
  return new Date(periodEndInstant(period).getTime() + rules.offlineWindowHours * 3600_000);
}

/** "Publication starts the remedy window": remedyDays calendar days after publication, end of that CST day. */
export function remedyDeadlineAfter(publishedAt: Date, rules: Pick<CampaignRules, 'remedyDays'>): Date {
  return cstDayStart(addDays(cstDay(publishedAt), 1 + rules.remedyDays));
}

export interface WorkingDeadline {
  at: Date;
  /** false when some day needed was in a year whose working-day calendar is missing: calendar days were counted */
  workingDays: boolean;
}

/**
 * The end of the n-th working day after the CST day of `from`. Where the official calendar is missing (a year not yet
 * published and not confirmed by the office), the ladder never stops: it counts calendar days and says so.
 */
export function workingDaysAfter(from: Date, n: number, overrides: CalendarOverrides): WorkingDeadline {
  let day = cstDay(from);
  let found = 0;
  let known = true;
  for (let guard = 0; found < n && guard < 60; guard++) {
    day = addDays(day, 1);
    const answer = isWorkingDay(day, overrides);
    if (!answer.ok) known = false;
    if (!answer.ok || answer.value) found++;
  }
  if (!known) return { at: cstDayStart(addDays(cstDay(from), 1 + n)), workingDays: false };
  return { at: cstDayStart(addDays(day, 1)), workingDays: true };
}

/** "A draft not published within 2 working days is reminded to the office every working day." */
export const PUBLISH_WITHIN_WORKING_DAYS = 2;
/** "Within 3 working days of publication (notice) or of referral (interview) the visitor may object." */
export const OBJECT_WITHIN_WORKING_DAYS = 3;

/** Whether the office is reminded of an overdue draft today: every working day (every day where the calendar is missing). */
export function remindOverdueDraftOn(day: string, overrides: CalendarOverrides): boolean {
  const answer = isWorkingDay(day, overrides);
  return !answer.ok || answer.value;
}

export type Transition = { kind: 'reminder'; offsetDays: number } | { kind: 'draft' };

/** What the timer does for a period at `now`; a run after missed days gets every step still meaningful. */
export function dueTransitions(campaign: Pick<Campaign, 'rules'>, period: Period, now: Date): Transition[] {
  const end = periodEndInstant(period).getTime();
  const t = now.getTime();
  const out: Transition[] = [];
  // a reminder only makes sense while the period is still running
  for (const offsetDays of campaign.rules.reminderOffsetsDays) {
    if (t >= end - offsetDays * DAY_MS && t < end) out.push({ kind: 'reminder', offsetDays });
  }
  if (t >= closesAt(period, campaign.rules).getTime()) out.push({ kind: 'draft' });
  return out;
}

/** Cases only move forward (SPEC §4: "a case never goes back a level by itself"). */
const FORWARD: Record<CaseStatus, CaseStatus[]> = {
  draft: ['open', 'remedied', 'exempted'],
  open: ['remedied', 'escalated', 'exempted', 'withdrawn', 'scheduled', 'closed'],
  scheduled: ['scheduled', 'closed', 'withdrawn'],
  remedied: [],
  escalated: [],
  exempted: [],
  withdrawn: [],
  closed: [],
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return FORWARD[from].includes(to);
}
