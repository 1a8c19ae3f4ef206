// The `schedule` function's contract table: monthly due dates and the working-day calendar corrections behind them.
import type { ServerAction } from './action';
import type {
  CalendarMonthRequest,
  CalendarMonthView,
  CalendarOverrideView,
  ConfirmCalendarMonthRequest,
  DueDates,
  DueDateView,
  ListDueDatesRequest,
  MarkSubmittedRequest,
  SetCalendarOverrideRequest,
} from '../schedule';

type NoDueDatesPage =
  'no page yet: the office due-date page is not built; the dueReminders timer sends the reminders and the function tests cover the actions';

export interface ScheduleContract {
  listDueDates: ServerAction<ListDueDatesRequest, DueDates, NoDueDatesPage>;
  markSubmitted: ServerAction<MarkSubmittedRequest, DueDateView, NoDueDatesPage>;
  setCalendarOverride: ServerAction<SetCalendarOverrideRequest, CalendarOverrideView, NoDueDatesPage>;
  confirmCalendarMonth: ServerAction<ConfirmCalendarMonthRequest, { month: string; confirmed: true }, NoDueDatesPage>;
  listCalendarOverrides: ServerAction<CalendarMonthRequest, CalendarMonthView, NoDueDatesPage>;
}
