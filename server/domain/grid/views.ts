// Weekly-contact records shaped into what the pages render: ISO times, week labels, category labels.
import type {
  ClosedResultView,
  HouseholdContactRow,
  ReportedHazardView,
  VillageGridWeek,
  WeekRef,
  WeeklyReportView,
} from '../../../typings/grid';
import { isoWeekOf, type IsoWeek } from '../time/cst';
import type { HouseholdRecord } from '../org/records';
import type { WeeklyCloseResult, WeeklyContactRecord, WeeklyReport } from './records';
import { contactRate, type GridWeekStatus } from './weeklyContact';
import { weekLabel } from './weeks';
import { HAZARD_CATEGORIES } from './hazards';
import { householdReach } from '../household/contacts';

const iso = (d: Date | string): string => new Date(d).toISOString();

export function weekRef(week: IsoWeek, now: Date): WeekRef {
  return { key: week.key, monday: week.monday, sunday: week.sunday, label: weekLabel(week), current: isoWeekOf(now).key === week.key };
}

/** One household's line on the weekly board; `reveal`: the caller leads this grid and gets the full phone and WeChat id. */
export function contactRow(
  h: HouseholdRecord,
  c: WeeklyContactRecord | undefined,
  closedAt: Date | null,
  reveal: boolean,
): HouseholdContactRow {
  return {
    householdId: h._id,
    address: h.address,
    headName: h.headName,
    ...householdReach(h.members, reveal),
    contacted: !!c,
    method: c?.method ?? null,
    at: c ? iso(c.at) : null,
    note: c?.note ?? '',
    offline: c?.offline ?? false,
    afterClose: !!c && !!closedAt && new Date(c.createdAt).getTime() > new Date(closedAt).getTime(),
  };
}

export function reportView(
  r: WeeklyReport,
  addresses: ReadonlyMap<string, string>,
  statuses: ReadonlyMap<string, string>,
): WeeklyReportView {
  return {
    noRisk: r.noRisk,
    hazards: r.hazards.map((h): ReportedHazardView => ({
      hazardId: h.hazardId,
      category: h.category,
      categoryLabel: HAZARD_CATEGORIES[h.category] ?? h.category,
      description: h.description,
      householdId: h.householdId,
      address: h.householdId ? (addresses.get(h.householdId) ?? null) : null,
      photos: h.photos,
      deadline: iso(h.deadline),
      status: statuses.get(h.hazardId) ?? null,
    })),
    at: iso(r.at),
    offline: r.offline,
    filedByName: r.filedByName,
  };
}

export function closedView(c: WeeklyCloseResult | null | undefined): ClosedResultView | null {
  return c ? { complete: c.complete, contacted: c.contacted, total: c.total, reportFiled: c.reportFiled, closedAt: iso(c.closedAt) } : null;
}

export function villageGridWeek(
  grid: { _id: string; name: string },
  leaderName: string | null,
  s: GridWeekStatus & { closed: boolean },
): VillageGridWeek {
  return {
    gridId: grid._id,
    gridName: grid.name,
    leaderName,
    contacted: s.contacted,
    total: s.total,
    contactRate: contactRate(s.contacted, s.total),
    reportFiled: s.reportFiled,
    complete: s.complete,
    closed: s.closed,
  };
}

/** Grids in the order the village knows them: 第1微网格, 第2微网格, … 第10微网格. */
export function byGridName<T extends { name: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name, 'zh-CN', { numeric: true });
}
