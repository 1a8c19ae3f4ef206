// Rules for hazard reports from residents (SPEC §6): one category list with the checklist and the grid report,
// at most nine photos, a week to rectify, and the whistle-blower's daily limit.
import type { HazardCategory, HazardCategoryOption, ReportRoute, ReportStatus } from '../../../typings/resident';
import { HAZARD_CATEGORIES, MAX_PHOTOS, DEFAULT_DEADLINE_DAYS, hazardDeadline } from '../grid/hazards';
import type { Problem } from '../visit/problem';

export { MAX_PHOTOS, DEFAULT_DEADLINE_DAYS, hazardDeadline };

export const CATEGORY_OPTIONS: HazardCategoryOption[] = (Object.keys(HAZARD_CATEGORIES) as HazardCategory[]).map((key) => ({
  key,
  label: HAZARD_CATEGORIES[key],
}));

export function categoryLabel(key: HazardCategory): string {
  return HAZARD_CATEGORIES[key];
}

/** "完善火灾隐患'吹哨人'制度" (004) with abuse control: at most this many reports per reporter per CST day. */
export const DAILY_WHISTLE_LIMIT = 3;

export function photoProblem(photos: readonly string[]): Problem | null {
  return photos.length > MAX_PHOTOS
    ? { code: 'TOO_MANY_PHOTOS', message: `照片最多${MAX_PHOTOS}张，请删去${photos.length - MAX_PHOTOS}张`, field: 'photos' }
    : null;
}

export function whistleLimitProblem(countToday: number, limit = DAILY_WHISTLE_LIMIT): Problem | null {
  return countToday >= limit
    ? { code: 'RATE_LIMITED', message: `每人每天最多匿名举报${limit}条，今天的次数已用完，请明天再报；紧急火情请直接拨打119` }
    : null;
}

export const STATUS_LABELS: Record<ReportStatus, string> = {
  open: '待整改',
  rectificationClaimed: '已提交整改，待核实',
  verified: '已核实整改到位',
  notRectified: '复查未整改，已重新限期',
};

export const ROUTE_LABELS: Record<ReportRoute, string> = {
  visitor: '已转该户走访人',
  liaison: '已转村联络员',
  office: '已转镇办公室',
};

/** Who handles a report: the household's current visitor, else the village liaison, else the township office. */
export function routeOf(visitorPersonId: string | null, liaisonPersonId: string | null): ReportRoute {
  return visitorPersonId ? 'visitor' : liaisonPersonId ? 'liaison' : 'office';
}
