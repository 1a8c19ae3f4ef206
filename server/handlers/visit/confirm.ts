// Two-party visit proof: a villager sees the visits to their own household and confirms that the visitor came.
import { z } from 'zod';
import type { VisitView } from '../../../typings/visit';
import type { Page } from '../../../typings/org';
import { defineAction } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { actorOf } from '../../infra/orgRepo';
import { villagerHousehold } from '../../infra/visitRepo';
import { findByIds, findPage, getById, inTransaction, txGet } from '../../infra/store';
import type { HouseholdRecord, PersonRecord } from '../../domain/org/records';
import type { VisitRecord } from '../../domain/visit/records';
import { confirmVisitSchema, listHouseholdVisitsSchema } from '../../domain/visit/schemas';
import { visitView } from '../../domain/visit/views';
import { pageFields } from '../../domain/common/fields';

export const listHouseholdVisits = defineAction({
  schema: listHouseholdVisitsSchema,
  access: ['villager'],
  async run(ctx, input): Promise<Page<VisitView>> {
    const h = await villagerHousehold(ctx, input.householdId);
    const page = await findPage<VisitRecord>(
      ctx.db,
      'visits',
      { householdId: h._id },
      [
        ['at', 'desc'],
        ['_id', 'asc'],
      ],
      input.page,
      input.pageSize,
    );
    const names = new Map(
      (
        await findByIds<PersonRecord>(
          ctx.db,
          'persons',
          page.items.map((v) => v.visitorPersonId),
        )
      ).map((p) => [p._id, p.name]),
    );
    return {
      items: page.items.map((v) => visitView(v, { address: h.address, visitorName: names.get(v.visitorPersonId) ?? '' })),
      total: page.total,
      page: input.page,
      pageSize: input.pageSize,
    };
  },
});

export const confirmVisit = defineAction({
  schema: confirmVisitSchema,
  access: ['villager'],
  async run(ctx, input): Promise<VisitView> {
    const actor = actorOf(ctx);
    const found = await getById<VisitRecord>(ctx.db, 'visits', input.visitId);
    if (!found || found.townshipId !== actor.townshipId) throw new AppError('NOT_FOUND', '该走访记录不存在', 'visitId');
    if (!actor.grants.some((g) => g.role === 'villager' && g.scopeId === found.householdId))
      throw new AppError('FORBIDDEN', '只能确认到您家的走访');
    const after = await inTransaction(ctx.db, async (tx) => {
      const before = await txGet<VisitRecord>(tx, 'visits', found._id);
      if (!before) throw new AppError('NOT_FOUND', '该走访记录不存在', 'visitId');
      if (before.proofs.includes('villagerConfirm')) return before;
      const patch = { proofs: [...before.proofs, 'villagerConfirm' as const], flaggedNoProof: false };
      await tx.collection('visits').doc(before._id).update({ data: patch });
      const after: VisitRecord = { ...before, ...patch };
      await writeAudit(tx, ctx, 'confirmVisit', { collection: 'visits', docId: before._id, before, after });
      return after;
    });
    const [h, visitor] = await Promise.all([
      getById<HouseholdRecord>(ctx.db, 'households', after.householdId),
      getById<PersonRecord>(ctx.db, 'persons', after.visitorPersonId),
    ]);
    return visitView(after, { address: h?.address ?? '', visitorName: visitor?.name ?? '' });
  },
});

/** "Visits without proof still count but are flagged for the office": the office's list of them, newest first. */
export const listUnprovenVisits = defineAction({
  schema: z.object({ ...pageFields }),
  access: ['office', 'discipline'],
  async run(ctx, input): Promise<Page<VisitView>> {
    const page = await findPage<VisitRecord>(
      ctx.db,
      'visits',
      { townshipId: actorOf(ctx).townshipId, flaggedNoProof: true },
      [['at', 'desc']],
      input.page,
      input.pageSize,
    );
    const households = new Map(
      (
        await findByIds<HouseholdRecord>(
          ctx.db,
          'households',
          page.items.map((v) => v.householdId),
        )
      ).map((h) => [h._id, h]),
    );
    const visitors = new Map(
      (
        await findByIds<PersonRecord>(
          ctx.db,
          'persons',
          page.items.map((v) => v.visitorPersonId),
        )
      ).map((p) => [p._id, p]),
    );
    return {
      page: input.page,
      pageSize: input.pageSize,
      total: page.total,
      items: page.items.map((v) =>
        visitView(v, { address: households.get(v.householdId)?.address ?? '', visitorName: visitors.get(v.visitorPersonId)?.name ?? '' }),
      ),
    };
  },
});
