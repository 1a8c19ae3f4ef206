// Who may manage or see what, decided from role grants alone (SPEC §1: every role is scoped).
import type { RoleGrant } from '../../../typings/roles';

export function isTownshipWide(grants: readonly RoleGrant[], townshipId: string): boolean {
  return grants.some((g) => (g.role === 'office' || g.role === 'discipline') && g.townshipId === townshipId);
}

export function isOffice(grants: readonly RoleGrant[], townshipId: string): boolean {
  return grants.some((g) => g.role === 'office' && g.townshipId === townshipId);
}

export function liaisonVillageIds(grants: readonly RoleGrant[]): string[] {
  return grants.filter((g) => g.role === 'liaison').map((g) => g.scopeId);
}

export function leaderGridIds(grants: readonly RoleGrant[]): string[] {
  return grants.filter((g) => g.role === 'gridLeader').map((g) => g.scopeId);
}

/** "明确各村网格员为本村…消防安全行动联络员": the village liaison keeps its village current; the office keeps all. */
export function canManageVillage(grants: readonly RoleGrant[], townshipId: string, villageId: string): boolean {
  return isOffice(grants, townshipId) || liaisonVillageIds(grants).includes(villageId);
}

/** Phone numbers in full only for those who must call people: the office, and the liaison of that village. */
export function canSeePhones(grants: readonly RoleGrant[], townshipId: string, villageId: string | null): boolean {
  if (isOffice(grants, townshipId)) return true;
  return villageId !== null && liaisonVillageIds(grants).includes(villageId);
}
