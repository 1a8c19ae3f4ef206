// Writes the programme part of the demo township (server/domain/programme/demo.ts); documents already there stay as they are.
import { programmeDemoDocs, type ProgrammeDemoDocs } from '../domain/programme/demo';
import type { Database } from './cloud';
import { findByIds } from './store';

export async function seedProgrammeDemo(db: Database, townshipId: string): Promise<number> {
  const docs = programmeDemoDocs(townshipId);
  let inserted = 0;
  for (const collection of Object.keys(docs) as (keyof ProgrammeDemoDocs)[]) {
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
    for (const doc of wanted) {
      if (present.has(doc._id)) continue;
      await db.collection(collection).add({ data: { ...doc } });
      inserted += 1;
    }
  }
  return inserted;
}
