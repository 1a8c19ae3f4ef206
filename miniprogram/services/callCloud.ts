// The only code that reaches the backend: wx.cloud.callFunction in production, the local dev API in local mode.
// Whatever happens, the promise settles with a Result, so a page can always leave its loading state.
import type { ContractRequest, ContractResponse, FunctionName, PageActionName } from '../../typings/contract';
import type { Fail, Result } from '../../typings/result';
import { CALL_TIMEOUT_MS, CLOUD_ENV, currentEnvVersion, localApiUrl } from '../config/env';
import { isLocalMode, localOpenid } from './localMode';

export interface CallOptions {
  /** field work sends one, so a resend after a weak-network failure never duplicates */
  idempotencyKey?: string;
  timeoutMs?: number;
}

export const NETWORK_MESSAGE = '网络不可用，请稍后重试';
export const TIMEOUT_MESSAGE = '网络超时，请稍后重试';
export const BAD_REPLY_MESSAGE = '服务暂时不可用，请稍后重试';
export const NO_CLOUD_MESSAGE = '当前微信版本过低，请升级微信后再使用';

let cloudReady = false;

/** wx.cloud.init once, with this build's CloudBase env (config/env.ts); false when this WeChat has no cloud support. */
export function initCloud(): boolean {
  if (cloudReady) return true;
  if (!wx.cloud) return false;
  try {
    wx.cloud.init({ env: CLOUD_ENV[currentEnvVersion()], traceUser: true });
  } catch {
    return false;
  }
  cloudReady = true;
  return true;
}

/** CloudBase refuses callFunction data over 100 KB; checked here so the user reads why instead of a network error. */
export const MAX_EVENT_BYTES = 100 * 1024;
export const TOO_LARGE_MESSAGE = '提交的内容过大（超过100KB），请减少文字或分次提交';

/** UTF-8 length of a string without TextEncoder (not on every WeChat base library) */
function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function oversize(event: Record<string, unknown>): Fail | null {
  let text: string;
  try {
    text = JSON.stringify(event);
  } catch {
    return { ok: false, code: 'INVALID_INPUT', message: '提交的内容格式有误' };
  }
  return utf8Bytes(text) > MAX_EVENT_BYTES ? { ok: false, code: 'PAYLOAD_TOO_LARGE', message: TOO_LARGE_MESSAGE } : null;
}

export function networkFail(message = NETWORK_MESSAGE): Fail {
  return { ok: false, code: 'NETWORK', message };
}

/** The data argument: optional when the action's request has no required field. */
export type RequestArgs<Req> = Record<never, never> extends Req ? [data?: Req, opts?: CallOptions] : [data: Req, opts?: CallOptions];

/**
 * Call an action a page may call, typed from the contract table (typings/contract): `callCloud('visit', 'recordVisit',
 * req)` checks `req` against RecordVisitRequest and answers Result<RecordVisitResult>.
 */
export function callCloud<F extends FunctionName, A extends PageActionName<F>>(
  name: F,
  action: A,
  ...[data, opts]: RequestArgs<ContractRequest<F, A>>
): Promise<Result<ContractResponse<F, A>>> {
  return sendEvent<ContractResponse<F, A>>(name, action, data ?? {}, opts);
}

/** The untyped call beneath callCloud: for the outbox, which resends data its caller shaped through the contract. */
export function sendEvent<T>(name: string, action: string, data: object, opts: CallOptions = {}): Promise<Result<T>> {
  const event: Record<string, unknown> = { ...data, action };
  if (opts.idempotencyKey) event.idempotencyKey = opts.idempotencyKey;
  const tooLarge = oversize(event);
  if (tooLarge) return Promise.resolve(tooLarge);
  const timeoutMs = opts.timeoutMs ?? CALL_TIMEOUT_MS;
  const call = isLocalMode() ? viaDevApi(name, event, timeoutMs) : viaCloud(name, event);
  return withTimeout(call, timeoutMs).then(asResult<T>, (err: unknown) => failureOf(err));
}

class NoCloud extends Error {}

function viaCloud(name: string, event: Record<string, unknown>): Promise<unknown> {
  if (!initCloud()) return Promise.reject(new NoCloud());
  return wx.cloud.callFunction({ name, data: event }).then((res) => res.result);
}

function viaDevApi(name: string, event: Record<string, unknown>, timeoutMs: number): Promise<unknown> {
  const openid = localOpenid();
  const header: Record<string, string> = { 'content-type': 'application/json' };
  if (openid) header['x-wx-openid'] = openid;
  return new Promise((resolve, reject) => {
    wx.request({
      url: localApiUrl(`/fn/${encodeURIComponent(name)}`),
      method: 'POST',
      data: event,
      header,
      timeout: timeoutMs,
      success: (res) => resolve(res.data),
      fail: (err) => reject(err),
    });
  });
}

class Timeout extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Timeout()), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** Only a well-formed Result passes through; anything else (an HTML error page, a crashed function) becomes a Fail. */
function asResult<T>(reply: unknown): Result<T> {
  if (reply && typeof reply === 'object') {
    const r = reply as { ok?: unknown; code?: unknown; message?: unknown };
    if (r.ok === true) return reply as Result<T>;
    if (r.ok === false && typeof r.code === 'string' && typeof r.message === 'string') return reply as Result<T>;
  }
  return { ok: false, code: 'INTERNAL', message: BAD_REPLY_MESSAGE };
}

function failureOf(err: unknown): Fail {
  if (err instanceof Timeout) return networkFail(TIMEOUT_MESSAGE);
  if (err instanceof NoCloud) return { ok: false, code: 'INTERNAL', message: NO_CLOUD_MESSAGE };
  const errMsg = String((err as { errMsg?: unknown } | null)?.errMsg ?? (err as Error | null)?.message ?? '');
  // -404011 etc.: the call arrived but the function itself crashed; that is not the user's network.
  if (/errCode:\s*-4040\d\d/.test(errMsg)) return { ok: false, code: 'INTERNAL', message: BAD_REPLY_MESSAGE };
  return networkFail();
}
