// Which period a table is for, and whether it has started: "an export for a period that has not started is refused".
import { cstMonth } from '../time/cst';
import { periodEndInstant, periodStartInstant, type Period } from '../quota/campaign';

export function monthNotStartedRefusal(month: string, now: Date): string | null {
  return month > cstMonth(now) ? `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月尚未开始，不能导出该月报表` : null;
}

export function periodNotStartedRefusal(period: Period, now: Date): string | null {
  return now.getTime() < periodStartInstant(period).getTime() ? `“${period.label}”尚未开始（${period.startDay}起），不能导出` : null;
}

/** The instant a period's figures are taken at: its end once it is over, else now. */
export function asOf(period: Period, now: Date): Date {
  const end = periodEndInstant(period);
  return now.getTime() < end.getTime() ? now : end;
}

export interface HeldFact {
  householdId: string;
  visitorPersonId: string;
  validFrom: Date;
  validTo: Date | null;
}

/** Who holds each household at the instant: the quota belongs to whoever holds it then (SPEC §3). */
export function heldAt<T extends HeldFact>(assignments: readonly T[], at: Date): T[] {
  const t = at.getTime();
  return assignments.filter((a) => a.validFrom.getTime() < t && (a.validTo === null || a.validTo.getTime() >= t));
}
