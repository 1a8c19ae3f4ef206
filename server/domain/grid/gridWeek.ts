// One grid's week from its stored records: which households were due, which were contacted, whether the report is in.
import type { IsoWeek } from '../time/cst';
import type { HouseholdRecord } from '../org/records';
import { weeklyContactId, type WeeklyContactRecord, type WeeklyReportRecord } from './records';
import { gridWeekStatus, householdsDue, type GridWeekStatus } from './weeklyContact';
import { weekEnd } from './weeks';

export interface GridWeek extends GridWeekStatus {
  due: HouseholdRecord[];
}

/** `households` may hold any households (other grids, moved out): only the grid's households due that week are counted. */
export function gridWeekOf(
  gridId: string,
  week: IsoWeek,
  households: readonly HouseholdRecord[],
  contacts: ReadonlyMap<string, WeeklyContactRecord>,
  report: WeeklyReportRecord | null | undefined,
): GridWeek {
  const due = householdsDue(
    households.filter((h) => h.gridId === gridId),
    weekEnd(week),
  );
  due.sort((a, b) => a.address.localeCompare(b.address, 'zh-CN', { numeric: true }));
  const contacted = new Set(due.filter((h) => contacts.has(weeklyContactId(week.key, h._id))).map((h) => h._id));
  return {
    due,
    ...gridWeekStatus(
      due.map((h) => h._id),
      contacted,
      !!report?.report,
    ),
  };
}

/** The week's official numbers: the frozen close result once closed, the live state before. */
export function officialStatus(live: GridWeekStatus, report: WeeklyReportRecord | null | undefined): GridWeekStatus & { closed: boolean } {
  const c = report?.closed;
  if (!c) return { ...live, closed: false };
  return {
    contacted: c.contacted,
    total: c.total,
    reportFiled: c.reportFiled,
    complete: c.complete,
    missingHouseholdIds: c.missingHouseholdIds,
    closed: true,
  };
}
