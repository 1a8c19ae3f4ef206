// A visitor's calls to `visit` and `escalation`: households by urgency, the checklist, hazard duties, cases and notices.
import type { Page } from '../../../../typings/org';
import type { Result } from '../../../../typings/result';
import type {
  ChecklistTemplateView,
  HazardView,
  MyHouseholdsResult,
  RecordVisitRequest,
  RecordVisitResult,
  VerifyHazardRequest,
} from '../../../../typings/visit';
import type { CasePage, CaseView, NoticePage } from '../../../../typings/escalation';
import { callCloud } from '../../../services/callCloud';
import { queueWithPhotos, submitOrQueue, type OutboxItem, type QueuedPhotos } from '../../../services/outbox';
import { PAGE_SIZE } from '../../../config/paging';

export function myHouseholds(page: number): Promise<Result<MyHouseholdsResult>> {
  return callCloud('visit', 'myHouseholds', { page, pageSize: PAGE_SIZE });
}

export function checklistTemplates(): Promise<Result<ChecklistTemplateView[]>> {
  return callCloud('visit', 'listChecklistTemplates');
}

/** A visit kept on the phone is sent later as an offline visit at its device time (SPEC §3). */
const offlineVisit = (deviceTime: string) => ({ offline: true, deviceTime });

/** Sent now, or kept on the phone as "待上传" and later sent as an offline visit. */
export function submitVisit(
  request: RecordVisitRequest,
  label: string,
  key: string,
): Promise<{ queued: true; item: OutboxItem } | { queued: false; result: Result<RecordVisitResult> }> {
  return submitOrQueue('visit', 'recordVisit', request, label, { key, offlineFields: offlineVisit });
}

/** Its photos could not be uploaded (no network): the visit waits with them, the outbox uploads them first. */
export function queueVisit(request: RecordVisitRequest, label: string, key: string, photos: QueuedPhotos): OutboxItem {
  return queueWithPhotos('visit', 'recordVisit', request, label, { key, photos, offlineFields: offlineVisit });
}

export type HazardDutyPage = Page<HazardView> & { overdue: number };

export function hazardDuties(page: number): Promise<Result<HazardDutyPage>> {
  return callCloud('visit', 'listMyHazardDuties', { page, pageSize: PAGE_SIZE });
}

export function verifyHazard(request: VerifyHazardRequest, key: string): Promise<Result<HazardView>> {
  return callCloud('visit', 'verifyHazard', request, { idempotencyKey: key });
}

export function myCases(page: number): Promise<Result<CasePage>> {
  return callCloud('escalation', 'myCases', { page, pageSize: PAGE_SIZE });
}

export function townshipNotices(page: number): Promise<Result<NoticePage>> {
  return callCloud('escalation', 'listNotices', { page, pageSize: PAGE_SIZE });
}

/** An objection 申辩 to one of my cases: text and up to 9 photos (already uploaded), once per case (SPEC §4.8). */
export function fileObjection(caseId: string, text: string, photos: string[], key: string): Promise<Result<CaseView>> {
  return callCloud('escalation', 'fileObjection', { caseId, text, photos }, { idempotencyKey: key });
}
