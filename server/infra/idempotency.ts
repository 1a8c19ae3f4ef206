// Weak rural networks retry: a submission carrying an idempotency key runs once per (key, OPENID), and a retry gets the first result.
import { createHash } from 'crypto';
import type { ActionContext } from './dispatch';
import { AppError } from './errors';
import { getById } from './store';

/** a reservation older than this is taken to belong to a crashed invocation and may be taken over */
const STALE_MS = 60_000;
/** how long a resend waits for its twin's first answer before it is told to retry (CONFLICT, which the outbox retries) */
const TWIN_WAIT_MS = 8_000;
const TWIN_POLL_BASE_MS = 20;
const TWIN_POLL_CAP_MS = 500;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface IdempotencyRecord {
  _id: string;
  openid: string;
  key: string;
  action: string;
  status: 'pending' | 'done';
  startedAt: Date;
  doneAt: Date | null;
  /** JSON text, so the replay is byte-for-byte what the client got the first time */
  result: string | null;
}

export function idempotencyId(openid: string, key: string): string {
  return createHash('sha256').update(`${openid}\u0000${key}`).digest('hex').slice(0, 40);
}

export async function idempotent<T>(ctx: ActionContext, action: string, run: () => Promise<T>): Promise<T> {
  const key = ctx.idempotencyKey;
  if (!key || !ctx.openid) return run();
  const id = idempotencyId(ctx.openid, key);
  const coll = ctx.db.collection('idempotency');

  /** undefined: this call holds the reservation and must run; 'wait': a twin holds it; else the twin's first result */
  const reserve = async (): Promise<{ replay: T } | 'wait' | undefined> => {
    const seen = await getById<IdempotencyRecord>(ctx.db, 'idempotency', id);
    if (seen) {
      if (seen.action !== action) throw new AppError('CONFLICT', '该提交编号已用于其他操作，请刷新后重试');
      if (seen.status === 'done' && seen.result !== null) return { replay: JSON.parse(seen.result) as T };
      if (ctx.now.getTime() - new Date(seen.startedAt).getTime() < STALE_MS) return 'wait';
      await coll.doc(id).update({ data: { startedAt: ctx.now } });
      return undefined;
    }
    const record: Omit<IdempotencyRecord, '_id'> = {
      openid: ctx.openid!,
      key,
      action,
      status: 'pending',
      startedAt: ctx.now,
      doneAt: null,
      result: null,
    };
    try {
      await coll.add({ data: { _id: id, ...record } });
    } catch (err) {
      // a twin request inserted the reservation between our read and our insert
      if (await getById<IdempotencyRecord>(ctx.db, 'idempotency', id)) return 'wait';
      throw err;
    }
    return undefined;
  };

  // A resend while the first attempt still runs (a phone that timed out and retried) waits for that attempt's answer.
  const waitUntil = Date.now() + TWIN_WAIT_MS;
  for (let round = 0; ; round++) {
    const state = await reserve();
    if (state === undefined) break;
    if (state !== 'wait') return state.replay;
    if (Date.now() >= waitUntil) throw new AppError('CONFLICT', '上一次提交仍在处理中，请稍后再试');
    await sleep(Math.min(TWIN_POLL_CAP_MS, TWIN_POLL_BASE_MS * 2 ** round) * (0.5 + Math.random() / 2));
  }

  try {
    const result = await run();
    await coll.doc(id).update({ data: { status: 'done', doneAt: ctx.now, result: JSON.stringify(result ?? null) } });
    return result;
  } catch (err) {
    // a refused or failed attempt leaves no reservation, so the retry runs again and gets its own answer
    await Promise.resolve(coll.doc(id).remove()).catch(() => undefined);
    throw err;
  }
}
