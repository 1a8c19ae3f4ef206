// The weekly completeness rule of a micro-grid. Seed 001 §三.2: "每周落实'微信电话联络一次、风险信息上报一次'" —
// a week is complete when every household of the grid was contacted and the grid's risk report was filed.

export interface HouseholdPresence {
  _id: string;
  active: boolean;
  createdAt: Date | string;
  movedOutAt: Date | string | null;
}

/** Households that belong in a week: present when the week ends (or now, for the running week), i.e. created before its end and not moved out by then. */
export function householdsDue<H extends HouseholdPresence>(households: readonly H[], weekEnd: Date): H[] {
  const end = weekEnd.getTime();
  return households.filter((h) => {
    if (new Date(h.createdAt).getTime() >= end) return false;
    if (h.active) return true;
    return h.movedOutAt !== null && new Date(h.movedOutAt).getTime() >= end;
  });
}

/** A grid counts for a week only if it existed before the week ended. */
export function gridExisted(grid: { createdAt: Date | string }, weekEnd: Date): boolean {
  return new Date(grid.createdAt).getTime() < weekEnd.getTime();
}

export interface GridWeekStatus {
  contacted: number;
  total: number;
  reportFiled: boolean;
  complete: boolean;
  missingHouseholdIds: string[];
}

export function gridWeekStatus(
  dueHouseholdIds: readonly string[],
  contactedHouseholdIds: ReadonlySet<string>,
  reportFiled: boolean,
): GridWeekStatus {
  const missing = dueHouseholdIds.filter((id) => !contactedHouseholdIds.has(id));
  const total = dueHouseholdIds.length;
  return {
    contacted: total - missing.length,
    total,
    reportFiled,
    complete: missing.length === 0 && reportFiled,
    missingHouseholdIds: missing,
  };
}

/** Whole percent, rounded down so an unfinished grid never shows 100; an empty grid has nobody left to contact. */
export function contactRate(contacted: number, total: number): number {
  return total === 0 ? 100 : Math.floor((contacted * 100) / total);
}

/** The line a liaison reads for an incomplete grid: `第2微网格（网格长 邓国平）：已联络3/12户，未上报风险` */
export function shortfallLine(
  gridName: string,
  leaderName: string | null,
  s: Pick<GridWeekStatus, 'contacted' | 'total' | 'reportFiled'>,
): string {
  const who = leaderName ? `网格长 ${leaderName}` : '未设网格长';
  const parts: string[] = [];
  if (s.contacted < s.total) parts.push(`已联络${s.contacted}/${s.total}户`);
  if (!s.reportFiled) parts.push('未上报风险');
  return `${gridName}（${who}）：${parts.join('，')}`;
}
