// The township dashboard's row per village (SPEC §8), computed from plain records with no I/O.
import type { Period } from '../quota/campaign';
import type { HazardNumbers } from '../visit/hazardNumbers';
import type { VillageRow } from '../../../typings/dashboard';

export type { VillageRow };

export interface VillageInputs {
  village: { _id: string; name: string };
  activeHouseholdIds: string[];
  grids: number;
  /** current holder of each active household */
  holderOf: Map<string, string>;
  countedOf: Map<string, number>;
  visitorsWithOpenCases: Set<string>;
  contactedHouseholdIds: Set<string>;
  hazards: HazardNumbers | undefined;
}

const pct = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

export function villageRow(input: VillageInputs, period: Period | undefined): VillageRow {
  const held = input.activeHouseholdIds.filter((h) => input.holderOf.has(h));
  const done = period ? held.filter((h) => (input.countedOf.get(h) ?? 0) >= period.quota).length : 0;
  const visitors = new Set(held.map((h) => input.holderOf.get(h)!));
  return {
    villageId: input.village._id,
    villageName: input.village.name,
    households: input.activeHouseholdIds.length,
    grids: input.grids,
    visitors: visitors.size,
    householdsDone: done,
    householdsHeld: held.length,
    completionPct: period ? pct(done, held.length) : null,
    overdueVisitors: [...visitors].filter((v) => input.visitorsWithOpenCases.has(v)).length,
    weeklyContactPct: pct(
      input.activeHouseholdIds.filter((h) => input.contactedHouseholdIds.has(h)).length,
      input.activeHouseholdIds.length,
    ),
    hazards: {
      found: input.hazards?.found ?? 0,
      rectified: input.hazards?.rectified ?? 0,
      open: input.hazards?.open ?? 0,
      overdue: input.hazards?.overdue ?? 0,
    },
  };
}
