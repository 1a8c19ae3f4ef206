// Stored shape of a spot-check sample (collection `spotChecks`): drawn once, then each household's check is filled in.
import type { VillagerSays } from '../../../typings/supervision';

export interface SpotCheckEntry {
  householdId: string;
  check: null | {
    says: VillagerSays;
    visitorSaid: string;
    visitDay: string;
    hazardsSeen: string;
    note: string;
    checkedBy: string;
    checkedByName: string;
    checkedAt: Date;
  };
}

export interface SpotCheckRecord {
  _id: string;
  townshipId: string;
  scope: { kind: 'village'; villageId: string } | { kind: 'visitor'; visitorPersonId: string };
  scopeLabel: string;
  fromDay: string;
  toDay: string;
  size: number;
  households: SpotCheckEntry[];
  drawnBy: string;
  drawnByName: string;
  drawnAt: Date;
  updatedAt: Date;
}
