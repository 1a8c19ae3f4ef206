// The places pages' calls to the `place` function (SPEC §7b) and the view models they render; the inspection draft
// kept on the phone until it is sent.
import type { Result } from '../../../../typings/result';
import type { ExportDone } from '../../../../typings/report';
import type {
  Department,
  ImportPreview,
  ImportResult,
  InspectionForm,
  ListPlacesRequest,
  MyInspections,
  OverdueOverview,
  PlaceDueView,
  PlaceHazardPage,
  PlaceHazardView,
  PlaceList,
  PlanView,
  QuarterlyReport,
  RecordInspectionRequest,
  RecordInspectionResult,
  ReferralPage,
  ReferralView,
} from '../../../../typings/place';
import type { GeoPoint } from '../../../../typings/org';
import { callCloud } from '../../../services/callCloud';
import { newIdempotencyKey, submitOrQueue, type OutboxItem } from '../../../services/outbox';
import type { LocalPhoto } from '../../../services/upload';
import { PAGE_SIZE } from '../../../config/paging';
import { cstTime } from '../../../ui/cstFormat';

// ---- rows the lists show ----

export interface PlanLine {
  id: string;
  name: string;
  who: string;
  period: string;
  coverage: string;
  overdue: number;
}

export function planLine(p: PlanView): PlanLine {
  const c = p.coverage;
  return {
    id: p.id,
    name: p.name,
    who: `${p.inspectorLabel} · ${p.frequencyLabel}`,
    period: `${p.periodLabel}（${p.periodEndDay} 前）`,
    coverage: `共 ${c.places} 处：已检 ${c.done} · 待检 ${c.due} · 逾期 ${c.overdue}`,
    overdue: c.overdue,
  };
}

export interface DueRow {
  placeId: string;
  name: string;
  where: string;
  plan: string;
  standing: PlaceDueView['standing'];
  standingLabel: string;
  when: string;
  hazards: number;
}

export function dueRow(r: PlaceDueView): DueRow {
  return {
    placeId: r.placeId,
    name: r.name,
    where: `${r.villageName} · ${r.typeLabel} · ${r.riskLabel}${r.listed ? ' · 列管单位' : ''}`,
    plan: r.planName,
    standing: r.standing,
    standingLabel: r.standingLabel,
    when: r.standing === 'overdue' ? `自 ${r.overdueSince} 起逾期，本期 ${r.dueDay} 前检查` : `${r.dueDay} 前检查`,
    hazards: r.openHazards,
  };
}

export function myInspections(page: number): Promise<Result<MyInspections>> {
  return callCloud('place', 'myInspections', { page, pageSize: PAGE_SIZE });
}

// ---- the inspection form ----

export function inspectionForm(placeId: string): Promise<Result<InspectionForm>> {
  return callCloud('place', 'inspectionForm', { placeId });
}

export interface InspectionDraft {
  placeId: string;
  /** the idempotency key, made once on the first submit */
  key: string;
  answers: Record<string, { answer: 'ok' | 'hazard' | 'na' | ''; note: string; deadline: string }>;
  checks: Record<string, { rectified: 'yes' | 'no' | ''; newDeadline: string }>;
  photos: LocalPhoto[];
  location: GeoPoint | null;
  note: string;
  /** device time of a submit whose photos could not be uploaded: sent later as an offline inspection at this time */
  capturedAt: string | null;
}

const draftKey = (placeId: string) => `nw.inspectionDraft.${placeId}`;

export function emptyDraft(placeId: string): InspectionDraft {
  return { placeId, key: '', answers: {}, checks: {}, photos: [], location: null, note: '', capturedAt: null };
}

export function loadDraft(placeId: string): InspectionDraft {
  const stored = wx.getStorageSync(draftKey(placeId)) as InspectionDraft | '';
  return stored && typeof stored === 'object' ? stored : emptyDraft(placeId);
}

export function saveDraft(d: InspectionDraft): void {
  wx.setStorageSync(draftKey(d.placeId), d);
}

export function clearDraft(placeId: string): void {
  wx.removeStorageSync(draftKey(placeId));
}

/** What is missing before the form may be sent: per item and per checked hazard, with the message shown there. */
export function draftProblems(
  form: InspectionForm,
  d: InspectionDraft,
): { items: Record<string, string>; checks: Record<string, string>; form: string } {
  const items: Record<string, string> = {};
  const checks: Record<string, string> = {};
  for (const item of form.template.items) {
    const a = d.answers[item.key];
    if (a?.answer === 'hazard' && (!a.note.trim() || !a.deadline)) items[item.key] = '有隐患须写明隐患情况和整改期限';
  }
  for (const h of form.openHazards) {
    const c = d.checks[h.id];
    if (c?.rectified === 'no' && !c.newDeadline) checks[h.id] = '未整改到位须重新填写整改期限';
  }
  const answered = Object.values(d.answers).some((a) => a.answer);
  return { items, checks, form: answered ? '' : '请至少填写一项检查结果' };
}

export function inspectionRequest(form: InspectionForm, d: InspectionDraft): RecordInspectionRequest {
  const answers = form.template.items
    .filter((i) => d.answers[i.key]?.answer)
    .map((i) => {
      const a = d.answers[i.key];
      return a.answer === 'hazard'
        ? { key: i.key, answer: 'hazard' as const, note: a.note.trim(), deadline: a.deadline }
        : { key: i.key, answer: a.answer as 'ok' | 'na' };
    });
  const checks = form.openHazards
    .filter((h) => d.checks[h.id]?.rectified)
    .map((h) =>
      d.checks[h.id].rectified === 'yes'
        ? { hazardId: h.id, rectified: true }
        : { hazardId: h.id, rectified: false, newDeadline: d.checks[h.id].newDeadline },
    );
  const request: RecordInspectionRequest = {
    placeId: form.place.id,
    templateId: form.template.id,
    answers,
    checks,
    photos: d.photos.map((p) => p.fileId).filter((x): x is string => !!x),
    location: d.location,
    note: d.note.trim(),
  };
  return d.capturedAt ? { ...request, offline: true, deviceTime: d.capturedAt } : request;
}

/** Sent now, or kept on the phone as 待上传 and sent later as an offline inspection at its device time. */
export function submitInspection(
  request: RecordInspectionRequest,
  label: string,
  key: string,
): Promise<{ queued: true; item: OutboxItem } | { queued: false; result: Result<RecordInspectionResult> }> {
  return submitOrQueue('place', 'recordInspection', request, label, { key, offlineFields: (d) => ({ offline: true, deviceTime: d }) });
}

// ---- hazards and referrals ----

export interface HazardRow {
  id: string;
  place: string;
  category: string;
  description: string;
  deadline: string;
  statusLabel: string;
  overdue: boolean;
  claimable: boolean;
  referable: boolean;
  referred: boolean;
  departments: { value: Department; label: string }[];
}

export function hazardRow(h: PlaceHazardView, canRefer: boolean): HazardRow {
  return {
    id: h.id,
    place: `${h.placeName} · ${h.villageName} · ${h.typeLabel}`,
    category: h.category,
    description: h.description,
    deadline: cstTime(h.deadline).slice(0, 10),
    statusLabel: h.statusLabel,
    overdue: h.overdue,
    claimable: h.status === 'open' || h.status === 'notRectified',
    referable: canRefer && h.highRisk && !h.referralId && h.status !== 'verified',
    referred: !!h.referralId,
    departments: h.departments,
  };
}

export function placeHazards(page: number, filter: 'open' | 'overdue' | 'all'): Promise<Result<PlaceHazardPage>> {
  return callCloud('place', 'listPlaceHazards', { page, pageSize: PAGE_SIZE, filter });
}

export function claimHazard(hazardId: string, photos: string[], key: string): Promise<Result<PlaceHazardView>> {
  return callCloud('place', 'claimPlaceHazard', { hazardId, photos }, { idempotencyKey: key });
}

export function referHazard(hazardId: string, department: Department, deadline: string, note: string): Promise<Result<ReferralView>> {
  return callCloud('place', 'referHazard', { hazardId, department, deadline, note }, { idempotencyKey: newIdempotencyKey() });
}

export interface ReferralRow {
  id: string;
  title: string;
  place: string;
  hazard: string;
  deadline: string;
  statusLabel: string;
  status: ReferralView['status'];
  overdue: boolean;
  note: string;
  answer: string;
}

export function referralRow(r: ReferralView): ReferralRow {
  return {
    id: r.id,
    title: `转${r.departmentLabel} · ${r.category}`,
    place: `${r.placeName} · ${r.villageName} · ${r.typeLabel}`,
    hazard: r.description,
    deadline: r.deadline,
    statusLabel: r.statusLabel,
    status: r.status,
    overdue: r.overdue,
    note: r.note,
    answer: r.answer ?? '',
  };
}

export function referrals(page: number, filter: 'open' | 'overdue' | 'all'): Promise<Result<ReferralPage>> {
  return callCloud('place', 'listReferrals', { page, pageSize: PAGE_SIZE, filter });
}

export function acknowledgeReferral(referralId: string): Promise<Result<ReferralView>> {
  return callCloud('place', 'acknowledgeReferral', { referralId }, { idempotencyKey: newIdempotencyKey() });
}

export function answerReferral(referralId: string, text: string): Promise<Result<ReferralView>> {
  return callCloud('place', 'answerReferral', { referralId, text }, { idempotencyKey: newIdempotencyKey() });
}

// ---- the office: registry, oversight, quarter ----

export function listPlaces(filters: Omit<ListPlacesRequest, 'page' | 'pageSize'>, page: number): Promise<Result<PlaceList>> {
  return callCloud('place', 'listPlaces', { ...filters, page, pageSize: PAGE_SIZE });
}

export function previewImport(fileId: string): Promise<Result<ImportPreview>> {
  return callCloud('place', 'previewPlaceImport', { fileId });
}

export function importPlaces(fileId: string, key: string): Promise<Result<ImportResult>> {
  return callCloud('place', 'importPlaces', { fileId }, { idempotencyKey: key });
}

export function overdueOverview(): Promise<Result<OverdueOverview>> {
  return callCloud('place', 'overdueOverview');
}

export function quarterlyReport(quarter: string): Promise<Result<QuarterlyReport>> {
  return callCloud('place', 'quarterlyReport', quarter ? { quarter } : {});
}

export function exportLedger(fromDay: string, toDay: string): Promise<Result<ExportDone>> {
  return callCloud('place', 'exportPlaceLedger', { fromDay, toDay });
}

export function exportQuarterly(quarter: string): Promise<Result<ExportDone>> {
  return callCloud('place', 'exportQuarterlySummary', { quarter });
}

/** The quarter before or after `2026-Q4`. */
export function shiftQuarter(quarter: string, by: number): string {
  const [y, q] = quarter.split('-Q').map(Number);
  const n = y * 4 + (q - 1) + by;
  return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
}
