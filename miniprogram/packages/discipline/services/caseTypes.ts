// The `escalation` function's case and notice shapes as they arrive on the phone (instants as ISO strings).
// They mirror server/domain/quota/records.ts; typings/ has no escalation contract yet, so the client states its own.
import type { GeoPoint, Page } from '../../../../typings/org';
import type { ProofKind } from '../../../../typings/visit';

export type CaseLevel = 'notice' | 'interview';
export type CaseStatus = 'open' | 'remedied' | 'escalated' | 'exempted' | 'scheduled' | 'closed';

export interface CaseView {
  _id: string;
  level: CaseLevel;
  campaignId: string;
  periodKey: string;
  periodLabel: string;
  visitorPersonId: string;
  visitorName: string;
  shortHouseholds: { householdId: string; address: string; counted: number; needed: number; missing: number }[];
  remedyDeadline: string;
  status: CaseStatus;
  noticeId: string | null;
  evidence: null | {
    households: { householdId: string; address: string; counted: number; needed: number }[];
    visits: { visitId: string; householdId: string; at: string; proofs: ProofKind[]; photos: string[]; location: GeoPoint | null; offline: boolean }[];
    reminders: { reminderId: string; sentAt: string; offsetDays: number }[];
    noticeId: string | null;
  };
  interview: null | { scheduledAt: string; place: string; scheduledBy: string; outcome: string | null; conclusion: string | null; recordedAt: string | null; recordedBy: string | null };
  history: { at: string; status: CaseStatus; by: string; note?: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface NoticeView {
  _id: string;
  periodKey: string;
  periodLabel: string;
  title: string;
  lines: { visitorPersonId: string; visitorName: string; shortHouseholds: number; missingVisits: number }[];
  publishedAt: string;
}

export type CasePage = Page<CaseView>;
export type NoticePage = Page<NoticeView>;

export const LEVEL_LABELS: Record<CaseLevel, string> = { notice: '通报批评', interview: '约谈' };
export const STATUS_LABELS: Record<CaseStatus, string> = {
  open: '待处理',
  remedied: '已整改',
  escalated: '已移交约谈',
  exempted: '已豁免',
  scheduled: '已安排约谈',
  closed: '已结案',
};
export const PROOF_LABELS: Record<ProofKind, string> = { cardQr: '扫明白卡', gps: '定位', villagerConfirm: '村民确认' };
