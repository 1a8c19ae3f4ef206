// The grid leader confirms this week's contact with a household (WeChat, phone or in person): one record per week and
// household, a second confirmation in the same week replaces the first (audited), a retried submission returns the first result.
import type { ContactConfirmation } from '../../../typings/grid';
import { defineAction } from '../../infra/dispatch';
import { AppError } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf, requireHousehold } from '../../infra/orgRepo';
import { inTransaction, txGet } from '../../infra/store';
import { isoWeekOf } from '../../domain/time/cst';
import { leadsGrid } from '../../domain/grid/access';
import { resolveEventTime } from '../../domain/grid/offlineTime';
import { weeklyContactId, type WeeklyContactRecord } from '../../domain/grid/records';
import { confirmContactSchema } from '../../domain/grid/schemas';

export const confirmContact = defineAction({
  schema: confirmContactSchema,
  access: ['gridLeader'],
  run: (ctx, input) =>
    idempotent(ctx, 'confirmContact', async (): Promise<ContactConfirmation> => {
      const actor = actorOf(ctx);
      const household = await requireHousehold(ctx, input.householdId);
      if (!leadsGrid(actor.grants, household.gridId)) throw new AppError('NOT_IN_RANGE', '该农户不在您负责的微网格内', 'householdId');
      if (!household.active) throw new AppError('HOUSEHOLD_INACTIVE', '该农户已迁出，无需联络', 'householdId');
      const time = resolveEventTime(ctx.now, input.deviceTime);
      if (!time.ok) throw new AppError(time.code, time.message, 'deviceTime');
      const weekKey = isoWeekOf(time.at).key;
      const id = weeklyContactId(weekKey, household._id);
      const change = {
        townshipId: household.townshipId,
        villageId: household.villageId,
        gridId: household.gridId,
        householdId: household._id,
        weekKey,
        method: input.method,
        note: input.note,
        at: time.at,
        receivedAt: ctx.now,
        offline: time.offline,
        confirmedBy: actor.personId,
        updatedAt: ctx.now,
      };
      const replaced = await inTransaction(ctx.db, async (tx) => {
        const before = await txGet<WeeklyContactRecord>(tx, 'weeklyContacts', id);
        const after: WeeklyContactRecord = { _id: id, ...change, createdAt: before?.createdAt ?? ctx.now };
        if (before) await tx.collection('weeklyContacts').doc(id).update({ data: change });
        else await tx.collection('weeklyContacts').add({ data: { ...after } });
        await writeAudit(tx, ctx, 'grid.confirmContact', { collection: 'weeklyContacts', docId: id, before, after });
        return !!before;
      });
      return { weekKey, householdId: household._id, method: input.method, note: input.note, at: time.at.toISOString(), offline: time.offline, replaced };
    }),
});
