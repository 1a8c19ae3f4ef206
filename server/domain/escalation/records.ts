// Stored shapes of the escalation aggregate (SPEC §4): notices 通报, notice and interview cases, objections 申辩 (held on
// their case), exemptions and reminders. Dates are real Dates in the database; ids are deterministic so re-runs never
// duplicate.
import type { CaseLevel, CaseStatus, ExemptionView, NoticeLineState, ObjectionStatus, StandingVisit } from '../../../typings/escalation';
import type { GeoPoint } from '../../../typings/org';
import type { ProofKind } from '../visit/records';

export type { CaseLevel, CaseStatus, NoticeLineState, ObjectionStatus, StandingVisit };

/** One held household's standing as it was when a case or a notice line was (re)computed. */
export interface HouseholdShort {
  householdId: string;
  address: string;
  counted: number;
  needed: number;
  missing: number;
  /** the visits that counted, with their proof of presence */
  visits: StandingVisit[];
}

export interface ObjectionRecord {
  text: string;
  photos: string[];
  filedAt: Date;
  /** the last moment it could be filed (3 working days after publication or referral) */
  deadline: Date;
  status: ObjectionStatus;
  ruling: null | { at: Date; by: string; byName: string; reason: string };
}

export interface CaseRecord {
  /** deterministic: caseId(level, campaignId, periodKey, visitorPersonId) */
  _id: string;
  townshipId: string;
  level: CaseLevel;
  campaignId: string;
  periodKey: string;
  periodLabel: string;
  visitorPersonId: string;
  visitorName: string;
  /** short households when the case was last recomputed, and how many visits each still misses */
  shortHouseholds: HouseholdShort[];
  /** notice cases: set at publication (publication + remedyDays, end of that CST day); null while a draft */
  remedyDeadline: Date | null;
  /** notice cases: when the notice was published; interview cases: when the case was referred */
  startedAt: Date | null;
  status: CaseStatus;
  noticeId: string;
  /** interview cases: the evidence pack, frozen at referral */
  evidence: null | {
    households: HouseholdShort[];
    visits: {
      visitId: string;
      householdId: string;
      at: Date;
      proofs: ProofKind[];
      photos: string[];
      location: GeoPoint | null;
      offline: boolean;
    }[];
    reminders: { reminderId: string; sentAt: Date; offsetDays: number }[];
    noticeId: string;
    noticePublishedAt: Date | null;
  };
  interview: null | {
    scheduledAt: Date;
    place: string;
    scheduledBy: string;
    outcome: string | null;
    conclusion: string | null;
    recordedAt: Date | null;
    recordedBy: string | null;
    attachments?: string[];
  };
  objection: ObjectionRecord | null;
  history: { at: Date; status: CaseStatus; by: string; note?: string }[];
  createdAt: Date;
  updatedAt: Date;
}

export function caseId(level: CaseLevel, campaignId: string, periodKey: string, visitorPersonId: string): string {
  return `${level}:${campaignId}:${periodKey}:${visitorPersonId}`;
}

export interface NoticeLine {
  visitorPersonId: string;
  visitorName: string;
  shortHouseholds: number;
  missingVisits: number;
  households: HouseholdShort[];
}

/** A line that left the draft before publication, and why. */
export interface ExcludedLine extends NoticeLine {
  state: Exclude<NoticeLineState, 'listed'>;
  at: Date;
  reason: string;
}

/** "更正": appended to a published notice, whose lines are never edited. */
export interface NoticeCorrection {
  at: Date;
  visitorPersonId: string;
  visitorName: string;
  kind: 'exempted' | 'withdrawn';
  reason: string;
}

/**
 * The township notice 通报 of one period. Drafted at close; only the township office (and the discipline office,
 * read-only) sees a draft; publication freezes the lines and starts the remedy window.
 * `_id` = noticeId(campaignId, periodKey).
 */
export interface NoticeRecord {
  _id: string;
  townshipId: string;
  campaignId: string;
  periodKey: string;
  periodLabel: string;
  title: string;
  status: 'draft' | 'published';
  draftedAt: Date;
  /** a draft still unpublished at this instant is overdue: reminded to the office, listed for the discipline office */
  publishDueAt: Date;
  /** false when publishDueAt was counted in calendar days because the year's working-day calendar is missing */
  publishDueWorkingDays: boolean;
  publishedAt: Date | null;
  publishedBy: string | null;
  remedyDeadline: Date | null;
  lines: NoticeLine[];
  excluded: ExcludedLine[];
  corrections: NoticeCorrection[];
  updatedAt: Date;
}

export function noticeId(campaignId: string, periodKey: string): string {
  return `notice:${campaignId}:${periodKey}`;
}

/** As exemptVisitor returns it, with its time stored as a Date. */
export interface ExemptionRecord extends Omit<ExemptionView, 'createdAt'> {
  createdAt: Date;
}

export function exemptionId(campaignId: string, periodKey: string, visitorPersonId: string): string {
  return `${campaignId}:${periodKey}:${visitorPersonId}`;
}

/** One per (campaign, period, visitor, offset): deterministic id, so a re-run never sends twice. */
export interface ReminderRecord {
  _id: string;
  townshipId: string;
  campaignId: string;
  periodKey: string;
  visitorPersonId: string;
  offsetDays: number;
  households: { householdId: string; address: string; missing: number }[];
  sentAt: Date;
  subscribeSent: boolean;
}

export function reminderId(campaignId: string, periodKey: string, visitorPersonId: string, offsetDays: number): string {
  return `reminder:${campaignId}:${periodKey}:${visitorPersonId}:${offsetDays}`;
}
