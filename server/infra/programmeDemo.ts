// Writes parts of the demo township kept beside their domain (server/domain/programme/demo.ts, resident/demo.ts);
// documents already there stay as they are.
import { programmeDemoDocs } from '../domain/programme/demo';
import { whistleDemoDocs } from '../domain/resident/demo';
import type { Database } from './cloud';
import { findByIds } from './store';

/** Insert every document not there yet, collection by collection, in batches; those present stay exactly as they are. */
export async function insertMissing<D extends object>(db: Database, docs: D): Promise<number> {
  let inserted = 0;
  for (const collection of Object.keys(docs) as (keyof D & string)[]) {
    const wanted = docs[collection] as { _id: string }[];
    const present = new Set(
      (
        await findByIds<{ _id: string }>(
          db,
          collection,
          wanted.map((d) => d._id),
        )
      ).map((d) => d._id),
    );
    const missing = wanted.filter((d) => !present.has(d._id));
    // 100 documents a request: the demo's few hundred places go in a handful of requests
    for (let i = 0; i < missing.length; i += 100) {
      await db.collection(collection).add({ data: missing.slice(i, i + 100).map((d) => ({ ...d })) as unknown as Record<string, unknown> });
    }
    inserted += missing.length;
  }
  return inserted;
}

export function seedProgrammeDemo(db: Database, townshipId: string): Promise<number> {
  return insertMissing(db, { ...programmeDemoDocs(townshipId) });
}

/** `npm start` only: reports as if villagers had used the product, for the pages that oversee them. */
export function seedActivityDemo(db: Database, townshipId: string): Promise<number> {
  return insertMissing(db, { ...whistleDemoDocs(townshipId) });
}
