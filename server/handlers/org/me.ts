// `me`: who the caller is and what its role-aware home page shows; an unbound caller learns only that it is unbound.
import type { HomeCard, MeResult, PendingVisitView, TownshipView } from '../../../typings/org';
import type { RoleGrant } from '../../../typings/roles';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { getById, count, findAll, findByIds } from '../../infra/store';
import { gridLeadersOf, requireTownship, scopeNames } from '../../infra/orgRepo';
import { currentAssignmentWhere } from '../../infra/orgScope';
import { GRID_MIN_HOUSEHOLDS } from '../../domain/org/gridCapacity';
import { meSchema } from '../../domain/org/schemas';
import type { AssignmentRecord, GridRecord, HouseholdRecord, PersonRecord, VillageRecord } from '../../domain/org/records';
import { gridSizeView, roleView } from '../../domain/org/views';
import { isCurrent } from '../../domain/org/assignmentInterval';
import type { VisitRecord } from '../../domain/visit/records';
import { CONFIRM_PROMPT_DAYS, CONFIRM_PROMPT_MAX } from '../../domain/visit/proof';
import { DAY_MS } from '../../domain/time/cst';

async function villagerCard(ctx: ActionContext, g: RoleGrant): Promise<HomeCard> {
  const h = await getById<HouseholdRecord>(ctx.db, 'households', g.scopeId);
  if (!h) return { role: 'villager', household: null };
  const [grid, village] = await Promise.all([
    getById<GridRecord>(ctx.db, 'grids', h.gridId),
    getById<VillageRecord>(ctx.db, 'villages', h.villageId),
  ]);
  const [leader] = await gridLeadersOf(ctx, h.townshipId, h.gridId);
  return {
    role: 'villager',
    household: {
      id: h._id,
      address: h.address,
      gridName: grid?.name ?? '',
      villageName: village?.name ?? '',
      leaderName: leader?.name ?? null,
      pendingVisits: await pendingVisitsOf(ctx, h._id),
    },
  };
}

/** Recent visits to the household it has not confirmed yet ("确认走访人来过"), newest first, for the home page. */
async function pendingVisitsOf(ctx: ActionContext, householdId: string): Promise<PendingVisitView[]> {
  const since = new Date(ctx.now.getTime() - CONFIRM_PROMPT_DAYS * DAY_MS);
  const visits = (await findAll<VisitRecord>(ctx.db, 'visits', { householdId, at: ctx.db.command.gte(since) }))
    .filter((v) => !v.proofs.includes('villagerConfirm'))
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())
    .slice(0, CONFIRM_PROMPT_MAX);
  const names = new Map(
    (
      await findByIds<PersonRecord>(
        ctx.db,
        'persons',
        visits.map((v) => v.visitorPersonId),
      )
    ).map((p) => [p._id, p.name]),
  );
  return visits.map((v) => ({ id: v._id, at: new Date(v.at).toISOString(), visitorName: names.get(v.visitorPersonId) ?? '' }));
}

async function gridLeaderCard(ctx: ActionContext, g: RoleGrant): Promise<HomeCard | null> {
  const grid = await getById<GridRecord>(ctx.db, 'grids', g.scopeId);
  if (!grid) return null;
  const village = await getById<VillageRecord>(ctx.db, 'villages', grid.villageId);
  const households = await findAll<HouseholdRecord>(ctx.db, 'households', { gridId: grid._id, active: true });
  return {
    role: 'gridLeader',
    grid: { ...gridSizeView(grid), villageName: village?.name ?? '' },
    households: households.map((h) => ({ id: h._id, address: h.address, headName: h.headName })),
  };
}

async function visitorCard(ctx: ActionContext, personId: string, townshipId: string): Promise<HomeCard> {
  const held = (
    await findAll<AssignmentRecord>(ctx.db, 'assignments', currentAssignmentWhere(ctx, { townshipId, visitorPersonId: personId }))
  ).filter((a) => isCurrent(a, ctx.now));
  const villages = await findByIds<VillageRecord>(
    ctx.db,
    'villages',
    held.map((a) => a.villageId),
  );
  return {
    role: 'visitor',
    assignedHouseholds: new Set(held.map((a) => a.householdId)).size,
    villages: villages.map((v) => ({
      id: v._id,
      name: v.name,
      households: new Set(held.filter((a) => a.villageId === v._id).map((a) => a.householdId)).size,
    })),
  };
}

async function liaisonCard(ctx: ActionContext, g: RoleGrant): Promise<HomeCard | null> {
  const village = await getById<VillageRecord>(ctx.db, 'villages', g.scopeId);
  if (!village) return null;
  const grids = await findAll<GridRecord>(ctx.db, 'grids', { villageId: village._id });
  const households = await findAll<HouseholdRecord>(ctx.db, 'households', { villageId: village._id, active: true });
  const held = new Set(
    (await findAll<AssignmentRecord>(ctx.db, 'assignments', currentAssignmentWhere(ctx, { villageId: village._id })))
      .filter((a) => isCurrent(a, ctx.now))
      .map((a) => a.householdId),
  );
  return {
    role: 'liaison',
    village: { id: village._id, name: village.name },
    grids: grids.length,
    households: households.length,
    unassignedHouseholds: households.filter((h) => !held.has(h._id)).length,
    gridsUnderMinimum: grids.filter((x) => x.householdCount < GRID_MIN_HOUSEHOLDS).length,
  };
}

async function officeCard(ctx: ActionContext, townshipId: string): Promise<HomeCard> {
  const [villages, grids, households, visitors] = await Promise.all([
    count(ctx.db, 'villages', { townshipId }),
    count(ctx.db, 'grids', { townshipId }),
    count(ctx.db, 'households', { townshipId, active: true }),
    count(ctx.db, 'persons', { townshipId, active: true, 'grants.role': 'visitor' }),
  ]);
  return { role: 'office', villages, grids, households, visitors };
}

async function homeCards(ctx: ActionContext, personId: string, grants: RoleGrant[], township: TownshipView): Promise<HomeCard[]> {
  const cards: (HomeCard | null)[] = [];
  // one card per township-wide role, one per scoped grant
  const seen = new Set<string>();
  for (const g of grants) {
    if (g.scopeType === 'township' && seen.has(g.role)) continue;
    seen.add(g.role);
    if (g.role === 'villager') cards.push(await villagerCard(ctx, g));
    else if (g.role === 'gridLeader') cards.push(await gridLeaderCard(ctx, g));
    else if (g.role === 'visitor') cards.push(await visitorCard(ctx, personId, township.id));
    else if (g.role === 'liaison') cards.push(await liaisonCard(ctx, g));
    else if (g.role === 'office') cards.push(await officeCard(ctx, township.id));
    else cards.push({ role: g.role, township });
  }
  return cards.filter((c): c is HomeCard => c !== null);
}

export const me = defineAction({
  schema: meSchema,
  access: 'anonymous',
  async run(ctx): Promise<MeResult> {
    if (!ctx.actor) return { bound: false, openid: ctx.openid };
    const person = await getById<PersonRecord>(ctx.db, 'persons', ctx.actor.personId);
    if (!person) return { bound: false, openid: ctx.openid };
    const t = await requireTownship(ctx);
    const township = { id: t._id, name: t.name };
    const names = await scopeNames(ctx, person.grants);
    return {
      bound: true,
      // your own number is never masked to you
      person: { id: person._id, name: person.name, phone: person.phone },
      township,
      roles: person.grants.map((g) => roleView(g, names.get(g.scopeId) ?? '')),
      home: await homeCards(ctx, person._id, person.grants, township),
    };
  },
});
