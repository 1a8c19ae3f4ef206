// Stored shapes of the quota/escalation collections (issue 3). Dates are real Dates in the database.
import type { CampaignRules, Period } from './campaign';
import type { GeoPoint } from '../../../typings/org';

export interface CampaignRecord {
  _id: string;
  townshipId: string;
  name: string;
  rules: CampaignRules;
  periods: Period[];
  /** keys of periods already closed by the escalation job: edits may not touch them */
  closedPeriodKeys: string[];
  active: boolean;
  /** key dates and phases (部署/实施/总结, holidays with raised alert levels) as data */
  phases: { name: string; startDay: string; endDay: string; note?: string }[];
  createdAt: Date;
  updatedAt: Date;
}

export type ChecklistAnswer = 'ok' | 'hazard' | 'na';

export interface ChecklistItem {
  key: string;
  label: string;
  group: string;
}

export interface ChecklistTemplateRecord {
  _id: string;
  name: string;
  items: ChecklistItem[];
}

export type ProofKind = 'cardQr' | 'gps' | 'villagerConfirm';

export interface VisitRecord {
  _id: string;
  townshipId: string;
  villageId: string;
  gridId: string;
  householdId: string;
  visitorPersonId: string;
  /** the instant that counts: server time, or the device time of an offline visit inside the window */
  at: Date;
  receivedAt: Date;
  offline: boolean;
  campaignId: string | null;
  periodKey: string | null;
  /** the CST day `YYYY-MM-DD` of `at` */
  day: string;
  /** whether the visitor was assigned the household at `at` */
  assigned: boolean;
  templateId: string;
  answers: { key: string; answer: ChecklistAnswer; note?: string; photos?: string[] }[];
  hazardIds: string[];
  education: { noticeHandedOver: boolean; sanQingSanGuanExplained: boolean };
  photos: string[];
  location: GeoPoint | null;
  proofs: ProofKind[];
  /** no proof of presence: still counts, but is listed for the office */
  flaggedNoProof: boolean;
  createdAt: Date;
}

/**
 * One per (campaign, period, household), updated in the same transaction as each visit write: the period close
 * reads these counters, never the visits themselves. `_id` = tallyId(campaignId, periodKey, householdId).
 */
export interface VisitTallyRecord {
  _id: string;
  townshipId: string;
  campaignId: string;
  periodKey: string;
  householdId: string;
  /** eligible visits (visitor assigned at the time), kept so late offline visits re-sort correctly */
  eligible: { visitId: string; visitorPersonId: string; at: Date }[];
  /** counted by the rules (same CST day once, minGapDays apart) */
  counted: number;
  countedVisitIds: string[];
  lastCountedDay: string | null;
  updatedAt: Date;
}

export function tallyId(campaignId: string, periodKey: string, householdId: string): string {
  return `${campaignId}:${periodKey}:${householdId}`;
}

export type HazardSource = 'visit' | 'gridReport' | 'villager' | 'whistleblower';
export type HazardStatus = 'open' | 'rectificationClaimed' | 'verified' | 'notRectified';

export interface HazardRecord {
  _id: string;
  townshipId: string;
  villageId: string;
  gridId: string | null;
  householdId: string | null;
  source: HazardSource;
  category: string;
  description: string;
  photos: string[];
  /** the visitor who must verify rectification */
  visitorPersonId: string | null;
  visitId: string | null;
  reportedAt: Date;
  /** rectification deadline (end of this CST day) */
  deadline: Date;
  status: HazardStatus;
  claimedAt: Date | null;
  claimPhotos: string[];
  verifiedAt: Date | null;
  verifiedBy: string | null;
  verifyPhotos: string[];
  createdAt: Date;
  updatedAt: Date;
  /** resident reports: the checklist/grid category key beside the label in `category` */
  categoryKey?: string;
  /** resident reports with no household visitor: the village liaison who must handle it (null: the township office) */
  liaisonPersonId?: string | null;
  /** resident reports: a public place or free-text place instead of a household */
  place?: string | null;
  location?: { latitude: number; longitude: number } | null;
  /** villager reports only; a whistle-blower report has no reporter field at all */
  reporterPersonId?: string;
  /** whistle-blower reports: SHA-256 of the receipt code the reporter holds, never returned by any action */
  receiptHash?: string;
}

/** "第一次进行全镇通报批评 … 镇纪委将对该走访人进行约谈": a case only ever moves forward. */
export type { CaseLevel, CaseStatus } from '../../../typings/escalation';
import type { CaseLevel, CaseStatus } from '../../../typings/escalation';

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
  /** short households at period close, and how many visits each still missed */
  shortHouseholds: { householdId: string; address: string; counted: number; needed: number; missing: number }[];
  remedyDeadline: Date;
  status: CaseStatus;
  noticeId: string | null;
  /** interview cases: the evidence pack, frozen when the case is opened */
  evidence: null | {
    households: { householdId: string; address: string; counted: number; needed: number }[];
    visits: { visitId: string; householdId: string; at: Date; proofs: ProofKind[]; photos: string[]; location: GeoPoint | null; offline: boolean }[];
    reminders: { reminderId: string; sentAt: Date; offsetDays: number }[];
    noticeId: string | null;
  };
  interview: null | { scheduledAt: Date; place: string; scheduledBy: string; outcome: string | null; conclusion: string | null; recordedAt: Date | null; recordedBy: string | null };
  history: { at: Date; status: CaseStatus; by: string; note?: string }[];
  createdAt: Date;
  updatedAt: Date;
}

export function caseId(level: CaseLevel, campaignId: string, periodKey: string, visitorPersonId: string): string {
  return `${level}:${campaignId}:${periodKey}:${visitorPersonId}`;
}

/** The township notice 通报 of one period; one line per criticised visitor. `_id` = noticeId(campaignId, periodKey). */
export interface NoticeRecord {
  _id: string;
  townshipId: string;
  campaignId: string;
  periodKey: string;
  periodLabel: string;
  title: string;
  lines: { visitorPersonId: string; visitorName: string; shortHouseholds: number; missingVisits: number }[];
  publishedAt: Date;
}

export function noticeId(campaignId: string, periodKey: string): string {
  return `notice:${campaignId}:${periodKey}`;
}

export interface ExemptionRecord {
  /** `${campaignId}:${periodKey}:${visitorPersonId}` */
  _id: string;
  townshipId: string;
  campaignId: string;
  periodKey: string;
  visitorPersonId: string;
  reason: string;
  grantedBy: string;
  createdAt: Date;
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

/** The in-app inbox always has every reminder and notice, whether or not a subscription message could be sent. */
export interface InboxRecord {
  _id: string;
  townshipId: string;
  personId: string;
  kind: 'reminder' | 'notice' | 'case' | 'weeklyContact' | 'hazard';
  title: string;
  body: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}
