// Campaign edits by the township office: periods must be valid (validateCampaign) and "edits never rewrite a closed period".
import { periodAt, periodEndInstant, periodStartInstant, validateCampaign, type Campaign, type Period } from '../quota/campaign';
import type { PeriodView } from '../../../typings/visit';
import type { CampaignDay, CampaignRecord } from '../quota/records';
import { monthLastDay } from '../time/cst';
import type { Problem } from './problem';

export function asCampaign(r: Pick<CampaignRecord, '_id' | 'name' | 'rules' | 'periods'>): Campaign {
  return { id: r._id, name: r.name, rules: r.rules, periods: r.periods };
}

/** A period is closed once the escalation job closed it or its last day is over. */
export function isClosed(record: Pick<CampaignRecord, 'closedPeriodKeys'>, period: Period, now: Date): boolean {
  return record.closedPeriodKeys.includes(period.key) || periodEndInstant(period).getTime() <= now.getTime();
}

/** Overlapping periods, a quota below 1, repeated keys, or phases and key dates that end before they start: CAMPAIGN_INVALID. */
export function campaignProblem(c: Campaign, phases: readonly CampaignDay[], keyDates: readonly CampaignDay[] = []): Problem | null {
  const seen = new Set<string>();
  for (const p of c.periods) {
    if (seen.has(p.key)) return { code: 'CAMPAIGN_INVALID', message: `时段编号“${p.key}”重复`, field: 'periods' };
    seen.add(p.key);
  }
  const invalid = validateCampaign(c);
  if (invalid) return { ...invalid, field: 'periods' };
  const phase = phases.find((p) => p.endDay < p.startDay);
  if (phase) return { code: 'CAMPAIGN_INVALID', message: `阶段“${phase.name}”的结束日期早于开始日期`, field: 'phases' };
  const keyDate = keyDates.find((k) => k.endDay < k.startDay);
  if (keyDate) return { code: 'CAMPAIGN_INVALID', message: `重点时段“${keyDate.name}”的结束日期早于开始日期`, field: 'keyDates' };
  return null;
}

/** A new period's key: its month (`2027-04`) when it spans exactly one calendar month, else `p-<start day>`; never one in use. */
export function newPeriodKey(p: Pick<Period, 'startDay' | 'endDay'>, taken: readonly string[]): string {
  const month = p.startDay.slice(0, 7);
  const base = p.startDay === `${month}-01` && p.endDay === monthLastDay(month) ? month : `p-${p.startDay}`;
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
  return key;
}

/** "Closed periods are read-only": a closed period, one with visits recorded in it, or the last one is never removed. */
export function removalProblem(
  record: Pick<CampaignRecord, 'closedPeriodKeys' | 'periods'>,
  periodKey: string,
  visitsInPeriod: number,
  now: Date,
): Problem | null {
  const period = record.periods.find((p) => p.key === periodKey);
  if (!period) return { code: 'NOT_FOUND', message: '该时段不存在，请刷新后重试', field: 'periodKey' };
  if (isClosed(record, period, now)) return { code: 'PERIOD_CLOSED', message: `“${period.label}”已结束，不能删除`, field: 'periodKey' };
  if (visitsInPeriod > 0)
    return {
      code: 'PERIOD_HAS_VISITS',
      message: `“${period.label}”已有${visitsInPeriod}次走访记录，不能删除；如需调整请修改日期或次数要求`,
      field: 'periodKey',
    };
  if (record.periods.length === 1) return { code: 'CAMPAIGN_INVALID', message: '行动至少要保留一个时段', field: 'periodKey' };
  return null;
}

const samePeriod = (a: Period, b: Period) =>
  a.key === b.key && a.label === b.label && a.startDay === b.startDay && a.endDay === b.endDay && a.quota === b.quota;

/** Every closed period must come back unchanged, and no period may be added that has already ended. */
export function closedPeriodProblem(
  record: Pick<CampaignRecord, 'closedPeriodKeys' | 'periods'>,
  next: readonly Period[],
  now: Date,
): Problem | null {
  for (const old of record.periods.filter((p) => isClosed(record, p, now))) {
    const kept = next.find((p) => p.key === old.key);
    if (!kept || !samePeriod(kept, old)) {
      return { code: 'PERIOD_CLOSED', message: `“${old.label}”已结束，不能修改或删除`, field: 'periods' };
    }
  }
  for (const p of next) {
    const old = record.periods.find((o) => o.key === p.key);
    if (!old && isClosed(record, p, now))
      return { code: 'PERIOD_CLOSED', message: `“${p.label}”的时间已经过去，不能新增`, field: 'periods' };
    // a period may not be moved or re-timed into the past either
    if (old && !samePeriod(old, p) && periodEndInstant(p).getTime() <= now.getTime()) {
      return { code: 'PERIOD_CLOSED', message: `“${p.label}”不能改到已经过去的时间`, field: 'periods' };
    }
  }
  return null;
}

export const PERIOD_STATE_LABELS: Record<PeriodView['state'], string> = {
  upcoming: '未开始',
  current: '进行中',
  ended: '已结束',
  closed: '已结算',
};

export function periodState(
  record: Pick<CampaignRecord, 'closedPeriodKeys'>,
  p: Period,
  now: Date,
): 'upcoming' | 'current' | 'ended' | 'closed' {
  if (record.closedPeriodKeys.includes(p.key)) return 'closed';
  if (periodEndInstant(p).getTime() <= now.getTime()) return 'ended';
  return periodStartInstant(p).getTime() <= now.getTime() ? 'current' : 'upcoming';
}

/** The active campaign whose period contains the instant (the earliest created, should two overlap). */
export function campaignPeriodAt(records: readonly CampaignRecord[], at: Date): { record: CampaignRecord; period: Period } | null {
  const sorted = [...records].sort(
    (a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() || a._id.localeCompare(b._id),
  );
  for (const record of sorted) {
    const period = periodAt(asCampaign(record), at);
    if (period) return { record, period };
  }
  return null;
}
