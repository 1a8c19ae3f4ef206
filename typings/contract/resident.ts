// The `resident` function's contract table: hazard reports, whistle-blower reports and their receipts, routed reports.
import type { NoFields, PageAction } from './action';
import type { Page } from '../org';
import type {
  ListMyReportsRequest,
  ListRoutedReportsRequest,
  ListWhistleReportsRequest,
  MyReports,
  ReportFormOptions,
  ReportHazardRequest,
  ResidentReportView,
  VerifyRoutedReportRequest,
  WhistleBlowRequest,
  WhistleReceipt,
  WhistleReports,
  WhistleStatusRequest,
  WhistleStatusView,
} from '../resident';

export interface ResidentContract {
  reportFormOptions: PageAction<NoFields, ReportFormOptions>;
  reportHazard: PageAction<ReportHazardRequest, ResidentReportView>;
  listMyReports: PageAction<ListMyReportsRequest, MyReports>;
  whistleBlow: PageAction<WhistleBlowRequest, WhistleReceipt>;
  whistleStatus: PageAction<WhistleStatusRequest, WhistleStatusView>;
  listRoutedReports: PageAction<ListRoutedReportsRequest, Page<ResidentReportView>>;
  verifyRoutedReport: PageAction<VerifyRoutedReportRequest, ResidentReportView>;
  listWhistleReports: PageAction<ListWhistleReportsRequest, WhistleReports>;
}
