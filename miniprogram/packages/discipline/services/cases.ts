// The discipline office's calls to `escalation`: lists of cases, one case with its evidence, and the interview steps.
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import type { CaseLevel, CaseListPage, CaseView, NoticeView } from './caseTypes';
import { PAGE_SIZE } from '../../../config/paging';

export function listCases(level: CaseLevel, page: number): Promise<Result<CaseListPage>> {
  // overdue visitors are the open notice cases; interview cases stay on the list until closed
  const status = level === 'notice' ? 'open' : 'active';
  return callCloud('escalation', 'listCases', { level, status, page, pageSize: PAGE_SIZE });
}

export function getCase(caseId: string): Promise<Result<CaseView>> {
  return callCloud('escalation', 'getCase', { caseId });
}

export function getNotice(noticeId: string): Promise<Result<NoticeView>> {
  return callCloud('escalation', 'getNotice', { noticeId });
}

export function scheduleInterview(caseId: string, scheduledAt: string, place: string): Promise<Result<CaseView>> {
  return callCloud('escalation', 'scheduleInterview', { caseId, scheduledAt, place });
}

/** `attachments`: file IDs of the signed transcript's photos or scans, uploaded first */
export function recordInterview(caseId: string, outcome: string, conclusion: string, attachments: string[]): Promise<Result<CaseView>> {
  return callCloud('escalation', 'recordInterview', { caseId, outcome, conclusion, attachments });
}

export function closeCase(caseId: string): Promise<Result<CaseView>> {
  return callCloud('escalation', 'closeCase', { caseId });
}
