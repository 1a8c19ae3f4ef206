// Insert a document with a deterministic _id exactly once: concurrent or repeated runs find it and do nothing.
import type { Database } from './cloud';
import type { ActionContext } from './dispatch';
import { auditRecord } from './audit';
import { findByIds, getById } from './store';

/** true when this call created the document, false when it already existed */
export async function createOnce(db: Database, collection: string, doc: { _id: string } & Record<string, unknown>): Promise<boolean> {
  if (await getById(db, collection, doc._id)) return false;
  try {
    await db.collection(collection).add({ data: doc });
    return true;
  } catch (err) {
    if (await getById(db, collection, doc._id)) return false;
    throw err;
  }
}

/** documents inserted by one request: a county's 3,000 draft cases are a handful of requests, not thousands */
const INSERT_BATCH = 100;

/**
 * Insert documents with deterministic ids that are not there yet, each with its audit record, in batches: one read of
 * which exist, then one insert per batch for the documents and one for their audit records. A batch that meets a twin
 * run's document (a duplicate id) falls back to one insert at a time. Returns how many this call created.
 */
export async function createAllOnce<T extends { _id: string }>(
  ctx: ActionContext,
  collection: string,
  docs: readonly T[],
  action: string,
): Promise<number> {
  const existing = new Set(
    (
      await findByIds<{ _id: string }>(
        ctx.db,
        collection,
        docs.map((d) => d._id),
      )
    ).map((d) => d._id),
  );
  const missing = docs.filter((d) => !existing.has(d._id));
  let created = 0;
  for (let i = 0; i < missing.length; i += INSERT_BATCH) {
    const batch = missing.slice(i, i + INSERT_BATCH);
    let made: T[] = batch;
    try {
      await ctx.db.collection(collection).add({ data: batch.map((d) => ({ ...d })) as unknown as Record<string, unknown> });
    } catch (err) {
      if (
        !/DUPLICATE|duplicate/.test(
          `${String((err as { errCode?: unknown })?.errCode ?? '')} ${String((err as { message?: unknown })?.message ?? '')} ${String((err as { errMsg?: unknown })?.errMsg ?? '')}`,
        )
      )
        throw err;
      made = [];
      for (const d of batch) if (await createOnce(ctx.db, collection, { ...d })) made.push(d);
    }
    if (made.length)
      await ctx.db.collection('audit').add({
        data: made.map((d) => ({
          ...auditRecord(ctx, action, { collection, docId: d._id, before: null, after: d }),
        })) as unknown as Record<string, unknown>,
      });
    created += made.length;
  }
  return created;
}
