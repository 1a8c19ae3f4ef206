// Loads what the caller may see (domain/org/visibility.ts) from its grants and, for visitors, its current assignments.
import type { AssignmentRecord, GridRecord, HouseholdRecord } from '../domain/org/records';
import { isTownshipWide } from '../domain/org/access';
import { isCurrent } from '../domain/org/assignmentInterval';
import type { Visibility } from '../domain/org/visibility';
import type { ActionContext } from './dispatch';
import { AppError } from './errors';
import { findAll, findByIds, type Where } from './store';

export async function loadVisibility(ctx: ActionContext): Promise<Visibility> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先通过邀请码加入您的网格');
  const townshipId = actor.townshipId;
  const all = isTownshipWide(actor.grants, townshipId);
  const villageIds = new Set<string>();
  const gridIds = new Set<string>();
  const householdIds = new Set<string>();
  const listed = new Set<string>();
  if (!all) {
    for (const g of actor.grants) {
      if (g.role === 'liaison') villageIds.add(g.scopeId);
      if (g.role === 'gridLeader') gridIds.add(g.scopeId);
      if (g.role === 'villager') householdIds.add(g.scopeId);
    }
    if (actor.grants.some((g) => g.role === 'visitor')) {
      // "明确走访人的责任范围": a visitor reads the villages of the households it currently holds
      const held = await findAll<AssignmentRecord>(
        ctx.db,
        'assignments',
        currentAssignmentWhere(ctx, { townshipId, visitorPersonId: actor.personId }),
      );
      for (const a of held) if (isCurrent(a, ctx.now)) villageIds.add(a.villageId);
    }
    for (const v of villageIds) listed.add(v);
    for (const g of await findByIds<GridRecord>(ctx.db, 'grids', [...gridIds])) listed.add(g.villageId);
    for (const h of await findByIds<HouseholdRecord>(ctx.db, 'households', [...householdIds])) listed.add(h.villageId);
  }
  return { townshipId, all, villageIds, gridIds, householdIds, listedVillageIds: listed };
}

/** The database condition matching exactly the households a Visibility allows. */
export function householdWhere(ctx: ActionContext, v: Visibility): Where {
  const _ = ctx.db.command;
  if (v.all) return { townshipId: v.townshipId };
  const any: Where[] = [];
  if (v.villageIds.size) any.push({ villageId: _.in([...v.villageIds]) });
  if (v.gridIds.size) any.push({ gridId: _.in([...v.gridIds]) });
  if (v.householdIds.size) any.push({ _id: _.in([...v.householdIds]) });
  if (!any.length) return { townshipId: v.townshipId, _id: _.in([]) };
  return _.and([{ townshipId: v.townshipId }, any.length === 1 ? any[0] : _.or(any)]);
}

/** Assignments matching `where` that are still valid now or later (validTo null or in the future). */
export function currentAssignmentWhere(ctx: ActionContext, where: Where): Where {
  const _ = ctx.db.command;
  return _.and([where, _.or([{ validTo: null }, { validTo: _.gt(ctx.now) }])]);
}
