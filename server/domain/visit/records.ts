// Stored shapes of the visit aggregate: checklist templates, knock visits with their proof of presence, the
// per-household tally of a period, and hazards. Dates are real Dates in the database.
import type { GeoPoint } from '../../../typings/org';
import type { ChecklistAnswer, ChecklistItemView, ProofKind } from '../../../typings/visit';

export type { ChecklistAnswer, ProofKind };

/** A checklist item is stored as the phone shows it. */
export type ChecklistItem = ChecklistItemView;

export interface ChecklistTemplateRecord {
  _id: string;
  name: string;
  items: ChecklistItem[];
}

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
 * One per (campaign, period, household), updated right after each eligible visit is inserted (one conditional update
 * on `rev`; a resend finishes a lost one): the period close finds the households below quota by these counters and
 * recomputes only those from their visits. `_id` = tallyId(campaignId, periodKey, householdId).
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
  /** revision, raised by every write: the visit write updates the tally only if it is still the revision it read */
  rev?: number;
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
