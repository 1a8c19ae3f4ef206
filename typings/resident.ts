// The `resident` function's contract: hazard reports from villagers and grid leaders, anonymous whistle-blower reports
// 吹哨人 (seed 004 "完善火灾隐患'吹哨人'制度") and the liaison's handling of reports with no household visitor.
// Shared by client and server with `import type` only; times travel as ISO-8601 strings, days as CST `YYYY-MM-DD`.
import type { GridHazardCategory } from './grid';
import type { GeoPoint, Page, PageRequest } from './org';

/** One list of hazard categories for the checklist, the grid report and resident reports. */
export type HazardCategory = GridHazardCategory;

export type ReportRoute = 'visitor' | 'liaison' | 'office';
export type ReportStatus = 'open' | 'rectificationClaimed' | 'verified' | 'notRectified';

export interface ReportHazardRequest {
  category: HazardCategory;
  description: string;
  /** cloud file ids from wx.cloud.uploadFile, at most 9 (none when left out) */
  photos?: string[];
  location?: GeoPoint | null;
  /** a household the caller belongs to or leads; a villager of one household may leave it out */
  householdId?: string;
  /** a public place instead of a household (村口小卖部, 祠堂…): routed to the village liaison */
  publicPlace?: string;
}

export interface WhistleBlowRequest {
  villageId: string;
  householdId?: string;
  /** free-text place when no household is chosen */
  place?: string;
  category: HazardCategory;
  description: string;
  photos?: string[];
  location?: GeoPoint | null;
}

/** What the whistle-blower gets back: only the receipt to follow the report; nothing about them is kept. */
export interface WhistleReceipt {
  receipt: string;
  status: ReportStatus;
  statusLabel: string;
  deadlineDay: string;
}

export interface WhistleStatusRequest {
  receipt: string;
}

/** A resident report as its reporter (or the liaison it was routed to) sees it: never who reported it. */
export interface ResidentReportView {
  id: string;
  source: 'villager' | 'whistleblower';
  category: string;
  categoryKey: HazardCategory | null;
  description: string;
  photos: string[];
  /** the household's address, or the public place / free-text place */
  place: string;
  villageName: string;
  route: ReportRoute;
  routeLabel: string;
  status: ReportStatus;
  statusLabel: string;
  reportedAt: string;
  deadlineDay: string;
  overdue: boolean;
  claimedAt: string | null;
  verifiedAt: string | null;
}

/** Status for the receipt holder: no photos, no address beyond what they typed, no names. */
export interface WhistleStatusView {
  category: string;
  villageName: string;
  status: ReportStatus;
  statusLabel: string;
  reportedDay: string;
  deadlineDay: string;
  overdue: boolean;
  verifiedDay: string | null;
}

export type ListMyReportsRequest = PageRequest;
export type MyReports = Page<ResidentReportView>;

export interface ListRoutedReportsRequest extends PageRequest {
  /** only those not yet verified (default true) */
  openOnly?: boolean;
}

export interface VerifyRoutedReportRequest {
  hazardId: string;
  rectified: boolean;
  photos?: string[];
  /** a new deadline when not rectified */
  newDeadline?: string;
}

export interface HazardCategoryOption {
  key: HazardCategory;
  label: string;
}

export interface ReportFormOptions {
  categories: HazardCategoryOption[];
  maxPhotos: number;
  /** the caller's villages for the whistle-blower form */
  villages: { id: string; name: string }[];
  /** households the caller may report for (own household, or the grid they lead) */
  households: { id: string; address: string }[];
  dailyWhistleLimit: number;
}

export interface ListWhistleReportsRequest extends PageRequest {
  /** only those not yet verified (default false: every report) */
  openOnly?: boolean;
}

/** A whistle-blower report as the township office oversees it: who handles it, never who reported it. */
export interface WhistleOversightView extends ResidentReportView {
  /** the visitor or village liaison it was routed to; null when it sits with the office */
  handlerName: string | null;
}

export interface WhistleReports extends Page<WhistleOversightView> {
  /** of the township's whistle-blower reports: not yet verified, and of those past their deadline + 3 days */
  open: number;
  overdue: number;
}
