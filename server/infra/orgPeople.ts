// People for the org handlers: grants placed in their villages and grids, the policy's decisions turned into refusals, and
// every person in a response shaped through the one exposure rule (domain/org/personExposure.ts).
import type { PersonView } from '../../typings/org';
import type { RoleGrant } from '../../typings/roles';
import type { AssignmentRecord, GridRecord, HouseholdRecord, PersonRecord } from '../domain/org/records';
import type { Decision, Granter, PlacedGrant, VisitorWork } from '../domain/org/grantPolicy';
import { exposedPersonView, exposure, type PersonPlacement } from '../domain/org/personExposure';
import { isCurrent } from '../domain/org/assignmentInterval';
import type { ActionContext } from './dispatch';
import type { Actor } from './auth';
import { AppError } from './errors';
import { actorOf, scopeNames } from './orgRepo';
import { currentAssignmentWhere } from './orgScope';
import { findAll, findByIds, type Where } from './store';

export const granterOf = (actor: Actor): Granter => ({ personId: actor.personId, townshipId: actor.townshipId, grants: actor.grants });

/** A refusal of the policy table, as FORBIDDEN with its Chinese reason. */
export function requireAllowed(decision: Decision, field?: string): void {
  if (!decision.allowed) throw new AppError('FORBIDDEN', decision.reason, field);
}

/** Each grant with the village and grid its scope lies in (households and grids read in one batch each). */
export async function placeGrants(ctx: ActionContext, grants: readonly RoleGrant[]): Promise<PlacedGrant[]> {
  const households = await findByIds<HouseholdRecord>(
    ctx.db,
    'households',
    grants.filter((g) => g.scopeType === 'household').map((g) => g.scopeId),
  );
  const grids = await findByIds<GridRecord>(
    ctx.db,
    'grids',
    grants.filter((g) => g.scopeType === 'grid').map((g) => g.scopeId),
  );
  const hh = new Map(households.map((h) => [h._id, h]));
  const gr = new Map(grids.map((g) => [g._id, g]));
  return grants.map((g) => {
    if (g.scopeType === 'household')
      return { ...g, villageId: hh.get(g.scopeId)?.villageId ?? null, gridId: hh.get(g.scopeId)?.gridId ?? null };
    if (g.scopeType === 'grid') return { ...g, villageId: gr.get(g.scopeId)?.villageId ?? null, gridId: g.scopeId };
    if (g.scopeType === 'village') return { ...g, villageId: g.scopeId, gridId: null };
    return { ...g, villageId: null, gridId: null };
  });
}

/** The households persons currently hold, optionally only in some villages. */
async function currentAssignments(
  ctx: ActionContext,
  personIds: readonly string[],
  villageIds?: readonly string[],
): Promise<AssignmentRecord[]> {
  if (!personIds.length) return [];
  const _ = ctx.db.command;
  const where: Where = { townshipId: actorOf(ctx).townshipId, visitorPersonId: _.in([...personIds]) };
  if (villageIds) where.villageId = _.in([...villageIds]);
  return (await findAll<AssignmentRecord>(ctx.db, 'assignments', currentAssignmentWhere(ctx, where))).filter((a) => isCurrent(a, ctx.now));
}

/** A visitor's work as the policy weighs it before its role is revoked. */
export async function visitorWork(ctx: ActionContext, person: PersonRecord): Promise<VisitorWork & { assignments: AssignmentRecord[] }> {
  const visitorGrants = await placeGrants(
    ctx,
    person.grants.filter((g) => g.role === 'visitor'),
  );
  const assignments = await currentAssignments(ctx, [person._id]);
  return { visitorGrants, assignedVillageIds: [...new Set(assignments.map((a) => a.villageId))], assignments };
}

/** Placements of many persons; only the assignments in the villages the caller is liaison of matter to what it sees. */
export async function placementsFor(ctx: ActionContext, persons: readonly PersonRecord[]): Promise<Map<string, PersonPlacement>> {
  const actor = actorOf(ctx);
  const placed = await placeGrants(
    ctx,
    persons.flatMap((p) => p.grants),
  );
  const liaisonOf = actor.grants.filter((g) => g.role === 'liaison').map((g) => g.scopeId);
  const assigned = liaisonOf.length
    ? await currentAssignments(
        ctx,
        persons.map((p) => p._id),
        liaisonOf,
      )
    : [];
  const out = new Map<string, PersonPlacement>();
  let i = 0;
  for (const p of persons) {
    const grants = placed.slice(i, i + p.grants.length);
    i += p.grants.length;
    out.set(p._id, {
      grants,
      assignedVillageIds: [...new Set(assigned.filter((a) => a.visitorPersonId === p._id).map((a) => a.villageId))],
    });
  }
  return out;
}

/** Persons shaped for the caller through the exposure rule; `listedOnly` drops those the caller could not list. */
export async function personViewsFor(
  ctx: ActionContext,
  persons: readonly PersonRecord[],
  listedOnly = false,
): Promise<{ views: PersonView[]; listed: PersonRecord[] }> {
  const viewer = granterOf(actorOf(ctx));
  const placements = await placementsFor(ctx, persons);
  const seen = persons
    .map((p) => ({ p, seen: exposure(viewer, p._id, placements.get(p._id)!) }))
    .filter((x) => !listedOnly || x.seen.listed);
  const names = await scopeNames(
    ctx,
    seen.flatMap((x) => x.seen.grants),
  );
  return { views: seen.map((x) => exposedPersonView(x.p, x.seen, names)), listed: seen.map((x) => x.p) };
}

export async function personViewFor(ctx: ActionContext, person: PersonRecord): Promise<PersonView> {
  return (await personViewsFor(ctx, [person])).views[0];
}
