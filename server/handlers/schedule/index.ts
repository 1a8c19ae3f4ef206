// The `schedule` function's action and timer tables: monthly due dates of the tables sent upward, the working-day
// calendar corrections they depend on, the daily reminder run and the raised-alert reminders of campaign key dates.
import { contractActions, type TimerDef } from '../../infra/dispatch';
import { confirmCalendarMonth, listCalendarOverrides, listDueDates, markSubmitted, setCalendarOverride } from './dueDates';
import { runDueReminders } from './reminders';
import { runRaisedAlerts } from './raisedAlerts';

export const actions = contractActions('schedule', {
  listDueDates,
  markSubmitted,
  setCalendarOverride,
  confirmCalendarMonth,
  listCalendarOverrides,
});

export const timers: Record<string, TimerDef> = {
  dueReminders: { run: (ctx) => runDueReminders(ctx) },
  raisedAlerts: { run: (ctx) => runRaisedAlerts(ctx) },
};
