// Writes the programme part of the demo township (server/domain/programme/demo.ts); documents already there stay as they are.
import { programmeDemoDocs } from '../domain/programme/demo';
import type { Database } from './cloud';
import { findByIds } from './store';

export function seedProgrammeDemo(db: Database, townshipId: string): Promise<number> {
  return insertMissing(db, programmeDemoDocs(townshipId));
}

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
