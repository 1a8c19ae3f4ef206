// The 三清三关 self-check: one per household and CST day; a second one the same day replaces the first (audited). An item
// answered "没做到" is told to the household's grid leader in their inbox, once per household, item and week.
import type { SelfCheckKey, SelfCheckResult } from '../../../typings/household';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf, gridLeadersOf } from '../../infra/orgRepo';
import { deliver } from '../../infra/inbox';
import type { HouseholdRecord } from '../../domain/org/records';
import { villagerHousehold } from '../../infra/visitRepo';
import { inTransaction, txGet } from '../../infra/store';
import { cstDay, isoWeekOf } from '../../domain/time/cst';
import { selfCheckId, selfCheckNoticeBody, selfCheckNoticeId, selfCheckView, type SelfCheckRecord } from '../../domain/household/selfCheck';
import { selfCheckSchema } from '../../domain/household/schemas';

export const selfCheck = defineAction({
  schema: selfCheckSchema,
  access: ['villager'],
  run: (ctx, input) =>
    idempotent(ctx, 'selfCheck', async (): Promise<SelfCheckResult> => {
      const actor = actorOf(ctx);
      const h = await villagerHousehold(ctx, input.householdId);
      const day = cstDay(ctx.now);
      const id = selfCheckId(h._id, day);
      const view = await inTransaction(ctx.db, async (tx) => {
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
      return { ...view, leaderNames: await tellLeaders(ctx, h, view.open, actor.personId) };
    }),
});

/** Each item not done goes to the grid's leaders (not to the villager themself, should they lead the grid); their names. */
async function tellLeaders(ctx: ActionContext, h: HouseholdRecord, open: readonly SelfCheckKey[], selfId: string): Promise<string[]> {
  if (!open.length) return [];
  const leaders = (await gridLeadersOf(ctx, h.townshipId, h.gridId)).filter((p) => p._id !== selfId);
  const weekKey = isoWeekOf(ctx.now).key;
  for (const leader of leaders)
    for (const item of open)
      await deliver(ctx.db, {
        _id: selfCheckNoticeId(weekKey, h._id, item, leader._id),
        townshipId: h.townshipId,
        personId: leader._id,
        kind: 'hazard',
        title: '三清三关自查：有一项没做到',
        body: selfCheckNoticeBody(h, item),
        link: '/packages/leader/board/index',
        createdAt: ctx.now,
      });
  return leaders.map((p) => p.name);
}
