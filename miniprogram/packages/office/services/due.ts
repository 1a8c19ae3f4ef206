// schedule.listDueDates / markSubmitted → the monthly tables the township sends upward (000: the elderly table by the
// last working day 12:00, with the signed and sealed scan; 002: compound progress by the 22nd): their state, and
// marking one sent with its scans, uploaded first through the one uploader (services/upload).
import type { DueDates, DueDateView, DueKind, DueState } from '../../../../typings/schedule';
import type { Result } from '../../../../typings/result';
import { keepPhotos } from '../../../services/photoStore';
import { callCloud } from '../../../services/callCloud';
import { choosePhotos, uploadPhotos, type LocalPhoto } from '../../../services/upload';
import { cstTime } from '../../../ui/cstFormat';

/** the folder the server accepts scans from (server/domain/schedule/dueDates.ts DUE_SCAN_FOLDER) */
const SCAN_FOLDER = 'due-scans';
export const MAX_SCANS = 9;

const STATE_TAG: Record<DueState, string> = {
  submitted: 'tag-ok',
  late: 'tag-warn',
  open: 'tag-muted',
  overdue: 'tag-danger',
  missingCalendar: 'tag-warn',
};

export interface ScanDraft extends LocalPhoto {
  /** 照片 / 文件名 */
  name: string;
  isImage: boolean;
}

export interface DueRow {
  kind: DueKind;
  title: string;
  due: string;
  state: DueState;
  stateLabel: string;
  stateTag: string;
  submitted: string;
  problem: string;
  scanRequired: boolean;
  scans: { label: string; url: string; isImage: boolean }[];
}

export function dueRow(d: DueDateView): DueRow {
  return {
    kind: d.kind,
    title: d.kindLabel,
    due: d.dueLabel ? `截止：${d.dueLabel}` : '截止时间无法确定',
    state: d.state,
    stateLabel: d.stateLabel,
    stateTag: STATE_TAG[d.state],
    submitted: d.submittedAt ? `${d.submittedByName ?? ''} 于 ${cstTime(d.submittedAt)} 标记已报` : '',
    problem: d.problem ?? '',
    scanRequired: d.scanRequired,
    scans: d.scans.map((s) => ({ label: s.label, url: s.url ?? '', isImage: !s.label.includes('PDF') })),
  };
}

export function monthLabel(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** `2026-12` ± n months */
export function shiftMonth(month: string, n: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function loadDueDates(month: string | undefined): Promise<Result<DueDates>> {
  return callCloud('schedule', 'listDueDates', month ? { month } : {});
}

export async function chooseScanPhotos(room: number): Promise<ScanDraft[]> {
  return (await choosePhotos(room)).map((p) => ({ ...p, name: '照片', isImage: true }));
}

/** A scan kept as a PDF or picture in a WeChat chat (the sealed table is often sent as a file); like a photo, it is kept
 * on the phone until uploaded (services/photoStore), so closing WeChat first loses nothing. */
export async function chooseScanFiles(room: number): Promise<ScanDraft[]> {
  const chosen = await chooseChatFiles(room);
  const kept = await keepPhotos(chosen.map((d) => d.path));
  return chosen.map((d, i) => ({ ...d, path: kept.paths[i] ?? d.path }));
}

function chooseChatFiles(room: number): Promise<ScanDraft[]> {
  if (room <= 0) return Promise.resolve([]);
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count: room,
      type: 'file',
      extension: ['pdf', 'jpg', 'jpeg', 'png'],
      success: (res) =>
        resolve(
          res.tempFiles.map((f) => ({
            path: f.path,
            fileId: null,
            name: f.name,
            isImage: !/\.pdf$/i.test(f.name),
          })),
        ),
      fail: () => resolve([]),
    });
  });
}

/** Upload what is not uploaded yet; the drafts come back with their file ids, so a retry skips those that made it. */
export async function uploadScans(drafts: ScanDraft[]): Promise<{ drafts: ScanDraft[]; failed: number; lost: number }> {
  const { photos, failed, lost } = await uploadPhotos(drafts, SCAN_FOLDER);
  // a scan whose file is gone from the phone is left out (and counted as lost); the others keep their file ids
  const uploaded = new Map(photos.map((p) => [p.path, p.fileId]));
  return { drafts: drafts.filter((d) => uploaded.has(d.path)).map((d) => ({ ...d, fileId: uploaded.get(d.path) ?? null })), failed, lost };
}

export function markSent(kind: DueKind, month: string, scans: string[], idempotencyKey: string): Promise<Result<DueDateView>> {
  return callCloud('schedule', 'markSubmitted', { kind, month, scans }, { idempotencyKey });
}
