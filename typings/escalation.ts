// The `escalation` function's case and notice shapes as they arrive on the phone (instants as ISO strings);
// the server stores the same fields with Dates (server/domain/escalation/records.ts).
import type { GeoPoint, Page, PageRequest } from './org';
import type { ProofKind } from './visit';
import type { CaseVisitorContact } from './supervision';

export type CaseLevel = 'notice' | 'interview';
/**
 * notice cases: draft → open (published) → remedied | escalated | exempted | withdrawn; a draft may also end remedied or
 * exempted. Interview cases: open → scheduled → closed, or withdrawn on an upheld objection.
 */
export type CaseStatus = 'draft' | 'open' | 'remedied' | 'escalated' | 'exempted' | 'withdrawn' | 'scheduled' | 'closed';
export type NoticeLineState = 'listed' | 'exempted' | 'remedied';
export type ObjectionStatus = 'pending' | 'upheld' | 'rejected';

/** A counted visit with its proof of presence (none = an empty list). */
export interface StandingVisit {
  visitId: string;
  at: string | Date;
  proofs: ProofKind[];
  offline: boolean;
}

export interface HouseholdShortView {
  householdId: string;
  address: string;
  counted: number;
  needed: number;
  missing: number;
  visits: { visitId: string; at: string; proofs: ProofKind[]; offline: boolean }[];
}

export interface ObjectionView {
  text: string;
  photos: string[];
  filedAt: string;
  deadline: string;
  status: ObjectionStatus;
  ruling: null | { at: string; by: string; byName: string; reason: string };
}

export interface CaseView {
  _id: string;
  level: CaseLevel;
  campaignId: string;
  periodKey: string;
  periodLabel: string;
  visitorPersonId: string;
  visitorName: string;
  shortHouseholds: HouseholdShortView[];
  remedyDeadline: string | null;
  startedAt: string | null;
  status: CaseStatus;
  noticeId: string;
  evidence: null | {
    households: HouseholdShortView[];
    visits: {
      visitId: string;
      householdId: string;
      at: string;
      proofs: ProofKind[];
      photos: string[];
      location: GeoPoint | null;
      offline: boolean;
    }[];
    reminders: { reminderId: string; sentAt: string; offsetDays: number }[];
    noticeId: string;
    noticePublishedAt: string | null;
  };
  interview: null | {
    scheduledAt: string;
    place: string;
    scheduledBy: string;
    outcome: string | null;
    conclusion: string | null;
    recordedAt: string | null;
    recordedBy: string | null;
    attachments?: string[];
  };
  objection: ObjectionView | null;
  /** the discipline office and the township office only: the visitor's phone, unit and type */
  visitorContact?: CaseVisitorContact;
  /** whether the visitor may still object to this case now (computed by the server for the visitor) */
  objectionOpen?: boolean;
  /** the last moment an objection may be filed, when the case is in its objection window */
  objectionDeadline?: string | null;
  history: { at: string; status: CaseStatus; by: string; note?: string }[];
  createdAt: string;
  updatedAt: string;
}

export interface NoticeLineView {
  visitorPersonId: string;
  visitorName: string;
  shortHouseholds: number;
  missingVisits: number;
  households: HouseholdShortView[];
}

export interface NoticeView {
  _id: string;
  campaignId: string;
  periodKey: string;
  periodLabel: string;
  title: string;
  status: 'draft' | 'published';
  draftedAt: string;
  publishDueAt: string;
  publishDueWorkingDays: boolean;
  /** a draft past its publication due time */
  overdue?: boolean;
  publishedAt: string | null;
  remedyDeadline: string | null;
  lines: NoticeLineView[];
  /** draft only, for the township office: lines that left the draft (exempted, already remedied) */
  excluded?: (NoticeLineView & { state: NoticeLineState; at: string; reason: string })[];
  corrections: { at: string; visitorPersonId: string; visitorName: string; kind: 'exempted' | 'withdrawn'; reason: string }[];
}

/** Where a period stands for the office and the visitor: running, still counting (统计中), drafted, published. */
export interface PeriodStageView {
  campaignId: string;
  periodKey: string;
  periodLabel: string;
  stage: 'running' | 'counting' | 'draft' | 'published' | 'upcoming' | 'closed';
  stageLabel: string;
  /** counting: when the close will run (period end + offline window) */
  closesAt: string | null;
  noticeId: string | null;
}

/** A page of a list the escalation function answers: the items and how many there are in all. */
export type ItemsPage<T> = Pick<Page<T>, 'items' | 'total'>;
/** A visitor's own cases, with where the recent periods stand (统计中 until the close). */
export type CasePage = ItemsPage<CaseView> & { stages: PeriodStageView[] };
export type NoticePage = ItemsPage<NoticeView> & { stages: PeriodStageView[] };
/** The office's and the discipline office's case list, with the drafts left unpublished past their due time. */
export type CaseListPage = ItemsPage<CaseView> & {
  overdueDrafts: { noticeId: string; periodLabel: string; lines: number; publishDueAt: string; workingDays: boolean }[];
};

/** A visitor excused from a period's quota by the township office (stored with `createdAt` as a Date). */
export interface ExemptionView {
  /** `${campaignId}:${periodKey}:${visitorPersonId}` */
  _id: string;
  townshipId: string;
  campaignId: string;
  periodKey: string;
  visitorPersonId: string;
  reason: string;
  grantedBy: string;
  createdAt: string;
}

/** What one run of the escalation ladder did (the hourly timer, or the office by hand). */
export interface EscalationRunSummary {
  reminders: number;
  drafts: number;
  draftCases: number;
  overdueReminders: number;
  remedied: number;
  interviewCases: number;
  reads: number;
  /** false when the time budget ran out: the next run (timer or office) continues */
  complete: boolean;
}

// ---- requests ----

export interface NoticeIdRequest {
  noticeId: string;
}

export interface CaseIdRequest {
  caseId: string;
}

export interface ListNoticesRequest extends PageRequest {
  status?: 'draft' | 'published' | 'all';
}

export interface ListCasesRequest extends PageRequest {
  level?: CaseLevel;
  /** a case status, or `active` for every case still in progress */
  status?: CaseStatus | 'active';
}

export interface FileObjectionRequest {
  caseId: string;
  text: string;
  photos?: string[];
}

export interface RuleObjectionRequest {
  caseId: string;
  upheld: boolean;
  reason: string;
}

export interface ListObjectionsRequest extends PageRequest {
  status?: ObjectionStatus;
}

export interface ScheduleInterviewRequest {
  caseId: string;
  scheduledAt: string;
  place: string;
}

export interface RecordInterviewRequest {
  caseId: string;
  outcome: string;
  conclusion: string;
  /** file IDs of the signed transcript (photos or scans), at most 9 */
  attachments?: string[];
}

export interface ExemptVisitorRequest {
  campaignId: string;
  periodKey: string;
  visitorPersonId: string;
  reason: string;
}
