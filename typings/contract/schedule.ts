// The `schedule` function's contract table: monthly due dates and the working-day calendar corrections behind them.
import type { PageAction, ServerAction } from './action';
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

type NoCalendarPage =
  'no page yet: the due-date page shows when a month has no calendar; corrections are made through the function (tests, dev API)';

export interface ScheduleContract {
  listDueDates: PageAction<ListDueDatesRequest, DueDates>;
  markSubmitted: PageAction<MarkSubmittedRequest, DueDateView>;
  setCalendarOverride: ServerAction<SetCalendarOverrideRequest, CalendarOverrideView, NoCalendarPage>;
  confirmCalendarMonth: ServerAction<ConfirmCalendarMonthRequest, { month: string; confirmed: true }, NoCalendarPage>;
  listCalendarOverrides: ServerAction<CalendarMonthRequest, CalendarMonthView, NoCalendarPage>;
}
