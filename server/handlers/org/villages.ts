// Villages and communities 村/社区 of a township: the office creates and renames them; everyone lists the ones they may see.
import type { VillageView } from '../../../typings/org';
import { defineAction } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf, requireVillage } from '../../infra/orgRepo';
import { loadVisibility } from '../../infra/orgScope';
import { findAll, findOne, inTransaction } from '../../infra/store';
import { createVillageSchema, listVillagesSchema, updateVillageSchema } from '../../domain/org/schemas';
import type { GridRecord, VillageRecord } from '../../domain/org/records';
import { seesVillage } from '../../domain/org/visibility';

async function refuseDuplicateName(ctx: Parameters<typeof actorOf>[0], name: string, exceptId?: string): Promise<void> {
  const same = await findOne<VillageRecord>(ctx.db, 'villages', { townshipId: actorOf(ctx).townshipId, name });
  if (same && same._id !== exceptId) throw new AppError('CONFLICT', `本镇已有名为“${name}”的村（社区）`, 'name');
}

export const createVillage = defineAction({
  schema: createVillageSchema,
  access: ['office'],
  run: (ctx, input) =>
    idempotent(ctx, 'createVillage', async (): Promise<VillageView> => {
      const actor = actorOf(ctx);
      await refuseDuplicateName(ctx, input.name);
      const record = { townshipId: actor.townshipId, name: input.name, createdAt: ctx.now, updatedAt: ctx.now };
      const id = await inTransaction(ctx.db, async (tx) => {
        const { _id } = await tx.collection('villages').add({ data: record });
        await writeAudit(tx, ctx, 'createVillage', { collection: 'villages', docId: _id, before: null, after: { _id, ...record } });
        return _id;
      });
      return { id, townshipId: actor.townshipId, name: input.name, gridCount: 0, householdCount: 0 };
    }),
});

export const updateVillage = defineAction({
  schema: updateVillageSchema,
  access: ['office'],
  async run(ctx, input) {
    const before = await requireVillage(ctx, input.villageId);
    if (before.name !== input.name) await refuseDuplicateName(ctx, input.name, before._id);
    const after: VillageRecord = { ...before, name: input.name, updatedAt: ctx.now };
    await inTransaction(ctx.db, async (tx) => {
      await tx
        .collection('villages')
        .doc(before._id)
        .update({ data: { name: input.name, updatedAt: ctx.now } });
      await writeAudit(tx, ctx, 'updateVillage', { collection: 'villages', docId: before._id, before, after });
    });
    return { id: after._id, name: after.name };
  },
});

export const listVillages = defineAction({
  schema: listVillagesSchema,
  access: 'member',
  async run(ctx): Promise<VillageView[]> {
    const visibility = await loadVisibility(ctx);
    const townshipId = visibility.townshipId;
    const villages = (await findAll<VillageRecord>(ctx.db, 'villages', { townshipId })).filter((v) => seesVillage(visibility, v._id));
    const grids = await findAll<GridRecord>(ctx.db, 'grids', { townshipId });
    return villages
      .map((v) => {
        const own = grids.filter((g) => g.villageId === v._id);
        return {
          id: v._id,
          townshipId,
          name: v.name,
          gridCount: own.length,
          householdCount: own.reduce((n, g) => n + g.householdCount, 0),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  },
});
