// The office's calendar corrections for one township, read in one query (a township sets a handful a year).
import type { CalendarOverrides } from '../domain/calendar/workingDays';
import type { CalendarOverrideRecord } from '../domain/calendar/records';
import type { Database } from './cloud';
import { findAll } from './store';

export async function loadCalendarOverrides(db: Database, townshipId: string): Promise<CalendarOverrides> {
  const rows = await findAll<CalendarOverrideRecord>(db, 'calendarOverrides', { townshipId });
  const days = new Map<string, boolean>();
  const confirmedMonths = new Set<string>();
  for (const r of rows) {
    if (r.kind === 'day') days.set(r.day, r.working);
    else confirmedMonths.add(r.month);
  }
  return { days, confirmedMonths };
}
