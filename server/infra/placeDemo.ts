// Writes the places part of the demo township (server/domain/place/demo.ts), dated from the clock at the first seed;
// documents already there stay as they are.
import { placeDemoDocs } from '../domain/place/demo';
import type { Database } from './cloud';
import { now } from './clock';
import { insertMissing } from './programmeDemo';

export function seedPlaceDemo(db: Database, townshipId: string, villages: readonly { id: string; name: string }[]): Promise<number> {
  return insertMissing(db, placeDemoDocs(townshipId, villages, now()));
}
