// Who may work or read a micro-grid's weekly contact: the grid leader its own grid, the liaison its village, the office all.
import type { RoleGrant } from '../../../typings/roles';
import { isOffice, leaderGridIds, liaisonVillageIds } from '../org/access';

interface PlacedGrid {
  _id: string;
  townshipId: string;
  villageId: string;
}

export function leadsGrid(grants: readonly RoleGrant[], gridId: string): boolean {
  return leaderGridIds(grants).includes(gridId);
}

export function canReadGridWeek(grants: readonly RoleGrant[], townshipId: string, grid: PlacedGrid): boolean {
  if (grid.townshipId !== townshipId) return false;
  return isOffice(grants, townshipId) || liaisonVillageIds(grants).includes(grid.villageId) || leadsGrid(grants, grid._id);
}

export function canReadVillageWeek(
  grants: readonly RoleGrant[],
  townshipId: string,
  village: { _id: string; townshipId: string },
): boolean {
  if (village.townshipId !== townshipId) return false;
  return isOffice(grants, townshipId) || liaisonVillageIds(grants).includes(village._id);
}

/** The one scope id a caller means when it leaves it out: its only grid (or village); null when it has none or several. */
export function soleScope(ids: readonly string[]): string | null {
  const unique = [...new Set(ids)];
  return unique.length === 1 ? unique[0] : null;
}

/** The grid a leader means when they leave it out: their only one, or the first of several by id (the page remembers a choice). */
export function defaultLeaderGrid(grants: readonly RoleGrant[]): string | null {
  return [...new Set(leaderGridIds(grants))].sort()[0] ?? null;
}
