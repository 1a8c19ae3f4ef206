// Request/response types of the `report` function: the seeds' tables as .xlsx files (import type only).

export type ExportKind =
  | 'elderlyTable000'
  | 'compoundLedger002'
  | 'stats001'
  | 'elderly001'
  | 'compliance'
  | 'hazardRegister'
  | 'caseFile'
  | 'cardSheets'
  /** the `place` function's: the place inspection ledger and the quarterly supervision summary (SPEC §7b) */
  | 'placeLedger'
  | 'placeQuarterly';

/** spreadsheets for tables; PDF for the print sheets of 明白卡 */
export type ExportFormat = 'xlsx' | 'pdf';

export interface ExportDone {
  exportId: string;
  kind: ExportKind;
  /** 2024-12, or campaignId:periodKey, or '' for a table without period */
  period: string;
  fileId: string;
  /** temporary download link (expires) */
  url: string;
  fileName: string;
  rows: number;
}

/** the exports of a campaign period (seed 001's statistics and the compliance table) */
export interface PeriodExportRequest {
  campaignId: string;
  periodKey: string;
}

/** seed 000's monthly table, `YYYY-MM` */
export interface MonthExportRequest {
  month: string;
}

/** a village's hazard register (安全隐患登记表) */
export interface HazardRegisterExportRequest {
  villageId: string;
}

/** a discipline case's file for the archive */
export interface CaseFileExportRequest {
  caseId: string;
}

/** the 明白卡 print sheets of one micro-grid or one whole village (exactly one of the two) */
export interface CardSheetsRequest {
  gridId?: string;
  villageId?: string;
}

/** the print sheets, with the households in the order their cards are printed */
export interface CardSheetsDone extends ExportDone {
  householdIds: string[];
}
