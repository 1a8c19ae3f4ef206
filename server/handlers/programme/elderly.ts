// The elderly-living-alone registry of seed 000: "对辖区内独居老人进行排查摸底，登记造册，建立监管清单，动态更新".
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, notFound } from '../../infra/errors';
import { actorOf, requireHousehold, requirePerson, requireVillage, villageNamesOf } from '../../infra/orgRepo';
import { findPage, getById, inTransaction, txGet, withoutId } from '../../infra/store';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { newDocId } from '../../infra/visitRepo';
import type { VillageRecord } from '../../domain/org/records';
import type { ElderlyRecord } from '../../domain/programme/records';
import { elderlyAgeRefusal } from '../../domain/programme/rules';
import { elderlyView } from '../../domain/programme/views';
import { addElderlySchema, listElderlySchema, setElderlyActiveSchema, updateElderlySchema } from '../../domain/programme/schemas';
import type { ElderlyPage, ElderlyEntryView } from '../../../typings/programme';
import { countsOf } from './elderlyFacts';
import { elderlyWhere, programmeScope, requireKeeper } from './scope';

function checkAge(age: number): void {
  const refusal = elderlyAgeRefusal(age);
  if (refusal) throw new AppError('AGE_UNDER_60', refusal, 'age');
}

async function checkHousehold(ctx: ActionContext, householdId: string | null, villageId: string): Promise<void> {
  if (!householdId) return;
  const h = await requireHousehold(ctx, householdId);
  if (h.villageId !== villageId) throw new AppError('INVALID_INPUT', '所选农户不在该村（社区）', 'householdId');
}

async function checkHelperAccount(ctx: ActionContext, personId: string | null): Promise<void> {
  if (personId) await requirePerson(ctx, personId);
}

async function viewOf(ctx: ActionContext, e: ElderlyRecord): Promise<ElderlyEntryView> {
  const village = await getById<VillageRecord>(ctx.db, 'villages', e.villageId);
  const counts = await countsOf(ctx.db, [e], ctx.now);
  return elderlyView(e, village?.name ?? '', counts.get(e._id)!, ctx.now);
}

export const addElderly = defineAction({
  schema: addElderlySchema,
  access: ['office', 'liaison'],
  run: (ctx, input) =>
    idempotent(ctx, 'addElderly', async () => {
      const scope = programmeScope(ctx);
      requireKeeper(scope, input.villageId);
      checkAge(input.age);
      await requireVillage(ctx, input.villageId);
      await checkHousehold(ctx, input.householdId, input.villageId);
      await checkHelperAccount(ctx, input.helper.personId);
      const record: ElderlyRecord = {
        _id: newDocId(),
        townshipId: scope.townshipId,
        ...input,
        lastHelperContactAt: ctx.now,
        helperContacts: 0,
        active: true,
        createdBy: actorOf(ctx).personId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      };
      await inTransaction(ctx.db, async (tx) => {
        await tx
          .collection('elderly')
          .doc(record._id)
          .set({ data: withoutId(record) });
        await writeAudit(tx, ctx, 'addElderly', { collection: 'elderly', docId: record._id, before: null, after: record });
      });
      return viewOf(ctx, record);
    }),
});

async function readable(ctx: ActionContext, elderlyId: string): Promise<ElderlyRecord> {
  const scope = programmeScope(ctx);
  const e = await getById<ElderlyRecord>(ctx.db, 'elderly', elderlyId);
  const mine =
    e &&
    e.townshipId === scope.townshipId &&
    (scope.all || scope.villageIds.includes(e.villageId) || (scope.helperPersonId !== null && e.helper.personId === scope.helperPersonId));
  if (!e || !mine) throw notFound('该独居老人登记');
  return e;
}

export const updateElderly = defineAction({
  schema: updateElderlySchema,
  access: ['office', 'liaison'],
  run: (ctx, input) =>
    idempotent(ctx, 'updateElderly', async () => {
      const before = await readable(ctx, input.elderlyId);
      requireKeeper(programmeScope(ctx), before.villageId);
      const { elderlyId, ...changes } = input;
      if (changes.age !== undefined) checkAge(changes.age);
      if (changes.householdId !== undefined) await checkHousehold(ctx, changes.householdId, before.villageId);
      if (changes.helper) await checkHelperAccount(ctx, changes.helper.personId);
      const patch = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const after = await inTransaction(ctx.db, async (tx) => {
        const current = await txGet<ElderlyRecord>(tx, 'elderly', elderlyId);
        if (!current) throw notFound('该独居老人登记');
        const next: ElderlyRecord = { ...current, _id: elderlyId, ...patch, updatedAt: ctx.now };
        await tx
          .collection('elderly')
          .doc(elderlyId)
          .update({ data: { ...patch, updatedAt: ctx.now } });
        await writeAudit(tx, ctx, 'updateElderly', { collection: 'elderly', docId: elderlyId, before: current, after: next });
        return next;
      });
      return viewOf(ctx, after);
    }),
});

/** "动态更新": an entry leaves the registry (销册) with its reason and is kept; the helper reminders stop. It may come back. */
export const setElderlyActive = defineAction({
  schema: setElderlyActiveSchema,
  access: ['office', 'liaison'],
  run: (ctx, input) =>
    idempotent(ctx, 'setElderlyActive', async () => {
      const seen = await readable(ctx, input.elderlyId);
      requireKeeper(programmeScope(ctx), seen.villageId);
      const after = await inTransaction(ctx.db, async (tx) => {
        const current = await txGet<ElderlyRecord>(tx, 'elderly', seen._id);
        if (!current) throw notFound('该独居老人登记');
        if (current.active === input.active)
          throw new AppError('CONFLICT', input.active ? '该老人已在册，无需恢复' : '该老人已销册', 'active');
        // back on the registry, the 7-day helper clock starts again from today
        const patch = input.active
          ? { active: true, inactiveReason: null, inactiveSince: null, lastHelperContactAt: ctx.now, updatedAt: ctx.now }
          : { active: false, inactiveReason: input.reason, inactiveSince: ctx.now, updatedAt: ctx.now };
        const next: ElderlyRecord = { ...current, _id: seen._id, ...patch };
        await tx.collection('elderly').doc(seen._id).update({ data: patch });
        await writeAudit(tx, ctx, input.active ? 'restoreElderly' : 'deactivateElderly', {
          collection: 'elderly',
          docId: seen._id,
          before: current,
          after: next,
          reason: input.reason,
        });
        return next;
      });
      return viewOf(ctx, after);
    }),
});

export const listElderly = defineAction({
  schema: listElderlySchema,
  access: ['office', 'liaison', 'helper'],
  async run(ctx, input): Promise<ElderlyPage> {
    const scope = programmeScope(ctx);
    const where = elderlyWhere(ctx, scope, input.villageId);
    const page = await findPage<ElderlyRecord>(
      ctx.db,
      'elderly',
      input.includeInactive ? where : ctx.db.command.and([where, { active: true }]),
      [
        ['villageId', 'asc'],
        ['_id', 'asc'],
      ],
      input.page,
      input.pageSize,
    );
    const villages = await villageNamesOf(
      ctx,
      page.items.map((e) => e.villageId),
    );
    const counts = await countsOf(ctx.db, page.items, ctx.now);
    return {
      items: page.items.map((e) => elderlyView(e, villages.get(e.villageId) ?? '', counts.get(e._id)!, ctx.now)),
      total: page.total,
      canEdit: scope.all || scope.villageIds.length > 0,
    };
  },
});
