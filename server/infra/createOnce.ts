// Insert a document with a deterministic _id exactly once: concurrent or repeated runs find it and do nothing.
import type { Database } from './cloud';
import { getById } from './store';

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
