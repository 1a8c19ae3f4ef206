// Micro-grids 微网格 inside a village: created by the office or the village's liaison, listed within the caller's scope.
import type { GridView } from '../../../typings/org';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, forbidden } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf, requireGrid, requireVillage } from '../../infra/orgRepo';
import { loadVisibility } from '../../infra/orgScope';
import { findAll, findOne, inTransaction } from '../../infra/store';
import { canManageVillage } from '../../domain/org/access';
import { gridSizeWarning } from '../../domain/org/gridCapacity';
import { createGridSchema, listGridsSchema, updateGridSchema } from '../../domain/org/schemas';
import type { GridRecord, PersonRecord, VillageRecord } from '../../domain/org/records';
import { seesGrid, seesVillage } from '../../domain/org/visibility';

export function requireManageVillage(ctx: ActionContext, villageId: string): void {
  const actor = actorOf(ctx);
  if (!canManageVillage(actor.grants, actor.townshipId, villageId)) throw forbidden('您只能管理本村的微网格和农户');
}

async function refuseDuplicateName(ctx: ActionContext, villageId: string, name: string, exceptId?: string): Promise<void> {
  const same = await findOne<GridRecord>(ctx.db, 'grids', { villageId, name });
  if (same && same._id !== exceptId) throw new AppError('CONFLICT', `本村已有名为“${name}”的微网格`, 'name');
}

export const createGrid = defineAction({
  schema: createGridSchema,
  access: ['office', 'liaison'],
  run: (ctx, input) =>
    idempotent(ctx, 'createGrid', async (): Promise<GridView> => {
      const village = await requireVillage(ctx, input.villageId);
      requireManageVillage(ctx, village._id);
      await refuseDuplicateName(ctx, village._id, input.name);
      const record = {
        townshipId: village.townshipId,
        villageId: village._id,
        name: input.name,
        householdCount: 0,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      const id = await inTransaction(ctx.db, async (tx) => {
        const { _id } = await tx.collection('grids').add({ data: record });
        await writeAudit(tx, ctx, 'createGrid', { collection: 'grids', docId: _id, before: null, after: { _id, ...record } });
        return _id;
      });
      return {
        id,
        townshipId: village.townshipId,
        villageId: village._id,
        villageName: village.name,
        name: input.name,
        householdCount: 0,
        leaderPersonId: null,
        leaderName: null,
      };
    }),
  warnings: (grid) => [gridSizeWarning(grid.name, grid.householdCount)].filter((w): w is string => !!w),
});

export const updateGrid = defineAction({
  schema: updateGridSchema,
  access: ['office', 'liaison'],
  async run(ctx, input) {
    const before = await requireGrid(ctx, input.gridId);
    requireManageVillage(ctx, before.villageId);
    if (before.name !== input.name) await refuseDuplicateName(ctx, before.villageId, input.name, before._id);
    const after: GridRecord = { ...before, name: input.name, updatedAt: ctx.now };
    await inTransaction(ctx.db, async (tx) => {
      await tx
        .collection('grids')
        .doc(before._id)
        .update({ data: { name: input.name, updatedAt: ctx.now } });
      await writeAudit(tx, ctx, 'updateGrid', { collection: 'grids', docId: before._id, before, after });
    });
    return { id: after._id, name: after.name };
  },
});

export const listGrids = defineAction({
  schema: listGridsSchema,
  access: 'member',
  async run(ctx, input): Promise<GridView[]> {
    const visibility = await loadVisibility(ctx);
    const townshipId = visibility.townshipId;
    if (input.villageId && !seesVillage(visibility, input.villageId)) throw forbidden('您无权查看该村的微网格');
    const where = input.villageId ? { townshipId, villageId: input.villageId } : { townshipId };
    const grids = (await findAll<GridRecord>(ctx.db, 'grids', where)).filter((g) => seesGrid(visibility, g));
    const villages = new Map((await findAll<VillageRecord>(ctx.db, 'villages', { townshipId })).map((v) => [v._id, v.name]));
    const leaders = await findAll<PersonRecord>(ctx.db, 'persons', { townshipId, active: true, 'grants.role': 'gridLeader' });
    return grids
      .map((g) => {
        const leader = leaders.find((p) => p.grants.some((x) => x.role === 'gridLeader' && x.scopeId === g._id));
        return {
          id: g._id,
          townshipId,
          villageId: g.villageId,
          villageName: villages.get(g.villageId) ?? '',
          name: g.name,
          householdCount: g.householdCount,
          leaderPersonId: leader?._id ?? null,
          leaderName: leader?.name ?? null,
        };
      })
      .sort((a, b) => a.villageName.localeCompare(b.villageName, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
  },
});
