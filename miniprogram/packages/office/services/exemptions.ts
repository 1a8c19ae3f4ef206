// Exemptions and reassignments, always with a reason (SPEC §4.6): visitors, periods, a visitor's households, and the two writes.
import type { ReassignResult } from '../../../../typings/org';
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import { PAGE_SIZE as VISITOR_PAGE_SIZE } from '../../../config/paging';

/** the server's own minimum (server/domain/common/fields.ts `reason`) */
export const REASON_MIN = 2;

export interface VisitorRow {
  id: string;
  name: string;
}

export interface PeriodOption {
  campaignId: string;
  periodKey: string;
  label: string;
}

export interface HeldHousehold {
  id: string;
  address: string;
  picked: boolean;
}

export async function listVisitors(page: number): Promise<Result<{ rows: VisitorRow[]; total: number }>> {
  const res = await callCloud('org', 'listPersons', { role: 'visitor', page, pageSize: VISITOR_PAGE_SIZE });
  if (!res.ok) return res;
  return {
    ok: true,
    data: { rows: res.data.items.filter((p) => p.active).map((p) => ({ id: p.id, name: p.name })), total: res.data.total },
  };
}

/** Every period of every campaign, the current period of the active campaign first. */
export async function periodOptions(): Promise<Result<{ options: PeriodOption[]; current: number }>> {
  const res = await callCloud('visit', 'listCampaigns');
  if (!res.ok) return res;
  const options: PeriodOption[] = [];
  let current = 0;
  for (const c of res.data) {
    for (const p of c.periods) {
      if (c.active && p.key === c.currentPeriodKey) current = options.length;
      options.push({ campaignId: c.id, periodKey: p.key, label: `${c.name} · ${p.label}` });
    }
  }
  return { ok: true, data: { options, current } };
}

/** A reason the server would refuse anyway is refused here, before any call. */
export function reasonProblem(reason: string): string {
  return reason.trim().length < REASON_MIN ? '请填写原因（至少2个字）' : '';
}

export function exemptVisitor(period: PeriodOption, visitorPersonId: string, reason: string): Promise<Result<unknown>> {
  return callCloud('escalation', 'exemptVisitor', {
    campaignId: period.campaignId,
    periodKey: period.periodKey,
    visitorPersonId,
    reason: reason.trim(),
  });
}

export async function heldHouseholds(visitorPersonId: string): Promise<Result<HeldHousehold[]>> {
  const res = await callCloud('org', 'listAssignments', { visitorPersonId });
  if (!res.ok) return res;
  return { ok: true, data: res.data.slice(0, 50).map((a) => ({ id: a.householdId, address: a.householdAddress, picked: false })) };
}

export function reassignHouseholds(
  householdIds: string[],
  fromVisitorPersonId: string,
  toVisitorPersonId: string,
  reason: string,
): Promise<Result<ReassignResult>> {
  return callCloud('org', 'reassignHouseholds', { householdIds, fromVisitorPersonId, toVisitorPersonId, reason: reason.trim() });
}
