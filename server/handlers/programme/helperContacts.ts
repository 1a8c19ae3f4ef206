// The one-to-one helper's side of seed 000 ("定期上门帮扶指导独居老人消防安全工作"): the helper's own elderly people with
// whom a contact is due (7 days without one), and recording a contact (上门/电话/微信, a note), which restarts the 7-day
// clock and marks the helper's daily reminders done once nobody of theirs is due any more.
import type { HelperContactRecorded, HelperElderlyPage } from '../../../typings/programme';
import { defineAction, type ActionContext } from '../../infra/dispatch';
import { AppError, notFound } from '../../infra/errors';
import { writeAudit } from '../../infra/audit';
import { idempotent } from '../../infra/idempotency';
import { actorOf, villageNamesOf } from '../../infra/orgRepo';
import { count, findAll, findPage, getById, inTransaction, txGet } from '../../infra/store';
import type { InboxRecord } from '../../domain/inbox/records';
import type { ElderlyRecord } from '../../domain/programme/records';
import { helperReminderCutoff, helperReminderPrefix } from '../../domain/programme/rules';
import { helperElderlyRow } from '../../domain/programme/views';
import { resolveEventTime } from '../../domain/grid/offlineTime';
import { helperElderlySchema, recordHelperContactSchema } from '../../domain/programme/schemas';
import { programmeScope } from './scope';

/** The caller's own elderly people: the entries whose helper account is theirs (any role can be a helper of record). */
const mineWhere = (ctx: ActionContext) => {
  const actor = actorOf(ctx);
  return { townshipId: actor.townshipId, active: true, 'helper.personId': actor.personId };
};

export const helperElderly = defineAction({
  schema: helperElderlySchema,
  access: 'member',
  async run(ctx, input): Promise<HelperElderlyPage> {
    const where = mineWhere(ctx);
    // the longest without a contact first: whoever is due heads the list
    const page = await findPage<ElderlyRecord>(
      ctx.db,
      'elderly',
      where,
      [
        ['lastHelperContactAt', 'asc'],
        ['_id', 'asc'],
      ],
      input.page,
      input.pageSize,
    );
    const due = await count(ctx.db, 'elderly', { ...where, lastHelperContactAt: ctx.db.command.lte(helperReminderCutoff(ctx.now)) });
    const villages = await villageNamesOf(
      ctx,
      page.items.map((e) => e.villageId),
    );
    return { items: page.items.map((e) => helperElderlyRow(e, villages.get(e.villageId) ?? '', ctx.now)), total: page.total, due };
  },
});

/** The entry, if the caller is its one-to-one helper; the office and the village see it exists but may not record for the helper. */
async function assignedToMe(ctx: ActionContext, elderlyId: string): Promise<ElderlyRecord> {
  const actor = actorOf(ctx);
  const e = await getById<ElderlyRecord>(ctx.db, 'elderly', elderlyId);
  if (!e || e.townshipId !== actor.townshipId) throw notFound('该独居老人登记');
  if (e.helper.personId !== actor.personId) {
    const scope = programmeScope(ctx);
    if (scope.all || scope.villageIds.includes(e.villageId))
      throw new AppError('FORBIDDEN', `只有${e.name}的“一对一”帮扶人${e.helper.name}本人才能记录帮扶联系`, 'elderlyId');
    throw notFound('该独居老人登记');
  }
  if (!e.active) throw new AppError('NOT_FOUND', `${e.name}已销册，无需再记录帮扶联系`, 'elderlyId');
  return e;
}

/** Once none of the helper's elderly people is due, their unread 7-day reminders are marked done; returns how many. */
async function clearReminders(ctx: ActionContext, personId: string): Promise<number> {
  const _ = ctx.db.command;
  const stillDue = await count(ctx.db, 'elderly', {
    active: true,
    'helper.personId': personId,
    lastHelperContactAt: _.lte(helperReminderCutoff(ctx.now)),
  });
  if (stillDue) return 0;
  const prefix = helperReminderPrefix(personId);
  const ids = (await findAll<InboxRecord>(ctx.db, 'inbox', { personId, readAt: null, kind: 'reminder' }))
    .map((i) => i._id)
    .filter((id) => id.startsWith(prefix));
  if (!ids.length) return 0;
  const res = (await ctx.db
    .collection('inbox')
    .where({ personId, readAt: null, _id: _.in(ids) })
    .update({ data: { readAt: ctx.now } })) as { stats?: { updated?: number } };
  return res.stats?.updated ?? 0;
}

export const recordHelperContact = defineAction({
  schema: recordHelperContactSchema,
  access: 'member',
  run: (ctx, input) =>
    idempotent(ctx, 'recordHelperContact', async (): Promise<HelperContactRecorded> => {
      const e = await assignedToMe(ctx, input.elderlyId);
      const time = resolveEventTime(ctx.now, input.deviceTime);
      if (!time.ok) throw new AppError(time.code, time.message, 'deviceTime');
      await inTransaction(ctx.db, async (tx) => {
        const current = await txGet<ElderlyRecord>(tx, 'elderly', e._id);
        if (!current) throw notFound('该独居老人登记');
        // an offline contact that arrives after a later one counts, but does not move the clock back
        const latest = time.at.getTime() >= new Date(current.lastHelperContactAt).getTime();
        const contact = { method: input.method, note: input.note, at: time.at, offline: time.offline };
        const data = {
          ...(latest ? { lastHelperContactAt: time.at, lastHelperContact: contact } : {}),
          helperContacts: (current.helperContacts ?? 0) + 1,
          updatedAt: ctx.now,
        };
        await tx.collection('elderly').doc(e._id).update({ data });
        await writeAudit(tx, ctx, 'recordHelperContact', {
          collection: 'elderly',
          docId: e._id,
          before: { lastHelperContactAt: current.lastHelperContactAt, helperContacts: current.helperContacts },
          after: { ...data, contact },
        });
      });
      const remindersCleared = await clearReminders(ctx, e.helper.personId!);
      return { elderlyId: e._id, at: time.at.toISOString(), offline: time.offline, remindersCleared };
    }),
});
