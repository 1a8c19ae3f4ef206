// How much of a person a caller may see (SPEC §4: "A response never shows more of a person (phone, roles) than the caller
// could list"). One rule for listPersons and for every other response that carries a person.
import type { PersonView, RoleView } from '../../../typings/org';
import type { RoleGrant } from '../../../typings/roles';
import { canSeePhones, isOffice, isTownshipWide, liaisonVillageIds } from './access';
import { mayGrant, type Granter, type PlacedGrant } from './grantPolicy';
import { maskPhone } from './phoneMask';
import { roleView } from './views';

/** Where a person's work lies: its grants placed in villages and grids, and the villages where it holds households now. */
export interface PersonPlacement {
  grants: readonly PlacedGrant[];
  /** at least the villages the viewer is liaison of, where the person currently holds households */
  assignedVillageIds: readonly string[];
}

export interface Exposure {
  /** listPersons would list this person to the viewer */
  listed: boolean;
  phone: 'full' | 'masked' | 'none';
  grants: readonly RoleGrant[];
}

/**
 * "明确各村网格员为本村…联络员": the office and the discipline office list the whole township, a liaison the people of its
 * village (a grant there or households held there); phones in full for the office and that liaison (masked for the
 * discipline office). A person the viewer could not list shows no phone and only the roles the viewer may itself grant.
 */
export function exposure(viewer: Granter, personId: string, placement: PersonPlacement): Exposure {
  if (personId === viewer.personId) return { listed: true, phone: 'full', grants: placement.grants };
  const townshipId = viewer.townshipId;
  if (isTownshipWide(viewer.grants, townshipId))
    return { listed: true, phone: isOffice(viewer.grants, townshipId) ? 'full' : 'masked', grants: placement.grants };
  const mine = new Set(liaisonVillageIds(viewer.grants));
  const villages = new Set(
    [...placement.grants.map((g) => g.villageId), ...placement.assignedVillageIds].filter((v): v is string => v !== null && mine.has(v)),
  );
  if (villages.size > 0) {
    const full = [...villages].some((v) => canSeePhones(viewer.grants, townshipId, v));
    return { listed: true, phone: full ? 'full' : 'masked', grants: placement.grants };
  }
  return { listed: false, phone: 'none', grants: placement.grants.filter((g) => mayGrant(viewer, g)) };
}

export interface PersonFacts {
  _id: string;
  name: string;
  phone: string | null;
  openid: string | null;
  active: boolean;
}

/** The person as the page renders it, through its exposure; `names` reads each scope id. */
export function exposedPersonView(p: PersonFacts, seen: Exposure, names: ReadonlyMap<string, string>): PersonView {
  const phone = seen.phone === 'full' ? p.phone : seen.phone === 'masked' ? maskPhone(p.phone) : null;
  const roles: RoleView[] = seen.grants.map((g) => roleView(g, names.get(g.scopeId) ?? ''));
  return { id: p._id, name: p.name, phone, bound: !!p.openid, active: p.active, roles };
}
