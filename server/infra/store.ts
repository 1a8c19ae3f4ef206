// Typed reads and writes over wx-server-sdk's loosely typed database API, within CloudBase's real limits:
// get() returns at most 1000 documents, so anything larger is paged explicitly; transactions touch single documents by id.
import type { DB } from 'wx-server-sdk';
import type { Database } from './cloud';
import { AppError } from './errors';

export type Query = DB.Query;
export type Where = DB.IQueryCondition;

/** CloudBase refuses a server-side get() above this many documents */
export const MAX_GET = 1000;

export async function getById<T>(db: Database, collection: string, id: string): Promise<T | null> {
  // where() instead of doc().get(): the SDK throws on a missing document, and "not there" is an answer here
  const res = (await db.collection(collection).where({ _id: id }).limit(1).get()) as DB.IQueryResult;
  return (res.data[0] as T | undefined) ?? null;
}

export async function findOne<T>(db: Database, collection: string, where: Where): Promise<T | null> {
  const res = (await db.collection(collection).where(where).limit(1).get()) as DB.IQueryResult;
  return (res.data[0] as T | undefined) ?? null;
}

/** Every matching document, fetched in pages of 1000 in _id order so paging is stable. */
export async function findAll<T>(db: Database, collection: string, where: Where): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += MAX_GET) {
    const res = (await db.collection(collection).where(where).orderBy('_id', 'asc').skip(skip).limit(MAX_GET).get()) as DB.IQueryResult;
    out.push(...(res.data as T[]));
    if (res.data.length < MAX_GET) return out;
  }
}

/** Documents whose _id is in `ids`, chunked so no single query grows without bound. */
export async function findByIds<T>(db: Database, collection: string, ids: readonly string[]): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += 500) {
    out.push(...(await findAll<T>(db, collection, { _id: db.command.in(unique.slice(i, i + 500)) })));
  }
  return out;
}

export async function count(db: Database, collection: string, where: Where): Promise<number> {
  const res = (await db.collection(collection).where(where).count()) as DB.ICountResult;
  return res.total;
}

export interface PageOf<T> {
  items: T[];
  total: number;
}

export async function findPage<T>(
  db: Database,
  collection: string,
  where: Where,
  order: readonly [field: string, dir: 'asc' | 'desc'][],
  page: number,
  pageSize: number,
): Promise<PageOf<T>> {
  let q = db.collection(collection).where(where);
  for (const [field, dir] of order) q = q.orderBy(field, dir);
  const res = (await q
    .skip((page - 1) * pageSize)
    .limit(pageSize)
    .get()) as DB.IQueryResult;
  return { items: res.data as T[], total: await count(db, collection, where) };
}

/** The single-document operations a CloudBase transaction allows. */
export interface TxDoc {
  get(): Promise<{ data: unknown }>;
  set(options: { data: Record<string, unknown> }): Promise<unknown>;
  update(options: { data: Record<string, unknown> }): Promise<unknown>;
  remove(): Promise<unknown>;
}
export interface TxCollection {
  doc(id: string): TxDoc;
  add(options: { data: Record<string, unknown> }): Promise<{ _id: string }>;
}
export interface Tx {
  collection(name: string): TxCollection;
}

/** attempts of one transaction before a conflict is answered as CONFLICT (8 field phones sending at once all get through) */
export const TX_ATTEMPTS = 8;
const TX_BACKOFF_BASE_MS = 15;
const TX_BACKOFF_CAP_MS = 400;

export const CONFLICT_MESSAGE = '数据正被其他人同时修改，请稍后重试';

/** The SDK's error for a transaction that lost a race (the emulator and CloudBase both answer this code). */
export function isTransactionConflict(err: unknown): boolean {
  const e = err as { code?: unknown; errCode?: unknown; message?: unknown; errMsg?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.code === 'DATABASE_TRANSACTION_CONFLICT' || e.errCode === 'DATABASE_TRANSACTION_CONFLICT') return true;
  return /transaction conflict|TRANSACTION_CONFLICT/i.test(`${String(e.message ?? '')} ${String(e.errMsg ?? '')}`);
}

/** Full jitter: a random wait in [0, min(cap, base·2^attempt)], so racing phones spread out instead of colliding again. */
export function conflictBackoffMs(attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(TX_BACKOFF_CAP_MS, TX_BACKOFF_BASE_MS * 2 ** attempt));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Run `work` in a transaction; on a conflict it is re-run (bounded, jittered backoff), so it must only touch the database.
 * A conflict that outlasts every attempt is the stable CONFLICT refusal, never INTERNAL.
 */
export async function inTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      // retry 0: the SDK's own immediate re-runs would collide again at once; the backoff here replaces them
      return (await db.runTransaction(work, 0)) as T;
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (attempt + 1 >= TX_ATTEMPTS) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
      await sleep(conflictBackoffMs(attempt));
    }
  }
}

/** A document read by id inside a transaction; null when it does not exist. */
export async function txGet<T>(tx: Tx, collection: string, id: string): Promise<T | null> {
  try {
    const res = await tx.collection(collection).doc(id).get();
    return (res.data as T | null) ?? null;
  } catch (err) {
    if (String((err as { errMsg?: string })?.errMsg ?? err).includes('does not exist')) return null;
    throw err;
  }
}

/** Strip `_id` for set(): CloudBase refuses to write the id field itself. */
export function withoutId<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _drop, ...rest } = doc;
  return rest;
}
