// Hazard lifecycle (SPEC §6): reported → deadline set → rectification claimed (photo) → verified by the visitor's
// re-visit, or overdue. "An unverified hazard past deadline + 3 days is overdue."
import { addDays, cstDay, cstDayStart, DAY_MS } from '../time/cst';
import type { HazardStatus } from './records';
import type { Problem } from './problem';

export const VERIFY_GRACE_DAYS = 3;

/** A deadline day means "by the end of that CST day". */
export function deadlineOf(day: string): Date {
  return new Date(cstDayStart(addDays(day, 1)).getTime() - 1);
}

export function deadlineDayOf(deadline: Date): string {
  return cstDay(deadline);
}

export interface HazardState {
  /** still a duty of its visitor: not yet verified as rectified */
  unverified: boolean;
  /** unverified past deadline + 3 days */
  overdue: boolean;
  overdueFrom: Date;
}

export function hazardState(h: { status: HazardStatus; deadline: Date }, now: Date): HazardState {
  const unverified = h.status !== 'verified';
  const overdueFrom = new Date(new Date(h.deadline).getTime() + VERIFY_GRACE_DAYS * DAY_MS);
  return { unverified, overdue: unverified && now.getTime() > overdueFrom.getTime(), overdueFrom };
}

/** A rectification may be claimed while the hazard is open or was found not rectified; `verifier` says who checks it. */
export function claimProblem(status: HazardStatus, verifier = '走访人上门核实'): Problem | null {
  if (status === 'open' || status === 'notRectified') return null;
  if (status === 'rectificationClaimed') return { code: 'CONFLICT', message: `已提交整改情况，请等待${verifier}` };
  return { code: 'CONFLICT', message: '该隐患已核实整改到位' };
}

/** The visitor verifies any hazard not yet verified, claimed or not (the re-visit may find it fixed). */
export function verifyProblem(status: HazardStatus): Problem | null {
  return status === 'verified' ? { code: 'CONFLICT', message: '该隐患已核实整改到位，无需重复核实' } : null;
}

export function deadlineProblem(day: string, today: string, field: string): Problem | null {
  return day < today ? { code: 'DEADLINE_IN_PAST', message: `整改期限不能早于今天（${today}）`, field } : null;
}
