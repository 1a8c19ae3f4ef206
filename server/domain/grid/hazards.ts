// Risks a grid leader reports in the weekly report become hazard records (source 'gridReport') with a rectification deadline.
import type { GridHazardCategory } from '../../../typings/grid';
import { addDays, cstDay, cstDayStart } from '../time/cst';

export const HAZARD_CATEGORIES: Record<GridHazardCategory, string> = {
  electrical: '电气线路',
  gas: '燃气',
  clutter: '杂物堆放',
  heating: '取暖',
  smokedMeat: '熏制腊肉',
  ebikeCharging: '电动车充电',
  stove: '柴火灶',
  smokeDetector: '烟感报警器',
  other: '其他',
};

/** "限期整改到位": by default a week from the day it was reported. */
export const DEFAULT_DEADLINE_DAYS = 7;
/** seed photos: at most nine per hazard, as WeChat's picker allows */
export const MAX_PHOTOS = 9;

/** The deadline instant: the last moment of the CST day (`YYYY-MM-DD`). */
export function endOfCstDay(day: string): Date {
  return new Date(cstDayStart(addDays(day, 1)).getTime() - 1);
}

export type DeadlineResult = { ok: true; deadline: Date } | { ok: false; message: string };

/** A chosen deadline day must not lie before the day the hazard is reported; none chosen means the default. */
export function hazardDeadline(reportedAt: Date, chosenDay?: string): DeadlineResult {
  const today = cstDay(reportedAt);
  if (!chosenDay) return { ok: true, deadline: endOfCstDay(addDays(today, DEFAULT_DEADLINE_DAYS)) };
  if (chosenDay < today) return { ok: false, message: '整改期限不能早于上报当天' };
  return { ok: true, deadline: endOfCstDay(chosenDay) };
}

/** The identity of a reported hazard inside one week's report: re-filing the same risk keeps its hazard record. */
export function hazardFingerprint(h: { category: string; description: string; householdId: string | null }): string {
  return `${h.category}\u0000${h.householdId ?? ''}\u0000${h.description.trim()}`;
}
