// The resident area's calls, labels and small formatters; pages never shape raw records themselves.
import type { Page } from '../../../../typings/org';
import type {
  ListRoutedReportsRequest,
  ReportFormOptions,
  ReportHazardRequest,
  ResidentReportView,
  VerifyRoutedReportRequest,
  WhistleBlowRequest,
  WhistleReceipt,
  WhistleStatusView,
} from '../../../../typings/resident';
import type { Result } from '../../../../typings/result';
import { callCloud } from '../../../services/callCloud';
import { pending, submitOrQueue, type OutboxItem } from '../../../services/outbox';
import { PAGE_SIZE } from '../../../config/paging';

const FN = 'resident';

export function reportFormOptions(): Promise<Result<ReportFormOptions>> {
  return callCloud(FN, 'reportFormOptions');
}

/** Sent now, or kept on the phone as 待上传 when there is no network; the key makes a resend harmless. */
export function reportHazard(request: ReportHazardRequest, label: string, key: string) {
  return submitOrQueue(FN, 'reportHazard', request, label, { key });
}

export function listMyReports(page: number): Promise<Result<Page<ResidentReportView>>> {
  return callCloud(FN, 'listMyReports', { page, pageSize: PAGE_SIZE });
}

/** A retry with the same key returns the same receipt, so a lost reply never files the report twice. */
export function whistleBlow(request: WhistleBlowRequest, key: string): Promise<Result<WhistleReceipt>> {
  return callCloud(FN, 'whistleBlow', request, { idempotencyKey: key });
}

export function whistleStatus(receipt: string): Promise<Result<WhistleStatusView>> {
  return callCloud(FN, 'whistleStatus', { receipt });
}

export function listRoutedReports(page: number, openOnly: boolean): Promise<Result<Page<ResidentReportView>>> {
  const request: ListRoutedReportsRequest = { page, pageSize: PAGE_SIZE, openOnly };
  return callCloud(FN, 'listRoutedReports', request);
}

export function verifyRoutedReport(request: VerifyRoutedReportRequest, key: string): Promise<Result<ResidentReportView>> {
  return callCloud(FN, 'verifyRoutedReport', request, { idempotencyKey: key });
}

/** Reports waiting on this phone to be sent. */
export function pendingReports(): OutboxItem[] {
  return pending().filter((i) => i.fn === FN && i.action === 'reportHazard');
}

export interface PendingRow {
  key: string;
  label: string;
  createdAt: string;
  lastError: string;
}

export function pendingRows(): PendingRow[] {
  return pendingReports().map((i) => ({
    key: i.key,
    label: i.label,
    createdAt: i.createdAt.slice(0, 16).replace('T', ' '),
    lastError: i.lastError ?? '',
  }));
}

export interface ReportRow {
  id: string;
  category: string;
  description: string;
  place: string;
  statusLabel: string;
  statusTone: 'ok' | 'warn' | 'danger';
  routeLabel: string;
  reported: string;
  deadline: string;
  overdue: boolean;
  open: boolean;
  photoCount: number;
}

const CST_MS = 8 * 3600_000;

/** An instant in China time whatever the phone's zone (SPEC §3): "2026-12-03 10:00". */
export function cstTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = new Date(iso).getTime();
  return Number.isNaN(t) ? '' : new Date(t + CST_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export function cstDay(now = new Date()): string {
  return new Date(now.getTime() + CST_MS).toISOString().slice(0, 10);
}

export function reportRow(r: ResidentReportView): ReportRow {
  const tone = r.status === 'verified' ? 'ok' : r.overdue || r.status === 'notRectified' ? 'danger' : 'warn';
  return {
    id: r.id,
    category: r.category,
    description: r.description,
    place: `${r.villageName}${r.place ? ' ' + r.place : ''}`,
    statusLabel: r.statusLabel,
    statusTone: tone,
    routeLabel: r.routeLabel,
    reported: cstTime(r.reportedAt),
    deadline: r.deadlineDay,
    overdue: r.overdue,
    open: r.status !== 'verified',
    photoCount: r.photos.length,
  };
}

/** Which form field a refusal belongs next to; '' = the whole form. */
export function refusalField(field: string | undefined, known: readonly string[]): string {
  const head = (field ?? '').split('.')[0];
  return known.includes(head) ? head : '';
}
