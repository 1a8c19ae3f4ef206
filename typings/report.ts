// Request/response types of the `report` function: the seeds' tables as .xlsx files (import type only).

export type ExportKind =
  | 'elderlyTable000'
  | 'compoundLedger002'
  | 'stats001'
  | 'elderly001'
  | 'compliance'
  /** the `place` function's: the place inspection ledger and the quarterly supervision summary (SPEC §7b) */
  | 'placeLedger'
  | 'placeQuarterly';

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
