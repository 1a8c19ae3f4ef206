// The `place` function's contract (SPEC §7b): places 场所 and listed units 列管单位, inspection plans with coverage,
// inspections with their hazards, referrals 吹哨报到. Shared by client and server with `import type` only.
import type { GeoPoint, Page, PageRequest } from './org';
import type { ChecklistAnswer, ChecklistItemView, HazardStatus } from './visit';

/** SPEC §7b's place types; labels and the guidance each checklist follows are in server/domain/place/placeTypes.ts */
export type PlaceType =
  | 'office'
  | 'shop'
  | 'market'
  | 'workshop'
  | 'smallVenue'
  | 'multiUse'
  | 'chessRoom'
  | 'elderlyActivity'
  | 'healthCentre'
  | 'careHome'
  | 'school'
  | 'selfBuilt'
  | 'other';

/** the township departments of 004 §10: 经发办, 民政和社会事务办, 规建办, 应急办 */
export type Department = 'jingfa' | 'minzheng' | 'guijian' | 'yingji';

/** who supervises a place: its village, the police station 派出所, or a township department */
export type Authority = 'village' | 'police' | Department;

export type RiskGrade = 'high' | 'medium' | 'low';

/** how often a plan inspects each of its places; `once` means once by the plan's `dueBy` day */
export type PlanFrequency = 'monthly' | 'quarterly' | 'yearly' | 'once';

/** who carries out a plan: a village's liaison, the police station, a department's inspectors, or the township office */
export type InspectorRole = 'liaison' | 'police' | 'deptInspector' | 'office';

export interface PlaceView {
  id: string;
  villageId: string;
  villageName: string;
  type: PlaceType;
  typeLabel: string;
  name: string;
  address: string;
  responsibleName: string;
  /** masked (138****5678) unless the caller's role needs it in full (the office, the place's village liaison) */
  responsiblePhone: string | null;
  authority: Authority;
  authorityLabel: string;
  riskGrade: RiskGrade;
  riskLabel: string;
  /** 004 §17: more than 10 people live, work or train there (always high risk) */
  occupantsOver10: boolean;
  listed: boolean;
  /** the list the unit is on, e.g. "派出所列管单位" ('' when not listed) */
  listName: string;
  location: GeoPoint | null;
  active: boolean;
}

export interface AddPlaceRequest {
  villageId: string;
  /** one of PlaceType; anything else is refused with PLACE_TYPE_UNKNOWN */
  type: string;
  name: string;
  address: string;
  responsibleName: string;
  responsiblePhone?: string | null;
  authority: Authority;
  riskGrade: RiskGrade;
  occupantsOver10?: boolean;
  listed?: boolean;
  listName?: string;
  location?: GeoPoint | null;
}

export interface ListPlacesRequest extends PageRequest {
  villageId?: string;
  type?: PlaceType;
  authority?: Authority;
  listed?: boolean;
  riskGrade?: RiskGrade;
}

export interface PlaceList extends Page<PlaceView> {
  /** the list counts per village of every place matching the filters (not only this page) */
  listedByVillage: { villageId: string; villageName: string; listed: number; places: number }[];
  /** the registry's types, for the page's filter */
  typeOptions: { value: PlaceType; label: string }[];
  /** the caller may import a place list (the township office) */
  canImport: boolean;
}

// ---- import (.xlsx) ----

export interface ImportFileRequest {
  /** storage fileID of the uploaded .xlsx */
  fileId: string;
}

export interface ImportRowError {
  /** the sheet's row number, as Excel shows it */
  row: number;
  column: string;
  message: string;
}

export interface ImportPreview {
  rows: number;
  errors: ImportRowError[];
  /** header texts of the documented layout, in order */
  columns: string[];
}

export interface ImportResult {
  importId: string;
  imported: number;
  /** the same file was imported before: nothing new was written */
  alreadyImported: boolean;
}

// ---- plans ----

export interface PlanSelector {
  types?: PlaceType[];
  villageIds?: string[];
  authorities?: Authority[];
  listedOnly?: boolean;
  listName?: string;
  /** an explicit list of places (then the other filters are not used) */
  placeIds?: string[];
}

export interface CreatePlanRequest {
  name: string;
  inspectorRole: InspectorRole;
  /** liaison: the village id; deptInspector: the department; police and office: omitted (the township) */
  inspectorScope?: string;
  selector: PlanSelector;
  /** one of PlanFrequency; rarer than once a year is refused with PLAN_FREQUENCY */
  frequency: string;
  /** `once` plans: the day by which every place is inspected */
  dueBy?: string;
  /** first day of the plan (CST); default today */
  startDay?: string;
}

export interface CoverageCounts {
  places: number;
  done: number;
  due: number;
  overdue: number;
}

export interface PlanView {
  id: string;
  name: string;
  inspectorRole: InspectorRole;
  inspectorScope: string;
  inspectorLabel: string;
  frequency: PlanFrequency;
  frequencyLabel: string;
  dueBy: string | null;
  startDay: string;
  /** the current period, e.g. "2026年12月", "2026年第4季度", "2026年" */
  periodLabel: string;
  periodEndDay: string;
  coverage: CoverageCounts;
  active: boolean;
}

export type PlaceStanding = 'done' | 'due' | 'overdue';

export interface PlaceDueView {
  placeId: string;
  planId: string;
  planName: string;
  name: string;
  address: string;
  villageName: string;
  typeLabel: string;
  listed: boolean;
  riskLabel: string;
  standing: PlaceStanding;
  standingLabel: string;
  /** CST day the current period ends (the place is due by then) */
  dueDay: string;
  /** overdue: since this CST day (the day after the missed period ended) */
  overdueSince: string | null;
  lastInspectedDay: string | null;
  openHazards: number;
}

export interface PlanCoverageRequest extends PageRequest {
  planId: string;
  standing?: PlaceStanding;
}

export interface PlanCoverage extends Page<PlaceDueView> {
  plan: PlanView;
}

export interface MyInspectionsRequest extends PageRequest {
  /** only places not yet done this period (default true) */
  openOnly?: boolean;
}

export interface MyInspections extends Page<PlaceDueView> {
  plans: PlanView[];
}

// ---- inspections ----

export interface PlaceChecklistView {
  id: string;
  name: string;
  /** the national guidance the items follow, named in the template */
  source: string;
  items: ChecklistItemView[];
}

export interface PlaceHazardView {
  id: string;
  placeId: string;
  placeName: string;
  villageName: string;
  typeLabel: string;
  category: string;
  description: string;
  photos: string[];
  reportedAt: string;
  deadline: string;
  status: HazardStatus;
  statusLabel: string;
  overdue: boolean;
  claimedAt: string | null;
  claimPhotos: string[];
  verifiedAt: string | null;
  /** the referral of this hazard, if the office referred it */
  referralId: string | null;
  highRisk: boolean;
  /** the departments that supervise the place's type: where the office may refer it */
  departments: { value: Department; label: string }[];
}

export interface InspectionFormRequest {
  placeId: string;
}

export interface InspectionForm {
  place: PlaceView;
  planId: string;
  planName: string;
  template: PlaceChecklistView;
  /** hazards of the place not yet verified: this inspection may verify them (re-inspection) */
  openHazards: PlaceHazardView[];
}

export interface InspectionAnswerInput {
  key: string;
  answer: ChecklistAnswer;
  note?: string;
  photos?: string[];
  /** `YYYY-MM-DD`, required for a hazard */
  deadline?: string;
}

export interface HazardCheckInput {
  hazardId: string;
  rectified: boolean;
  /** not rectified: the new deadline */
  newDeadline?: string;
}

export interface RecordInspectionRequest {
  placeId: string;
  templateId: string;
  answers: InspectionAnswerInput[];
  /** open hazards of the place checked again on this inspection */
  checks?: HazardCheckInput[];
  photos?: string[];
  location?: GeoPoint | null;
  note?: string;
  /** set by the outbox for an inspection captured without network */
  offline?: boolean;
  deviceTime?: string;
}

export interface InspectionView {
  id: string;
  placeId: string;
  placeName: string;
  planId: string;
  inspectorName: string;
  at: string;
  offline: boolean;
  hazards: number;
}

export interface RecordInspectionResult {
  inspection: InspectionView;
  hazards: PlaceHazardView[];
  verified: PlaceHazardView[];
}

export interface ListPlaceHazardsRequest extends PageRequest {
  placeId?: string;
  /** open: not yet verified; overdue: past deadline + 3 days; all */
  filter?: 'open' | 'overdue' | 'all';
}

export interface PlaceHazardPage extends Page<PlaceHazardView> {
  /** the caller may refer a hazard to a department (the township office) */
  canRefer: boolean;
}

export interface ClaimPlaceHazardRequest {
  hazardId: string;
  photos: string[];
  note?: string;
}

// ---- referrals 吹哨报到 ----

export type ReferralStatus = 'open' | 'acknowledged' | 'answered';

export interface ReferralView {
  id: string;
  hazardId: string;
  placeId: string;
  placeName: string;
  villageName: string;
  typeLabel: string;
  category: string;
  description: string;
  department: Department;
  departmentLabel: string;
  deadline: string;
  note: string;
  status: ReferralStatus;
  statusLabel: string;
  overdue: boolean;
  createdAt: string;
  acknowledgedAt: string | null;
  answeredAt: string | null;
  answer: string | null;
  answerPhotos: string[];
}

export interface ReferHazardRequest {
  hazardId: string;
  department: Department;
  /** `YYYY-MM-DD`: the department reports back by the end of this CST day */
  deadline: string;
  note?: string;
}

export interface ListReferralsRequest extends PageRequest {
  filter?: 'open' | 'overdue' | 'all';
}

export interface ReferralPage extends Page<ReferralView> {
  /** the caller acknowledges and answers for a department (a department's inspector) */
  canAnswer: boolean;
}

export interface AcknowledgeReferralRequest {
  referralId: string;
}

export interface AnswerReferralRequest {
  referralId: string;
  text: string;
  photos?: string[];
}

// ---- oversight and reports ----

export interface OverdueOverview {
  /** every active plan with its coverage today */
  plans: PlanView[];
  inspections: PlaceDueView[];
  inspectionsTotal: number;
  referrals: ReferralView[];
  hazards: PlaceHazardView[];
}

export interface QuarterRequest {
  /** `YYYY-Qn`; default the current CST quarter */
  quarter?: string;
}

export interface QuarterPlanRow {
  planId: string;
  planName: string;
  inspectorLabel: string;
  frequencyLabel: string;
  places: number;
  /** inspections the plan owed in the quarter (place × period) and how many were made */
  owed: number;
  made: number;
  missed: number;
  coveragePct: number;
}

export interface QuarterlyReport {
  quarter: string;
  label: string;
  fromDay: string;
  toDay: string;
  plans: QuarterPlanRow[];
  inspections: number;
  hazardsFound: number;
  hazardsVerified: number;
  hazardsOverdue: number;
  referrals: number;
  referralsAnswered: number;
  referralsOverdue: number;
  /** the township's own special inspection this quarter (004 三(三) "每季度开展一次专项督查") */
  specialInspections: number;
}

export interface LedgerExportRequest {
  /** first and last CST day of the inspections in the ledger; default the current quarter */
  fromDay?: string;
  toDay?: string;
}
