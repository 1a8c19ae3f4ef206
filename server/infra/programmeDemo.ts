// Writes parts of the demo township kept beside their domain (server/domain/programme/demo.ts, resident/demo.ts);
// documents already there stay as they are.
import { programmeDemoDocs } from '../domain/programme/demo';
import { whistleDemoDocs } from '../domain/resident/demo';
import type { Database } from './cloud';
import { findByIds } from './store';

async function insertMissing(db: Database, docs: Record<string, { _id: string }[]>): Promise<number> {
  let inserted = 0;
  for (const [collection, wanted] of Object.entries(docs)) {
    const present = new Set(
      (
        await findByIds<{ _id: string }>(
          db,
          collection,
          wanted.map((d) => d._id),
        )
      ).map((d) => d._id),
    );
    for (const doc of wanted) {
      if (present.has(doc._id)) continue;
      await db.collection(collection).add({ data: { ...doc } });
      inserted += 1;
    }
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
