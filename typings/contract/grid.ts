// The `grid` function's contract table: weekly contact, the weekly risk report, the boards, the weekly close.
import type { NoFields, PageAction, ServerAction } from './action';
import type {
  ConfirmContactRequest,
  ContactConfirmation,
  FileWeeklyReportRequest,
  ListWeeksRequest,
  ListWeeksResult,
  VillageWeek,
  VillageWeekRequest,
  WeeklyBoard,
  WeeklyBoardRequest,
  WeeklyCloseSummary,
  WeeklyReportFiled,
} from '../grid';

export interface GridContract {
  weeklyBoard: PageAction<WeeklyBoardRequest, WeeklyBoard>;
  listWeeks: PageAction<ListWeeksRequest, ListWeeksResult>;
  confirmContact: PageAction<ConfirmContactRequest, ContactConfirmation>;
  fileWeeklyReport: PageAction<FileWeeklyReportRequest, WeeklyReportFiled>;
  villageWeek: PageAction<VillageWeekRequest, VillageWeek>;
  runWeeklyClose: ServerAction<
    NoFields,
    WeeklyCloseSummary,
    'timer: the weeklyClose timer runs it; the office may start it by hand for a catch-up (tests)'
  >;
}
