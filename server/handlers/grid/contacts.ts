// The grid leader confirms this week's contact with a household (WeChat, phone or in person): one record per week and
// household, a second confirmation in the same week replaces the first (audited), a retried submission returns the first result.
import type { ContactConfirmation } from '../../../typings/grid';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, notFound } from '../../infra/errors';
import { auditRecord } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf } from '../../infra/orgRepo';
import type { HouseholdRecord } from '../../domain/org/records';
import { CONFLICT_MESSAGE, TX_ATTEMPTS, conflictBackoffMs, getById } from '../../infra/store';
import { isoWeekOf } from '../../domain/time/cst';
import { leadsGrid } from '../../domain/grid/access';
import { resolveEventTime } from '../../domain/grid/offlineTime';
import { weeklyContactId, type WeeklyContactRecord } from '../../domain/grid/records';
import { confirmContactSchema } from '../../domain/grid/schemas';

/**
 * The household and its contact records of the weeks the confirmation can fall in (the week of the device time and
 * of now: an offline confirmation may belong to last week), read by one aggregation.
 */
async function householdAndContact(
  ctx: ActionContext,
  householdId: string,
  deviceTime: Date | undefined,
): Promise<{ household: HouseholdRecord; existing: Map<string, WeeklyContactRecord> }> {
  const $ = ctx.db.command.aggregate;
  const ids = [
    ...new Set([ctx.now, ...(deviceTime ? [new Date(deviceTime)] : [])].map((t) => weeklyContactId(isoWeekOf(t).key, householdId))),
  ];
  let q = ctx.db.collection('households').aggregate().match({ _id: householdId }).limit(1);
  ids.forEach((id, i) => {
    q = q
      .addFields({ [`nwContactId${i}`]: $.literal(id) })
      .lookup({ from: 'weeklyContacts', localField: `nwContactId${i}`, foreignField: '_id', as: `nwContacts${i}` });
  });
  const res = (await q.end()) as { list: (HouseholdRecord & Record<string, unknown>)[] };
  const row = res.list[0];
  if (!row || row.townshipId !== actorOf(ctx).townshipId) throw notFound('该农户');
  const existing = new Map<string, WeeklyContactRecord>();
  const household: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k.startsWith('nwContacts')) for (const c of v as WeeklyContactRecord[]) existing.set(c._id, c);
    else if (!k.startsWith('nwContactId')) household[k] = v;
  }
  return { household: household as unknown as HouseholdRecord, existing };
}

export const confirmContact = defineAction({
  schema: confirmContactSchema,
  access: ['gridLeader'],
  run: (ctx, input) =>
    idempotent(ctx, 'confirmContact', async (): Promise<ContactConfirmation> => {
      const actor = actorOf(ctx);
      const { household, existing } = await householdAndContact(ctx, input.householdId, input.deviceTime);
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
      // one conditional write (an insert under the deterministic id, or an update of the record as read), then its
      // audit record, as cases and hazards move: a lost race re-reads and writes again
      let before: WeeklyContactRecord | null = existing.get(id) ?? null;
      for (let attempt = 0; ; attempt++) {
        const after: WeeklyContactRecord = { _id: id, ...change, createdAt: before?.createdAt ?? ctx.now };
        let written = false;
        if (before) {
          const res = (await ctx.db
            .collection('weeklyContacts')
            .where({ _id: id, updatedAt: before.updatedAt })
            .update({ data: { ...change } })) as { stats?: { updated?: number } };
          written = !!res.stats?.updated;
        } else {
          try {
            await ctx.db.collection('weeklyContacts').add({ data: { ...after } });
            written = true;
          } catch (err) {
            if (
              !/DUPLICATE|duplicate/.test(
                `${String((err as { errCode?: unknown })?.errCode ?? '')} ${String((err as { message?: unknown })?.message ?? '')} ${String((err as { errMsg?: unknown })?.errMsg ?? '')}`,
              )
            )
              throw err;
          }
        }
        if (written) {
          await ctx.db
            .collection('audit')
            .add({ data: { ...auditRecord(ctx, 'grid.confirmContact', { collection: 'weeklyContacts', docId: id, before, after }) } });
          break;
        }
        if (attempt + 1 >= TX_ATTEMPTS) throw new AppError('CONFLICT', CONFLICT_MESSAGE);
        await new Promise<void>((resolve) => setTimeout(resolve, conflictBackoffMs(attempt)));
        before = await getById<WeeklyContactRecord>(ctx.db, 'weeklyContacts', id);
      }
      const replaced = !!before;
      return {
        weekKey,
        householdId: household._id,
        method: input.method,
        note: input.note,
        at: time.at.toISOString(),
        offline: time.offline,
        replaced,
      };
    }),
});
