// The `grid` function's contract (weekly grid contact and risk report, seed 001: "每周落实'微信电话联络一次、风险信息上报一次'"),
// shared by client and server with `import type` only. Times travel as ISO-8601 strings; weeks as ISO week keys `YYYY-Www` (CST).

export type ContactMethod = 'wechat' | 'phone' | 'inPerson';

/** Hazard categories a grid leader can report: the seed's checklist areas plus "other". */
export type GridHazardCategory =
  'electrical' | 'gas' | 'clutter' | 'heating' | 'smokedMeat' | 'ebikeCharging' | 'stove' | 'smokeDetector' | 'other';

export interface WeekRef {
  /** `2026-W53` */
  key: string;
  /** Monday and Sunday of the week, CST days `YYYY-MM-DD` */
  monday: string;
  sunday: string;
  /** `2026年第53周（12月28日—1月3日）` */
  label: string;
  /** the week that contains the server's current time */
  current: boolean;
}

export interface HouseholdContactRow {
  householdId: string;
  address: string;
  headName: string;
  /** the member whose phone is on file (the head first), null when nobody's is */
  phoneName: string | null;
  /** 138****0002 */
  phoneMasked: string | null;
  /** the full number for wx.makePhoneCall: only for the grid leader of this household's grid, null for everyone else */
  callNumber: string | null;
  /** the member whose WeChat id is on file (the head first) */
  wechatName: string | null;
  /** wx****01 */
  wechatMasked: string | null;
  /** the full WeChat id to copy: only for the grid leader of this household's grid, null for everyone else */
  wechatId: string | null;
  contacted: boolean;
  method: ContactMethod | null;
  /** when the contact happened (device time for an offline confirmation) */
  at: string | null;
  note: string;
  offline: boolean;
  /** recorded after the week had been closed (a late offline confirmation): shown, but not in the closed result */
  afterClose: boolean;
}

export interface ReportedHazardView {
  hazardId: string;
  category: GridHazardCategory;
  categoryLabel: string;
  description: string;
  householdId: string | null;
  address: string | null;
  photos: string[];
  deadline: string;
  /** the hazard's current status in its lifecycle (open, rectificationClaimed, verified, notRectified), null if withdrawn */
  status: string | null;
}

export interface WeeklyReportView {
  noRisk: boolean;
  hazards: ReportedHazardView[];
  at: string;
  offline: boolean;
  filedByName: string;
}

/** What the weekly close froze for a grid: the official result of the week. */
export interface ClosedResultView {
  complete: boolean;
  contacted: number;
  total: number;
  reportFiled: boolean;
  closedAt: string;
}

/** A grid the caller leads, for the chooser of a leader of several grids. */
export interface LeaderGridOption {
  id: string;
  name: string;
  villageName: string;
}

export interface WeeklyBoard {
  week: WeekRef;
  grid: { id: string; name: string; villageId: string; villageName: string; leaderName: string | null };
  /** every grid the caller leads, in the village's order (more than one: the page offers a chooser); [] for a liaison or the office */
  myGrids: LeaderGridOption[];
  households: HouseholdContactRow[];
  contacted: number;
  total: number;
  report: WeeklyReportView | null;
  /** every household contacted and the risk report filed */
  complete: boolean;
  closed: ClosedResultView | null;
}

export interface WeekSummary {
  week: WeekRef;
  contacted: number;
  total: number;
  reportFiled: boolean;
  complete: boolean;
  /** true when the numbers are the frozen result of the weekly close */
  closed: boolean;
}

export interface ListWeeksResult {
  gridId: string;
  weeks: WeekSummary[];
}

export interface ContactConfirmation {
  weekKey: string;
  householdId: string;
  method: ContactMethod;
  note: string;
  at: string;
  offline: boolean;
  /** an earlier confirmation of this household in this week was replaced */
  replaced: boolean;
}

export interface WeeklyReportFiled {
  weekKey: string;
  gridId: string;
  noRisk: boolean;
  hazardIds: string[];
  /** an earlier report of this grid for this week was replaced */
  replaced: boolean;
  /** hazards of the earlier report withdrawn by the replacement (only those nobody had acted on yet) */
  withdrawnHazardIds: string[];
}

export interface VillageGridWeek {
  gridId: string;
  gridName: string;
  leaderName: string | null;
  contacted: number;
  total: number;
  /** whole percent, rounded down (14 of 15 is 93, never 100); 100 for a grid without households */
  contactRate: number;
  reportFiled: boolean;
  complete: boolean;
  closed: boolean;
}

export interface VillageWeek {
  week: WeekRef;
  village: { id: string; name: string };
  grids: VillageGridWeek[];
  /** the grids above that are not complete */
  incomplete: VillageGridWeek[];
}

export interface WeeklyCloseSummary {
  /** weeks closed by this run (or found closed by a concurrent one), oldest first */
  weeks: string[];
  gridsClosed: number;
  liaisonEntries: number;
  leaderReminders: number;
  /** the time budget ran out: the next run carries on from the checkpoint */
  more: boolean;
}

// ---- requests ----

export interface WeeklyBoardRequest {
  /** the grid leader's own grid when omitted (the first of several) */
  gridId?: string;
  weekKey?: string;
}

export interface ListWeeksRequest {
  gridId?: string;
  count?: number;
}

export interface ConfirmContactRequest {
  householdId: string;
  method: ContactMethod;
  note?: string;
  /** a confirmation captured without network: its device time */
  deviceTime?: string;
}

export interface ReportedHazardInput {
  category: GridHazardCategory;
  description: string;
  householdId?: string;
  photos?: string[];
  /** rectification deadline, CST day */
  deadline?: string;
}

export interface FileWeeklyReportRequest {
  noRisk: boolean;
  gridId?: string;
  hazards?: ReportedHazardInput[];
  deviceTime?: string;
}

export interface VillageWeekRequest {
  villageId?: string;
  weekKey?: string;
}
