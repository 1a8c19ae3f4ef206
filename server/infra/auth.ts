// Identity comes only from the OPENID the runtime injects; roles and scopes come from the persons collection.
import type { RoleGrant, Role } from '../../typings/roles';
import { rows, type Database } from './cloud';

export interface Actor {
  personId: string;
  name: string;
  townshipId: string;
  grants: RoleGrant[];
}

export async function loadActor(db: Database, openid: string): Promise<Actor | null> {
  const res = await db.collection('persons').where({ openid, active: true }).limit(1).get();
  const p = rows<{ _id: string; name: string; townshipId: string; grants: RoleGrant[] }>(res)[0];
  if (!p) return null;
  return { personId: p._id, name: p.name, townshipId: p.townshipId, grants: p.grants ?? [] };
}

export function grantsOf(actor: Actor, role: Role): RoleGrant[] {
  return actor.grants.filter((g) => g.role === role);
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.grants.some((g) => roles.includes(g.role));
}
