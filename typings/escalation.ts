// The `escalation` function's case and notice shapes as they arrive on the phone (instants as ISO strings);
// the server stores the same fields with Dates (server/domain/quota/records.ts uses the level and status types).
import type { GeoPoint, Page } from './org';
import type { ProofKind } from './visit';

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
