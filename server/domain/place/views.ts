// What the `place` function answers: stored records shaped for the pages, phones masked by the usual rule.
import type {
  InspectionView,
  PlaceDueView,
  PlaceHazardView,
  PlaceView,
  PlanView,
  CoverageCounts,
  ReferralView,
} from '../../../typings/place';
import { maskPhone } from '../org/phoneMask';
import { STATUS_LABELS } from '../resident/rules';
import { hazardState } from '../visit/hazardState';
import { cstDay } from '../time/cst';
import { FREQUENCY_LABELS, STANDING_LABELS, periodOf, type Standing } from './coverage';
import { AUTHORITY_LABELS, DEPARTMENT_LABELS, PLACE_TYPE_LABELS, RISK_LABELS, effectiveRisk, supervisingDepartments } from './placeTypes';
import type { InspectionRecord, PlaceHazardRecord, PlaceRecord, PlanRecord, ReferralRecord } from './records';
import { referralOverdue } from './rules';

export function placeView(p: PlaceRecord, villageName: string, fullPhone: boolean): PlaceView {
  const risk = effectiveRisk(p.riskGrade, p.occupantsOver10);
  return {
    id: p._id,
    villageId: p.villageId,
    villageName,
    type: p.type,
    typeLabel: PLACE_TYPE_LABELS[p.type],
    name: p.name,
    address: p.address,
    responsibleName: p.responsibleName,
    responsiblePhone: fullPhone ? p.responsiblePhone : maskPhone(p.responsiblePhone),
    authority: p.authority,
    authorityLabel: p.authority === 'village' ? villageName : AUTHORITY_LABELS[p.authority],
    riskGrade: risk,
    riskLabel: RISK_LABELS[risk],
    occupantsOver10: p.occupantsOver10,
    listed: p.listed,
    listName: p.listName,
    location: p.location,
    active: p.active,
  };
}

export function inspectorLabel(plan: Pick<PlanRecord, 'inspectorRole' | 'inspectorScope'>, villageName: (id: string) => string): string {
  switch (plan.inspectorRole) {
    case 'liaison':
      return `${villageName(plan.inspectorScope)}村联络员`;
    case 'police':
      return '派出所';
    case 'deptInspector':
      return DEPARTMENT_LABELS[plan.inspectorScope as keyof typeof DEPARTMENT_LABELS] ?? plan.inspectorScope;
    case 'office':
      return '镇办公室';
  }
}

export function planView(plan: PlanRecord, coverage: CoverageCounts, today: string, villageName: (id: string) => string): PlanView {
  const period = periodOf(plan, today < plan.startDay ? plan.startDay : today);
  return {
    id: plan._id,
    name: plan.name,
    inspectorRole: plan.inspectorRole,
    inspectorScope: plan.inspectorScope,
    inspectorLabel: inspectorLabel(plan, villageName),
    frequency: plan.frequency,
    frequencyLabel: FREQUENCY_LABELS[plan.frequency],
    dueBy: plan.dueBy,
    startDay: plan.startDay,
    periodLabel: period.label,
    periodEndDay: period.endDay,
    coverage,
    active: plan.active,
  };
}

export function dueView(
  plan: Pick<PlanRecord, '_id' | 'name'>,
  place: PlaceRecord,
  villageName: string,
  standing: Standing,
  lastInspectedDay: string | null,
  openHazards: number,
): PlaceDueView {
  const risk = effectiveRisk(place.riskGrade, place.occupantsOver10);
  return {
    placeId: place._id,
    planId: plan._id,
    planName: plan.name,
    name: place.name,
    address: place.address,
    villageName,
    typeLabel: PLACE_TYPE_LABELS[place.type],
    listed: place.listed,
    riskLabel: RISK_LABELS[risk],
    standing: standing.standing,
    standingLabel: STANDING_LABELS[standing.standing],
    dueDay: standing.dueDay,
    overdueSince: standing.overdueSince,
    lastInspectedDay,
    openHazards,
  };
}

export function placeHazardView(h: PlaceHazardRecord, place: PlaceRecord | undefined, villageName: string, now: Date): PlaceHazardView {
  return {
    id: h._id,
    placeId: h.placeId,
    placeName: place?.name ?? '',
    villageName,
    typeLabel: place ? PLACE_TYPE_LABELS[place.type] : '',
    category: h.category,
    description: h.description,
    photos: h.photos,
    reportedAt: new Date(h.reportedAt).toISOString(),
    deadline: new Date(h.deadline).toISOString(),
    status: h.status,
    statusLabel: STATUS_LABELS[h.status],
    overdue: hazardState({ status: h.status, deadline: new Date(h.deadline) }, now).overdue,
    claimedAt: h.claimedAt ? new Date(h.claimedAt).toISOString() : null,
    claimPhotos: h.claimPhotos,
    verifiedAt: h.verifiedAt ? new Date(h.verifiedAt).toISOString() : null,
    referralId: h.referralId,
    highRisk: !!place && effectiveRisk(place.riskGrade, place.occupantsOver10) === 'high',
    departments: place ? supervisingDepartments(place.type).map((d) => ({ value: d, label: DEPARTMENT_LABELS[d] })) : [],
  };
}

export const REFERRAL_STATUS_LABELS: Record<ReferralRecord['status'], string> = {
  open: '待部门签收',
  acknowledged: '部门已签收，办理中',
  answered: '部门已反馈',
};

export function referralView(
  r: ReferralRecord,
  hazard: PlaceHazardRecord | undefined,
  place: PlaceRecord | undefined,
  villageName: string,
  now: Date,
): ReferralView {
  return {
    id: r._id,
    hazardId: r.hazardId,
    placeId: r.placeId,
    placeName: place?.name ?? '',
    villageName,
    typeLabel: place ? PLACE_TYPE_LABELS[place.type] : '',
    category: hazard?.category ?? '',
    description: hazard?.description ?? '',
    department: r.department,
    departmentLabel: DEPARTMENT_LABELS[r.department],
    deadline: cstDay(new Date(r.deadline)),
    note: r.note,
    status: r.status,
    statusLabel: REFERRAL_STATUS_LABELS[r.status],
    overdue: referralOverdue(r, now),
    createdAt: new Date(r.createdAt).toISOString(),
    acknowledgedAt: r.acknowledgedAt ? new Date(r.acknowledgedAt).toISOString() : null,
    answeredAt: r.answeredAt ? new Date(r.answeredAt).toISOString() : null,
    answer: r.answer,
    answerPhotos: r.answerPhotos,
  };
}

export function inspectionView(i: InspectionRecord, placeName: string): InspectionView {
  return {
    id: i._id,
    placeId: i.placeId,
    placeName,
    planId: i.planId,
    inspectorName: i.inspectorName,
    at: new Date(i.at).toISOString(),
    offline: i.offline,
    hazards: i.hazardIds.length,
  };
}
