// The `report` function's contract table: the seeds' tables as .xlsx files opened by a temporary link.
import type { NoFields, PageAction } from './action';
import type {
  CardSheetsDone,
  CardSheetsRequest,
  CaseFileExportRequest,
  ExportDone,
  HazardRegisterExportRequest,
  MonthExportRequest,
  PeriodExportRequest,
} from '../report';

export interface ReportContract {
  exportElderlyTable: PageAction<MonthExportRequest, ExportDone>;
  exportCompoundLedger: PageAction<NoFields, ExportDone>;
  exportStats001: PageAction<PeriodExportRequest, ExportDone>;
  exportElderly001: PageAction<NoFields, ExportDone>;
  exportCompliance: PageAction<PeriodExportRequest, ExportDone>;
  exportHazardRegister: PageAction<HazardRegisterExportRequest, ExportDone>;
  exportCaseFile: PageAction<CaseFileExportRequest, ExportDone>;
  exportCardSheets: PageAction<CardSheetsRequest, CardSheetsDone>;
}
