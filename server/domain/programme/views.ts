// Stored programme records → what the pages and tables read.
import type { CompoundTaskView, CompoundView, ElderlyEntryView, HelperElderlyRow } from '../../../typings/programme';
import type { HazardRecord, VisitRecord } from '../visit/records';
import type { CompoundRecord, CompoundTaskRecord, ElderlyRecord } from './records';
import { helperContactDue, helperSilentDays, isOverdue } from './rules';

export interface ElderlyCounts {
  hazardsFound: number;
  hazardsRectified: number;
  timesEducated: number;
}

/** "隐患问题情况 … 开展宣传提示情况（次）", updated from what happened at the person's own household up to `until`. */
export function householdCounts(
  householdId: string,
  hazards: readonly HazardRecord[],
  visits: readonly VisitRecord[],
  until: Date,
): ElderlyCounts {
  const t = until.getTime();
  const mine = hazards.filter((h) => h.householdId === householdId && new Date(h.reportedAt).getTime() < t);
  return {
    hazardsFound: mine.length,
    hazardsRectified: mine.filter((h) => h.status === 'verified' && h.verifiedAt && new Date(h.verifiedAt).getTime() < t).length,
    timesEducated: visits.filter(
      (v) =>
        v.householdId === householdId &&
        new Date(v.at).getTime() < t &&
        (v.education?.noticeHandedOver || v.education?.sanQingSanGuanExplained),
    ).length,
  };
}

export function elderlyCounts(
  e: ElderlyRecord,
  hazards: readonly HazardRecord[],
  visits: readonly VisitRecord[],
  until: Date,
): ElderlyCounts {
  return e.householdId ? householdCounts(e.householdId, hazards, visits, until) : { ...e.manualCounts };
}

export function elderlyView(e: ElderlyRecord, villageName: string, counts: ElderlyCounts, now: Date): ElderlyEntryView {
  return {
    id: e._id,
    villageId: e.villageId,
    villageName,
    householdId: e.householdId,
    name: e.name,
    gender: e.gender,
    age: e.age,
    phone: e.phone,
    smoking: e.smoking,
    drinking: e.drinking,
    address: e.address,
    buildingType: e.buildingType,
    floors: e.floors,
    yearBuilt: e.yearBuilt,
    helper: { ...e.helper },
    devices: { ...e.devices },
    ...counts,
    lastHelperContactAt: new Date(e.lastHelperContactAt).toISOString(),
    daysSinceContact: helperSilentDays(new Date(e.lastHelperContactAt), now),
    active: e.active,
    inactiveReason: e.active ? null : (e.inactiveReason ?? null),
    inactiveSince: !e.active && e.inactiveSince ? new Date(e.inactiveSince).toISOString() : null,
  };
}

export function compoundView(c: CompoundRecord, now: Date): CompoundView {
  return {
    id: c._id,
    villageId: c.villageId,
    streetCommunity: c.streetCommunity,
    name: c.name,
    address: c.address,
    managerName: c.managerName,
    managerPhone: c.managerPhone,
    floors: c.floors,
    heightMeters: c.heightMeters,
    hazards: c.hazards,
    deadline: c.deadline,
    status: c.status,
    overdue: isOverdue(c.deadline, c.status === 'rectified', now),
  };
}

export function compoundTaskView(t: CompoundTaskRecord, now: Date): CompoundTaskView {
  return {
    id: t._id,
    order: t.order,
    phase: t.phase,
    content: t.content,
    units: t.units,
    deadline: t.deadline,
    deadlineLabel: t.deadlineLabel,
    status: t.status,
    note: t.note,
    overdue: isOverdue(t.deadline, t.status === 'done', now),
  };
}

/** An elderly person as their one-to-one helper sees them: due or not by the 7-day rule, the latest contact, the number to call. */
export function helperElderlyRow(e: ElderlyRecord, villageName: string, now: Date): HelperElderlyRow {
  const last = e.lastHelperContact ?? null;
  return {
    id: e._id,
    name: e.name,
    gender: e.gender,
    age: e.age,
    address: e.address,
    villageName,
    phone: e.phone,
    daysSinceContact: helperSilentDays(new Date(e.lastHelperContactAt), now),
    due: helperContactDue(new Date(e.lastHelperContactAt), now),
    lastContact: last ? { method: last.method, note: last.note, at: new Date(last.at).toISOString() } : null,
    helperContacts: e.helperContacts ?? 0,
  };
}
