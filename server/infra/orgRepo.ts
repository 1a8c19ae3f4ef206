// Reading the organisation tree for the `org` handlers: a record outside the caller's township is treated as absent.
import type { RoleGrant } from '../../typings/roles';
import type { GridRecord, HouseholdRecord, PersonRecord, TownshipRecord, VillageRecord } from '../domain/org/records';
import type { ActionContext } from './dispatch';
import { AppError, notFound } from './errors';
import type { Actor } from './auth';
import { findAll, findByIds, getById } from './store';
import { DEPARTMENT_LABELS, isDepartment } from '../domain/place/placeTypes';

function townshipOf(ctx: ActionContext): string {
  return ctx.actor?.townshipId ?? '';
}

async function requireIn<T extends { townshipId: string }>(ctx: ActionContext, collection: string, id: string, what: string): Promise<T> {
  const doc = await getById<T>(ctx.db, collection, id);
  if (!doc || doc.townshipId !== townshipOf(ctx)) throw notFound(what);
  return doc;
}

export const requireVillage = (ctx: ActionContext, id: string) => requireIn<VillageRecord>(ctx, 'villages', id, '该村（社区）');
export const requireGrid = (ctx: ActionContext, id: string) => requireIn<GridRecord>(ctx, 'grids', id, '该微网格');
export const requireHousehold = (ctx: ActionContext, id: string) => requireIn<HouseholdRecord>(ctx, 'households', id, '该农户');
export const requirePerson = (ctx: ActionContext, id: string) => requireIn<PersonRecord>(ctx, 'persons', id, '该人员');

export async function requireTownship(ctx: ActionContext): Promise<TownshipRecord> {
  const t = await getById<TownshipRecord>(ctx.db, 'townships', townshipOf(ctx));
  if (!t) throw notFound('所属乡镇');
  return t;
}

/** Readable names for grant scopes ("三江村 / 第1网格 / 三江村一组12号"), loaded in a few batched queries. */
export async function scopeNames(
  ctx: ActionContext,
  grants: readonly Pick<RoleGrant, 'scopeType' | 'scopeId'>[],
): Promise<Map<string, string>> {
  const ids = (t: string) => grants.filter((g) => g.scopeType === t).map((g) => g.scopeId);
  const households = await findByIds<HouseholdRecord>(ctx.db, 'households', ids('household'));
  const grids = await findByIds<GridRecord>(ctx.db, 'grids', [...ids('grid'), ...households.map((h) => h.gridId)]);
  const villages = await findByIds<VillageRecord>(ctx.db, 'villages', [...ids('village'), ...grids.map((g) => g.villageId)]);
  const townships = await findByIds<TownshipRecord>(ctx.db, 'townships', ids('township'));
  const villageName = new Map(villages.map((v) => [v._id, v.name]));
  const gridName = new Map(grids.map((g) => [g._id, `${villageName.get(g.villageId) ?? ''} / ${g.name}`]));
  const names = new Map<string, string>();
  for (const t of townships) names.set(t._id, t.name);
  for (const v of villages) names.set(v._id, v.name);
  for (const g of grids) names.set(g._id, gridName.get(g._id)!);
  for (const h of households) names.set(h._id, `${gridName.get(h.gridId) ?? ''} / ${h.address}`);
  for (const d of ids('department')) if (isDepartment(d)) names.set(d, DEPARTMENT_LABELS[d]);
  return names;
}

/** The bound caller; dispatch has already refused unbound callers for every non-anonymous action. */
export function actorOf(ctx: ActionContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', '请先通过邀请码加入您的网格');
  return ctx.actor;
}

/** The active grid leaders of a grid (one by the seed's rule; more are possible while a role is being handed over). */
export async function gridLeadersOf(ctx: ActionContext, townshipId: string, gridId: string): Promise<PersonRecord[]> {
  const rows = await findAll<PersonRecord>(ctx.db, 'persons', { townshipId, active: true, 'grants.scopeId': gridId });
  return rows.filter((p) => p.grants.some((g) => g.role === 'gridLeader' && g.scopeId === gridId));
}

/** Village names by id, for rows that show their village (one batched read). */
export async function villageNamesOf(ctx: ActionContext, ids: readonly string[]): Promise<Map<string, string>> {
  return new Map((await findByIds<VillageRecord>(ctx.db, 'villages', [...ids])).map((v) => [v._id, v.name]));
}
