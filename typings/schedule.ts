// The `schedule` function's contract: the monthly tables a township sends upward and when each is due.
// Seed 000: "于每月最后一个工作日12：00前…传邮箱"; seed 002: "每月22日前上报阶段性工作进度".

export type DueKind = 'elderlyTable' | 'compoundProgress';
/** submitted on time, submitted after the deadline, not yet submitted, past due and not submitted, or no calendar to compute the due date */
export type DueState = 'submitted' | 'late' | 'open' | 'overdue' | 'missingCalendar';

export interface DueDateView {
  kind: DueKind;
  kindLabel: string;
  month: string;
  /** the due instant (ISO) and its CST wall time; null when the calendar is missing */
  dueAt: string | null;
  dueLabel: string | null;
  state: DueState;
  stateLabel: string;
  submittedAt: string | null;
  submittedByName: string | null;
  /** Chinese explanation when the calendar is missing */
  problem: string | null;
  /** whether the table is marked sent only with its signed and sealed scan (seed 000's table) */
  scanRequired: boolean;
  /** the scans attached when it was marked sent (and any added later), with temporary links to open them */
  scans: DueScanView[];
}

export interface DueScanView {
  fileId: string;
  /** a temporary link; null when the file cannot be opened any more */
  url: string | null;
  /** 扫描件1, 扫描件2 … with the file's type */
  label: string;
}

export interface ListDueDatesRequest {
  /** `YYYY-MM`; default the current CST month */
  month?: string;
}

export interface DueDates {
  month: string;
  items: DueDateView[];
}

export interface MarkSubmittedRequest {
  kind: DueKind;
  month: string;
  /** file ids of the uploaded scans (folder `due-scans/`); required for the elderly table; marking again adds scans */
  scans?: string[];
}

export interface SetCalendarOverrideRequest {
  day: string;
  working: boolean;
  reason: string;
}

export interface ConfirmCalendarMonthRequest {
  month: string;
  reason: string;
}

export interface CalendarOverrideView {
  day: string;
  working: boolean;
  reason: string;
}

export interface DueRemindersSummary {
  townships: number;
  reminders: number;
  calendarWarnings: number;
}

/** What one run of the raised-alert job did (003 (八): key dates of raised alert level). */
export interface RaisedAlertsSummary {
  day: string;
  /** key dates of active campaigns whose alert window contains the day */
  keyDates: number;
  reminders: number;
  /** false when the run stopped at its time budget; the next run inside the window finishes */
  complete: boolean;
}

export interface CalendarMonthRequest {
  month: string;
}

/** A month's working-day corrections and whether the office confirmed the month (needed where the official calendar has no data). */
export interface CalendarMonthView {
  month: string;
  confirmed: boolean;
  covered: boolean;
  days: CalendarOverrideView[];
}
