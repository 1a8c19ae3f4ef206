// Households 户: added to a micro-grid under its cap, edited (incl. the priority-group flags), moved, marked moved out, listed by scope.
import type { HouseholdChange, HouseholdListItem, HouseholdView, HouseholdVisitor, MoveHouseholdResult, Page } from '../../../typings/org';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, forbidden } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf, requireGrid, requireHousehold } from '../../infra/orgRepo';
import { currentAssignmentWhere, householdWhere, loadVisibility } from '../../infra/orgScope';
import { findAll, findByIds, findPage, inTransaction, txGet, type Tx, type Where } from '../../infra/store';
import { canSeePhones } from '../../domain/org/access';
import { admitHousehold, gridSizeWarning } from '../../domain/org/gridCapacity';
import { isCurrent } from '../../domain/org/assignmentInterval';
import {
  addHouseholdSchema,
  listHouseholdsSchema,
  moveHouseholdSchema,
  setHouseholdActiveSchema,
  updateHouseholdSchema,
} from '../../domain/org/schemas';
import type { AssignmentRecord, GridRecord, HouseholdRecord, PersonRecord } from '../../domain/org/records';
import { currentVisitors, gridSizeView, householdListItem, householdView, NO_FLAGS } from '../../domain/org/views';
import { seesGrid, seesHousehold, seesVillage } from '../../domain/org/visibility';
import { requireManageVillage } from './grids';

function phonesFor(ctx: ActionContext, h: HouseholdRecord): boolean {
  const actor = actorOf(ctx);
  const ownHousehold = actor.grants.some((g) => g.role === 'villager' && g.scopeId === h._id);
  return ownHousehold || canSeePhones(actor.grants, actor.townshipId, h.villageId);
}

/** Read the grid inside the transaction and refuse a household beyond the cap; the count is then written in the same transaction. */
async function admitInto(tx: Tx, gridId: string): Promise<GridRecord> {
  const grid = await txGet<GridRecord>(tx, 'grids', gridId);
  if (!grid) throw new AppError('NOT_FOUND', '该微网格不存在');
  const admission = admitHousehold(grid.name, grid.householdCount);
  if (!admission.ok) throw new AppError('GRID_FULL', admission.message, 'gridId');
  return grid;
}

const sizeWarnings = (...grids: { name: string; householdCount: number }[]) =>
  grids.map((g) => gridSizeWarning(g.name, g.householdCount)).filter((w): w is string => !!w);

export const addHousehold = defineAction({
  schema: addHouseholdSchema,
  access: ['office', 'liaison'],
  run: (ctx, input) =>
    idempotent(ctx, 'addHousehold', async (): Promise<HouseholdChange> => {
      const target = await requireGrid(ctx, input.gridId);
      requireManageVillage(ctx, target.villageId);
      const fields = {
        townshipId: target.townshipId,
        villageId: target.villageId,
        gridId: target._id,
        address: input.address,
        headName: input.headName,
        members: input.members,
        location: input.location,
        vulnerability: { ...NO_FLAGS, ...input.vulnerability },
        active: true,
        movedOutAt: null,
        note: input.note,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      const { household, grid } = await inTransaction(ctx.db, async (tx) => {
        const grid = await admitInto(tx, target._id);
        const householdCount = grid.householdCount + 1;
        await tx
          .collection('grids')
          .doc(grid._id)
          .update({ data: { householdCount, updatedAt: ctx.now } });
        const { _id } = await tx.collection('households').add({ data: fields });
        const household: HouseholdRecord = { _id, ...fields };
        await writeAudit(tx, ctx, 'addHousehold', { collection: 'households', docId: _id, before: null, after: household });
        return { household, grid: { ...grid, householdCount } };
      });
      return { household: householdView(household, phonesFor(ctx, household)), grid: gridSizeView(grid) };
    }),
  warnings: (r) => sizeWarnings(r.grid),
});

export const updateHousehold = defineAction({
  schema: updateHouseholdSchema,
  access: ['office', 'liaison'],
  run: (ctx, input) =>
    idempotent(ctx, 'updateHousehold', async (): Promise<HouseholdView> => {
      const current = await requireHousehold(ctx, input.householdId);
      requireManageVillage(ctx, current.villageId);
      const { householdId, vulnerability, ...changes } = input;
      const patch: Partial<HouseholdRecord> = { updatedAt: ctx.now };
      for (const [k, v] of Object.entries(changes)) if (v !== undefined) (patch as Record<string, unknown>)[k] = v;
      if (vulnerability) patch.vulnerability = { ...NO_FLAGS, ...current.vulnerability, ...vulnerability };
      const after = await inTransaction(ctx.db, async (tx) => {
        const before = await txGet<HouseholdRecord>(tx, 'households', householdId);
        if (!before) throw new AppError('NOT_FOUND', '该农户不存在');
        const after: HouseholdRecord = { ...before, ...patch };
        await tx.collection('households').doc(householdId).update({ data: patch });
        await writeAudit(tx, ctx, 'updateHousehold', { collection: 'households', docId: householdId, before, after });
        return after;
      });
      return householdView(after, phonesFor(ctx, after));
    }),
});

/** The ids of a household's current assignments, read before the transaction (no queries inside one). */
async function currentAssignmentIds(ctx: ActionContext, householdId: string): Promise<string[]> {
  const rows = await findAll<AssignmentRecord>(ctx.db, 'assignments', currentAssignmentWhere(ctx, { householdId }));
  return rows.map((a) => a._id);
}

export const moveHousehold = defineAction({
  schema: moveHouseholdSchema,
  access: ['office', 'liaison'],
  run: (ctx, input) =>
    idempotent(ctx, 'moveHousehold', async (): Promise<MoveHouseholdResult> => {
      const current = await requireHousehold(ctx, input.householdId);
      const toGrid = await requireGrid(ctx, input.toGridId);
      requireManageVillage(ctx, current.villageId);
      requireManageVillage(ctx, toGrid.villageId);
      if (current.gridId === toGrid._id) throw new AppError('CONFLICT', '该农户已在这个微网格中', 'toGridId');
      const assignmentIds = await currentAssignmentIds(ctx, current._id);
      return inTransaction(ctx.db, async (tx) => {
        const before = await txGet<HouseholdRecord>(tx, 'households', current._id);
        if (!before) throw new AppError('NOT_FOUND', '该农户不存在');
        const from = await txGet<GridRecord>(tx, 'grids', before.gridId);
        if (!from) throw new AppError('NOT_FOUND', '原微网格不存在');
        // a moved-out household does not count against either grid
        const to = before.active ? await admitInto(tx, toGrid._id) : ((await txGet<GridRecord>(tx, 'grids', toGrid._id)) ?? toGrid);
        const delta = before.active ? 1 : 0;
        const fromAfter = { ...from, householdCount: from.householdCount - delta };
        const toAfter = { ...to, householdCount: to.householdCount + delta };
        await tx
          .collection('grids')
          .doc(from._id)
          .update({ data: { householdCount: fromAfter.householdCount, updatedAt: ctx.now } });
        await tx
          .collection('grids')
          .doc(to._id)
          .update({ data: { householdCount: toAfter.householdCount, updatedAt: ctx.now } });
        const after: HouseholdRecord = { ...before, gridId: to._id, villageId: to.villageId, updatedAt: ctx.now };
        await tx
          .collection('households')
          .doc(before._id)
          .update({ data: { gridId: to._id, villageId: to.villageId, updatedAt: ctx.now } });
        await writeAudit(tx, ctx, 'moveHousehold', { collection: 'households', docId: before._id, before, after });
        // the visitor keeps the household; its current assignments follow it so village-scoped reads stay right
        for (const id of assignmentIds) {
          await tx
            .collection('assignments')
            .doc(id)
            .update({ data: { gridId: to._id, villageId: to.villageId } });
        }
        return { household: householdView(after, phonesFor(ctx, after)), from: gridSizeView(fromAfter), to: gridSizeView(toAfter) };
      });
    }),
  warnings: (r) => sizeWarnings(r.from, r.to),
});

export const setHouseholdActive = defineAction({
  schema: setHouseholdActiveSchema,
  access: ['office', 'liaison'],
  run: (ctx, input) =>
    idempotent(ctx, 'setHouseholdActive', async (): Promise<HouseholdChange> => {
      const current = await requireHousehold(ctx, input.householdId);
      requireManageVillage(ctx, current.villageId);
      const assignmentIds = input.active ? [] : await currentAssignmentIds(ctx, current._id);
      return inTransaction(ctx.db, async (tx) => {
        const before = await txGet<HouseholdRecord>(tx, 'households', current._id);
        if (!before) throw new AppError('NOT_FOUND', '该农户不存在');
        const grid =
          input.active && !before.active ? await admitInto(tx, before.gridId) : await txGet<GridRecord>(tx, 'grids', before.gridId);
        if (!grid) throw new AppError('NOT_FOUND', '该农户所在的微网格不存在');
        if (before.active === input.active) return { household: householdView(before, phonesFor(ctx, before)), grid: gridSizeView(grid) };
        const householdCount = grid.householdCount + (input.active ? 1 : -1);
        await tx
          .collection('grids')
          .doc(grid._id)
          .update({ data: { householdCount, updatedAt: ctx.now } });
        const patch = { active: input.active, movedOutAt: input.active ? null : ctx.now, updatedAt: ctx.now };
        const after: HouseholdRecord = { ...before, ...patch };
        await tx.collection('households').doc(before._id).update({ data: patch });
        await writeAudit(tx, ctx, 'setHouseholdActive', {
          collection: 'households',
          docId: before._id,
          before,
          after,
          reason: input.reason,
        });
        // a household that moved out is no longer anyone's duty from this instant; the history stays
        for (const id of assignmentIds) {
          const a = await txGet<AssignmentRecord>(tx, 'assignments', id);
          if (!a) continue;
          const closed = { ...a, validTo: ctx.now, endReason: input.reason ?? '农户已迁出' };
          await tx
            .collection('assignments')
            .doc(id)
            .update({ data: { validTo: closed.validTo, endReason: closed.endReason } });
          await writeAudit(tx, ctx, 'setHouseholdActive', {
            collection: 'assignments',
            docId: id,
            before: a,
            after: closed,
            reason: closed.endReason,
          });
        }
        return { household: householdView(after, phonesFor(ctx, after)), grid: gridSizeView({ ...grid, householdCount }) };
      });
    }),
  warnings: (r) => (r.household.active ? [] : sizeWarnings(r.grid)),
});

/** The current visitor of each of these households: one query for their current assignments, one for the visitors' names. */
async function visitorsOf(ctx: ActionContext, townshipId: string, householdIds: readonly string[]): Promise<Map<string, HouseholdVisitor>> {
  if (!householdIds.length) return new Map();
  const where = currentAssignmentWhere(ctx, { townshipId, householdId: ctx.db.command.in([...householdIds]) });
  const assignments = await findAll<AssignmentRecord>(ctx.db, 'assignments', where);
  const live = assignments.filter((a) => isCurrent(a, ctx.now));
  const people = await findByIds<PersonRecord>(
    ctx.db,
    'persons',
    live.map((a) => a.visitorPersonId),
  );
  return currentVisitors(live, new Map(people.map((p) => [p._id, p.name])), ctx.now);
}

export const listHouseholds = defineAction({
  schema: listHouseholdsSchema,
  access: 'member',
  async run(ctx, input): Promise<Page<HouseholdListItem>> {
    const visibility = await loadVisibility(ctx);
    const _ = ctx.db.command;
    const filters: Where[] = [householdWhere(ctx, visibility)];
    if (input.villageId) {
      if (!seesVillage(visibility, input.villageId)) throw forbidden('您无权查看该村的农户');
      filters.push({ villageId: input.villageId });
    }
    if (input.gridId) {
      const grid = await requireGrid(ctx, input.gridId);
      if (!seesGrid(visibility, grid)) throw forbidden('您无权查看该微网格的农户');
      filters.push({ gridId: input.gridId });
    }
    if (!input.includeInactive) filters.push({ active: true });
    const page = await findPage<HouseholdRecord>(
      ctx.db,
      'households',
      _.and(filters),
      [
        ['gridId', 'asc'],
        ['createdAt', 'asc'],
        ['_id', 'asc'],
      ],
      input.page,
      input.pageSize,
    );
    const items = page.items.filter((h) => seesHousehold(visibility, h));
    const visitors = await visitorsOf(
      ctx,
      visibility.townshipId,
      items.map((h) => h._id),
    );
    return {
      items: items.map((h) => householdListItem(h, phonesFor(ctx, h), visitors.get(h._id) ?? null)),
      total: page.total,
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});
