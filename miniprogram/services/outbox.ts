// Field work made without network is kept on the phone (wx storage survives the app being killed) and sent when the
// network returns, with the idempotency key it was given when the user tapped "submit": a resend never duplicates.
// An item may carry photos not uploaded yet (kept as files by services/photoStore): they go up first, then the item.
import type { ContractRequest, ContractResponse, FunctionName, PageActionName } from '../../typings/contract';
import type { ErrorCode, Result } from '../../typings/result';
import { sendEvent } from './callCloud';
import { discardPhotos, photosLostText, uploadPhotos, type LocalPhoto } from './upload';

const STORAGE_KEY = 'nw.outbox.v1';

export interface OutboxItem {
  /** the idempotency key, created once when the user submitted */
  key: string;
  fn: string;
  action: string;
  data: Record<string, unknown>;
  /** what the list shows while the item waits, e.g. "走访 三江村一组3号" */
  label: string;
  /** device time of the submission (ISO with offset), sent as deviceTime for offline field work */
  createdAt: string;
  attempts: number;
  /** the last refusal from the server (kept so the user can see and fix it) */
  lastError: string | null;
  /** photos to upload before sending; their file IDs then fill `data[photos.field]` */
  photos?: QueuedPhotos;
}

export interface QueuedPhotos {
  /** the request field that takes the file IDs, e.g. 'photos' */
  field: string;
  /** the cloud storage folder they go to */
  folder: string;
  photos: LocalPhoto[];
}

export function newIdempotencyKey(): string {
  const rand = () =>
    Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  return `${Date.now().toString(16)}-${rand()}${rand()}`;
}

/** The phone's time as ISO with its UTC offset, so the server can place it on the CST calendar. */
export function deviceTimeNow(now = new Date()): string {
  const offsetMin = -now.getTimezoneOffset();
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  const local = new Date(now.getTime() + offsetMin * 60_000).toISOString().slice(0, 19);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export function pending(): OutboxItem[] {
  const stored = wx.getStorageSync(STORAGE_KEY) as OutboxItem[] | '';
  return Array.isArray(stored) ? stored : [];
}

function save(items: OutboxItem[]): void {
  wx.setStorageSync(STORAGE_KEY, items);
}

/**
 * Submit now; if the network fails, queue it and answer { queued: true }. A server refusal (bad input, out of range…)
 * is not queued: it comes back as the Result so the form can show it next to the field.
 */
export async function submitOrQueue<F extends FunctionName, A extends PageActionName<F>>(
  fn: F,
  action: A,
  data: ContractRequest<F, A>,
  label: string,
  opts: {
    key?: string;
    /** fields that mark a queued item as captured offline at its device time, e.g. d => ({ offline: true, deviceTime: d }) */
    offlineFields?: (deviceTime: string) => Partial<ContractRequest<F, A>>;
  } = {},
): Promise<{ queued: true; item: OutboxItem } | { queued: false; result: Result<ContractResponse<F, A>> }> {
  const key = opts.key ?? newIdempotencyKey();
  const capturedAt = deviceTimeNow();
  const result = await sendEvent<ContractResponse<F, A>>(fn, action, data as object, { idempotencyKey: key });
  if (result.ok || !isRetryable(result.code)) return { queued: false, result };
  return { queued: true, item: enqueue(fn, action, data, label, { ...opts, key, capturedAt, attempts: 1 }) };
}

/**
 * Keep field work whose photos could not be uploaded (no network): the item waits with its photos, which the next
 * flush uploads before sending it. Nothing is sent now.
 */
export function queueWithPhotos<F extends FunctionName, A extends PageActionName<F>>(
  fn: F,
  action: A,
  data: ContractRequest<F, A>,
  label: string,
  opts: {
    key: string;
    photos: QueuedPhotos;
    offlineFields?: (deviceTime: string) => Partial<ContractRequest<F, A>>;
  },
): OutboxItem {
  return enqueue(fn, action, data, label, { ...opts, capturedAt: deviceTimeNow(), attempts: 0 });
}

function enqueue<F extends FunctionName, A extends PageActionName<F>>(
  fn: F,
  action: A,
  data: ContractRequest<F, A>,
  label: string,
  opts: {
    key: string;
    capturedAt: string;
    attempts: number;
    photos?: QueuedPhotos;
    offlineFields?: (deviceTime: string) => Partial<ContractRequest<F, A>>;
  },
): OutboxItem {
  const { key, capturedAt, attempts, photos } = opts;
  const queuedData: Record<string, unknown> = { ...(data as object), ...(opts.offlineFields?.(capturedAt) ?? {}) };
  const item: OutboxItem = { key, fn, action, data: queuedData, label, createdAt: capturedAt, attempts, lastError: null };
  if (photos) item.photos = photos;
  save([...pending().filter((i) => i.key !== key), item]);
  return item;
}

/**
 * Worth sending again later, as is: the network failed, or the server was busy with the same record (CONFLICT, e.g.
 * eight phones sending at once). Everything else (validation, permissions, a closed period…) is final for that item.
 */
export function isRetryable(code: ErrorCode): boolean {
  return code === 'NETWORK' || code === 'CONFLICT';
}

/** a CONFLICT that survives this many flushes is shown to the user instead of being retried forever */
export const MAX_CONFLICT_ATTEMPTS = 10;

export interface FlushReport {
  sent: number;
  refused: { item: OutboxItem; message: string }[];
  stillPending: number;
}

let flushing: Promise<FlushReport> | null = null;

/** Send every waiting item once, in order; call on app show and when the network comes back. Never runs twice at once. */
export function flush(): Promise<FlushReport> {
  flushing ??= doFlush().finally(() => {
    flushing = null;
  });
  return flushing;
}

/** Photo count of an item still to upload (the 待上传 panel shows it). */
export function photosToUpload(item: OutboxItem): number {
  return item.photos?.photos.filter((p) => !p.fileId).length ?? 0;
}

type PhotoStep = { ready: OutboxItem } | { stop: 'network' | 'lost'; item: OutboxItem; lost: number };

/** Upload an item's photos; the progress (file IDs) is stored at once, so a later flush never uploads one twice. */
async function uploadItemPhotos(item: OutboxItem): Promise<PhotoStep> {
  if (!item.photos || !photosToUpload(item)) return { ready: item };
  const up = await uploadPhotos(item.photos.photos, item.photos.folder);
  const next: OutboxItem = { ...item, photos: { ...item.photos, photos: up.photos } };
  save(pending().map((i) => (i.key === item.key ? next : i)));
  if (up.lost) return { stop: 'lost', item: next, lost: up.lost };
  if (up.failed) return { stop: 'network', item: next, lost: 0 };
  return { ready: next };
}

function requestData(item: OutboxItem): Record<string, unknown> {
  if (!item.photos) return item.data;
  return { ...item.data, [item.photos.field]: item.photos.photos.map((p) => p.fileId).filter((id): id is string => !!id) };
}

async function doFlush(): Promise<FlushReport> {
  const report: FlushReport = { sent: 0, refused: [], stillPending: 0 };
  for (const queued of pending()) {
    const step = await uploadItemPhotos(queued);
    if ('stop' in step) {
      const rest = pending().filter((i) => i.key !== queued.key);
      if (step.stop === 'network') {
        save([...rest, { ...step.item, attempts: step.item.attempts + 1 }]);
        break;
      }
      // a photo's file is gone for good: say so; the next 重新上传 sends the item with the photos that are left
      const message = `${photosLostText(step.lost)}。再点“重新上传”将不带这些照片提交，或删除这条后重新记录`;
      report.refused.push({ item: step.item, message });
      save([...rest, { ...step.item, attempts: step.item.attempts + 1, lastError: message }]);
      continue;
    }
    const item = step.ready;
    const result = await sendEvent(item.fn, item.action, requestData(item), { idempotencyKey: item.key });
    const rest = pending().filter((i) => i.key !== item.key);
    if (result.ok) {
      report.sent++;
      save(rest);
    } else if (result.code === 'NETWORK') {
      save([...rest, { ...item, attempts: item.attempts + 1 }]);
      break;
    } else if (isRetryable(result.code) && item.attempts + 1 < MAX_CONFLICT_ATTEMPTS) {
      // busy, not wrong: keep it waiting and go on with the next item (another record may well go through)
      save([...rest, { ...item, attempts: item.attempts + 1 }]);
    } else {
      // refused for good (e.g. the 48 h window passed): keep it visible with the reason until the user removes it
      report.refused.push({ item, message: result.message });
      save([...rest, { ...item, attempts: item.attempts + 1, lastError: result.message }]);
    }
  }
  report.stillPending = pending().filter((i) => !i.lastError).length;
  return report;
}

/** The user removed an item: its photos not uploaded yet are deleted from the phone too. */
export function discard(key: string): void {
  const item = pending().find((i) => i.key === key);
  save(pending().filter((i) => i.key !== key));
  if (item?.photos) discardPhotos(item.photos.photos);
}
