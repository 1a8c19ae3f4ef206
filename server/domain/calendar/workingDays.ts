// Working days per the official Chinese calendar with make-up working days 调休 (chinese-days, published through 2026),
// corrected by the township office's overrides. A year the library does not cover is never guessed: the office must
// confirm each month of it (after checking the State Council's notice), else the answer is CALENDAR_MISSING.
// The library's own isWorkday() parses a day in the host's time zone (under America/Los_Angeles it calls Saturday
// 2024-03-30 a working day), so only its data is used here: official holidays, make-up working days, and the weekday
// of a `YYYY-MM-DD` computed in UTC.
import calendarData from 'chinese-days/dist/chinese-days.json';
import { nextMonthStart, monthLastDay, addDays, cstDayStart } from '../time/cst';

/** What the office has set for its township: single days, and months of uncovered years it has confirmed. */
export interface CalendarOverrides {
  /** `YYYY-MM-DD` → working or not */
  days: ReadonlyMap<string, boolean>;
  /** `YYYY-MM` months the office confirmed as complete (every other day of them follows the Monday–Friday week) */
  confirmedMonths: ReadonlySet<string>;
}

export const NO_OVERRIDES: CalendarOverrides = { days: new Map(), confirmedMonths: new Set() };

export interface CalendarMissing {
  code: 'CALENDAR_MISSING';
  year: number;
  month: string;
  message: string;
}

export type CalendarAnswer<T> = { ok: true; value: T } | { ok: false; problem: CalendarMissing };

const OFFICIAL = calendarData as unknown as { holidays: Record<string, string>; workdays: Record<string, string> };
const COVERED_YEARS = new Set(Object.keys(OFFICIAL.holidays).map((d) => Number(d.slice(0, 4))));

/** chinese-days covers a year when it lists that year's official holidays (every published year has 元旦). */
export function calendarCovers(year: number): boolean {
  return COVERED_YEARS.has(year);
}

/** The official answer for a covered day: a make-up working day, a holiday, or Monday–Friday. */
function officialWorkday(day: string): boolean {
  if (OFFICIAL.workdays[day]) return true;
  if (OFFICIAL.holidays[day]) return false;
  const wd = weekday(day);
  return wd !== 0 && wd !== 6;
}

export function missingCalendar(month: string): CalendarMissing {
  const year = Number(month.slice(0, 4));
  return {
    code: 'CALENDAR_MISSING',
    year,
    month,
    message: `${year}年的法定节假日和调休安排尚未收录，无法计算${Number(month.slice(5, 7))}月的工作日：请镇办公室按国务院办公厅通知核对并确认该月的工作日安排`,
  };
}

/** Whether a `YYYY-MM` month can be computed: covered by the library or confirmed by the office. */
export function monthKnown(month: string, overrides: CalendarOverrides): boolean {
  return calendarCovers(Number(month.slice(0, 4))) || overrides.confirmedMonths.has(month);
}

function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** A day is a working day per the office's override, else the official calendar, else (confirmed month) Monday–Friday. */
export function isWorkingDay(day: string, overrides: CalendarOverrides = NO_OVERRIDES): CalendarAnswer<boolean> {
  const set = overrides.days.get(day);
  if (set !== undefined) return { ok: true, value: set };
  const month = day.slice(0, 7);
  if (calendarCovers(Number(day.slice(0, 4)))) return { ok: true, value: officialWorkday(day) };
  if (overrides.confirmedMonths.has(month)) {
    const wd = weekday(day);
    return { ok: true, value: wd !== 0 && wd !== 6 };
  }
  return { ok: false, problem: missingCalendar(month) };
}

/** The last working day of a `YYYY-MM` month. */
export function lastWorkingDayOfMonth(month: string, overrides: CalendarOverrides = NO_OVERRIDES): CalendarAnswer<string> {
  if (!monthKnown(month, overrides)) return { ok: false, problem: missingCalendar(month) };
  const first = `${month}-01`;
  for (let day = monthLastDay(month); day >= first; day = addDays(day, -1)) {
    const answer = isWorkingDay(day, overrides);
    if (!answer.ok) return answer;
    if (answer.value) return { ok: true, value: day };
  }
  return { ok: false, problem: { ...missingCalendar(month), message: `${month}没有任何工作日，请检查镇办公室设置的工作日调整` } };
}

/** The instant `HH:00` CST on a `YYYY-MM-DD` day. */
export function cstHour(day: string, hour: number): Date {
  return new Date(cstDayStart(day).getTime() + hour * 3600_000);
}

// 000 附件: "于每月最后一个工作日12：00前…传邮箱"
export function lastWorkingDayNoon(month: string, overrides: CalendarOverrides = NO_OVERRIDES): CalendarAnswer<Date> {
  const day = lastWorkingDayOfMonth(month, overrides);
  return day.ok ? { ok: true, value: cstHour(day.value, 12) } : day;
}

/** The month after a `YYYY-MM` month. */
export function nextMonth(month: string): string {
  return nextMonthStart(month).slice(0, 7);
}
