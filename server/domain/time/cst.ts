// China Standard Time is UTC+8 with no DST: every day, week and month boundary is computed as epoch + 8 h,
// never from the host's time zone ("All dates are China Standard Time … whatever the server's or the phone's time zone").
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import isoWeek from 'dayjs/plugin/isoWeek';

dayjs.extend(utc);
dayjs.extend(isoWeek);

export const CST_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86400_000;

/** `YYYY-MM-DD` of the CST calendar day containing the instant. */
export function cstDay(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM` of the CST month containing the instant. */
export function cstMonth(at: Date): string {
  return cstDay(at).slice(0, 7);
}

/** The instant a CST calendar day (`YYYY-MM-DD`) begins. */
export function cstDayStart(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a YYYY-MM-DD day: ${day}`);
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - CST_OFFSET_MS);
}

/** Whole CST calendar days from one day to another (`2024-12-01` → `2024-12-08` is 7). */
export function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((cstDayStart(toDay).getTime() - cstDayStart(fromDay).getTime()) / DAY_MS);
}

export function addDays(day: string, n: number): string {
  return cstDay(new Date(cstDayStart(day).getTime() + n * DAY_MS));
}

/** First day of the month after `YYYY-MM`. */
export function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Last CST day of a `YYYY-MM` month. */
export function monthLastDay(month: string): string {
  return addDays(nextMonthStart(month), -1);
}

export interface IsoWeek {
  /** the ISO week-numbering year, which differs from the calendar year around New Year (2027-01-01 is 2026-W53) */
  year: number;
  week: number;
  /** `YYYY-Www`, e.g. `2026-W53` */
  key: string;
  /** Monday and Sunday of the week, CST days */
  monday: string;
  sunday: string;
}

/** ISO week (Monday–Sunday) of the CST day containing the instant. */
export function isoWeekOf(at: Date): IsoWeek {
  const d = dayjs.utc(at.getTime() + CST_OFFSET_MS);
  const year = d.isoWeekYear();
  const week = d.isoWeek();
  const monday = d.isoWeekday(1).format('YYYY-MM-DD');
  return { year, week, key: `${year}-W${String(week).padStart(2, '0')}`, monday, sunday: addDays(monday, 6) };
}

/** Format an instant as CST wall time, `YYYY-MM-DD HH:mm`, for messages and tables. */
export function formatCst(at: Date): string {
  return new Date(at.getTime() + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}
