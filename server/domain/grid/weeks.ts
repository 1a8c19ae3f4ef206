// ISO weeks (Monday–Sunday, CST, `isoWeekYear`) as the grid leader's unit of work: parse a week key, step between weeks,
// and find the weeks the weekly close still owes. Built on domain/time/cst.ts, never on the host's time zone.
import { addDays, cstDayStart, isoWeekOf, type IsoWeek } from '../time/cst';

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

/** The week a key names, or null for a malformed key or a week the year does not have (2025-W53). */
export function weekFromKey(key: string): IsoWeek | null {
  const m = WEEK_KEY.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (week < 1) return null;
  // 4 January is always in week 1 of its ISO year
  const firstMonday = isoWeekOf(cstDayStart(`${year}-01-04`)).monday;
  const found = isoWeekOf(cstDayStart(addDays(firstMonday, 7 * (week - 1))));
  return found.key === key ? found : null;
}

export function isWeekKey(key: string): boolean {
  return weekFromKey(key) !== null;
}

/** The instant the week begins (Monday 00:00 CST). */
export function weekStart(week: IsoWeek): Date {
  return cstDayStart(week.monday);
}

/** The instant the week is over (next Monday 00:00 CST, exclusive). */
export function weekEnd(week: IsoWeek): Date {
  return cstDayStart(addDays(week.monday, 7));
}

export function nextWeek(week: IsoWeek): IsoWeek {
  return isoWeekOf(weekEnd(week));
}

export function previousWeek(week: IsoWeek): IsoWeek {
  return isoWeekOf(cstDayStart(addDays(week.monday, -7)));
}

/** Week keys of one calendar format compare as strings: `2026-W53` < `2027-W01`. */
export function compareWeekKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `2026年第53周（12月28日—1月3日）` */
export function weekLabel(week: IsoWeek): string {
  const md = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
  return `${week.year}年第${week.week}周（${md(week.monday)}—${md(week.sunday)}）`;
}

/** The `count` most recent weeks up to and including the one containing `now`, newest first. */
export function recentWeeks(now: Date, count: number): IsoWeek[] {
  const out: IsoWeek[] = [isoWeekOf(now)];
  while (out.length < count) out.push(previousWeek(out[out.length - 1]));
  return out;
}

/**
 * The weeks that ended and are not yet closed, oldest first: everything after the checkpoint up to last week.
 * Without a checkpoint (the first run ever) only last week is owed: a new township is not judged on weeks before it.
 */
export function weeksToClose(lastClosedWeek: string | null, now: Date): IsoWeek[] {
  const last = previousWeek(isoWeekOf(now));
  const from = lastClosedWeek ? weekFromKey(lastClosedWeek) : null;
  if (!from) return [last];
  const out: IsoWeek[] = [];
  for (let w = nextWeek(from); compareWeekKeys(w.key, last.key) <= 0; w = nextWeek(w)) out.push(w);
  return out;
}
