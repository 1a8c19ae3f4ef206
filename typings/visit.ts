// The `visit` function's contract (campaigns, checklist, knock visits, hazards, inbox), shared by client and server
// with `import type` only. Instants travel as ISO-8601 strings; CST calendar days as `YYYY-MM-DD`.
import type { GeoPoint, Page, PageRequest } from './org';

export type ChecklistAnswer = 'ok' | 'hazard' | 'na';
export type ProofKind = 'cardQr' | 'gps' | 'villagerConfirm';
export type CampaignPresetKey = 'seed001' | 'winter2026';
export type HazardStatus = 'open' | 'rectificationClaimed' | 'verified' | 'notRectified';
export type SubscribeTemplateKey = 'visitReminder' | 'caseNotice' | 'weeklyContact';

// ---- campaigns ----

/** A campaign's rules, as stored and as the phone reads them. */
export interface CampaignRulesView {
  /** counted visits of one household in one period at least this many CST days apart */
  minGapDays: number;
  /** "规定时间": days after the period end to make up the shortfall before an interview case */
  remedyDays: number;
  /** reminders this many days before the period ends */
  reminderOffsetsDays: number[];
  /** an offline visit may be submitted this many hours after its device time */
  offlineWindowHours: number;
  /** whether a visit with no proof of presence counts (seed 001 asks for none: it counts and is flagged); absent = true */
  unprovenVisitsCount?: boolean;
}

/** A campaign period, as stored and as the office edits it. */
export interface PeriodInput {
  /** stable key, e.g. `first-round` or `2024-12` */
  key: string;
  label: string;
  /** first and last CST day, inclusive */
  startDay: string;
  endDay: string;
  /** counted visits required per assigned household */
  quota: number;
}

export interface PeriodView extends PeriodInput {
  /** closed: the escalation job closed it or its end has passed — it can no longer be edited */
  state: 'upcoming' | 'current' | 'ended' | 'closed';
  /** 未开始 / 进行中 / 已结束 / 已结算 */
  stateLabel: string;
}

/** A phase (部署/实施/总结) or a key date of raised alert level (元旦、春节、元宵节、全国两会): a span of CST days. */
export interface PhaseView {
  name: string;
  startDay: string;
  endDay: string;
  note?: string;
}

export interface CampaignView {
  id: string;
  name: string;
  active: boolean;
  rules: CampaignRulesView;
  periods: PeriodView[];
  phases: PhaseView[];
  /** key dates: during each (and the day before) the cadres are sent a raised-alert reminder */
  keyDates: PhaseView[];
  currentPeriodKey: string | null;
  /** the phase and the key date today falls in */
  currentPhase: PhaseView | null;
  currentKeyDate: PhaseView | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateCampaignRequest {
  /** start from seed 001's own timeline or this winter's; otherwise name and periods are required */
  preset?: CampaignPresetKey;
  name?: string;
  periods?: PeriodInput[];
  rules?: Partial<CampaignRulesView>;
  phases?: PhaseView[];
  keyDates?: PhaseView[];
  active?: boolean;
}

export interface UpdateCampaignRequest {
  campaignId: string;
  name?: string;
  rules?: Partial<CampaignRulesView>;
  /** the whole new list; periods that are closed must be passed back unchanged, periods with visits kept */
  periods?: PeriodInput[];
  phases?: PhaseView[];
  keyDates?: PhaseView[];
  active?: boolean;
}

/** A new period; its key is chosen by the server (the month, e.g. `2027-04`, when it spans one calendar month). */
export interface AddPeriodRequest {
  campaignId: string;
  label: string;
  startDay: string;
  endDay: string;
  quota: number;
}

export interface RemovePeriodRequest {
  campaignId: string;
  periodKey: string;
}

// ---- checklist ----

export interface ChecklistItemView {
  key: string;
  label: string;
  group: string;
}

export interface ChecklistTemplateView {
  id: string;
  name: string;
  items: ChecklistItemView[];
}

// ---- visits ----

export interface VisitAnswerInput {
  key: string;
  answer: ChecklistAnswer;
  /** required for a hazard */
  note?: string;
  photos?: string[];
  /** rectification deadline (CST day, today or later), required for a hazard */
  deadline?: string;
}

export interface RecordVisitRequest {
  householdId: string;
  templateId: string;
  answers: VisitAnswerInput[];
  education: { noticeHandedOver: boolean; sanQingSanGuanExplained: boolean };
  /** storage file IDs, at most 9 */
  photos?: string[];
  location?: GeoPoint | null;
  /** the scene read from the household's knock-action card QR */
  proof?: { cardQrScene?: string };
  /** a visit captured without network: its device time, submitted within the campaign's offline window (48 h) */
  offline?: boolean;
  deviceTime?: string;
}

export interface VisitView {
  id: string;
  householdId: string;
  address: string;
  visitorPersonId: string;
  visitorName: string;
  at: string;
  receivedAt: string;
  offline: boolean;
  day: string;
  campaignId: string | null;
  periodKey: string | null;
  assigned: boolean;
  templateId: string;
  answers: { key: string; answer: ChecklistAnswer; note?: string; photos?: string[] }[];
  hazardIds: string[];
  education: { noticeHandedOver: boolean; sanQingSanGuanExplained: boolean };
  photos: string[];
  location: GeoPoint | null;
  proofs: ProofKind[];
  flaggedNoProof: boolean;
}

/** How the visit stands in its household's quota for its period. */
export interface VisitCountView {
  campaignId: string;
  periodKey: string;
  periodLabel: string;
  /** the household's counted visits in the period, after this one */
  counted: number;
  needed: number;
  thisVisitCounted: boolean;
}

export interface RecordVisitResult {
  visit: VisitView;
  hazards: HazardView[];
  /** null when the visit lies in no period of an active campaign */
  count: VisitCountView | null;
  /** why this visit did or did not count, in Chinese, shown as is */
  countNote: string;
}

export interface ConfirmVisitRequest {
  visitId: string;
}

export interface ListHouseholdVisitsRequest extends PageRequest {
  /** needed only by a villager of more than one household */
  householdId?: string;
}

export interface HouseholdCardRequest {
  householdId: string;
}

/** The knock-action card 明白卡: the QR a visitor scans at the door as proof of presence. */
export interface HouseholdCardView {
  householdId: string;
  address: string;
  headName: string;
  villageName: string;
  gridName: string;
  /** the QR's scene, `h=<16 characters>` */
  scene: string;
  page: string;
  qrFileId: string | null;
  /** a temporary link to the QR PNG (storage is private: files reach phones only through such links) */
  qrUrl: string | null;
  qrProblem: string | null;
  visitors: { personId: string; name: string }[];
}

export interface ResolveCardRequest {
  scene: string;
}

export interface ResolveCardResult {
  householdId: string;
  address: string;
}

// ---- a visitor's progress ----

export type MyHouseholdsRequest = PageRequest;

export interface HouseholdDutyView {
  householdId: string;
  address: string;
  headName: string;
  villageId: string;
  gridId: string;
  /** one of the seed's priority groups 弱势群体 */
  priority: boolean;
  counted: number;
  needed: number;
  /** the earliest CST day a further visit can count, null when the quota is met (or no period is running) */
  nextCountableDay: string | null;
  /** the last CST day the next visit can be made and the quota still be met */
  mustVisitBy: string | null;
  /** the quota can no longer be met inside the period */
  atRisk: boolean;
  hazardsToVerify: number;
  overdueHazards: number;
  lastVisitAt: string | null;
}

export interface MyHouseholdsResult extends Page<HouseholdDutyView> {
  campaign: { id: string; name: string } | null;
  period: { key: string; label: string; startDay: string; endDay: string; quota: number } | null;
  today: string;
}

// ---- hazards ----

export interface HazardView {
  id: string;
  householdId: string | null;
  address: string;
  source: 'visit' | 'gridReport' | 'villager' | 'whistleblower';
  category: string;
  description: string;
  photos: string[];
  visitorPersonId: string | null;
  visitId: string | null;
  reportedAt: string;
  deadline: string;
  deadlineDay: string;
  status: HazardStatus;
  /** still waiting for the visitor's verification */
  unverified: boolean;
  /** unverified past deadline + 3 days */
  overdue: boolean;
  overdueFrom: string;
  claimedAt: string | null;
  claimPhotos: string[];
  verifiedAt: string | null;
  verifyPhotos: string[];
}

export type ListHazardDutiesRequest = PageRequest;

/** A visitor's hazards to re-verify, with how many are overdue. */
export type HazardDutyPage = Page<HazardView> & { overdue: number };

/** Hazards found, rectified, open and overdue in one village (the dashboard row's `hazards`, with its village). */
export interface HazardNumbersView {
  villageId: string;
  found: number;
  rectified: number;
  open: number;
  overdue: number;
}

export interface ClaimRectificationRequest {
  hazardId: string;
  photos: string[];
}

export interface VerifyHazardRequest {
  hazardId: string;
  /** the re-visit on which it was checked */
  visitId: string;
  rectified: boolean;
  photos: string[];
  /** required when not rectified: the new rectification deadline (CST day) */
  newDeadline?: string;
}

export interface ListHouseholdHazardsRequest extends PageRequest {
  householdId?: string;
}

// ---- inbox ----

export interface InboxItemView {
  id: string;
  kind: 'reminder' | 'notice' | 'case' | 'weeklyContact' | 'hazard';
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface InboxPage extends Page<InboxItemView> {
  unread: number;
}

export interface ListInboxRequest extends PageRequest {
  unreadOnly?: boolean;
}

export interface MarkReadRequest {
  ids?: string[];
  all?: boolean;
}

export interface MarkReadResult {
  updated: number;
  unread: number;
}

export interface OptInSubscribeRequest {
  /** the templates the person accepted in this tap of wx.requestSubscribeMessage */
  templates: SubscribeTemplateKey[];
}

export interface SubscriptionCreditsView {
  credits: Partial<Record<SubscribeTemplateKey, number>>;
}
