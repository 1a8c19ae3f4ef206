// What part of the township a caller may read: the office and the discipline office all of it, a liaison its village,
// a visitor the villages where it currently holds households, a grid leader its grid, a villager its own household.

export interface Visibility {
  townshipId: string;
  all: boolean;
  /** whole villages: every grid and household in them */
  villageIds: ReadonlySet<string>;
  /** whole grids */
  gridIds: ReadonlySet<string>;
  /** single households */
  householdIds: ReadonlySet<string>;
  /** villages that appear in the caller's village list (those above, plus the villages of its grids and household) */
  listedVillageIds: ReadonlySet<string>;
}

interface Placed {
  _id: string;
  townshipId: string;
  villageId: string;
}

export function seesVillage(v: Visibility, villageId: string): boolean {
  return v.all || v.listedVillageIds.has(villageId);
}

export function seesGrid(v: Visibility, grid: Placed): boolean {
  if (grid.townshipId !== v.townshipId) return false;
  return v.all || v.villageIds.has(grid.villageId) || v.gridIds.has(grid._id);
}

export function seesHousehold(v: Visibility, household: Placed & { gridId: string }): boolean {
  if (household.townshipId !== v.townshipId) return false;
  return v.all || v.villageIds.has(household.villageId) || v.gridIds.has(household.gridId) || v.householdIds.has(household._id);
}

export function seesNothing(v: Visibility): boolean {
  return !v.all && v.villageIds.size === 0 && v.gridIds.size === 0 && v.householdIds.size === 0;
}
