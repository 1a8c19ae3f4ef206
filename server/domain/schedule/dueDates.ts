// The monthly tables a township sends upward, when each is due, and whether it went in on time.
import type { DueKind, DueState } from '../../../typings/schedule';
import { lastWorkingDayNoon, type CalendarAnswer, type CalendarOverrides } from '../calendar/workingDays';
import { addDays, cstDayStart, daysBetween, cstDay } from '../time/cst';

export const DUE_KINDS: readonly DueKind[] = ['elderlyTable', 'compoundProgress'];

export const DUE_KIND_LABELS: Record<DueKind, string> = {
  elderlyTable: '独居老人及居住场所消防安全相关情况统计表',
  compoundProgress: '老旧小区消防安全专项整治阶段性工作进度',
};

export const DUE_STATE_LABELS: Record<DueState, string> = {
  submitted: '已报',
  late: '已报（逾期）',
  open: '未报',
  overdue: '逾期未报',
  missingCalendar: '缺少工作日历，无法确定截止时间',
};

/** 000 附件 备注 "经主要领导签字盖章后扫描件及电子档": the elderly table is marked sent only with its signed and sealed scan. */
export function scanRequired(kind: DueKind): boolean {
  return kind === 'elderlyTable';
}

/** Where the due-date page uploads scans; only files there may be attached (no other stored file gets a link this way). */
export const DUE_SCAN_FOLDER = 'due-scans/';

/** At most this many files per table (several pages photographed one by one). */
export const MAX_DUE_SCANS = 9;

/** "每月22日前上报阶段性工作进度" (002): by the end of the 22nd CST, like any "X日前" deadline of the seeds. */
export const COMPOUND_PROGRESS_DAY = 22;

/** The due instant of a kind's table for a `YYYY-MM` month. */
export function dueAt(kind: DueKind, month: string, overrides: CalendarOverrides): CalendarAnswer<Date> {
  // 000 附件 备注: "于每月最后一个工作日12：00前经主要领导签字盖章后扫描件及电子档传邮箱"
  if (kind === 'elderlyTable') return lastWorkingDayNoon(month, overrides);
  const day = `${month}-${String(COMPOUND_PROGRESS_DAY).padStart(2, '0')}`;
  return { ok: true, value: new Date(cstDayStart(addDays(day, 1)).getTime() - 1) };
}

export interface Submission {
  submittedAt: Date;
}

/** submitted/late once marked; open before the deadline; overdue after it; missingCalendar when no deadline can be computed. */
export function dueState(due: Date | null, submission: Submission | null, now: Date): DueState {
  if (submission) return due && submission.submittedAt.getTime() > due.getTime() ? 'late' : 'submitted';
  if (!due) return 'missingCalendar';
  return now.getTime() > due.getTime() ? 'overdue' : 'open';
}

/** Reminders go out 3 days and 1 day before the due day. */
export const REMINDER_OFFSETS = [3, 1] as const;

/**
 * The reminder due on `today` for a deadline, if any: the smallest offset whose day has come (a missed run still sends
 * the nearer reminder, never an earlier one twice), and none once the due day has arrived or passed.
 */
export function reminderOffsetDue(due: Date, today: string): number | null {
  const left = daysBetween(today, cstDay(due));
  if (left < 1) return null;
  const hits = REMINDER_OFFSETS.filter((o) => left <= o);
  return hits.length ? Math.min(...hits) : null;
}

export function submissionId(townshipId: string, kind: DueKind, month: string): string {
  return `${townshipId}:${kind}:${month}`;
}
