// The 三清三关 self-check: one per household and CST day; a second one the same day replaces the first (audited).
import type { SelfCheckView } from '../../../typings/household';
import { defineAction } from '../../infra/dispatch';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf } from '../../infra/orgRepo';
import { villagerHousehold } from '../../infra/visitRepo';
import { inTransaction, txGet } from '../../infra/store';
import { cstDay } from '../../domain/time/cst';
import { selfCheckId, selfCheckView, type SelfCheckRecord } from '../../domain/household/selfCheck';
import { selfCheckSchema } from '../../domain/household/schemas';

export const selfCheck = defineAction({
  schema: selfCheckSchema,
  access: ['villager'],
  run: (ctx, input) =>
    idempotent(ctx, 'selfCheck', async (): Promise<SelfCheckView> => {
      const actor = actorOf(ctx);
      const h = await villagerHousehold(ctx, input.householdId);
      const day = cstDay(ctx.now);
      const id = selfCheckId(h._id, day);
      return inTransaction(ctx.db, async (tx) => {
        const before = await txGet<SelfCheckRecord>(tx, 'selfChecks', id);
        const change = { answers: { ...input.answers }, personId: actor.personId, at: ctx.now, updatedAt: ctx.now };
        const after: SelfCheckRecord = before
          ? { ...before, ...change, _id: id }
          : {
              _id: id,
              townshipId: h.townshipId,
              villageId: h.villageId,
              gridId: h.gridId,
              householdId: h._id,
              day,
              ...change,
              createdAt: ctx.now,
            };
        if (before) await tx.collection('selfChecks').doc(id).update({ data: change });
        else await tx.collection('selfChecks').add({ data: { ...after } });
        await writeAudit(tx, ctx, 'household.selfCheck', { collection: 'selfChecks', docId: id, before, after });
        return selfCheckView(after, !!before);
      });
    }),
});
