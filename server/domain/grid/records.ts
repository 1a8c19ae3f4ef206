// Stored shapes of the weekly grid contact (`weeklyContacts`), the weekly risk report with the week's closed result
// (`weeklyReports`) and the weekly-close checkpoint (`jobState`). Dates are real Dates in the database.
import type { ContactMethod, GridHazardCategory } from '../../../typings/grid';

/** One per (ISO week, household): confirming again in the same week updates it. `_id` = weeklyContactId(weekKey, householdId). */
export interface WeeklyContactRecord {
  _id: string;
  townshipId: string;
  villageId: string;
  /** the grid the household was in when the contact was confirmed */
  gridId: string;
  householdId: string;
  weekKey: string;
  method: ContactMethod;
  note: string;
  /** when the contact happened: server time, or the device time of an offline confirmation inside the window */
  at: Date;
  receivedAt: Date;
  offline: boolean;
  confirmedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export function weeklyContactId(weekKey: string, householdId: string): string {
  return `${weekKey}:${householdId}`;
}

export interface ReportedHazard {
  hazardId: string;
  category: GridHazardCategory;
  description: string;
  householdId: string | null;
  photos: string[];
  deadline: Date;
}

export interface WeeklyReport {
  noRisk: boolean;
  hazards: ReportedHazard[];
  at: Date;
  receivedAt: Date;
  offline: boolean;
  filedBy: string;
  filedByName: string;
}

/** Frozen by the weekly close: what the liaison was told and the grid leader reminded about. */
export interface WeeklyCloseResult {
  complete: boolean;
  contacted: number;
  total: number;
  reportFiled: boolean;
  missingHouseholdIds: string[];
  closedAt: Date;
}

/**
 * One per (ISO week, grid), `_id` = weeklyReportId(weekKey, gridId). `report` is the grid leader's filing (null when none
 * was filed); `closed` is written once by the weekly close, so a grid that never filed still has its week's result here.
 */
export interface WeeklyReportRecord {
  _id: string;
  townshipId: string;
  villageId: string;
  gridId: string;
  weekKey: string;
  report: WeeklyReport | null;
  closed: WeeklyCloseResult | null;
  createdAt: Date;
  updatedAt: Date;
}

export function weeklyReportId(weekKey: string, gridId: string): string {
  return `${weekKey}:${gridId}`;
}

/** `jobState` document `weeklyClose:<townshipId>`: the last ISO week the close finished for the township. */
export interface WeeklyCloseState {
  _id: string;
  townshipId: string;
  lastClosedWeek: string;
  updatedAt: Date;
}

export function weeklyCloseStateId(townshipId: string): string {
  return `weeklyClose:${townshipId}`;
}

/** Inbox ids: one list per (week, village, liaison), one reminder per (week, grid, leader). */
export const liaisonListInboxId = (weekKey: string, villageId: string, personId: string) =>
  `weeklyClose:${weekKey}:${villageId}:${personId}`;
export const leaderReminderInboxId = (weekKey: string, gridId: string, personId: string) =>
  `weeklyContact:${weekKey}:${gridId}:${personId}`;
