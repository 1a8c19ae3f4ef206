// Field work made without network is kept on the phone (wx storage survives the app being killed) and sent when the
// network returns, with the idempotency key it was given when the user tapped "submit": a resend never duplicates.
import type { ContractRequest, ContractResponse, FunctionName, PageActionName } from '../../typings/contract';
import type { ErrorCode, Result } from '../../typings/result';
import { sendEvent } from './callCloud';

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
  const queuedData: Record<string, unknown> = { ...(data as object), ...(opts.offlineFields?.(capturedAt) ?? {}) };
  const item: OutboxItem = { key, fn, action, data: queuedData, label, createdAt: capturedAt, attempts: 1, lastError: null };
  save([...pending().filter((i) => i.key !== key), item]);
  return { queued: true, item };
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

async function doFlush(): Promise<FlushReport> {
  const report: FlushReport = { sent: 0, refused: [], stillPending: 0 };
  for (const item of pending()) {
    const result = await sendEvent(item.fn, item.action, item.data, { idempotencyKey: item.key });
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

export function discard(key: string): void {
  save(pending().filter((i) => i.key !== key));
}
