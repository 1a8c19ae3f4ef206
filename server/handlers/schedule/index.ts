// The `schedule` function's action and timer tables: monthly due dates of the tables sent upward, the working-day
// calendar corrections they depend on, and the daily reminder run.
import { contractActions, type TimerDef } from '../../infra/dispatch';
import { confirmCalendarMonth, listCalendarOverrides, listDueDates, markSubmitted, setCalendarOverride } from './dueDates';
import { runDueReminders } from './reminders';

export const actions = contractActions('schedule', {
  listDueDates,
  markSubmitted,
  setCalendarOverride,
  confirmCalendarMonth,
  listCalendarOverrides,
});

export const timers: Record<string, TimerDef> = { dueReminders: { run: (ctx) => runDueReminders(ctx) } };
